/**
 * Judging `lhs = rhs` (also `≠` and `≈`). Sampling runs first and can veto:
 * a symbolic reduction to 0 counts as `proved` only when no sampled point of
 * the stated domain disagrees (rules such as (u^n)^m = u^{nm} hold only for
 * u > 0, so a "proof" is never trusted against a counterexample).
 *
 *     judgeEqual(engine, prepareStep(engine, parseLatex('(x+1)^2'), parseLatex('x^2+2x+1'), []), {}).verdict  // 'proved'
 */
import { constantBeyondFloatRange, powerBeyondFloatRange } from '../expr/constant-size.js';
import { equal } from '../expr/equal.js';
import { neg, add, mul, num } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { children, size, some } from '../expr/traverse.js';
import { lookupFunction } from '../expr/functions.js';
import { checkEqualNumeric, evaluate, EvaluationError, freeSymbols, type NumericVerdict } from '../numeric/index.js';
import { parsePlain } from '../parse/index.js';
import { symKey } from '../expr/sym-key.js';
import { nerdamerAgrees } from '../numeric/nerdamer-bridge.js';
import { refuteByDifference } from '../numeric/nonzero-difference.js';
import type { Engine } from '../rewrite/engine.js';
import { simplify } from '../simplify/simplify.js';
import { toPlain } from '../render/index.js';
import type { Step } from '../proof/step.js';
import { RuleIndex } from '../rewrite/rule-index.js';
import { rewriteToNormalForm } from '../rewrite/strategy.js';
import { positivity } from './positivity.js';
import { conditionsHoldOnDomain, conditionText, mapCondition, stepConditions, type Condition } from './proof-assumptions.js';
import { leftOnlyPoint } from './domain-shrinking.js';
import { formatNumber as fmt } from '../numeric/format-number.js';
import { formatPoint, type Judgement } from './judgement.js';
import { substitute } from '../expr/substitute.js';
import { originalPoint, type PreparedStep } from './prepare-step.js';
import type { BoldNames } from './bold-arrays.js';

export interface JudgeOptions {
  readonly points?: number;
  readonly seed?: number;
  /** Ask nerdamer for a second symbolic opinion (slower; default true). */
  readonly nerdamer?: boolean;
  /** Names the sides write in bold (\mathbf{a}): vectors or matrices by their font, whose products are not judged as numbers. */
  readonly bold?: BoldNames;
}

/**
 * Does the simplifier take lhs - rhs to 0 (within a save hook's budget)?
 * The conditions its rules assumed (u ≠ 0, u > 0, a ≤ j ≤ b) when it does,
 * undefined when it does not: a caller proves nothing before discharging them.
 *
 *     reductionConditions(engine, parsePlain('x/x'), parsePlain('1'))   // [{ kind: 'nonzero', u: x }]
 */
export function reductionConditions(engine: Engine, lhs: Expr, rhs: Expr): Condition[] | undefined {
  const d = reduceDifference(engine, lhs, rhs);
  return d !== undefined && isZero(d.result) ? stepConditions(d.steps) : undefined;
}

function failure(v: Extract<NumericVerdict, { verdict: 'fails' }>, p: PreparedStep): Judgement {
  const point = originalPoint(v.point, p);
  const at = formatPoint(point);
  return {
    verdict: 'fails',
    evidence: {
      method: 'sampling',
      summary: `${at === '' ? 'the sides differ' : `at ${at}`}: left side = ${fmt(v.lhs)}, right side = ${fmt(v.rhs)}${v.highPrecision === undefined ? '' : ` (at ${v.highPrecision.digits} digits: ${v.highPrecision.lhs} vs ${v.highPrecision.rhs}, difference ${v.highPrecision.difference})`}`,
      point,
      lhsValue: v.lhs,
      rhsValue: v.rhs,
      ...(p.engineDerivative ? { engineDerivative: true } : {}),
    },
  };
}

function numericOnly(v: NumericVerdict, p: PreparedStep): Judgement {
  if (v.verdict === 'fails') return failure(v, p);
  if (v.verdict === 'undecided') return { verdict: 'undecided', evidence: { method: 'sampling', summary: v.reason } };
  return {
    verdict: 'holds',
    evidence: {
      method: 'sampling',
      summary: `both sides agree ${v.coverage?.text ?? `at ${v.points} random points`} (max relative error ${fmt(v.maxRelError)})`,
      points: v.points,
      maxRelError: v.maxRelError,
      ...(v.coverage !== undefined ? { coverage: v.coverage } : {}),
      ...(p.engineDerivative ? { engineDerivative: true } : {}),
    },
  };
}

