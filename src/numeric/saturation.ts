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
import { children, size, some } from '../expr/traverse.js';
import { EvaluationError } from './evaluation-error.js';
import { compile, type Compiled } from './evaluate.js';

/** Functions with a horizontal asymptote (±1 or 0) that doubles reach at a finite argument; how many decimal orders per unit of argument. */
const BOUNDED: Readonly<Record<string, (a: number) => number>> = {
  sigma: (a) => Math.abs(a) / Math.LN10,
  tanh: (a) => (2 * Math.abs(a)) / Math.LN10,
  erf: (a) => (a * a) / Math.LN10,
  normcdf: (a) => (a * a) / (2 * Math.LN10),
};
/** Functions that underflow to 0 or grow past every other term: exp, and those built on it. */
const EXPONENTIAL = new Set(['exp', 'softplus', 'normpdf', 'cosh', 'sinh', 'elu', 'gelu']);
/** Functions that doubles flatten onto their first Taylor term near 0: sin(x) is x for |x| < 1e-8, cos(x) is 1. */
const ODD_NEAR_ZERO = new Set(['sin', 'tan', 'tanh', 'sinh', 'atan', 'asin', 'log1p']);
const EVEN_NEAR_ZERO = new Set(['cos', 'cosh']);
const isFlattenedNearZero = (fn: string): boolean => ODD_NEAR_ZERO.has(fn) || EVEN_NEAR_ZERO.has(fn) || fn === 'exp';

/** Subterms worth watching: calls of the functions above, and sums (1 + e^x absorbs the 1, x^2 + 1 the 1 for x > 10^8). */
function watched(sides: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  const seen = new Set<number>();
  let sums = 0;
  let powers = 0;
  const visit = (e: Expr): void => {
    if (e.kind === 'deriv') return;
    if (e.kind === 'call' && lookupFunction(e.fn)?.binds !== undefined) return;
    const exponential = (x: Expr): boolean => (x.kind === 'call' && (EXPONENTIAL.has(x.fn) || x.fn in BOUNDED)) || (x.kind === 'pow' && x.base.kind === 'sym' && x.base.name === 'e');
    // Sums with a power or a quotient in them (x^2 + 1 is x^2 for x > 10^8, 1/x + x is x), at most 4 of them; not the
    // sums of products that lowered matrix entries are made of (watching those tripled the cost of a shaped check).
    const steep = (x: Expr): boolean => (x.kind === 'pow' && !(x.exp.kind === 'num' && x.exp.n === 1n && x.exp.d === 1n)) || x.kind === 'div';
    // Powers that underflow (x^2 is 0 at x = −1e-300), at most 4.
    if (!seen.has(e.hash) && e.kind === 'pow' && e.exp.kind === 'num' && e.exp.n > e.exp.d && powers++ < 4) {
      seen.add(e.hash);
      out.push(e);
    }
    if (!seen.has(e.hash) && ((e.kind === 'call' && (e.fn in BOUNDED || EXPONENTIAL.has(e.fn) || isFlattenedNearZero(e.fn))) || (e.kind === 'add' && (some(e, exponential) || (e.args.some((a) => some(a, steep)) && sums++ < 4))))) {
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
  // Not on large sides (lowered matrix entries): the watch would cost more than the check.
  if (indexed || sides.reduce((n, e) => n + size(e), 0) > 160) return undefined;
  const terms = watched(sides);
  if (terms.length === 0) return undefined;
  // Compiled once (the probe runs at every agreeing point of a check).
  const compiled = (e: Expr): Compiled | undefined => {
    try {
      return compile(e, vars, { indexed });
    } catch (err) {
      if (err instanceof EvaluationError) return undefined;
      throw err;
    }
  };
  const probes = terms.flatMap((t) => {
    const parts = t.kind === 'call' ? [t, t.args[0] as Expr] : t.kind === 'add' ? t.args : t.kind === 'pow' ? [t, t.base] : [];
    const fs = parts.map(compiled);
    return fs.every((f): f is Compiled => f !== undefined) ? [{ t, fs }] : [];
  });
  const at = (f: Compiled, p: ArrayLike<number>): number => {
    try {
      return f(p);
    } catch (err) {
      if (err instanceof EvaluationError) return NaN;
      throw err;
    }
  };
  return (p) => {
    let orders = 0;
    for (const { t, fs } of probes) {
      if (t.kind === 'call') {
        const v = at(fs[0] as Compiled, p);
        const a = at(fs[1] as Compiled, p);
        if (!Number.isFinite(a) || a === 0 || Number.isNaN(v)) continue;
        const bounded = BOUNDED[t.fn];
        // On its asymptote in doubles: σ(45) = 1, tanh(20) = 1, erf(7) = 1, Φ(−40) = 0.
        if (bounded !== undefined && (Math.abs(v) === 1 || v === 0)) orders = Math.max(orders, bounded(a));
        // Near 0, flattened onto the first Taylor term: sin(1e-9) is 1e-9, cos(1e-9) is 1, e^(1e-9) is 1 + 1e-9 in doubles.
        if (Math.abs(a) < 1e-7 && ((ODD_NEAR_ZERO.has(t.fn) && v === a) || (EVEN_NEAR_ZERO.has(t.fn) && v === 1) || t.fn === 'exp')) orders = Math.max(orders, 2 * Math.log10(1 / Math.abs(a)));
        // Underflow (e^(−800) = 0, softplus(−800) = 0) or a value that swallowed its correction (softplus(40) = 40).
        if (EXPONENTIAL.has(t.fn) && (v === 0 || (t.fn !== 'exp' && Math.abs(a) > 30 && (v === a || v === -1 || v === 0)))) orders = Math.max(orders, Math.abs(a) / Math.LN10);
      } else if (t.kind === 'pow') {
        // Underflow to 0 of a power of a nonzero number: the digits are there in high precision (its exponent range is wide).
        const v = at(fs[0] as Compiled, p);
        const b = at(fs[1] as Compiled, p);
        if (v === 0 && b !== 0 && Number.isFinite(b)) orders = Math.max(orders, 1);
      } else if (t.kind === 'add') {
        const vs = fs.map((f) => at(f, p));
        if (!vs.every(Number.isFinite)) continue;
        const big = Math.max(...vs.map(Math.abs));
        // A nonzero term below the last bit of the largest: 1 + e^45 is e^45 in doubles.
        for (const x of vs) if (x !== 0 && Math.abs(x) < Number.EPSILON * big) orders = Math.max(orders, Math.log10(big / Math.abs(x)));
      }
    }
    return orders > 0 ? Math.ceil(orders) : undefined;
  };
}
