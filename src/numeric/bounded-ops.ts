/**
 * Doubles with a running bound on their rounding error, as a RealOps number
 * system: the same first-order analysis as error-bound.ts (each operation
 * adds eps times its result, inputs' errors propagate by the operation's
 * slope), but usable under jets, so that a derivative computed by automatic
 * differentiation carries a bound too. 1 - σ(33.7) is 2.2e-15 with an error
 * of about 1e-16, so log(1 - σ(z))' = -σ(z) comes out 5% uncertain there.
 *
 *     evaluateReal(parsePlain('d(log(1 - sigma(z)), z)'), BOUNDED_OPS, new Map([['z', exact(33.7)]]))   // { value: …, error: … }
 */
import type { RealOps } from '../expr/functions.js';

export interface Bounded {
  readonly value: number;
  readonly error: number;
}

const EPS = Number.EPSILON;
/** Below the normal range every result is off by up to the smallest subnormal (see error-bound.ts). */
const TINY = Number.MIN_VALUE;

/** An exactly known double: bounded(0.5) = { value: 0.5, error: 0 }. */
export const exact = (value: number): Bounded => ({ value, error: 0 });

const rounded = (value: number, error: number): Bounded => ({ value, error: error + EPS * Math.abs(value) + TINY });
/** A function's result: its input error through the slope, plus two roundings (the library's and ours). */
const through = (value: number, propagated: number): Bounded => ({ value, error: propagated + 2 * EPS * Math.abs(value) + TINY });

export const BOUNDED_OPS: RealOps<Bounded> = {
  num: exact,
  rational: (n, d) => {
    const v = Number(n) / Number(d);
    return { value: v, error: d === 1n && Math.abs(v) < 2 ** 53 ? 0 : EPS * Math.abs(v) };
  },
  pi: () => ({ value: Math.PI, error: EPS * Math.PI }),
  nan: () => ({ value: NaN, error: NaN }),
  add: (a, b) => rounded(a.value + b.value, a.error + b.error),
  sub: (a, b) => rounded(a.value - b.value, a.error + b.error),
  mul: (a, b) => rounded(a.value * b.value, Math.abs(a.value) * b.error + Math.abs(b.value) * a.error + a.error * b.error),
  div: (a, b) => {
    const v = a.value / b.value;
    const room = Math.abs(b.value) - b.error;
    return rounded(v, room > 0 ? (a.error + Math.abs(v) * b.error) / room : Infinity);
  },
  neg: (a) => ({ value: -a.value, error: a.error }),
  exp: (a) => {
    const v = Math.exp(a.value);
    return through(v, Math.abs(v) * Math.expm1(a.error));
  },
  log: (a) => through(Math.log(a.value), a.error < Math.abs(a.value) ? -Math.log1p(-a.error / Math.abs(a.value)) : Infinity),
  log1p: (a) => {
    const room = Math.abs(1 + a.value);
    return through(Math.log1p(a.value), a.error < room ? -Math.log1p(-a.error / room) : Infinity);
  },
  sqrt: (a) => {
    // |sqrt(a) - sqrt(a')| = |a - a'| / (sqrt(a) + sqrt(a')); at 0 it is sqrt(|a - a'|).
    const v = Math.sqrt(a.value);
    return through(v, v > 0 ? a.error / (v + Math.sqrt(Math.max(a.value - a.error, 0))) : Math.sqrt(a.error));
  },
  sin: (a) => through(Math.sin(a.value), Math.min(a.error, 2)),
  cos: (a) => through(Math.cos(a.value), Math.min(a.error, 2)),
  sign: (a) => (Number.isNaN(a.value) ? NaN : Math.sign(a.value)),
  isConstant: () => true,
  toNumber: (a) => a.value,
};
