/**
 * Exact rational arithmetic on bigint pairs. Results are always normalised
 * (`d > 0`, `gcd(|n|, d) = 1`) so that structural equality is numeric equality.
 * Sizes are bounded where they can explode: ratPowInt refuses a power whose
 * result would exceed MAX_EXACT_BITS (exact-size.ts), and constant folding
 * does not build a sum, product or quotient beyond it.
 */
import { bitLength, MAX_EXACT_BITS } from './exact-size.js';

export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** normalise(6n, -4n) -> { n: -3n, d: 2n } */
export function normalise(n: bigint, d: bigint): Rational {
  if (d === 0n) throw new RangeError('division by zero in an exact number');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

export const ratAdd = (a: Rational, b: Rational): Rational => normalise(a.n * b.d + b.n * a.d, a.d * b.d);
export const ratSub = (a: Rational, b: Rational): Rational => normalise(a.n * b.d - b.n * a.d, a.d * b.d);
export const ratMul = (a: Rational, b: Rational): Rational => normalise(a.n * b.n, a.d * b.d);
export const ratNeg = (a: Rational): Rational => ({ n: -a.n, d: a.d });
export function ratDiv(a: Rational, b: Rational): Rational {
  return normalise(a.n * b.d, a.d * b.n);
}
export const ratCompare = (a: Rational, b: Rational): number => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const ratIsInteger = (a: Rational): boolean => a.d === 1n;
export const ratToNumber = (a: Rational): number => Number(a.n) / Number(a.d);

/** Largest exponent magnitude we expand exactly; beyond it results grow too large to be useful. */
export const MAX_EXACT_EXPONENT = 4096n;

/**
 * a^k for an integer k, or undefined when the result is not rational-safe
 * (0 to a negative power, a huge exponent, or a result of more than
 * MAX_EXACT_BITS bits: (1234567/7654321)^9000 is left unfolded).
 *
 *     ratPowInt({ n: 2n, d: 3n }, 2n)   // { n: 4n, d: 9n }
 */
export function ratPowInt(a: Rational, k: bigint): Rational | undefined {
  if (k > MAX_EXACT_EXPONENT || k < -MAX_EXACT_EXPONENT) return undefined;
  if (k < 0n) {
    if (a.n === 0n) return undefined;
    return ratPowInt(normalise(a.d, a.n), -k);
  }
  // The size is known before the work: bits(a^k) <= k * bits(a).
  const bits = Math.max(bitLength(a.n), bitLength(a.d));
  if (bits > 1 && Number(k) * bits > MAX_EXACT_BITS) return undefined;
  // A normalised a has coprime parts, and so do their powers: no gcd needed.
  return { n: a.n ** k, d: a.d ** k };
}

/**
 * Exact integer k-th root of a non-negative bigint, or undefined. Newton's iteration on integers from a
 * start above the root (2^⌈bits/k⌉), which decreases to ⌊x^(1/k)⌋: no float estimate, so 10^400 (Infinity
 * as a double) and 10^300 (whose double root is off by far more than 1) are rooted exactly.
 */
export function intRoot(x: bigint, k: bigint): bigint | undefined {
  if (x < 0n || k < 1n) return undefined;
  if (x < 2n || k === 1n) return x;
  const bits = bitLength(x);
  // 2 <= x < 2^bits, so 1 < x^(1/k) < 2 when k >= bits: no integer root.
  if (k >= BigInt(bits)) return undefined;
  let r = 1n << BigInt(Math.ceil(bits / Number(k)));
  for (;;) {
    const next = ((k - 1n) * r + x / r ** (k - 1n)) / k;
    if (next >= r) break;
    r = next;
  }
  return r ** k === x ? r : undefined;
}

/** Exact rational root a^(1/k), or undefined when it is irrational. */
export function ratRoot(a: Rational, k: bigint): Rational | undefined {
  if (a.n < 0n) return undefined;
  const n = intRoot(a.n, k);
  const d = intRoot(a.d, k);
  return n !== undefined && d !== undefined ? { n, d } : undefined;
}
