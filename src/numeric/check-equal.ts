/**
 * Is lhs = rhs? Evaluated at N random points of the common domain; one
 * disagreeing point is a counterexample. The error measure is
 * |a - b| / max(|a|, |b|, 1): relative for large values, absolute for small
 * ones (so round-off around 0 is not a failure). Soundness guards:
 * - a verdict needs N valid points, else it is 'undecided';
 * - if every valid point had |a|, |b| < 1e-6 (and they were not identical)
 *   the values are too small to tell a wrong identity from round-off:
 *   'undecided';
 * - after the N ordinary points, PROBE_POINTS more are drawn far out (up to
 *   ±1e4) and around the constants of both sides (max(x, 20) = 20 fails at
 *   x ≈ 30); a disagreement there is a counterexample too. They are not
 *   counted in `points`; `maxRelError` covers them;
 * - the tolerance (1e-9) is not an excuse: a smaller difference that the
 *   rounding-error bound (error-bound.ts) cannot explain, a larger one it
 *   can, and every point when the sides hold constants doubles cannot
 *   resolve, are re-evaluated with 60+ digits (referee.ts); a difference
 *   found there is a counterexample.
 */
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';
import type { Assumption } from './assumptions.js';
import { EvaluationError } from './evaluation-error.js';
import { compile, freeSymbols, type Compiled } from './evaluate.js';
import { createRng, type Rng } from './rng.js';
import { pointSampler, wideDraw } from './sample.js';
import { roundingSlack } from './error-bound.js';
import { highPrecisionReferee, type RefereeCall } from './referee.js';
import { needsIndexedMode } from './indexed.js';
import { samplingPlan, type Coverage } from './coverage.js';
import { SubtreeSet, internTrees } from './shared-subtrees.js';

/**
 * What sampling says about lhs = rhs: 'holds' (agreement at `points`
 * points, not a proof), 'fails' (a counterexample), or 'undecided' (why).
 *
 *     checkEqualNumeric(parsePlain('x^2'), parsePlain('x^3'))   // { verdict: 'fails', point: { x: … }, lhs, rhs, relError }
 */
export type NumericVerdict =
  | {
      readonly verdict: 'holds';
      readonly points: number;
      readonly maxRelError: number;
      /**
       * A sampled point where one side is defined and the other is not
       * (log(x^2) = 2 log(x) at x < 0): the identity was checked only on the
       * common domain. Not looked for when a side has a derivative node,
       * whose finite difference is NaN at every kink.
       */
      readonly oneSided?: { readonly point: Record<string, number>; readonly lhs: number; readonly rhs: number };
      /** Labels of the special points where both sides were defined and agreed (see special-points.ts). */
      readonly special?: readonly string[];
      /** What was sampled, for the evidence (set by checkEqualNumeric; see coverage.ts). */
      readonly coverage?: Coverage;
    }
  | {
      readonly verdict: 'fails';
      readonly point: Record<string, number>;
      readonly lhs: number;
      readonly rhs: number;
      readonly relError: number;
      /** Set when the difference was found in high precision (doubles could not show it): the decimal values and lhs - rhs. */
      readonly highPrecision?: { readonly lhs: string; readonly rhs: string; readonly difference: string; readonly digits: number };
    }
  | { readonly verdict: 'undecided'; readonly reason: string };

/**
 * The difference |a - b| is within the rounding error bounds of the two
 * evaluations (a point of catastrophic cancellation): the point says nothing
 * and is skipped, like a point outside the domain.
 */
function explainedByRounding(sides: readonly [Expr, Expr] | undefined, vars: readonly Sym[], p: Float64Array, a: number, b: number, tolerance: number, indexed: boolean): boolean {
  if (sides === undefined) return false;
  const env = new Map(vars.map((s, i) => [symKey(s), p[i] as number]));
  const slack = roundingSlack(sides, env, a, b, indexed);
  return Math.abs(a - b) <= slack + tolerance * Math.max(Math.abs(a), Math.abs(b), 1) && slack > tolerance * Math.max(Math.abs(a), Math.abs(b), 1);
}

/**
 * How to sample: `points` (default 24), `seed` (default 1), the variables'
 * `assumptions`, and the `tolerance` on relError.
 *
 *     checkEqualNumeric(lhs, rhs, { points: 50, assumptions: [{ sym: sym('x'), kind: 'positive' }] })
 */
