/**
 * A name the document defines as a value (`h = \sigma(w x + b)`) is that
 * value, so `h(1 - y)` written after it is h times (1 - y), not an
 * application of an unknown function h (src/expr/abstract-function.ts).
 *
 *     valueHeadsAsProducts(parseLatex('h(1 - y)'), new Set(['h']))   // h*(1 - y)
 */
import { mul, sym } from '../expr/build.js';
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
 * f'(a), f''(a) where the document defines f(x) = …: the derivative of the
 * definition (by the engine; the judge re-checks what it substitutes) at a.
 * Left as it is when the engine cannot finish it.
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
    let v = fn.value;
    for (let k = 0; k < head.order; k++) {
      const d = differentiate(engine, v, [fn.param], { maxSteps: 600, maxMs: 150 });
      if (d.stop !== 'normal-form') return x;
      v = d.result;
    }
    return substitute(v, new Map([[symKey(fn.param), x.args[0] as Expr]]));
  });
}