/** A reduction of lhs − rhs to 0: the steps taken (their assumptions matter) and how it was reached. */
interface Reduction {
  readonly steps: readonly Step[];
  readonly how: string;
}

function isZero(e: Expr | undefined): boolean {
  return e !== undefined && e.kind === 'num' && e.n === 0n;
}

/** The difference simplified, with its steps; undefined when the sides are too large for a save hook's budget. */
function reduceDifference(engine: Engine, lhs: Expr, rhs: Expr): { result: Expr; steps: readonly Step[] } | undefined {
  if (size(lhs) + size(rhs) > 400) return undefined;
  const d = simplify(engine, add(lhs, neg(rhs)), { maxSteps: 500, maxMs: 80 });
  return { result: d.result, steps: d.steps };
}

/**
 * The laws of logarithms (rules/logarithms.rules) applied to both sides,
 * then the difference simplified: log(a b) = log a + log b is settled here.
 */
function reduceWithExpandedLogs(engine: Engine, lhs: Expr, rhs: Expr): Reduction | undefined {
  const laws = engine.library.sets.get('expand-logs');
  if (laws === undefined) return undefined;
  const index = new RuleIndex([laws]);
  const budget = { maxSteps: 200, maxMs: 40 };
  const l = rewriteToNormalForm(lhs, index, budget);
  const r = rewriteToNormalForm(rhs, index, budget);
  if (l.steps.length === 0 && r.steps.length === 0) return undefined;
  const d = reduceDifference(engine, l.result, r.result);
  if (d === undefined || !isZero(d.result)) return undefined;
  return { steps: [...l.steps, ...r.steps, ...d.steps], how: "the difference simplifies to 0 with gradtex's rules after the laws of logarithms" };
}

/** Marks a refusal for want of an index's range (see judgeEqual: such a step is undecided, not holds). */
const UNSTATED_RANGE = 'the range of';

/**
 * The side conditions a proof rests on, checked on the sampled domain: the
 * reduction's own (u > 0, u ≠ 0, a ≤ j ≤ b) and those of the substituted
 * derivatives. A string says why they are not discharged.
 */
export function discharge(own: readonly Condition[], p: PreparedStep, opts: JudgeOptions): { text: string; points: number } | string {
  // Sampled where the numeric check samples: the reparametrised sides (x > 0 may be x = e^t).
  const all = [...own.map((c) => mapCondition(c, (u) => substitute(u, p.reparam))), ...p.conditions.map((c) => mapCondition(c, (u) => substitute(u, p.reparam)))];
  if (all.length === 0) return { text: '', points: 0 };
  // An index's range is a fact, not something sampling can establish: the free indices are drawn
  // from a few small values, all inside every sampled range. Without a stated domain for the index,
  // a ≤ j ≤ b is not discharged.
  for (const c of [...own, ...p.conditions]) {
    if (c.kind !== 'in-range') continue;
    // A relation to another index (k ≠ l) is not a range.
    const unstated = freeSymbols(c.u).find((s) => !p.assumptions.some((a) => symKey(a.sym) === symKey(s) && a.kind !== 'index-relation') && !p.reparam.has(symKey(s)));
    if (unstated !== undefined) return `the rules assumed ${conditionText(c)}, and ${UNSTATED_RANGE} ${toPlain(unstated)} is not stated`;
  }
  const domain = conditionsHoldOnDomain(p.lhs, p.rhs, all, p.anchors, { points: opts.points ?? 24, seed: opts.seed ?? 1, assumptions: p.assumptions });
  if (!domain.ok) return domain.why;
  const texts = [...own, ...p.conditions].map(conditionText).filter((t, i, xs) => xs.indexOf(t) === i);
  return { text: `; the rules used ${texts.join(', ')}, true at all ${domain.points} sampled points where both sides are defined`, points: domain.points };
}

/** proved, when the reduction's assumptions (and the derivatives' conditions) hold on the sampled domain; otherwise why not. */
function provedBy(r: Reduction, p: PreparedStep, opts: JudgeOptions, sampled: string, extra: { engineDerivative?: true }, method: 'simplify' | 'identical' | 'nerdamer' = 'simplify'): Judgement | string {
  const d = discharge(stepConditions(r.steps), p, opts);
  if (typeof d === 'string') return d;
  return { verdict: 'proved', evidence: { method, summary: `${r.how}${sampled}${d.text}`, ...extra } };
}

