/**
 * The error function and the standard normal distribution over any number
 * system of the function table (RealOps: doubles, BigNumber at 60 to 1000
 * digits, Taylor jets), for the entries erf, Phi, normpdf and gelu.
 *
 * Two classical expansions, each used where it keeps every digit:
 * - erf(x) = 2/√π · e^{-x²} · Σ_{n≥0} 2ⁿ x^{2n+1} / (1·3·…·(2n+1))
 *   (Abramowitz & Stegun 7.1.6). All terms have the sign of x, so the sum
 *   has no cancellation: its relative error is that of the number system.
 * - erfc(x) = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …))))
 *   (A&S 7.1.14, the Laplace continued fraction), for x > 0. Its partial
 *   numerators are positive, so successive approximants lie on either side
 *   of the limit: once two differ by a factor within a few units of
 *   roundoff, so does the last from the limit.
 *
 * The work is bounded before it starts (planErf): the number of series terms
 * is counted in doubles from x alone, the continued fraction gets a fixed
 * number of steps, and both fit a budget of terms × digits
 * (ERF_WORK_BUDGET: at most 4200 steps at 60 digits, 250 at 1000). Where neither fits, the value
 * is NaN, which every caller reads as "undefined here, cannot decide": a
 * weaker verdict, never a wrong number. (Before the budget, erf of a
 * BigNumber below 1e-324, whose double is 0, summed 100000 terms, and the
 * fraction at 60 digits asked for a factor closer to 1 than the digits can
 * hold and ran 20000 steps: 45 s and 17 s for one judged step.)
 *
 * Measured against an independent alternating Taylor series at 250 digits
 * (tests/expr/normal-functions.test.ts): relative error at most 1e-14 for
 * erf and 1e-13 for Φ (lower tail down to Φ(-12) ≈ 1.8e-33) in doubles,
 * 1e-50 at 60 digits and 1e-180 at 200 digits, at the points tested.
 */
import type { RealOps } from './functions.js';

/**
 * Terms (or fraction steps) times digits that one evaluation may spend:
 * 15600 terms in doubles, 4200 at 60 digits, 1250 at 200, 250 at 1000. (A
 * budget growing as digits^1.5, closer to a step's cost, cut a 440-digit
 * Φ(-41.8) that converges in 242 steps, and its caller then tried 400 more
 * evaluations: more work, and an undecided verdict instead of holds.)
 */
export const ERF_WORK_BUDGET = 250_000;

/** How many terms or steps the budget allows at `digits` digits (a double operation costs about as much as one at 16). */
export function termsWithinBudget(digits: number): number {
  return Math.floor(ERF_WORK_BUDGET / Math.max(16, digits));
}

/** How erf or erfc will be computed at a point, decided from doubles before any work; `none` = over the budget. */
export type ErfPlan =
  | { readonly method: 'series'; readonly terms: number }
  | { readonly method: 'fraction'; readonly steps: number }
  | { readonly method: 'none'; readonly reason: string };

const precisionCache = new WeakMap<object, number>();

/**
 * The digits of a number system: the largest k with 1 + 10^-k ≠ 1 (15 for
 * doubles, 59 at 60 digits), found by bisection with exact rationals (a
 * double 10^-400 would be 0); its spacing near 1 is 10^-k. Kept as k, not as
 * 10^-k, which is 0 in doubles beyond 323 digits.
 */
export function digitsOf<T>(o: RealOps<T>): number {
  const known = precisionCache.get(o);
  if (known !== undefined) return known;
  const one = o.num(1);
  const distinct = (k: number): boolean => o.sign(o.sub(o.add(one, o.rational(1n, 10n ** BigInt(k))), one)) !== 0;
  let lo = 1; // 1 + 10^-lo differs from 1
  let hi = 1500; // beyond it, treated as exact enough
  if (distinct(hi)) lo = hi;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (distinct(mid)) lo = mid;
    else hi = mid;
  }
  precisionCache.set(o, lo);
  return lo;
}

/**
 * The number of series terms after which the sum has converged at x, counted
 * in doubles (logarithms relative to the first term, so x below 1e-300 or
 * above 1e150 cannot overflow); undefined when more than `most` would be needed.
 * Past n > 2x² + 2 each term is less than half the one before, so once a
 * term is below `tolerance` (a logarithm) times the sum, the tail is too.
 */
