/**
 * 32-bit structural hashing. Commutative operands (sum and product) are
 * combined order-independently, so `a + b` and `b + a` hash alike; see
 * `equal.ts` for the matching equality.
 */

/** Mix an integer into a running hash (FNV-1a style with a multiply). */
export function mix(h: number, v: number): number {
  return Math.imul(h ^ v, 0x01000193) >>> 0;
}

export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** Ordered combination (function arguments, quotient, power). */
export function hashOrdered(tag: number, parts: readonly number[]): number {
  let h = mix(0x811c9dc5, tag);
  for (const p of parts) h = mix(h, p);
  return h;
}

/** Order-independent combination (sum and product operands). */
export function hashUnordered(tag: number, parts: readonly number[]): number {
  let sum = 0;
  let xor = 0;
  for (const p of parts) {
    // Scramble each part first so that sum and xor do not cancel for equal parts.
    const q = mix(p, 0x9e3779b9);
    sum = (sum + q) >>> 0;
    xor = (xor ^ Math.imul(q, 0x85ebca6b)) >>> 0;
  }
  return mix(mix(mix(0x811c9dc5, tag), sum), xor ^ parts.length);
}

export function hashNumber(x: number): number {
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 31) return x | 0;
  return hashString(String(x));
}

export function hashBigint(x: bigint): number {
  if (x >= -(2n ** 31n) && x < 2n ** 31n) return Number(x) | 0;
  return hashString(x.toString());
}
