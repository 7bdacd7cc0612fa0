/**
 * Issue #9, "nothing trusted that was not checked": the checker substitutes
 * an engine derivative only after the verification `gradtex diff` runs on
 * it, carries the conditions of every rewrite it leans on (u > 0, u ≠ 0,
 * a ≤ j ≤ b) and discharges them on the domain, and takes a point where the
 * left side is defined and the right is not as a counterexample.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { leftOnlyPoint } from '../../src/check/domain-shrinking.js';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { proveByLemmas } from '../../src/check/lemma-proof.js';
import { conditionsHoldOnDomain, stepConditions } from '../../src/check/proof-assumptions.js';
import { readFacts } from '../../src/check/read-facts.js';
import type { Relation } from '../../src/parse/relation.js';
import { differentiate } from '../../src/derive/differentiate.js';
import { deriv, sym } from '../../src/expr/build.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { distrust, verifyDerivation } from '../../src/proof/verify.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { simplify } from '../../src/simplify/simplify.js';

const engine = createEngine();
const checker = createChecker(engine);
const equal = (l: string, r: string, assume = '', rel: Relation = '=') => judgeStep(checker, parsePlain(l), rel, parsePlain(r), readFacts(assume));

describe('engine derivatives are verified before the checker uses them', () => {
  it('should refute d((x^2)^(1/2), x) = 1, whose true value is sign(x)', () => {
    const j = equal('d((x^2)^(1/2), x)', '1');
    expect(j.verdict).toBe('fails');
  });

  it('should refute d(sum(x_k, k, 2, n), x_1) = 1: x_1 is not in the sum', () => {
    expect(equal('d(sum(x_k, k, 2, n), x_1)', '1').verdict).toBe('fails');
    expect(equal('d(sum(x_k, k, 2, n), x_1)', '0').verdict).toBe('proved');
  });

  it('should differentiate (x^2)^(1/2) to x/|x|, a derivation that passes its own check', () => {
    const x = sym('x');
    const d = differentiate(engine, parsePlain('(x^2)^(1/2)'), [x]);
    expect(distrust(verifyDerivation(d, deriv(parsePlain('(x^2)^(1/2)'), x)))).toBeUndefined();
    expect(equal('d((x^2)^(1/2), x)', 'x/abs(x)').verdict).toBe('proved');
  });

  it('should name the failed check when a derivation fails its verification', () => {
    const x = sym('x');
    const d = differentiate(engine, parsePlain('(x^2)^(1/2)'), [x]);
    // A derivation whose result is replaced by a wrong one: the verification names the failure.
    const wrong = { ...d, result: parsePlain('1') };
    expect(distrust(verifyDerivation(wrong, deriv(parsePlain('(x^2)^(1/2)'), x)))).toMatch(/fails at x = /);
  });

  it('should refute the derivative of a 3-class softmax entry by z_4 being nonzero in a document', () => {
    const doc = [
      'Let $p_1 = \\frac{e^{z_1}}{\\sum_{k=1}^{3} e^{z_k}}$.',
      '',
      '$$\\frac{\\partial p_1}{\\partial z_4} = -\\frac{e^{z_1} e^{z_4}}{\\left(\\sum_{k=1}^{3} e^{z_k}\\right)^2}$$',
      '',
      '$$\\frac{\\partial p_1}{\\partial z_2} = -\\frac{e^{z_1} e^{z_2}}{\\left(\\sum_{k=1}^{3} e^{z_k}\\right)^2}$$',
      '',
    ].join('\n');
    const report = checkDocument(checker, doc, 'markdown');
    const verdicts = report.chains.flatMap((c) => c.steps.map((s) => s.verdict));
    expect(verdicts).toEqual(['fails', 'proved']);
  });
});

describe('conditionally true rules only where their conditions hold', () => {
  it('should not prove (x^2)^(1/2) = x, with or without x > -1/100', () => {
    expect(equal('(x^2)^(1/2)', 'x').verdict).toBe('fails');
    expect(equal('(x^2)^(1/2)', 'x', 'x > -1/100').verdict).not.toBe('proved');
    // (x^2)^(1/2) simplifies to |x|; with x > 0 that is x, which sampling confirms (no rule drops |…| under an assumption).
    expect(equal('(x^2)^(1/2)', 'x', 'x > 0').verdict).toBe('holds');
  });

  it('should not prove ((x^2 - 1/1000000)^2)^(1/2) = x^2 - 1/1000000, false near x = 0', () => {
    expect(equal('((x^2 - 1/1000000)^2)^(1/2)', 'x^2 - 1/1000000').verdict).not.toBe('proved');
    expect(equal('((x^2 - 1/1000000)^2)^(1/2)', 'abs(x^2 - 1/1000000)').verdict).toBe('proved');
  });

  it('should keep (u^n)^m = u^(nm) for integer m', () => {
    expect(equal('(x^(1/2))^2', 'x').verdict).toBe('proved');
    expect(equal('(x^3)^2', 'x^6').verdict).toBe('proved');
  });

  it('should sift a Kronecker delta only for an index inside the sum range', () => {
    expect(equal('sum(delta(k, 1)*x_k, k, 2, n)', 'x_1').verdict).not.toBe('proved');
    expect(equal('sum(delta(k, 1)*x_k, k, 2, n)', '0').verdict).toBe('proved');
    expect(equal('sum(delta(k, 3)*x_k, k, 1, 2)', '0').verdict).toBe('proved');
    expect(equal('sum(delta(k, 2)*x_k, k, 1, 2)', 'x_2').verdict).toBe('proved');
  });

  it('should not take an index inside a sum range unless the range of the index is stated', () => {
    const j = equal('sum(delta(k, j)*x_k, k, 1, n)', 'x_j');
    // agreement at sampled indices says nothing about j > n, where the sum is 0: undecided, never holds
    expect(j.verdict).toBe('undecided');
    expect(j.evidence.summary).toMatch(/the rules assumed 1 ≤ j ≤ n, and the range of j is not stated/);
    expect(equal('sum(delta(i,j)*delta(j,k), j, 1, n)', 'delta(i,k)').verdict).not.toBe('proved');
    // a stated range inside the sum's range discharges the condition…
    expect(equal('sum(delta(k, j)*x_k, k, 1, 5)', 'x_j', 'j in {1, 2}').verdict).toBe('proved');
    // …but j ∈ {1, 2} does not put j inside 1..n: at n = 1, j = 2 the sum is 0
    expect(equal('sum(delta(k, j)*x_k, k, 1, n)', 'x_j', 'j in {1, 2}').verdict).toBe('fails');
  });

  it('should record the index range a sifting step assumed', () => {
    const d = simplify(engine, parsePlain('sum(delta(k, j)*x_k, k, 1, n)'));
    expect(d.result).toEqual(parsePlain('x_j'));
    expect(stepConditions(d.steps)).toEqual([{ kind: 'in-range', u: sym('j'), lo: parsePlain('1'), hi: sym('n') }]);
  });

  it('should check u ≠ 0 on the domain, at every sampled point where both sides are defined', () => {
    const x = parsePlain('x');
    expect(conditionsHoldOnDomain(parsePlain('x/x'), parsePlain('1'), [{ kind: 'nonzero', u: x }], [], { points: 24, seed: 1 }).ok).toBe(true);
    // n in {0, …, 3}: n = 0 is a point where n^2 - n*n is defined and n = 0.
    const n = parsePlain('n');
    const assumptions = [{ sym: sym('n'), kind: 'interval' as const, lo: 0, hi: 3, integer: true }];
    expect(conditionsHoldOnDomain(parsePlain('n^2'), parsePlain('n*n'), [{ kind: 'nonzero', u: n }], [], { points: 24, seed: 1, assumptions }).ok).toBe(false);
  });
});

describe('domain shrinking is a counterexample', () => {
  it('should refute log(x^2) = 2 log(x) at a point where only the left side is defined', () => {
    const j = equal('log(x^2)', '2*log(x)');
    expect(j.verdict).toBe('fails');
    expect(j.evidence.summary).toMatch(/^the left side is -?[\d.]+ at x = -[\d.]+, the right side is undefined$/);
  });

  it('should refute sqrt(x*y) = sqrt(x)*sqrt(y) without a domain, and prove the log law with x > 0', () => {
    expect(equal('sqrt(x*y)', 'sqrt(x)*sqrt(y)').verdict).toBe('fails');
    expect(equal('log(x^2)', '2*log(x)', 'x > 0').verdict).toBe('proved');
  });

  it('should keep judging on the left side domain when the right side is defined on more (x/x = 1)', () => {
    expect(equal('x/x', '1').verdict).toBe('proved');
    expect(equal('2*log(x)', 'log(x^2)').verdict).toBe('proved');
  });

  it('should find the point where a denominator of the right side vanishes and the left side is defined', () => {
    const one = equal('1', 'x/x');
    expect(one.verdict).toBe('fails');
    expect(one.evidence.summary).toBe('the left side is 1 at x = 0, the right side is undefined');
    expect(equal('x + 1', '(x^2 - 1)/(x - 1)').evidence.summary).toBe('the left side is 2 at x = 1, the right side is undefined');
    expect(equal('x', '1/(1/x)').verdict).toBe('fails');
    // Undefined on both sides there: no counterexample.
    expect(equal('1/(1/x)', '1/(1/x) + 0*x').verdict).not.toBe('fails');
    expect(equal('x + 1', '(x^2 - 1)/(x - 1)', 'x > 2').verdict).not.toBe('fails');
  });

  it('should try the zeros of the factors under a square root (sqrt(x^2 y) at x = 0, y < 0)', () => {
    const j = equal('sqrt(x^2*y)', 'abs(x)*sqrt(y)');
    expect(j.verdict).toBe('fails');
    expect(j.evidence.point?.['x']).toBe(0);
    expect(equal('sqrt(x^2*y)', 'abs(x)*sqrt(y)', 'y > 0').verdict).not.toBe('fails');
  });

  it('should take a substituted derivative as defined only where its function is (d(2 log x) at x < 0)', () => {
    expect(equal('d(log(x^2), x)', 'd(2*log(x), x)').verdict).toBe('fails');
    expect(equal('d(2*log(x), x)', 'd(log(x^2), x)').verdict).toBe('proved');
  });

  it('should not take an overflow for a gap in the domain', () => {
    expect(leftOnlyPoint(parsePlain('x'), parsePlain('exp(exp(x))*0 + x'), { points: 24, seed: 1 })).toBeUndefined();
    expect(leftOnlyPoint(parsePlain('log(x^2)'), parsePlain('2*log(x)'), { points: 24, seed: 1 })?.point['x']).toBeLessThan(0);
  });
});

describe('lemma proofs discharge the conditions of their rearrangements', () => {
  it('should refuse a rearrangement whose simplification assumed something, when nothing discharges it', () => {
    const lemmas = checker.lemmas;
    const never = () => false;
    // (x - 1) - ln x >= 0 rearranged: ln x <= x - 1 needs nothing beyond the lemma's guard (x > 0 from the facts).
    const pos = () => true;
    const a = parseLatex('\\ln x \\cdot \\frac{x}{x}');
    const b = parseLatex('x - 1');
    expect(proveByLemmas(a, b, false, lemmas, pos, engine)).toBeUndefined();
    expect(proveByLemmas(a, b, false, lemmas, pos, engine, never)).toBeUndefined();
    expect(proveByLemmas(a, b, false, lemmas, pos, engine, () => true)?.lemmas).toEqual(['le.log-below-line']);
  });

  it('should still prove ln x <= x - 1 for x > 0 in the checker', () => {
    expect(judgeStep(checker, parseLatex('\\ln x \\cdot \\frac{x}{x}'), '<=', parseLatex('x - 1'), readFacts('x > 0')).verdict).toBe('proved');
  });
});