export function seriesTerms(x: number, logTolerance: number, most: number): number | undefined {
  if (!Number.isFinite(x)) return undefined;
  const ratio = 2 * x * x;
  if (ratio + 2 > most) return undefined;
  let logTerm = 0;
  let logSum = 0;
  for (let n = 1; n <= most; n++) {
    logTerm += Math.log(ratio / (2 * n + 1));
    logSum = Math.max(logSum, logTerm) + Math.log1p(Math.exp(-Math.abs(logSum - logTerm)));
    if (n > ratio + 2 && logTerm - logSum < logTolerance) return n;
  }
  return undefined;
}

/**
 * About how many steps the continued fraction takes at x to converge to
 * `digits` digits, for choosing it over the series or not at all: fitted
 * above the counts measured at 16, 60 and 200 digits for x from 0.6 to 100
 * (439 steps at 16 digits and x = 0.6, 102 at 60 digits and x = 6, 856 at
 * 200 digits and x = 6, 70 at 200 digits and x = 100).
 */
function fractionSteps(x: number, digits: number): number {
  const r = digits / x;
  return Math.ceil(0.72 * r * r + 3 * r + 0.3 * digits + 15);
}

/** Where erfc is computed by the fraction: 1 - erf there would lose more than a twelfth of the digits (and always from 1.5). */
function fractionFrom(digits: number): number {
  return Math.max(1.5, Math.sqrt((digits / 12) * Math.LN10));
}

/**
 * How to compute erf(x) (complement: erfc(x), x > 0) to `digits` digits,
 * and with at most how many terms or steps (the budget's share). `smooth`
 * is for a value carrying derivative terms (a Taylor jet): its series is
 * counted at |x| + 1, which bounds every derivative's tail by Cauchy's
 * estimate on the disc of radius 1 around x (|tail⁽ʲ⁾(x)| / j! ≤ the
 * largest |tail| on that disc ≤ the tail at |x| + 1, all of whose terms are
 * positive), and its fraction takes twice the steps the value needed (a
 * margin, not a proof: the bracketing holds for values).
 */
export function planErf(x: number, digits: number, opts: { readonly smooth: boolean; readonly complement: boolean }): ErfPlan {
  const ax = Math.abs(x);
  if (Number.isNaN(ax)) return { method: 'none', reason: 'the argument is undefined' };
  const most = termsWithinBudget(digits);
  // An upper bound of |x| (its double may have rounded down, or to 0 below 1e-324), so the count is never short.
  const bound = Math.max(ax * (1 + 1e-12), 1e-300) + (opts.smooth ? 1 : 0);
  // For a jet the tail is bounded at |x| + 1, whose sum is up to e^{2|x| + 1} times larger: that many more digits.
  const logTolerance = -digits * Math.LN10 - 2 * Math.LN2 - (opts.smooth ? 2 * ax + 2 : 0);
  const series = seriesTerms(bound, logTolerance, most);
  const expected = ax > 0.5 ? fractionSteps(ax, digits) * (opts.smooth ? 2 : 1) : Number.POSITIVE_INFINITY;
  // erfc by 1 - erf loses about x²/ln 10 digits: only the fraction, from where that loss matters.
  const fraction = opts.complement ? x > fractionFrom(digits) : ax > 1.5;
  // The fraction stops when it has converged; `most` caps it (its step counts are estimates, the series' are exact).
  const fractionFits = fraction && expected <= most;
  if (fractionFits && (opts.complement || series === undefined || expected < series)) return { method: 'fraction', steps: most };
  if (!(opts.complement && fraction) && series !== undefined) return { method: 'series', terms: series };
  return { method: 'none', reason: `erf at ${x} needs more than ${most} terms at ${Math.round(digits)} digits` };
}

/** 2/√π · e^{-u²} · Σ_{n<terms} 2ⁿ u^{2n+1} / (2n+1)!! (A&S 7.1.6). */
function erfSeries<T>(o: RealOps<T>, u: T, terms: number): T {
  const x2 = o.mul(u, u);
  const twoX2 = o.mul(o.num(2), x2);
  let term = u;
  let sum = u;
  for (let n = 1; n <= terms; n++) {
    term = o.div(o.mul(term, twoX2), o.num(2 * n + 1));
    sum = o.add(sum, term);
  }
  return o.mul(o.mul(o.div(o.num(2), o.sqrt(o.pi())), o.exp(o.neg(x2))), sum);
}

/**
 * erfc(u) for u > 0 by the Laplace continued fraction (A&S 7.1.14), modified
 * Lentz, in at most `steps` steps; NaN when it has not converged by then. A
 * jet keeps going for as many steps again as its value needed.
 */
