/**
 * Exact rational arithmetic as a number system of the one evaluator
 * (src/numeric/real-evaluate.ts, functions from the table's `real` entries):
 * +, −, ×, ÷, whole powers, |u|, max, min, relu, sign, step and square roots
 * of squares stay exact; anything else (e^1, ln 2, π, a division by 0, a
 * number beyond MAX_EXACT_BITS) is `undefined`, so a case is never judged
 * on a rounded value.
 */
import { bitLength, MAX_EXACT_BITS } from '../expr/exact-size.js';
import type { RealOps } from '../expr/functions.js';
import { normalise, ratAdd, ratCompare, ratDiv, ratMul, ratNeg, ratRoot, ratSub, ratToNumber, type Rational } from '../expr/rational.js';

/** A rational, or undefined where the value is not an exact rational (or not defined). */
export type Exact = Rational | undefined;

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };
const isZero = (a: Rational): boolean => a.n === 0n;
const isOne = (a: Rational): boolean => a.n === 1n && a.d === 1n;

const bounded = (r: Rational): Exact => (Math.max(bitLength(r.n), bitLength(r.d)) > MAX_EXACT_BITS ? undefined : r);

/**
 * A double by its shortest decimal spelling, as the RealOps contract asks of
 * exact systems: a typed 0.1 is 1/10 (the parsers keep decimals as doubles),
 * and the table's constants (0, ±1, 0.5, ±2) are what they say.
 *
 *     fromDecimalSpelling(0.1)   // 1/10, not 3602879701896397/36028797018963968
 */
function fromDecimalSpelling(v: number): Exact {
  if (!Number.isFinite(v)) return undefined;
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (m === null) return undefined;
  const digits = m[3] ?? '';
  const n = BigInt(`${m[2]}${digits}`) * (m[1] === '-' ? -1n : 1n);
  const shift = Number(m[4] ?? '0') - digits.length;
  return bounded(shift >= 0 ? normalise(n * 10n ** BigInt(shift), 1n) : normalise(n, 10n ** BigInt(-shift)));
}

const lift = (f: (a: Rational, b: Rational) => Rational) => (a: Exact, b: Exact): Exact => (a === undefined || b === undefined ? undefined : bounded(f(a, b)));

/** Only values that are rational by definition: e^0 = 1, ln 1 = 0, sin 0 = 0, cos 0 = 1. */
const special = (a: Exact, at: (r: Rational) => boolean, value: Rational): Exact => (a !== undefined && at(a) ? value : undefined);

export const EXACT_OPS: RealOps<Exact> = {
  num: fromDecimalSpelling,
  rational: (n, d) => (d === 0n ? undefined : bounded(normalise(n, d))),
  pi: () => undefined,
  nan: () => undefined,
  add: lift(ratAdd),
  sub: lift(ratSub),
  mul: lift(ratMul),
  div: (a, b) => (a === undefined || b === undefined || isZero(b) ? undefined : bounded(ratDiv(a, b))),
  neg: (a) => (a === undefined ? undefined : ratNeg(a)),
  exp: (a) => special(a, isZero, ONE),
  log: (a) => special(a, isOne, ZERO),
  log1p: (a) => special(a, isZero, ZERO),
  sqrt: (a) => (a === undefined || a.n < 0n ? undefined : ratRoot(a, 2n)),
  sin: (a) => special(a, isZero, ZERO),
  cos: (a) => special(a, isZero, ONE),
  sign: (a) => (a === undefined ? NaN : ratCompare(a, ZERO)),
  isConstant: () => true,
  toNumber: (a) => (a === undefined ? NaN : ratToNumber(a)),
};