export interface CheckOptions {
  /** The two expressions, for error analysis of a disagreeing point (set by checkEqualNumeric). */
  readonly sides?: readonly [Expr, Expr];
  readonly points?: number;
  readonly seed?: number;
  readonly assumptions?: readonly Assumption[];
  /** Default EXACT_TOLERANCE (1e-9), derivatives included; a smaller difference is re-examined in high precision when rounding cannot explain it. */
  readonly tolerance?: number;
  /** The sides are evaluated in indexed mode (set by checkEqualNumeric). */
  readonly indexed?: boolean;
  /** Record a point where only one side is defined (set by checkEqualNumeric when no side has a derivative node). */
  readonly noticeOneSided?: boolean;
  /** No special points on kinks: the sides hold a derivative already taken of a kinked function (relu′ is step), which does not exist there. */
  readonly avoidKinks?: boolean;
  /** Special points checked after the random ones (set by checkEqualNumeric; see special-points.ts). */
  readonly special?: readonly { readonly p: Float64Array; readonly label: string }[];
  /** Draws the random points instead of pointSampler (checkEqualNumeric: index values and sizes from a fixed cycle). */
  readonly sampler?: (rng: Rng, draw?: (rng: Rng) => number) => Float64Array;
  /** Told every counted point (random or special) where both sides were defined and agreed: what the coverage may claim. */
  readonly onCompared?: (p: Float64Array) => void;
}

/** Tolerance on relError when both sides are evaluated directly: checkEqualNumeric(a, b, { tolerance: EXACT_TOLERANCE }). */
export const EXACT_TOLERANCE = 1e-9;
/**
 * Formerly the tolerance with derivative nodes, when they were evaluated by
 * finite differences; they are now evaluated by automatic differentiation
 * (real-evaluate.ts) and checked with EXACT_TOLERANCE. Kept for callers that
 * compare their own finite differences.
 */
export const FINITE_DIFFERENCE_TOLERANCE = 1e-6;

/**
 * |a - b| / max(|a|, |b|, 1): relative for large values, absolute below 1,
 * so that round-off around 0 is not a difference. Values too small for this
 * to decide are reported undecided by the checker.
 *
 *     relError(100, 101)   // ≈ 0.0099
 */
export function relError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1);
}

function pointRecord(vars: readonly Sym[], p: Float64Array): Record<string, number> {
  const r: Record<string, number> = {};
  vars.forEach((s, i) => (r[symKey(s)] = p[i] as number));
  return r;
}

/** Agreeing points re-checked in high precision when every value is below 1e-6. */
const KEPT_POINTS = 6;

/** Extra points at wide scales and around the constants, after the ordinary sample (see sample.ts). */
export const PROBE_POINTS = 16;

/**
 * Magnitudes of the constants in the expressions, above the ordinary
 * sampling range (at most 16): a threshold such as max(x, 20) is probed
 * around 20.
 *
 *     constantHints([parsePlain('max(x, 20)'), parsePlain('20')])   // [20]
 */
export function constantHints(es: readonly Expr[]): number[] {
  // Each expression's own, in order, then joined: what one walk of them all gives (a subtree met again, in the same
  // expression or an earlier one, offers only constants offered before; past 16 nothing is added).
  const out = new Set<number>();
  for (const e of es) {
    for (const v of ownConstantHints(e)) {
      if (out.size >= MAX_HINTS) break;
      out.add(v);
    }
  }
  return [...out];
}

const MAX_HINTS = 16;

/** constantHints([e]), remembered by expression object (the sides of the checks that share a side). */
function ownConstantHints(e: Expr): readonly number[] {
  const known = hintsOf.get(e);
  if (known !== undefined) return known;
  const out = new Set<number>();
  // A subtree met again holds no constant the first visit did not add.
  const visited = new SubtreeSet();
  const visit = (x: Expr): void => {
    if (children(x).length > 0 && !visited.add(x)) return;
    const v = x.kind === 'num' ? Math.abs(Number(x.n) / Number(x.d)) : x.kind === 'float' ? Math.abs(x.value) : 0;
    if (v > 3 && Number.isFinite(v) && out.size < MAX_HINTS) out.add(v);
    for (const c of children(x)) visit(c);
  };
  visit(e);
  const fresh = [...out];
  hintsOf.set(e, fresh);
  return fresh;
}

const hintsOf = new WeakMap<Expr, readonly number[]>();

/**
 * The sampling loop on compiled sides (checkEqualNumeric compiles them and
 * passes the constants of both sides as `hints` for the probe points).
 *
 *     compareCompiled(compile(l, [x]), compile(r, [x]), [x], EXACT_TOLERANCE, {})
 */