function erfcFraction<T>(o: RealOps<T>, u: T, digits: number, steps: number): T {
  const tiny = o.num(1e-300);
  const guard = (v: T): T => (Math.abs(o.toNumber(v)) < 1e-300 ? tiny : v);
  const margin = o.isConstant(u) ? 1 : 2;
  let f = u;
  let c = u;
  let d = o.num(0);
  let convergedAt: number | undefined;
  for (let n = 1; n <= steps; n++) {
    const a = o.rational(BigInt(n), 2n);
    d = guard(o.add(u, o.mul(a, d)));
    c = guard(o.add(u, o.div(a, c)));
    d = o.div(o.num(1), d);
    const delta = o.mul(c, d);
    f = o.mul(f, delta);
    const change = Math.abs(o.toNumber(o.sub(delta, o.num(1))));
    if (Number.isNaN(change)) return o.nan();
    // Within 3 units of the spacing 10^-digits (the rounding of c and d alone moves delta by about one), in logarithms: 10^-400 is 0 in doubles.
    if (convergedAt === undefined && (change === 0 || Math.log10(change) <= Math.log10(3) - digits)) convergedAt = n;
    if (convergedAt !== undefined && n >= margin * convergedAt) return o.div(o.exp(o.neg(o.mul(u, u))), o.mul(o.sqrt(o.pi()), f));
  }
  return o.nan();
}

/** erf(u) in the number system o; NaN where the work would exceed the budget. */
export function erfReal<T>(o: RealOps<T>, u: T): T {
  const s = o.sign(u);
  if (Number.isNaN(s)) return o.nan();
  if (s === 0 && o.isConstant(u)) return o.num(0);
  const digits = digitsOf(o);
  const plan = planErf(o.toNumber(u), digits, { smooth: !o.isConstant(u), complement: false });
  if (plan.method === 'series') return erfSeries(o, u, plan.terms);
  if (plan.method === 'none') return o.nan();
  // Far out, 1 - erfc keeps every digit and the series would need ~x² terms.
  const a = s < 0 ? o.neg(u) : u;
  const e = o.sub(o.num(1), erfcFraction(o, a, digits, plan.steps));
  return s < 0 ? o.neg(e) : e;
}

/** erfc(u) = 1 - erf(u) in the number system o, accurate in relative terms for large u. */
export function erfcReal<T>(o: RealOps<T>, u: T): T {
  const s = o.sign(u);
  if (Number.isNaN(s)) return o.nan();
  if (s > 0) {
    const digits = digitsOf(o);
    const plan = planErf(o.toNumber(u), digits, { smooth: !o.isConstant(u), complement: true });
    if (plan.method === 'fraction') return erfcFraction(o, u, digits, plan.steps);
    if (plan.method === 'none') return o.nan();
  }
  return o.sub(o.num(1), erfReal(o, u));
}

/** Φ(u) = erfc(-u/√2)/2, the standard normal CDF, accurate in its lower tail. */
export function normalCdfReal<T>(o: RealOps<T>, u: T): T {
  const half = o.rational(1n, 2n);
  if (o.sign(u) === 0 && o.isConstant(u)) return half;
  return o.mul(half, erfcReal(o, o.neg(o.div(u, o.sqrt(o.num(2))))));
}

/** φ(u) = e^{-u²/2}/√(2π), the standard normal density. */
export function normalPdfReal<T>(o: RealOps<T>, u: T): T {
  return o.div(o.exp(o.neg(o.div(o.mul(u, u), o.num(2)))), o.sqrt(o.mul(o.num(2), o.pi())));
}

/** The doubles as a RealOps system, for the table's `evaluate` (a local copy: numeric/float-ops imports this table). */
const DOUBLES: RealOps<number> = {
  num: (v) => v, rational: (n, d) => Number(n) / Number(d), pi: () => Math.PI, nan: () => NaN,
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, div: (a, b) => a / b, neg: (a) => -a,
  exp: Math.exp, log: Math.log, log1p: Math.log1p, sqrt: Math.sqrt, sin: Math.sin, cos: Math.cos,
  sign: (a) => (Number.isNaN(a) ? NaN : Math.sign(a)), isConstant: () => true, toNumber: (a) => a,
};

export const erf = (x: number): number => erfReal(DOUBLES, x);
export const normalCdf = (x: number): number => normalCdfReal(DOUBLES, x);
export const normalPdf = (x: number): number => normalPdfReal(DOUBLES, x);
