/**
 * The size limit of exact numbers. A rational whose numerator or denominator
 * needs more than MAX_EXACT_BITS bits is not built by constant folding: the
 * expression keeps its unfolded form (`(1234567/7654321)^9000` stays a power),
 * which is exact and small, instead of a 25,000-digit fraction whose gcd
 * alone takes seconds. Nothing is rounded: a fold that would exceed the
 * limit is simply not made.
 *
 *     bitLength(255n)                       // 8
 *     ratFits({ n: 2n ** 20000n, d: 1n })   // false
 */

/** 16,384 bits: about 4,900 decimal digits in a numerator or a denominator. */
export const MAX_EXACT_BITS = 16_384;

/** Number of bits of |n| (0 for 0). Linear in the size of n. */
export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  const hex = n.toString(16);
  // The leading hex digit carries 1 to 4 bits.
  return (hex.length - 1) * 4 + Number.parseInt(hex[0] ?? '0', 16).toString(2).length;
}

/** True when both parts of n/d are within MAX_EXACT_BITS. */
export function ratFits(r: { readonly n: bigint; readonly d: bigint }): boolean {
  return bitLength(r.n) <= MAX_EXACT_BITS && bitLength(r.d) <= MAX_EXACT_BITS;
}

/**
 * log2 |n| for a nonzero bigint of any size (float64 alone overflows past
 * 2^1024): the top 64 bits give the mantissa, the bit length the exponent.
 *
 *     log2Abs(1024n)   // 10
 */
export function log2Abs(n: bigint): number {
  const bits = bitLength(n);
  if (bits <= 1000) return Math.log2(Math.abs(Number(n)));
  const a = n < 0n ? -n : n;
  const shift = bits - 64;
  return shift + Math.log2(Number(a >> BigInt(shift)));
}
