/**
 * Running error analysis: a value together with a bound on its rounding
 * error. A point where two sides differ is only a counterexample when the
 * difference exceeds what floating point could have produced:
 * e1 (e1 + e2) - e1^2 at z1 = 20, z2 = -20 loses all digits to cancellation
 * (the terms are 2e17, the result 1), while the expanded e1 e2 is exact.
 * Used only to re-examine a disagreeing point, so the fast path stays fast.
 * (First-order bounds as in Higham, Accuracy and Stability of Numerical
 * Algorithms, ch. 3: each operation adds eps times its result.)
 */
import { CONSTANTS, lookupFunction } from '../expr/functions.js';
import { abstractHead, abstractReal } from '../expr/abstract-function.js';
import { FLOAT_OPS } from './float-ops.js';
import type { Expr } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children } from '../expr/traverse.js';
import { BOUNDED_OPS, type Bounded } from './bounded-ops.js';
import { evaluateReal } from './real-evaluate.js';

const EPS = Number.EPSILON;
/**
 * Each operation's absolute rounding error below the normal range: a result
 * that underflows (gradually, or to 0) is off by up to half the smallest
 * subnormal, whatever its size. Without this term e^(-543)^2 e^543 e^543,
 * which evaluates to 0 instead of 1, would look exact.
 */
const TINY = Number.MIN_VALUE;

export type { Bounded } from './bounded-ops.js';

/** |f'(x)|, for propagating an input error through a function: the table's slope, else Lipschitz constant 1 (FunctionSpec.slope). */
function slope(fn: string, x: number, fx: number): number {
  return lookupFunction(fn)?.slope?.(x, fx) ?? 1;
}

/** Evaluate e at the point given by `env` (symKey -> value) with an error bound. */
export function evaluateBounded(e: Expr, env: ReadonlyMap<string, number>): Bounded {
  const go = (x: Expr): Bounded => evaluateBounded(x, env);
  switch (e.kind) {
    case 'num': {
      const v = Number(e.n) / Number(e.d);
      return { value: v, error: e.d === 1n && Math.abs(v) < 2 ** 53 ? 0 : EPS * Math.abs(v) };
    }
    case 'float':
      return { value: e.value, error: EPS * Math.abs(e.value) };
    case 'sym': {
      const k = symKey(e);
      const v = env.get(k) ?? CONSTANTS.get(k) ?? NaN;
      return { value: v, error: 0 };
    }
    case 'add': {
      let value = 0;
      let error = 0;
      let magnitude = 0;
      for (const a of e.args) {
        const b = go(a);
        value += b.value;
        error += b.error;
        magnitude += Math.abs(b.value);
      }
      return { value, error: error + EPS * magnitude + TINY };
    }
    case 'mul': {
      // First order: the error of factor i times the product of the others
      // (prefix and suffix products, so a factor of 0 does not hide the rest).
      const fs = e.args.map(go);
      const n = fs.length;
      const suffix = new Float64Array(n + 1);
      suffix[n] = 1;
      for (let i = n - 1; i >= 0; i--) suffix[i] = (suffix[i + 1] as number) * Math.abs((fs[i] as Bounded).value);
      let value = 1;
      let prefix = 1;
      let error = 0;
      for (let i = 0; i < n; i++) {
        const b = fs[i] as Bounded;
        error += b.error * prefix * (suffix[i + 1] as number);
        prefix *= Math.abs(b.value);
        value *= b.value;
      }
      return { value, error: error + EPS * Math.abs(value) * n + TINY };
    }
    case 'div': {
      const n = go(e.num);
      const d = go(e.den);
      const value = n.value / d.value;
      const rel = (n.value === 0 ? 0 : n.error / Math.abs(n.value)) + d.error / Math.abs(d.value);
      return { value, error: Math.abs(value) * (rel + EPS) + (n.value === 0 ? n.error / Math.abs(d.value) : 0) + TINY };
    }
    case 'pow': {
      const b = go(e.base);
      const k = go(e.exp);
      const value = Math.pow(b.value, k.value);
      const rel = (b.value === 0 ? 0 : (Math.abs(k.value) * b.error) / Math.abs(b.value)) + Math.abs(Math.log(Math.abs(b.value)) * k.error);
      // A base that underflowed to 0 still carries its absolute error: |k| |b|^(k-1) err.
      const fromZero = b.value === 0 && k.value > 0 ? Math.abs(k.value) * Math.pow(b.error, Math.min(k.value, 1)) : 0;
      return { value, error: Math.abs(value) * (rel + 2 * EPS) + fromZero + TINY };
    }
    case 'neg': {
      const a = go(e.arg);
      return { value: -a.value, error: a.error };
    }
    case 'call': {
      const spec = lookupFunction(e.fn);
      const args = e.args.map(go);
      const head = spec === undefined && args.length === 1 ? abstractHead(e.fn) : undefined;
      const first = args[0] ?? { value: NaN, error: 0 };
      const value = head !== undefined ? abstractReal(FLOAT_OPS, head.name, head.order, first.value) : spec === undefined ? NaN : spec.evaluate(args.map((a) => a.value));
      // An unknown function's stand-in has a known slope: its next derivative, bounded over the input's error.
      const fnSlope = head !== undefined ? Math.abs(abstractReal(FLOAT_OPS, head.name, head.order + 1, first.value)) + 1 : slope(e.fn, first.value, value);
      const propagated = args.reduce((s, a) => s + a.error, 0) * fnSlope;
      return { value, error: propagated + 2 * EPS * Math.abs(value) + TINY };
    }
    case 'deriv': {
      // By automatic differentiation, as the checker evaluates it (the same
      // operations in the same order, so the value is the checker's).
      // Jets over bounded doubles: every Taylor coefficient carries its own bound.
      const at = new Map<string, Bounded>();
      for (const [k, v] of env) at.set(k, { value: v, error: 0 });
      return evaluateReal(e, BOUNDED_OPS, at);
    }
  }
}

/**
 * How far apart rounding alone could put two evaluations of lhs and rhs at
 * `env` that came out as a and b: 8 times the sum of their error bounds
 * (first-order bounds, so with a margin), plus any distance between a, b
 * and the values the bounded evaluation itself computed (it may order or
 * spell an operation differently). Indexed expressions (sums, z_k) are
 * bounded through jets of bounded doubles (bounded-ops.ts).
 *
 *     roundingSlack([l, r], new Map([['x', 20]]), 1, 0, false)   // large when l is e^x (e^x + 1) - e^(2x)
 */
export function roundingSlack(sides: readonly [Expr, Expr], env: ReadonlyMap<string, number>, a: number, b: number, indexed: boolean): number {
  const bound = (e: Expr): Bounded => {
    if (!indexed) return evaluateBounded(e, env);
    const at = new Map<string, Bounded>();
    for (const [k, v] of env) at.set(k, { value: v, error: 0 });
    return evaluateReal(e, BOUNDED_OPS, at, { indexed: true });
  };
  const l = bound(sides[0]);
  const r = sides[1] === sides[0] ? l : bound(sides[1]);
  const drift = Math.abs(l.value - a) + Math.abs(r.value - b);
  const slack = 8 * (l.error + r.error) + drift;
  return Number.isNaN(slack) ? Infinity : slack;
}
