/**
 * Counterexample to the symmetry KL(p, q) = KL(q, p), with exact values.
 * Each side is a sum of c_i ln r_i with rational c_i, r_i, which is
 * (1/D) ln R for D the common denominator of the c_i and R = Π r_i^(c_i D),
 * a rational. Two such values are equal exactly when R1^(L/D1) = R2^(L/D2)
 * (L = lcm(D1, D2)), because ln is one-to-one: a comparison of whole
 * numbers, with no rounding. (KL here uses ln; any base gives the same verdict.)
 */
import { normalise, ratCompare, ratDiv, ratMul, ratPowInt, ratSub, type Rational } from '../expr/rational.js';
import { int, parseRational, ratText } from '../finite/rational-text.js';
import { ConstructError } from './construct-error.js';

export interface LogCombination {
  /** The terms c ln r, as written from the definition. */
  readonly terms: readonly { readonly c: Rational; readonly r: Rational }[];
  /** The sum is (1/scale) ln(argument). */
  readonly scale: bigint;
  readonly argument: Rational;
  readonly approx: number;
}

export interface KlCounterexample {
  readonly p: readonly Rational[];
  readonly q: readonly Rational[];
  readonly pq: LogCombination;
  readonly qp: LogCombination;
  /** Both sides raised to the common scale: pq.argument^(L/pq.scale) and qp.argument^(L/qp.scale), compared. */
  readonly common: { readonly scale: bigint; readonly left: Rational; readonly right: Rational };
  readonly differ: boolean;
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const lcm = (a: bigint, b: bigint): bigint => (a / gcd(a, b)) * b;

function powExact(r: Rational, k: bigint): Rational {
  const v = ratPowInt(r, k);
  if (v === undefined) throw new ConstructError('the distributions give numbers too large to compare exactly; use smaller denominators');
  return v;
}

/** KL(p, q) = Σ p_i ln(p_i / q_i) as (1/D) ln R. */
export function klCombination(p: readonly Rational[], q: readonly Rational[]): LogCombination {
  const terms = p.map((pi, i) => ({ c: pi, r: ratDiv(pi, q[i] as Rational) })).filter((t) => t.c.n !== 0n);
  const scale = terms.reduce((d, t) => lcm(d, t.c.d), 1n);
  const argument = terms.reduce((acc, t) => ratMul(acc, powExact(t.r, (t.c.n * scale) / t.c.d)), int(1));
  const approx = terms.reduce((s, t) => s + (Number(t.c.n) / Number(t.c.d)) * (Math.log(Number(t.r.n)) - Math.log(Number(t.r.d))), 0);
  return { terms, scale, argument, approx };
}

export function klCompare(p: readonly Rational[], q: readonly Rational[]): KlCounterexample {
  const pq = klCombination(p, q);
  const qp = klCombination(q, p);
  const scale = lcm(pq.scale, qp.scale);
  const left = powExact(pq.argument, scale / pq.scale);
  const right = powExact(qp.argument, scale / qp.scale);
  return { p, q, pq, qp, common: { scale, left, right }, differ: ratCompare(left, right) !== 0 };
}

/** Candidates tried in order: p uniform on two points, q ever more lopsided. */
const CANDIDATES: readonly (readonly [Rational, Rational])[] = [
  [normalise(1n, 2n), normalise(1n, 4n)],
  [normalise(1n, 2n), normalise(1n, 3n)],
  [normalise(1n, 2n), normalise(1n, 5n)],
  [normalise(1n, 3n), normalise(1n, 4n)],
];

/**
 * The first small pair of distributions on two points with KL(p, q) ≠ KL(q, p).
 *
 *     findKlCounterexample().p   // (1/2, 1/2); q = (1/4, 3/4)
 */
export function findKlCounterexample(): KlCounterexample | undefined {
  for (const [a, b] of CANDIDATES) {
    const r = klCompare([a, ratSub(int(1), a)], [b, ratSub(int(1), b)]);
    if (r.differ) return r;
  }
  return undefined;
}

/** '1/2, 1/2' -> a distribution: positive exact numbers summing to 1. */
export function parseDistribution(text: string, name: string): Rational[] {
  const parts = text.split(',').map((t) => t.trim());
  const values = parts.map((t) => {
    const v = parseRational(t);
    if (v === undefined) throw new ConstructError(`--${name}: cannot read '${t}' as a number (write 1/2, 0.25, …)`);
    if (v.n <= 0n) throw new ConstructError(`--${name}: every probability must be positive (KL needs p_i > 0 and q_i > 0), got ${ratText(v)}`);
    return v;
  });
  const sum = values.reduce((s, v) => normalise(s.n * v.d + v.n * s.d, s.d * v.d), int(0));
  if (sum.n !== sum.d) throw new ConstructError(`--${name}: the probabilities sum to ${ratText(sum)}, not 1`);
  return values;
}

/** The claims this module answers, in the spellings accepted. */
export function isKlSymmetryClaim(text: string): boolean {
  const t = text.replace(/\\mathrm\{KL\}|\\operatorname\{KL\}|D_\{?KL\}?|\\text\{KL\}/g, 'KL').replace(/\\left|\\right|\s+/g, '').replace(/\\[|]|\|\|/g, ',');
  return /^KL\(p,q\)(=|==)KL\(q,p\)$/.test(t) || /^KL\(q,p\)(=|==)KL\(p,q\)$/.test(t);
}