/** An equality claim. */
export function judgeEqual(engine: Engine, p: PreparedStep, opts: JudgeOptions = {}): Judgement {
  // d/dx ReLU(x) written in as step(x): at x = 0 the derivative does not exist, so the kink is no place to compare
  // it with 1[x > 0] (step(0) = 1/2 is a framework convention, not a value of the derivative).
  const kinked = p.anchors.some((a) => some(a, (x) => x.kind === 'call' && lookupFunction(x.fn)?.kink !== undefined));
  // d/dx |x| at x = 0 given ("At $x = 0$: …"): the substituted derivative is the engine's sign(0) = 0 there, a convention,
  // not a value of a derivative that does not exist.
  if (kinked && p.anchors.some((a) => freeSymbols(a).length === 0 && atKink([a], {}))) {
    return { verdict: 'undecided', evidence: { method: 'none', summary: 'a derivative is taken at a kink of the function (where it does not exist); the value the engine gives there is a convention, so the step is not judged' } };
  }
  const numeric = checkEqualNumeric(p.lhs, p.rhs, { points: opts.points ?? 24, seed: opts.seed ?? 1, assumptions: p.assumptions, ...(kinked ? { avoidKinks: true } : {}) });
  if (numeric.verdict === 'fails') return failure(numeric, p);
  const extra = p.engineDerivative ? { engineDerivative: true as const } : {};
  // Domain shrinking: where the left side is defined and the right is not, the relation is not an identity.
  // A substituted derivative exists at most where the function it differentiates is defined (0·f narrows a side to that).
  const [la, ra] = p.sideAnchors;
  const narrowed = (side: Expr, anchors: readonly Expr[]): Expr => (anchors.length === 0 ? side : add(side, ...anchors.map((f) => mul(num(0), f))));
  const shrunk = leftOnlyPoint(narrowed(p.lhs, la), narrowed(p.rhs, ra), { points: opts.points ?? 24, seed: opts.seed ?? 1, assumptions: p.assumptions });
  // (Not at a kink of a function whose derivative was substituted: ReLU'(0), |x|'(0) do not exist, so the left side
  // is not defined there either; the value the engine's step(0) = 1/2 or sign(0) = 0 gives is a convention.)
  if (shrunk !== undefined && !(kinked && atKink(p.anchors, shrunk.point))) {
    const point = originalPoint(shrunk.point, p);
    const at = formatPoint(point);
    return { verdict: 'fails', evidence: { method: 'sampling', summary: `the left side is ${fmt(shrunk.lhs)}${at === '' ? '' : ` at ${at}`}, the right side is undefined`, point, lhsValue: shrunk.lhs, rhsValue: NaN, ...extra } };
  }
  // A derivative the engine could not verify was left as a derivative: sampling may judge the step, never prove it.
  if (p.distrusted !== undefined) {
    return holdsNotProved(numericOnly(numeric, p), p.distrusted);
  }
  const sampled = numeric.verdict === 'holds' ? ` (and agree ${numeric.coverage?.text ?? `at ${numeric.points} random points`})` : '';
  if (equal(p.symbolicLhs, p.symbolicRhs)) {
    const proof = provedBy({ steps: [], how: `both sides are the same expression${p.engineDerivative ? ' once the derivative is taken' : ''}` }, p, opts, '', extra, 'identical');
    if (typeof proof !== 'string') return proof;
    return holdsNotProved(numericOnly(numeric, p), proof);
  }
  const reduced = reduceDifference(engine, p.symbolicLhs, p.symbolicRhs);
  const difference = reduced?.result;
  // Why a symbolic reduction was not used as a proof, if one was found and refused.
  let refused: string | undefined;
  if (reduced !== undefined && isZero(difference)) {
    const proof = provedBy({ steps: reduced.steps, how: "the difference simplifies to 0 with gradtex's rules" }, p, opts, sampled, extra);
    if (typeof proof !== 'string') return proof;
    refused = proof;
  } else {
    // With the constraint solved for one member (p_3 = 1 - p_1 - p_2); its assumptions are checked the same way.
    const constrained = p.constrained !== undefined ? reduceDifference(engine, p.constrained[0], p.constrained[1]) : undefined;
    if (constrained !== undefined && isZero(constrained.result)) {
      const proof = provedBy({ steps: constrained.steps, how: "the difference simplifies to 0 with gradtex's rules once the constraint is used" }, p, opts, sampled, extra);
      if (typeof proof !== 'string') return proof;
      refused = proof;
    }
  }
  if (refused === undefined && !isZero(difference)) {
    const logs = numeric.verdict === 'holds' ? reduceWithExpandedLogs(engine, p.symbolicLhs, p.symbolicRhs) : undefined;
    if (logs !== undefined) {
      const proof = provedBy(logs, p, opts, sampled, extra);
      if (typeof proof !== 'string') return proof;
      refused = proof;
    }
  }
  // nerdamer's simplification may assume as much as ours; it is not asked once ours was refused.
  if (refused === undefined && opts.nerdamer !== false && numeric.verdict === 'holds' && nerdamerAgrees(p.symbolicLhs, p.symbolicRhs) === true) {
    const proof = provedBy({ steps: [], how: 'nerdamer simplifies the difference to 0' }, p, opts, sampled, extra, 'nerdamer');
    if (typeof proof !== 'string') return proof;
    refused = proof;
  }
  // Sampling cannot see a constant lost to rounding (1e18 x + 1 = 1e18 x in
  // floating point); the simplifier can, when the constant is exact. A float
  // constant is the simplifier's own double arithmetic on decimals the user
  // wrote (0.1 + 0.2 - 0.3 = 5.55e-17): it refutes nothing.
  if (difference !== undefined && p.constrained === undefined && difference.kind === 'num' && difference.n !== 0n) {
    return { verdict: 'fails', evidence: { method: 'simplify', summary: `the difference of the sides simplifies to the constant ${toPlain(difference)}`, ...extra } };
  }
  // A difference that is positive by its shape wherever it is defined (e^u, a sum of squares plus e^u, …)
  // is never 0, however small doubles make it (e^(-10000 (y + 0.7)^2) at every sampled y).
  const apart = numeric.verdict === 'holds' && p.constrained === undefined ? neverZeroDifference(p, reduced) : undefined;
  if (apart !== undefined) {
    return { verdict: 'fails', evidence: { method: 'simplify', summary: `the sides differ by ${toPlain(apart.difference)}, which is ${apart.sign} wherever it is defined: they differ at every point where both are defined (at the sampled points doubles round the difference away)`, ...extra } };
  }
  // Agreement in float64 says nothing about a constant it rounds to 0 or ∞: (1234567/7654321)^9000 x = 0.
  const beyond = numeric.verdict === 'holds' ? (constantBeyondFloatRange(p.lhs) ?? constantBeyondFloatRange(p.rhs)) : undefined;
  if (beyond !== undefined) {
    return { verdict: 'undecided', evidence: { method: 'sampling', summary: `the constant ${toPlain(beyond)} is beyond floating-point range (it evaluates to 0 or ∞), so agreement at sampled points says nothing` } };
  }
  const power = numeric.verdict === 'holds' ? (powerBeyondFloatRange(p.lhs) ?? powerBeyondFloatRange(p.rhs)) : undefined;
  if (power !== undefined) {
    return { verdict: 'undecided', evidence: { method: 'sampling', summary: `${toPlain(power)} is 0 or ∞ in floating point at almost every point, so agreement at sampled points says nothing` } };
  }
  // A single nonzero-looking term (10^(-20) x, e^(-1000)) is looked for in high precision at a few points.
  const refuted = difference !== undefined && p.constrained === undefined ? refuteByDifference(substitute(difference, p.reparam), p.lhs, p.rhs, p.assumptions) : undefined;
  if (refuted !== undefined) return failure(refuted, p);
  const judged = numericOnly(numeric, p);
  return refused === undefined ? judged : holdsNotProved(judged, refused);
}

