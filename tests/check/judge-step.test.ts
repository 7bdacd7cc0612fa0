import { describe, expect, it } from 'vitest';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { readFacts } from '../../src/check/read-facts.js';
import type { Relation } from '../../src/parse/relation.js';
import { parseLatex } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const judge = (l: string, rel: Relation, r: string, facts = '') => judgeStep(checker, parseLatex(l), rel, parseLatex(r), readFacts(facts, { definitions: true }));

describe('judgeStep on equalities', () => {
  it('should prove an expansion symbolically', () => {
    const j = judge('(x+1)^2', '=', 'x^2 + 2x + 1');
    expect(j.verdict).toBe('proved');
  });
  it('should fail a dropped minus with a counterexample point and both values', () => {
    const j = judge('\\frac{d}{dx} e^{-x}', '=', 'e^{-x}');
    expect(j.verdict).toBe('fails');
    expect(j.evidence.point).toHaveProperty('x');
    expect(j.evidence.lhsValue).toBeCloseTo(-(j.evidence.rhsValue ?? NaN), 6);
  });
  it('should check a derivative claim against the engine derivative', () => {
    const j = judge('\\frac{d}{dx}\\sigma(x)', '=', '\\sigma(x)(1 - \\sigma(x))');
    expect(['proved', 'holds']).toContain(j.verdict);
    expect(j.evidence.engineDerivative).toBe(true);
  });
  it('should fail the log of a sum split into a sum of logs', () => {
    expect(judge('\\ln(a + b)', '=', '\\ln a + \\ln b', 'a > 0, b > 0').verdict).toBe('fails');
  });
  it('should use definitions from prose when judging', () => {
    const facts = 'h = \\tanh(w x + b)';
    expect(['proved', 'holds']).toContain(judge('\\frac{\\partial h}{\\partial w}', '=', '(1 - h^2) x', facts).verdict);
    expect(judge('\\frac{\\partial h}{\\partial w}', '=', '(1 - h^2)', facts).verdict).toBe('fails');
  });
  it('should sample on the simplex when the probabilities sum to one', () => {
    // 1 - p_1 = p_2 only holds on the simplex.
    expect(judge('1 - p_1', '=', 'p_2', 'p_1 + p_2 = 1').verdict).not.toBe('fails');
    expect(judge('1 - p_1', '=', 'p_2').verdict).toBe('fails');
  });
  it('should show KL(p, q) = KL(q, p) fails at a concrete p, q', () => {
    const j = judge('p_1 \\ln\\frac{p_1}{q_1} + p_2 \\ln\\frac{p_2}{q_2}', '=', 'q_1 \\ln\\frac{q_1}{p_1} + q_2 \\ln\\frac{q_2}{p_2}', 'p_1 + p_2 = 1, q_1 + q_2 = 1');
    expect(j.verdict).toBe('fails');
    const pt = j.evidence.point ?? {};
    expect((pt['p_{1}'] ?? NaN) + (pt['p_{2}'] ?? NaN)).toBeCloseTo(1, 9);
  });
});

describe('judgeStep on inequalities', () => {
  it('should prove ln x <= x - 1 for x > 0 from the lemma', () => {
    const j = judge('\\ln x', '<=', 'x - 1', 'x > 0');
    expect(j.verdict).toBe('proved');
    expect(j.evidence.lemmas).toContain('le.log-below-line');
  });
  it('should prove a rearranged lemma: ln x - x + 1 <= 0', () => {
    expect(judge('\\ln x - x + 1', '<=', '0', 'x > 0').verdict).toBe('proved');
  });
  it('should find a counterexample to x^2 >= x', () => {
    expect(judge('x^2', '>=', 'x').verdict).toBe('fails');
  });
  it('should find equality where a strict inequality is claimed', () => {
    const j = judge('\\ln x', '<', 'x - 1', 'x > 0');
    expect(j.verdict).toBe('fails');
  });
  it('should not report a strict inequality failing where the sides only meet in the limit', () => {
    expect(judge('e^{-x}', '>', '0').verdict).toBe('proved');
    expect(judge('0', '<', 'x', 'x > 0').verdict).toBe('holds');
    expect(judge('-\\frac{1}{x^2}', '<', '0').verdict).toBe('holds');
  });
  it('should report holds, not proved, for a true inequality no lemma covers', () => {
    expect(judge('x^4 + 1', '>=', '2x^2').verdict).toBe('holds');
  });
  it('should prove the termwise KL step from ln u <= u - 1', () => {
    const k = judge('p_1 \\ln\\frac{q_1}{p_1} + p_2 \\ln\\frac{q_2}{p_2}', '<=', 'p_1 (\\frac{q_1}{p_1} - 1) + p_2 (\\frac{q_2}{p_2} - 1)', 'p_1 + p_2 = 1, q_1 + q_2 = 1');
    expect(k.verdict).toBe('proved');
  });
});
