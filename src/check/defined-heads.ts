/**
 * A name the document defines as a value (`h = \sigma(w x + b)`) is that
 * value, so `h(1 - y)` written after it is h times (1 - y), not an
 * application of an unknown function h (src/expr/abstract-function.ts).
 *
 *     valueHeadsAsProducts(parseLatex('h(1 - y)'), new Set(['h']))   // h*(1 - y)
 */
import { deriv, mul, sym } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { distrust, verifyDerivation } from '../proof/verify.js';
import type { Expr, Sym } from '../expr/node.js';
import { differentiate } from '../derive/differentiate.js';
import type { Engine } from '../rewrite/engine.js';
import { abstractHead } from '../expr/abstract-function.js';
import { symKey } from '../expr/sym-key.js';
import { mapBottomUp } from '../expr/traverse.js';

export function valueHeadsAsProducts(e: Expr, defined: ReadonlySet<string>): Expr {
  if (defined.size === 0) return e;
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'call' || x.args.length !== 1 || abstractHead(x.fn)?.order !== 0) return x;
    const s = sym(x.fn);
    return defined.has(symKey(s)) ? mul(s, x.args[0] as Expr) : x;
  });
}

/**
 * The order-th derivative of a function given by its value in `param`
 * (f(x) = x^2, or \sigma(t) for \sigma'), by the engine and checked the way
 * `gradtex diff` checks its own derivations (src/proof/verify.ts): undefined
 * when the engine cannot finish it or its check does not pass, so a wrong
 * derivative is never substituted.
 *
 *     derivativeFunction(engine, parseLatex('x^2'), x, 1)   // 2*x
 */
export function derivativeFunction(engine: Engine, value: Expr, param: Sym, order: number): Expr | undefined {
  // A document uses the same head's derivative on many lines: computed and checked once per engine.
  let memo = DERIVATIVES.get(engine);
  if (memo === undefined) DERIVATIVES.set(engine, (memo = new Map()));
  const key = `${value.hash}|${param.hash}|${order}`;
  const bucket = memo.get(key) ?? [];
  // Hashes may collide: an entry is used only for the same value and parameter.
  const known = bucket.find((m) => equal(m.value, value) && equal(m.param, param));
  if (known !== undefined) return known.derivative;
  const derivative = checkedDerivative(engine, value, param, order);
  memo.set(key, [...bucket, { value, param, derivative }]);
  return derivative;
}

const DERIVATIVES = new WeakMap<Engine, Map<string, { value: Expr; param: Sym; derivative: Expr | undefined }[]>>();

function checkedDerivative(engine: Engine, value: Expr, param: Sym, order: number): Expr | undefined {
  let v = value;
  for (let k = 0; k < order; k++) {
    const d = differentiate(engine, v, [param], { maxSteps: 600, maxMs: 150 });
    if (d.stop !== 'normal-form') return undefined;
    const start = deriv(v, param);
    const sampled = verifyDerivation(d, start, { symbolic: false });
    if (distrust(sampled.verdict === 'undecided' ? verifyDerivation(d, start) : sampled) !== undefined) return undefined;
    v = d.result;
  }
  return v;
}

/**
 * f'(a), f''(a) where the document defines f(x) = …: the derivative of the
 * definition (derivativeFunction) at a. Left as it is when the engine cannot
 * finish it.
 *
 *     f(x) = x^2 defined:  f'(3)  ->  2*3
 */
export function primedHeads(e: Expr, fns: ReadonlyMap<string, { param: Sym; value: Expr }>, engine: Engine, substitute: (e: Expr, values: ReadonlyMap<string, Expr>) => Expr): Expr {
  if (fns.size === 0) return e;
  return mapBottomUp(e, (x) => {
    const head = x.kind === 'call' && x.args.length === 1 ? abstractHead(x.fn) : undefined;
    if (x.kind !== 'call' || head === undefined || head.order === 0) return x;
    const fn = fns.get(symKey(sym(head.name)));
    if (fn === undefined) return x;
    const v = derivativeFunction(engine, fn.value, fn.param, head.order);
    return v === undefined ? x : substitute(v, new Map([[symKey(fn.param), x.args[0] as Expr]]));
  });
}