/**
 * A sampled agreement whose proof was refused for `why`: still `holds`, unless
 * the proof wanted an index inside a sum's range that is not stated. Free
 * indices are sampled inside the sums' ranges, so agreement says nothing about
 * an index outside them (sum(delta(i,k) x_k, k, 1, n) = x_i and
 * d(sum(x_k^2, k, 1, n), x_j) = 2 x_j are false for an index past n): the step
 * is true only under the range, whichever path refused the proof.
 */
function holdsNotProved(judged: Judgement, why: string): Judgement {
  if (judged.verdict !== 'holds') return judged;
  if (why.includes(` ${UNSTATED_RANGE} `)) {
    return { verdict: 'undecided', evidence: { ...judged.evidence, summary: `${judged.evidence.summary}, but ${why} (state it, as in $j \\in \\{1, \\dots, n\\}$ with n the sum's end), so it is known only for the index values sampled` } };
  }
  return { ...judged, evidence: { ...judged.evidence, summary: `${judged.evidence.summary}; not proved: ${why}` } };
}

/** `lhs ≠ rhs`: one point where the sides differ shows it; agreement everywhere sampled refutes it. */
export function judgeNotEqual(engine: Engine, p: PreparedStep, opts: JudgeOptions = {}): Judgement {
  const eq = judgeEqual(engine, p, { ...opts, nerdamer: false });
  if (eq.verdict === 'fails') return { verdict: 'holds', evidence: { ...eq.evidence, summary: `the sides differ ${eq.evidence.summary}` } };
  if (eq.verdict === 'undecided') return eq;
  return { verdict: 'fails', evidence: { ...eq.evidence, summary: `the sides are equal: ${eq.evidence.summary}` } };
}

