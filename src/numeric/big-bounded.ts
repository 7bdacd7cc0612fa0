/**
 * BigNumbers with a running bound on their rounding error, as a RealOps
 * number system: the first-order analysis of bounded-ops.ts with the unit
 * roundoff 10^(1 - digits) instead of 2^-52 (and no underflow: decimal.js
 * exponents reach ±9e15). A high-precision difference counts only beyond
 * this bound, so e^520 + e^6 - e^520, which is 0 at 60 digits, is not taken
 * for a counterexample to = e^6: its bound (about 1e166) says 60 digits
 * decide nothing there.
 *
 *     const B = bigBoundedOps(60); evaluateReal(e, B, point)   // { value, error } as BigNumbers
 */
import type { RealOps } from '../expr/functions.js';
import { bigOps, type BigDecimal } from './big-number.js';

export interface BigBounded {
  readonly value: BigDecimal;
  readonly error: BigDecimal;
}

const cache = new Map<number, RealOps<BigBounded>>();

/**
 * Bounded decimal arithmetic with `digits` significant digits.
 *
 *     bigBoundedOps(60).div(…, …)   // value and error bound
 */
export function bigBoundedOps(digits: number): RealOps<BigBounded> {
  const cached = cache.get(digits);
  if (cached !== undefined) return cached;
  const b = bigOps(digits);
  const zero = b.num(0);
  const unit = b.rational(1n, 10n ** BigInt(digits - 1));
  const infinite = b.div(b.num(1), zero); // NaN in bigOps: an unusable bound
  const exact = (value: BigDecimal): BigBounded => ({ value, error: zero });
  const rounded = (value: BigDecimal, error: BigDecimal): BigBounded => ({ value, error: b.add(error, b.mul(unit, value.abs())) });
  const through = (value: BigDecimal, propagated: BigDecimal): BigBounded => ({ value, error: b.add(propagated, b.mul(b.add(unit, unit), value.abs())) });
  const ops: RealOps<BigBounded> = {
    num: (v) => exact(b.num(v)),
    rational: (n, d) => {
      const v = b.rational(n, d);
      return d === 1n ? exact(v) : rounded(v, zero);
    },
    pi: () => rounded(b.pi(), zero),
    nan: () => ({ value: b.nan(), error: b.nan() }),
    add: (x, y) => rounded(b.add(x.value, y.value), b.add(x.error, y.error)),
    sub: (x, y) => rounded(b.sub(x.value, y.value), b.add(x.error, y.error)),
    mul: (x, y) => rounded(b.mul(x.value, y.value), b.add(b.add(b.mul(x.value.abs(), y.error), b.mul(y.value.abs(), x.error)), b.mul(x.error, y.error))),
    div: (x, y) => {
      const v = b.div(x.value, y.value);
      const room = b.sub(y.value.abs(), y.error);
      return rounded(v, b.sign(room) > 0 ? b.div(b.add(x.error, b.mul(v.abs(), y.error)), room) : infinite);
    },
    neg: (x) => ({ value: b.neg(x.value), error: x.error }),
    exp: (x) => {
      const v = b.exp(x.value);
      return through(v, b.mul(v.abs(), b.sub(b.exp(x.error), b.num(1))));
    },
    log: (x) => {
      const ratio = b.div(x.error, x.value.abs());
      return through(b.log(x.value), b.sign(b.sub(b.num(1), ratio)) > 0 ? b.neg(b.log(b.sub(b.num(1), ratio))) : infinite);
    },
    log1p: (x) => {
      const ratio = b.div(x.error, b.add(b.num(1), x.value).abs());
      return through(b.log1p(x.value), b.sign(b.sub(b.num(1), ratio)) > 0 ? b.neg(b.log(b.sub(b.num(1), ratio))) : infinite);
    },
    sqrt: (x) => {
      const v = b.sqrt(x.value);
      if (b.sign(v) <= 0) return through(v, b.sqrt(x.error));
      const low = b.sub(x.value, x.error);
      return through(v, b.div(x.error, b.add(v, b.sign(low) > 0 ? b.sqrt(low) : zero)));
    },
    sin: (x) => through(b.sin(x.value), x.error.gt(b.num(2)) ? b.num(2) : x.error),
    cos: (x) => through(b.cos(x.value), x.error.gt(b.num(2)) ? b.num(2) : x.error),
    sign: (x) => b.sign(x.value),
    isConstant: () => true,
    toNumber: (x) => b.toNumber(x.value),
  };
  cache.set(digits, ops);
  return ops;
}
