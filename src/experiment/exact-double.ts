/**
 * A double as the exact rational it is. Every finite binary64 value is an
 * integer multiple of 2^−1074 (IEEE 754: subnormals are fraction · 2^−1074,
 * normals (1 + fraction/2^52) · 2^(exponent − 1023)), so a data point typed
 * as 0.1 is checked as the double 3602879701896397/2^55 that gradient
 * descent runs on, not as 1/10.
 *
 *     doubleUnits(2 ** -1074)   // 1n
 *     doubleToRational(0.5)     // { n: 1n, d: 2n }
 */
import { normalise, type Rational } from '../expr/rational.js';

/** 2^1074: the double x is doubleUnits(x) / UNITS_PER_ONE exactly. */
export const UNITS_PER_ONE = 1n << 1074n;

/** x · 2^1074, an integer for every finite double x (a RangeError for NaN and ±∞). */
export function doubleUnits(x: number): bigint {
  if (!Number.isFinite(x)) throw new RangeError(`${x} is not a finite number`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const shift = exponent === 0 ? 0 : exponent - 1;
  return sign * (mantissa << BigInt(shift));
}

/** The double x as a normalised rational (its denominator a power of 2). */
export const doubleToRational = (x: number): Rational => normalise(doubleUnits(x), UNITS_PER_ONE);