/** `lhs ≈ rhs`: reported, judged loosely (1% relative), never proved. */
export function judgeApprox(p: PreparedStep, opts: JudgeOptions = {}): Judgement {
  const v = checkEqualNumeric(p.lhs, p.rhs, { points: opts.points ?? 24, seed: opts.seed ?? 1, assumptions: p.assumptions, tolerance: 1e-2 });
  const j = numericOnly(v, p);
  return j.verdict === 'holds' ? { verdict: 'holds', evidence: { ...j.evidence, summary: `approximately: ${j.evidence.summary} (tolerance 1%)` } } : j;
}

/**
 * A difference of the sides that is never 0 where both are defined: the
 * simplified difference when the reduction assumed nothing, or the terms
 * left when the addends the two sides share are cancelled (a + e^u vs a).
 * Sums are left out: a sum of positive terms is 0 over an empty range.
 *
 *     // -7/9 + e^(-1000 (x - 1.1)^2) vs -7/9: differs by e^(-1000 (x - 1.1)^2), positive
 */
function neverZeroDifference(p: PreparedStep, reduced: { result: Expr; steps: readonly Step[] } | undefined): { difference: Expr; sign: 'positive' | 'negative' } | undefined {
  const positive = positivity([]);
  const signOf = (d: Expr): 'positive' | 'negative' | undefined => {
    // A float outside a function's argument may be the simplifier's double arithmetic on typed decimals
    // (0.1 + 0.2 - 0.3 folds to 5.55e-17, (0.1 + 0.2) e^x - 0.3 e^x to 5.55e-17 e^x): no conclusion then.
    if (isZero(d) || some(d, (x) => x.kind === 'call' && x.fn === 'sum') || floatOutsideCalls(d)) return undefined;
    if (d.kind === 'neg') return positive(d.arg) ? 'negative' : undefined;
    return positive(d) ? 'positive' : undefined;
  };
  if (reduced !== undefined && stepConditions(reduced.steps).length === 0) {
    const sign = signOf(reduced.result);
    if (sign !== undefined) return { difference: reduced.result, sign };
  }
  // Cancel shared addends; what is left on one side alone is the difference, where both sides are defined.
  const addends = (e: Expr): Expr[] => (e.kind === 'add' ? [...e.args] : [e]);
  const left = addends(p.symbolicLhs);
  const right = addends(p.symbolicRhs);
  for (let i = left.length - 1; i >= 0; i--) {
    const k = right.findIndex((r) => equal(r, left[i] as Expr));
    if (k >= 0) {
      left.splice(i, 1);
      right.splice(k, 1);
    }
  }
  if (left.length > 0 && right.length > 0) return undefined;
  const rest = left.length > 0 ? left : right.map((r) => neg(r));
  if (rest.length === 0) return undefined;
  const difference = rest.length === 1 ? (rest[0] as Expr) : add(...rest);
  const sign = signOf(difference);
  return sign === undefined ? undefined : { difference, sign };
}

/** A decimal (float node) that is not inside a function's argument. */
function floatOutsideCalls(e: Expr): boolean {
  if (e.kind === 'float') return true;
  if (e.kind === 'call') return false;
  return children(e).some(floatOutsideCalls);
}

/** Is `point` a kink of a function in `anchors` (relu's or |·|'s argument 0, max's arguments tied)? */
function atKink(anchors: readonly Expr[], point: Readonly<Record<string, number>>): boolean {
  const env = new Map(Object.entries(point));
  const near0 = (e: Expr): boolean => {
    try {
      return Math.abs(evaluate(e, env)) < 1e-9;
    } catch (err) {
      if (err instanceof EvaluationError) return false;
      throw err;
    }
  };
  return anchors.some((a) =>
    some(a, (x) => {
      if (x.kind !== 'call') return false;
      const kink = lookupFunction(x.fn)?.kink;
      const [u, v] = x.args;
      if (kink === undefined || u === undefined) return false;
      if (kink.at === 'tie') return v !== undefined && near0(add(u, neg(v)));
      // (The hinge's kink is where 1 − u is 0; the others' where u is.)
      return near0(kink.where === undefined ? u : substitute(parsePlain(kink.where), new Map([['u', u]])));
    }),
  );
}
