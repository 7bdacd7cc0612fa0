/**
 * Judging `lhs ≤ rhs`, `<`, `≥`, `>`: a counterexample search first (it can
 * only find the claim false), then the lemma library (the only way an
 * inequality is `proved`); otherwise `holds` with the number of points tried.
 *
 *     judgeInequality(engine, prepared, '<=', lemmas, facts, {}).verdict   // 'proved' for \ln x \le x - 1 with x > 0
 */
import type { Engine } from '../rewrite/engine.js';
import type { Fact } from './facts.js';
import { fmt, formatPoint, type Judgement } from './judgement.js';
import { proveByLemmas, type Lemma } from './lemma-proof.js';
import { positivity } from './positivity.js';
import { originalPoint, type PreparedStep } from './prepare-step.js';
import type { Relation } from './relation.js';
import { searchViolation } from './search-counterexample.js';
import { discharge, type JudgeOptions } from './judge-equal.js';

export function judgeInequality(engine: Engine, p: PreparedStep, rel: '<=' | '<' | '>=' | '>', lemmas: readonly Lemma[], facts: readonly Fact[], opts: JudgeOptions = {}): Judgement {
  const swapped = rel === '>=' || rel === '>';
  const strict = rel === '<' || rel === '>';
  const [a, b] = swapped ? [p.rhs, p.lhs] : [p.lhs, p.rhs];
  const [sa, sb] = swapped ? [p.symbolicRhs, p.symbolicLhs] : [p.symbolicLhs, p.symbolicRhs];
  const extra = p.engineDerivative ? { engineDerivative: true } : {};
  const found = searchViolation(a, b, strict, p.assumptions, { points: opts.points ?? 24, seed: opts.seed ?? 1 });
  if (found.kind === 'violation') {
    const point = originalPoint(found.point, p);
    const [lv, rv] = swapped ? [found.rhs, found.lhs] : [found.lhs, found.rhs];
    const at = formatPoint(point);
    const equalHere = lv === rv;
    return {
      verdict: 'fails',
      evidence: {
        method: 'search',
        summary: `${at === '' ? 'at a sampled point' : `at ${at}`}: left side = ${fmt(lv)}, right side = ${fmt(rv)}${equalHere && strict ? ' (equal, so the strict inequality fails)' : ''}`,
        point,
        lhsValue: lv,
        rhsValue: rv,
        ...extra,
      },
    };
  }
  // A lemma proof stands only on verified derivatives whose conditions, and the rearrangement's, hold on the domain.
  const proof = p.distrusted === undefined && typeof discharge([], p, opts) !== 'string' ? proveByLemmas(sa, sb, strict, lemmas, positivity(facts), engine, (cs) => typeof discharge(cs, p, opts) !== 'string') : undefined;
  if (proof !== undefined) {
    const names = proof.lemmas.length === 0 ? 'both sides are equal' : `instance of ${proof.lemmas.join(', ')}`;
    return { verdict: 'proved', evidence: { method: 'lemma', summary: `${names}; no counterexample among ${found.kind === 'none' ? found.points : 0} points`, lemmas: proof.lemmas, ...extra } };
  }
  if (found.kind === 'undecided') return { verdict: 'undecided', evidence: { method: 'search', summary: found.reason } };
  if (found.touching !== undefined) {
    const at = formatPoint(originalPoint(found.touching, p));
    return { verdict: 'undecided', evidence: { method: 'search', summary: `the sides come within rounding of each other near ${at}: whether the strict inequality holds there cannot be decided numerically`, points: found.points } };
  }
  return {
    verdict: 'holds',
    evidence: { method: 'search', summary: `no counterexample at ${found.points} points (random sampling and local search); no lemma matched, so not proved`, points: found.points, ...extra },
  };
}

export type { Relation };