export function compareCompiled(f: Compiled, g: Compiled, vars: readonly Sym[], tolerance: number, opts: CheckOptions, hints: readonly number[] = []): NumericVerdict {
  const wanted = opts.points ?? 24;
  // No evidence is not agreement: a check of 0 points decides nothing.
  if (!(wanted >= 1)) return { verdict: 'undecided', reason: `asked for ${wanted} sampled points: at least 1 is needed` };
  const rng = createRng(opts.seed ?? 1);
  const assumptions = opts.assumptions ?? [];
  let valid = 0;
  let tried = 0;
  let maxErr = 0;
  let largest = 0;
  let identical = true;
  const maxTries = wanted * 25;
  const sample = opts.sampler ?? pointSampler(vars, assumptions);
  let excused = 0;
  // Where doubles cannot decide, a high-precision evaluation does (referee.ts); not for approximate checks (≈).
  const referee = opts.sides !== undefined && tolerance <= EXACT_TOLERANCE ? highPrecisionReferee(opts.sides, vars, opts.indexed === true) : undefined;
  /** Set by judge: the last point says nothing (rounding or precision could explain what was seen). */
  let saysNothing = false;
  /** A counterexample at p, or undefined when the sides agree there (or p says nothing). */
  /** Set while the wide probe points are judged (saturation is not looked into there). */
  let probing = false;
  const judge = (p: Float64Array, a: number, b: number): NumericVerdict | undefined => {
    const err = relError(a, b);
    saysNothing = false;
    if (err <= tolerance) {
      const call = referee?.(p, a, b, false, probing);
      if (typeof call === 'object') return call;
      saysNothing = call === 'unknown';
      maxErr = Math.max(maxErr, err);
      return undefined;
    }
    // Before calling it a counterexample: could rounding alone explain it?
    if (explainedByRounding(opts.sides, vars, p, a, b, tolerance, opts.indexed === true)) {
      const call = referee?.(p, a, b, true);
      if (typeof call === 'object') return call;
      saysNothing = call !== 'agree';
      return undefined;
    }
    return { verdict: 'fails', point: pointRecord(vars, p), lhs: a, rhs: b, relError: err };
  };
  let oneSided: { point: Record<string, number>; lhs: number; rhs: number } | undefined;
  /** The first agreeing points, for a high-precision second look when every value is tiny. */
  const kept: { p: Float64Array; a: number; b: number }[] = [];
  while (valid < wanted && tried < maxTries) {
    tried++;
    const p = sample(rng);
    const a = f(p);
    const b = g(p);
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      if (opts.noticeOneSided === true && oneSided === undefined && (Number.isNaN(a) ? Number.isFinite(b) : Number.isNaN(b) && Number.isFinite(a))) oneSided = { point: pointRecord(vars, p), lhs: a, rhs: b };
      continue;
    }
    const failed = judge(p, a, b);
    if (failed !== undefined) return failed;
    if (saysNothing) {
      excused++; // rounding alone could explain the difference: the point says nothing
      continue;
    }
    valid++;
    opts.onCompared?.(p);
    largest = Math.max(largest, Math.abs(a), Math.abs(b));
    if (a !== b) identical = false;
    if (kept.length < KEPT_POINTS) kept.push({ p: Float64Array.from(p), a, b });
  }
  // Special points (0, ±1, domain ends, kinks, sign changes): a disagreement there is a counterexample too.
  const special: string[] = [];
  for (const { p, label } of opts.special ?? []) {
    const a = f(p);
    const b = g(p);
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      // A special point may be the only place one side alone is defined (x = −1, y = 1/2 in x^{2y} = (x^y)^2).
      if (opts.noticeOneSided === true && oneSided === undefined && (Number.isNaN(a) ? Number.isFinite(b) : Number.isNaN(b) && Number.isFinite(a))) oneSided = { point: pointRecord(vars, p), lhs: a, rhs: b };
      continue;
    }
    const failed = judge(p, a, b);
    if (failed !== undefined) return failed;
    // A point that says nothing (rounding could explain the difference) is not one where the sides were seen to agree.
    if (saysNothing) continue;
    opts.onCompared?.(p);
    special.push(label);
  }
  // Probes: their own random stream, so the ordinary points stay those of the seed.
  if (vars.length > 0) {
    const probeRng = createRng(((opts.seed ?? 1) ^ 0x5f3759df) >>> 0);
    const draw = wideDraw(hints, vars.length);
    probing = true;
    for (let i = 0; i < PROBE_POINTS; i++) {
      const p = sample(probeRng, draw);
      const a = f(p);
      const b = g(p);
      if (!Number.isFinite(a) || !Number.isFinite(b)) continue;
      const failed = judge(p, a, b);
      if (failed !== undefined) return failed;
    }
  }
  if (valid < wanted) {
    const rounding = excused > 0 ? `; at ${excused} more the sides differed by no more than rounding error could explain, or were too close for doubles and high precision could not settle it` : '';
    return { verdict: 'undecided', reason: `only ${valid} of ${tried} sampled points were in the domain of both sides${rounding}` };
  }
  if (largest < 1e-6 && !identical) {
    // Tiny values (a sum of partial derivatives that is 0): doubles cannot tell, 60 digits can.
    const calls = referee === undefined ? [] : kept.map(({ p, a, b }) => referee(p, a, b, true));
    const refuted = calls.find((c): c is Exclude<RefereeCall, string> => typeof c === 'object');
    if (refuted !== undefined) return refuted;
    if (calls.length === 0 || calls.some((c) => c !== 'agree')) return { verdict: 'undecided', reason: 'both sides were below 1e-6 at every point: too small to tell from round-off' };
  }
  const used = special.length > 0 ? { special } : {};
  return oneSided === undefined ? { verdict: 'holds', points: valid, maxRelError: maxErr, ...used } : { verdict: 'holds', points: valid, maxRelError: maxErr, oneSided, ...used };
}

