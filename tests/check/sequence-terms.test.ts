/**
 * Steps about a sequence whose terms the document gives by number (w_0 = 0,
 * m_0 = 0) are judged at those terms only where every term they use is
 * known, and one agreeing term is no evidence for the others.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (md: string): { line: number; verdict: string; summary: string }[] =>
  checkDocument(checker, md, 'markdown').chains.flatMap((c) => c.steps.map((s) => ({ line: s.line, verdict: s.verdict, summary: s.evidence.summary })));

describe('terms of a sequence given by number', () => {
  it('should not fail a recurrence at t = 0, where it would use m_{-1}, which nothing gives', () => {
    const v = steps("Adam's first moment: $m_0 = 0$ and $m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g$ with a constant gradient $g$.\n");
    expect(v.filter((s) => s.verdict === 'fails')).toEqual([]);
  });

  it('should not call a closed form holds from one agreeing term', () => {
    // (1 - β^{2t}) g agrees with m_0 = 0 at t = 0 and nowhere else.
    const v = steps('With $m_0 = 0$ we get $m_t = (1 - \\beta^{2t})\\, g$.\n');
    expect(v.map((s) => s.verdict)).not.toContain('holds');
    expect(v.map((s) => s.verdict)).not.toContain('proved');
  });

  // m_t is not a free number: the recurrence on line 1 gives its terms, and m_t = (1 - β^t) g for every t.
  it('should not fail the correct closed form of a recurrence stated in the paragraph before', () => {
    const v = steps("Adam's first moment: $m_0 = 0$ and $m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g$ with a constant gradient $g$.\n\nThen $m_t = (1 - \\beta_1^{t})\\, g$.\n");
    expect(v.filter((s) => s.verdict === 'fails')).toEqual([]);
    const closed = v.find((s) => s.line === 3);
    expect(['proved', 'holds']).toContain(closed?.verdict);
    expect(closed?.summary).toMatch(/closed form of the recurrence|by induction/);
  });

  it('should fail a wrong closed form at the first term the recurrence gives where it differs', () => {
    const v = steps("Adam's first moment: $m_0 = 0$ and $m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g$ with a constant gradient $g$.\n\nThen $m_t = (1 - \\beta_1^{2t})\\, g$.\n");
    const closed = v.find((s) => s.line === 3);
    expect(closed?.verdict).toBe('fails');
    expect(closed?.summary).toMatch(/^at t = 1, the term the recurrence gives/);
  });

  it('should prove a closed form by induction when every part is exact', () => {
    const v = steps('Let $a_0 = 1$ and $a_n = a_{n-1} + 2$.\n\nThen $a_n = 2n + 1$.\n');
    const closed = v.find((s) => s.line === 3);
    expect(closed?.verdict).toBe('proved');
    expect(closed?.summary).toMatch(/^by induction on n/);
  });
});
