/**
 * Judging `lhs = rhs` (also `≠` and `≈`). Sampling runs first and can veto:
 * a symbolic reduction to 0 counts as `proved` only when no sampled point of
 * the stated domain disagrees (rules such as (u^n)^m = u^{nm} hold only for
 * u > 0, so a "proof" is never trusted against a counterexample).
 *
 *     judgeEqual(engine, prepareStep(engine, parseLatex('(x+1)^2'), parseLatex('x^2+2x+1'), []), {}).verdict  // 'proved'
 */
import { equal } from '../expr/equal.js';
import { neg, add } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { size } from '../expr/traverse.js';
import { checkEqualNumeric, type NumericVerdict } from '../numeric/index.js';
import { nerdamerAgrees } from '../numeric/nerdamer-bridge.js';
import { refuteByDifference } from '../numeric/nonzero-difference.js';
import type { Engine } from '../rewrite/engine.js';
import { simplify } from '../simplify/simplify.js';
import { toPlain } from '../render/index.js';
import type { Step } from '../proof/step.js';
import { RuleIndex } from '../rewrite/rule-index.js';
import { rewriteToNormalForm } from '../rewrite/strategy.js';
import { assumptionsHoldOnDomain, positivityAssumptions } from './proof-assumptions.js';
import { fmt, formatPoint, type Judgement } from './judgement.js';
import { originalPoint, substitute, type PreparedStep } from './prepare-step.js';

export interface JudgeOptions {
  readonly points?: number;
  readonly seed?: number;
  /** Ask nerdamer for a second symbolic opinion (slower; default true). */
  readonly nerdamer?: boolean;
}

/** Does the simplifier take lhs - rhs to 0 (within a save hook's budget)? */
export function simplifiesToZero(engine: Engine, lhs: Expr, rhs: Expr): boolean {
  return isZero(reduceDifference(engine, lhs, rhs)?.result);
}

function failure(v: Extract<NumericVerdict, { verdict: 'failed' }>, p: PreparedStep): Judgement {
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
  if (v.verdict === 'failed') return failure(v, p);
  if (v.verdict === 'undecided') return { verdict: 'undecided', evidence: { method: 'sampling', summary: v.reason } };
  return {
    verdict: 'holds',
    evidence: {
      method: 'sampling',
      summary: `both sides agree at ${v.points} random points (max relative error ${fmt(v.maxRelError)})`,
      points: v.points,
      maxRelError: v.maxRelError,
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

/** proved, when the reduction's assumptions hold on the sampled domain; otherwise why not. */
function provedBy(r: Reduction, p: PreparedStep, opts: JudgeOptions, sampled: string, extra: { engineDerivative?: true }): Judgement | string {
  const positive = positivityAssumptions(r.steps);
  if (positive.length === 0) return { verdict: 'proved', evidence: { method: 'simplify', summary: `${r.how}${sampled}`, ...extra } };
  // Sampled where the numeric check samples: the reparametrised sides (x > 0 may be x = e^t).
  const domain = assumptionsHoldOnDomain(p.lhs, p.rhs, positive.map((u) => substitute(u, p.reparam)), { points: opts.points ?? 24, seed: opts.seed ?? 1, assumptions: p.assumptions });
  if (!domain.ok) return domain.why;
  const assumed = positive.map((u) => `${toPlain(u)} > 0`).join(', ');
  return { verdict: 'proved', evidence: { method: 'simplify', summary: `${r.how}${sampled}; the rules used ${assumed}, true at all ${domain.points} sampled points where both sides are defined`, ...extra } };
}

/** An equality claim. */
export function judgeEqual(engine: Engine, p: PreparedStep, opts: JudgeOptions = {}): Judgement {
  const numeric = checkEqualNumeric(p.lhs, p.rhs, { points: opts.points ?? 24, seed: opts.seed ?? 1, assumptions: p.assumptions });
  if (numeric.verdict === 'failed') return failure(numeric, p);
  const extra = p.engineDerivative ? { engineDerivative: true as const } : {};
  const sampled = numeric.verdict === 'numeric' ? ` (and agree at ${numeric.points} random points)` : '';
  if (equal(p.symbolicLhs, p.symbolicRhs)) return { verdict: 'proved', evidence: { method: 'identical', summary: `both sides are the same expression${p.engineDerivative ? ' once the derivative is taken' : ''}`, ...extra } };
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
    const logs = numeric.verdict === 'numeric' ? reduceWithExpandedLogs(engine, p.symbolicLhs, p.symbolicRhs) : undefined;
    if (logs !== undefined) {
      const proof = provedBy(logs, p, opts, sampled, extra);
      if (typeof proof !== 'string') return proof;
      refused = proof;
    }
  }
  // nerdamer's simplification may assume as much as ours; it is not asked once ours was refused.
  if (refused === undefined && opts.nerdamer !== false && numeric.verdict === 'numeric' && nerdamerAgrees(p.symbolicLhs, p.symbolicRhs) === true) {
    return { verdict: 'proved', evidence: { method: 'nerdamer', summary: `nerdamer simplifies the difference to 0${sampled}`, ...extra } };
  }
  // Sampling cannot see a constant lost to rounding (1e18 x + 1 = 1e18 x in
  // floating point); the simplifier can.
  if (difference !== undefined && p.constrained === undefined && ((difference.kind === 'num' && difference.n !== 0n) || (difference.kind === 'float' && difference.value !== 0))) {
    return { verdict: 'fails', evidence: { method: 'simplify', summary: `the difference of the sides simplifies to the constant ${toPlain(difference)}`, ...extra } };
  }
  // A single nonzero-looking term (10^(-20) x, e^(-1000)) is looked for in high precision at a few points.
  const refuted = difference !== undefined && p.constrained === undefined ? refuteByDifference(substitute(difference, p.reparam), p.lhs, p.rhs, p.assumptions) : undefined;
  if (refuted !== undefined) return failure(refuted, p);
  const judged = numericOnly(numeric, p);
  return refused !== undefined && judged.verdict === 'holds' ? { ...judged, evidence: { ...judged.evidence, summary: `${judged.evidence.summary}; not proved: ${refused}` } } : judged;
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
