/**
 * Exact rationals written and read as students write them: `3`, `-0.5`,
 * `1/2`, `-3/4`. Decimals are exact (0.1 is 1/10, never a double), so a
 * weight typed by a user is the weight checked.
 */
import { normalise, type Rational } from '../expr/rational.js';

/** A whole number as a rational: int(3) -> 3/1. */
export const int = (n: number | bigint): Rational => ({ n: BigInt(n), d: 1n });

/**
 * `'1/2'`, `'-0.25'`, `'3'` -> the exact rational, or undefined for anything
 * else (no exponents, no expressions).
 *
 *     parseRational('-0.25')   // { n: -1n, d: 4n }
 */
export function parseRational(text: string): Rational | undefined {
  const t = text.trim();
  const frac = /^([-+]?\d+)\s*\/\s*(\d+)$/.exec(t);
  if (frac !== null) {
    const d = BigInt(frac[2] ?? '0');
    return d === 0n ? undefined : normalise(BigInt(frac[1] ?? '0'), d);
  }
  const dec = /^([-+]?)(\d*)(?:\.(\d+))?$/.exec(t);
  if (dec === null || ((dec[2] ?? '') === '' && dec[3] === undefined)) return undefined;
  const digits = dec[3] ?? '';
  const n = BigInt(`${dec[2] === '' ? '0' : dec[2]}${digits}`) * (dec[1] === '-' ? -1n : 1n);
  return normalise(n, 10n ** BigInt(digits.length));
}

/** ratText({ n: -1n, d: 2n }) -> '-1/2' */
export const ratText = (r: Rational): string => (r.d === 1n ? `${r.n}` : `${r.n}/${r.d}`);

/** ratLatex({ n: -1n, d: 2n }) -> '-\tfrac{1}{2}' */
export function ratLatex(r: Rational): string {
  if (r.d === 1n) return `${r.n}`;
  const sign = r.n < 0n ? '-' : '';
  return `${sign}\\tfrac{${r.n < 0n ? -r.n : r.n}}{${r.d}}`;
}

export const isZero = (r: Rational): boolean => r.n === 0n;
export const isPositive = (r: Rational): boolean => r.n > 0n;

/** Beyond this many characters a fraction is shown to eight digits in prose (its exact text goes in a table). */
export const SHORT_RATIONAL_CHARS = 24;

/**
 * Eight significant digits of a rational of any size, from its bigints (a
 * double would overflow for 10^400/3): `≈ 3.3333333e+399`.
 *
 *     ratApprox({ n: 10n ** 400n, d: 3n })   // '3.3333333e+399'
 */
export function ratApprox(r: Rational): string {
  if (r.n === 0n) return '0';
  const sign = r.n < 0n ? '-' : '';
  const n = r.n < 0n ? -r.n : r.n;
  // 10^e ≤ n/d < 10^(e+1), first guessed from the digit counts, then corrected.
  let e = String(n).length - String(r.d).length;
  const digits = (k: number): bigint => (k <= 7 ? (n * 10n ** BigInt(7 - k)) / r.d : n / (r.d * 10n ** BigInt(k - 7)));
  let m = digits(e);
  while (m >= 100000000n) m = digits(++e);
  while (m < 10000000n) m = digits(--e);
  const text = String(m).replace(/0+$/, '');
  const mantissa = text.length > 1 ? `${text[0]}.${text.slice(1)}` : text;
  return e >= -4 && e < 9 ? `${sign}${Number(`${mantissa}e${e}`)}` : `${sign}${mantissa}e${e < 0 ? '' : '+'}${e}`;
}

/** ratText when it is short, else `≈` and eight digits: ratShort({ n: 1n, d: 3n }) -> '1/3'. */
export const ratShort = (r: Rational): string => {
  const t = ratText(r);
  return t.length <= SHORT_RATIONAL_CHARS ? t : `≈ ${ratApprox(r)}`;
};
