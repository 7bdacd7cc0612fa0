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
import type { Engine } from '../rewrite/engine.js';
import { simplify } from '../simplify/simplify.js';
import { toPlain } from '../render/index.js';
import { fmt, formatPoint, type Judgement } from './judgement.js';
import { originalPoint, type PreparedStep } from './prepare-step.js';

export interface JudgeOptions {
  readonly points?: number;
  readonly seed?: number;
  /** Ask nerdamer for a second symbolic opinion (slower; default true). */
  readonly nerdamer?: boolean;
}

/** lhs - rhs simplified within a small budget (fit for an editor's save hook); undefined when too large. */
export function simplifiedDifference(engine: Engine, lhs: Expr, rhs: Expr): Expr | undefined {
  if (size(lhs) + size(rhs) > 400) return undefined;
  return simplify(engine, add(lhs, neg(rhs)), { maxSteps: 500, maxMs: 80 }).result;
}

/** Does the simplifier take lhs - rhs to 0? */
export function simplifiesToZero(engine: Engine, lhs: Expr, rhs: Expr): boolean {
  const r = simplifiedDifference(engine, lhs, rhs);
  return r !== undefined && r.kind === 'num' && r.n === 0n;
}

function failure(v: Extract<NumericVerdict, { verdict: 'failed' }>, p: PreparedStep): Judgement {
  const point = originalPoint(v.point, p);
  const at = formatPoint(point);
  return {
    verdict: 'fails',
    evidence: {
      method: 'sampling',
      summary: `${at === '' ? 'the sides differ' : `at ${at}`}: left side = ${fmt(v.lhs)}, right side = ${fmt(v.rhs)}`,
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

/** An equality claim. */
export function judgeEqual(engine: Engine, p: PreparedStep, opts: JudgeOptions = {}): Judgement {
  const numeric = checkEqualNumeric(p.lhs, p.rhs, { points: opts.points ?? 24, seed: opts.seed ?? 1, assumptions: p.assumptions });
  if (numeric.verdict === 'failed') return failure(numeric, p);
  const extra = p.engineDerivative ? { engineDerivative: true } : {};
  const sampled = numeric.verdict === 'numeric' ? ` (and agree at ${numeric.points} random points)` : '';
  if (equal(p.symbolicLhs, p.symbolicRhs)) return { verdict: 'proved', evidence: { method: 'identical', summary: `both sides are the same expression${p.engineDerivative ? ' once the derivative is taken' : ''}`, ...extra } };
  const difference = simplifiedDifference(engine, p.symbolicLhs, p.symbolicRhs);
  if ((difference?.kind === 'num' && difference.n === 0n) || (p.constrained !== undefined && simplifiesToZero(engine, p.constrained[0], p.constrained[1]))) {
    return { verdict: 'proved', evidence: { method: 'simplify', summary: `the difference simplifies to 0 with gradtex's rules${sampled}`, ...extra } };
  }
  if (opts.nerdamer !== false && numeric.verdict === 'numeric' && nerdamerAgrees(p.symbolicLhs, p.symbolicRhs) === true) {
    return { verdict: 'proved', evidence: { method: 'nerdamer', summary: `nerdamer simplifies the difference to 0${sampled}`, ...extra } };
  }
  // Sampling cannot see a constant lost to rounding (1e18 x + 1 = 1e18 x in
  // floating point); the simplifier can.
  if (difference !== undefined && p.constrained === undefined && ((difference.kind === 'num' && difference.n !== 0n) || (difference.kind === 'float' && difference.value !== 0))) {
    return { verdict: 'fails', evidence: { method: 'simplify', summary: `the difference of the sides simplifies to the constant ${toPlain(difference)}`, ...extra } };
  }
  return numericOnly(numeric, p);
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