/**
 * f as both sides: the second call at the point of the first returns the
 * first's value (an evaluation is a function of the point alone, so it is
 * the value evaluating again would give).
 */
function twice(f: Compiled): [Compiled, Compiled] {
  let last: ArrayLike<number> | undefined;
  let value = 0;
  const first: Compiled = (p) => {
    last = undefined;
    value = f(p);
    last = p;
    return value;
  };
  const second: Compiled = (p) => (p === last ? value : f(p));
  return [first, second];
}

function hasDeriv(e: Expr): boolean {
  return some(e, (x) => x.kind === 'deriv');
}

/**
 * lhs ≈ rhs at N random points of their common domain, plus probe points
 * far out and around the constants. Never trusts a rewrite: both sides are
 * evaluated (derivative nodes by finite differences).
 *
 *     checkEqualNumeric(parsePlain('sigma(x)'), parsePlain('1/(1 + exp(-x))'))   // { verdict: 'holds', points: 24, … }
 */
export function checkEqualNumeric(given: Expr, givenRhs: Expr, opts: CheckOptions = {}): NumericVerdict {
  // The same trees with each repeated subtree one object: the walks below remember what they met by identity.
  const [lhs, rhs] = internTrees([given, givenRhs]) as [Expr, Expr];
  const indexed = needsIndexedMode(lhs) || needsIndexedMode(rhs);
  const vars = freeSymbols(rhs, freeSymbols(lhs, [], indexed), indexed);
  const finiteDifferences = hasDeriv(lhs) || hasDeriv(rhs);
  // Derivative nodes are evaluated by automatic differentiation, as accurately as the rest.
  const tolerance = opts.tolerance ?? EXACT_TOLERANCE;
  // Index symbols, sizes and special points: see coverage.ts.
  const plan = samplingPlan([lhs, rhs], vars, indexed, opts.assumptions ?? [], !finiteDifferences && opts.avoidKinks !== true, opts.seed ?? 1);
  const assumptions = plan.assumptions;
  try {
    const f = compile(lhs, vars, { indexed });
    // The same tree on both sides (a step that only names a result derived before): one evaluation per point serves both.
    const [l, r] = lhs === rhs ? twice(f) : [f, compile(rhs, vars, { indexed })];
    const v = compareCompiled(l, r, vars, tolerance, { ...opts, assumptions, noticeOneSided: !finiteDifferences, indexed, sides: [lhs, rhs] as const, special: plan.special, onCompared: plan.compared, ...(plan.sampler !== undefined ? { sampler: plan.sampler } : {}) }, constantHints([lhs, rhs]));
    return v.verdict === 'holds' ? { ...v, coverage: plan.coverage(v.points, v.special ?? []) } : v;
  } catch (e) {
    if (e instanceof EvaluationError) return { verdict: 'undecided', reason: e.message };
    throw e;
  }
}
