import { describe, expect, it } from 'vitest';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { assumptionsHoldOnDomain, positivityAssumptions } from '../../src/check/proof-assumptions.js';
import { readFacts } from '../../src/check/read-facts.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { simplify } from '../../src/simplify/simplify.js';

const engine = createEngine();
const checker = createChecker(engine);
const judge = (l: string, r: string, facts = '') => judgeStep(checker, parseLatex(l), '=', parseLatex(r), readFacts(facts, { definitions: true }));

describe('proofs that lean on assumptions', () => {
  it('should read the positivity assumptions off the steps', () => {
    const d = simplify(engine, parsePlain('exp(log(x*y)) - x*y'));
    expect(d.result).toEqual(parsePlain('0'));
    expect(positivityAssumptions(d.steps).map((u) => u)).toEqual([parsePlain('x*y')]);
  });

  it('should accept an assumption that holds wherever both sides are defined, and refuse one that does not', () => {
    // log(x) is defined for x > 0 only: x > 0 holds on the domain of log(x) = log(x).
    expect(assumptionsHoldOnDomain(parsePlain('log(x)'), parsePlain('log(x)'), [parsePlain('x')], { points: 24, seed: 1 }).ok).toBe(true);
    // x^2 = x^2 is defined everywhere: x > 0 is not given, the sampler finds x < 0.
    expect(assumptionsHoldOnDomain(parsePlain('x^2'), parsePlain('x^2'), [parsePlain('x')], { points: 24, seed: 1 }).ok).toBe(false);
  });

  it('should prove the laws of logarithms on their domain and say what they assumed', () => {
    // Where the left side is defined and the right is not (a = b = -1 for ln(ab)), a law is not an identity: its domain is stated.
    for (const [l, r, facts] of [['\\ln(ab)', '\\ln a + \\ln b', 'a, b > 0'], ['\\ln\\frac{x}{y}', '\\ln x - \\ln y', 'x, y > 0'], ['\\log x^{2}', '2\\log x', 'x > 0'], ['\\log\\sqrt{x}', '\\frac{1}{2}\\log x', '']] as const) {
      const j = judge(l, r, facts);
      expect(j.verdict, `${l} = ${r}`).toBe('proved');
      expect(j.evidence.summary).toMatch(/> 0, true at all \d+ sampled points where both sides are defined/);
    }
  });

  it('should not prove log(ab) = log(-a) + log(-b), which holds only for a, b < 0, from the laws for positive arguments', () => {
    // At a, b > 0 the left side is defined and the right side is not: a counterexample.
    expect(judge('\\ln(ab)', '\\ln(-a) + \\ln(-b)').verdict).toBe('fails');
    expect(judge('\\ln(ab)', '\\ln(-a) + \\ln(-b)', 'a, b < 0').verdict).not.toBe('fails');
  });

  it('should prove with an assumption the reader stated, and not without it', () => {
    // Both sides are defined for every x ≠ 0; the laws of logarithms assume x > 0.
    const without = judge('\\frac{\\log(x^2)}{2}', '\\log\\sqrt{x^2}');
    expect(without.verdict).toBe('holds');
    expect(without.evidence.summary).toMatch(/not proved: the rules assumed x > 0, which is false at some points where both sides are defined/);
    expect(judge('\\frac{\\log(x^2)}{2}', '\\log\\sqrt{x^2}', 'x > 0').verdict).toBe('proved');
  });

  it('should still fail a wrong law with a counterexample', () => {
    expect(judge('\\ln(ab)', '\\ln a \\cdot \\ln b').verdict).toBe('fails');
  });
});
