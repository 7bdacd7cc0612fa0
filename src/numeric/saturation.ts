/**
 * Saturation: points where doubles have flattened a function onto its
 * asymptote or absorbed a term whole, so that two different sides evaluate
 * to the same double. For x > 40, σ(x) is 1 and log(1 + e^x) is x in
 * doubles, and tanh²(z) is 1 for z > 30: σ(x) = 1 "agreed" at every sampled
 * point although σ(x) < 1 everywhere. At such a point the sides are worth a
 * high-precision look (referee.ts), with as many digits as the saturation
 * hides (σ(x) at x = 1000 hides e^(−1000), 435 decimal orders).
 *
 *     const sat = saturationProbe([parsePlain('sigma(x)'), parsePlain('1')], [x], false);
 *     sat?.(Float64Array.of(45))   // 20 (decimal orders hidden), undefined at x = 0.5
 */
import { lookupFunction } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';
import { EvaluationError } from './evaluation-error.js';
import { FLOAT_OPS } from './float-ops.js';
import { evaluateReal } from './real-evaluate.js';

/** Functions with a horizontal asymptote (±1 or 0) that doubles reach at a finite argument; how many decimal orders per unit of argument. */
const BOUNDED: Readonly<Record<string, (a: number) => number>> = {
  sigma: (a) => Math.abs(a) / Math.LN10,
  tanh: (a) => (2 * Math.abs(a)) / Math.LN10,
  erf: (a) => (a * a) / Math.LN10,
  normcdf: (a) => (a * a) / (2 * Math.LN10),
};
/** Functions that underflow to 0 or grow past every other term: exp, and those built on it. */
const EXPONENTIAL = new Set(['exp', 'softplus', 'normpdf', 'cosh', 'sinh', 'elu', 'gelu']);

/** Subterms worth watching: calls of the functions above, and sums holding one (1 + e^x absorbs the 1). */
function watched(sides: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<number>();
  const visit = (e: Expr): void => {
    if (e.kind === 'deriv') return;
    if (e.kind === 'call' && lookupFunction(e.fn)?.binds !== undefined) return;
    const exponential = (x: Expr): boolean => (x.kind === 'call' && (EXPONENTIAL.has(x.fn) || x.fn in BOUNDED)) || (x.kind === 'pow' && x.base.kind === 'sym' && x.base.name === 'e');
    if (!seen.has(e.hash) && ((e.kind === 'call' && (e.fn in BOUNDED || EXPONENTIAL.has(e.fn))) || (e.kind === 'add' && some(e, exponential)))) {
      seen.add(e.hash);
      out.push(e);
    }
    children(e).forEach(visit);
  };
  sides.forEach(visit);
  return out.slice(0, 16);
}

/**
 * A probe for the sides over `vars`: at a point, the decimal orders that
 * doubles hide there (a positive number), or undefined when nothing
 * saturates. Undefined as a probe when the sides hold nothing that can
 * saturate (no exponential or bounded function), so ordinary checks pay nothing.
 */
export function saturationProbe(sides: readonly Expr[], vars: readonly Sym[], indexed: boolean): ((p: ArrayLike<number>) => number | undefined) | undefined {
  if (indexed) return undefined;
  const terms = watched(sides);
  if (terms.length === 0) return undefined;
  const keys = vars.map(symKey);
  const value = (e: Expr, env: ReadonlyMap<string, number>): number => {
    try {
      return evaluateReal(e, FLOAT_OPS, env);
    } catch (err) {
      if (err instanceof EvaluationError) return NaN;
      throw err;
    }
  };
  return (p) => {
    const env = new Map(keys.map((k, i) => [k, p[i] as number]));
    let orders = 0;
    for (const t of terms) {
      if (t.kind === 'call') {
        const a = value(t.args[0] as Expr, env);
        const v = value(t, env);
        if (!Number.isFinite(a) || a === 0 || Number.isNaN(v)) continue;
        const bounded = BOUNDED[t.fn];
        // On its asymptote in doubles: σ(45) = 1, tanh(20) = 1, erf(7) = 1, Φ(−40) = 0.
        if (bounded !== undefined && (Math.abs(v) === 1 || v === 0)) orders = Math.max(orders, bounded(a));
        // Underflow (e^(−800) = 0, softplus(−800) = 0) or a value that swallowed its correction (softplus(40) = 40).
        if (EXPONENTIAL.has(t.fn) && (v === 0 || (t.fn !== 'exp' && Math.abs(a) > 30 && (v === a || v === -1 || v === 0)))) orders = Math.max(orders, Math.abs(a) / Math.LN10);
      } else if (t.kind === 'add') {
        const vs = t.args.map((x) => value(x, env));
        if (!vs.every(Number.isFinite)) continue;
        const big = Math.max(...vs.map(Math.abs));
        // A nonzero term below the last bit of the largest: 1 + e^45 is e^45 in doubles.
        for (const x of vs) if (x !== 0 && Math.abs(x) < Number.EPSILON * big) orders = Math.max(orders, Math.log10(big / Math.abs(x)));
      }
    }
    return orders > 0 ? Math.ceil(orders) : undefined;
  };
}
