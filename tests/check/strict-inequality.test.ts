import { describe, expect, it } from 'vitest';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { readFacts } from '../../src/check/read-facts.js';
import type { Relation } from '../../src/parse/relation.js';
import { parseLatex } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const judge = (l: string, rel: Relation, r: string, facts = '') => judgeStep(checker, parseLatex(l), rel, parseLatex(r), readFacts(facts, { definitions: true }));

describe('strict inequalities on their equality set (issue #10)', () => {
  it('should refute KL(p, q) > 0 for distributions at q = p', () => {
    const j = judge('\\sum_{k=1}^{n} p_k \\ln\\frac{p_k}{q_k}', '>', '0', '\\sum_{k=1}^{n} p_k = 1, \\sum_{k=1}^{n} q_k = 1');
    expect(j.verdict).toBe('fails');
    expect(j.evidence.summary).toContain('q = p');
  });

  it('should refute the two-term KL(p, q) > 0 at a point with p = q', () => {
    const j = judge('p_1 \\ln\\frac{p_1}{q_1} + p_2 \\ln\\frac{p_2}{q_2}', '>', '0', 'p_1 + p_2 = 1, q_1 + q_2 = 1');
    expect(j.verdict).toBe('fails');
    const pt = j.evidence.point ?? {};
    expect(pt['p_{1}']).toBeCloseTo(pt['q_{1}'] ?? NaN, 12);
  });

  it('should not refute the non-strict KL(p, q) >= 0', () => {
    expect(judge('\\sum_{k=1}^{n} p_k \\ln\\frac{p_k}{q_k}', '>=', '0', '\\sum_{k=1}^{n} p_k = 1, \\sum_{k=1}^{n} q_k = 1').verdict).not.toBe('fails');
  });

  it('should refute strict claims at special points: x = 1, x = 0, a root', () => {
    expect(judge('\\ln x', '<', 'x - 1', 'x > 0').verdict).toBe('fails');
    expect(judge('e^x', '>', '1 + x').verdict).toBe('fails');
    expect(judge('(x - 3)^2', '>', '0').verdict).toBe('fails');
  });

  it('should not refute strict claims that are true, nor at an open end of the domain', () => {
    expect(judge('x^2 + 1', '>', '0').verdict).not.toBe('fails');
    expect(judge('x (1 - x)', '>', '0', '0 < x < 1').verdict).not.toBe('fails');
    expect(judge('\\ln x', '<', 'x', 'x > 0').verdict).not.toBe('fails');
  });

  it('should state the coverage of a holding inequality', () => {
    const j = judge('x^2 + 1', '>', '0');
    expect(j.verdict).toBe('holds');
    expect(j.evidence.summary).toMatch(/special points \(x = 0; x = 1; x = -1\)/);
    expect(j.evidence.coverage?.special.length).toBe(3);
  });
});

describe('integer domains in documents (issue #9)', () => {
  it('should refute |x| = x for x in ℤ and accept it for x in ℕ', () => {
    expect(judge('|x|', '=', 'x', 'x \\in \\mathbb{Z}').verdict).toBe('fails');
    expect(judge('|x|', '=', 'x', 'x \\in \\mathbb{N}').verdict).not.toBe('fails');
  });

  it('should read ℕ as {0, 1, …}: n! style claims false at 0 fail', () => {
    expect(judge('n', '>', '0', 'n \\in \\mathbb{N}').verdict).toBe('fails');
    expect(judge('n', '>', '0', 'n \\in \\mathbb{N}_+').verdict).not.toBe('fails');
  });
});

describe('closed ends of a stated domain (issue #9)', () => {
  it('should refute a strict claim at a closed end: x^2 < x on [0, 1], 1/x < 1 for x >= 1, e^x > 1 for x >= 0', () => {
    expect(judge('x^2', '<', 'x', 'x \\in [0, 1]').verdict).toBe('fails');
    expect(judge('\\frac{1}{x}', '<', '1', 'x \\ge 1').verdict).toBe('fails');
    expect(judge('e^x', '>', '1', 'x \\ge 0').verdict).toBe('fails');
  });

  it('should not use an open end: x^2 < x on 0 < x < 1, 1/x < 1 for x > 1', () => {
    expect(judge('x^2', '<', 'x', '0 < x < 1').verdict).not.toBe('fails');
    expect(judge('\\frac{1}{x}', '<', '1', 'x > 1').verdict).not.toBe('fails');
  });
});
