/** An inequality between two numbers is compared exactly (proved or fails), not sampled. */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (md: string): { verdict: string; summary: string }[] =>
  checkDocument(checker, md, 'markdown').chains.flatMap((c) => c.steps.map((s) => ({ verdict: s.verdict, summary: s.evidence.summary })));

describe('inequalities between numbers', () => {
  it('should prove -1 < 0 and 0.25 <= 1 < 3/2 exactly', () => {
    expect(steps('$$-1 < 0$$\n').map((s) => s.verdict)).toEqual(['proved']);
    const v = steps('$$0.25 \\le 1 < \\frac{3}{2}$$\n');
    expect(v.map((s) => s.verdict)).toEqual(['proved', 'proved']);
    expect(v[0]?.summary).toMatch(/compared exactly/);
  });

  it('should refute 1/3 < 0.3333 and 2 <= 1.9999999999999999999 (beyond doubles) exactly', () => {
    expect(steps('$$\\frac{1}{3} < 0.3333$$\n').map((s) => s.verdict)).toEqual(['fails']);
    expect(steps('$$1 \\le 0.99999999999999999999$$\n').map((s) => s.verdict)).toEqual(['fails']);
    expect(steps('$$0.99999999999999999999 < 1$$\n').map((s) => s.verdict)).toEqual(['proved']);
  });

  it('should leave constants with functions to sampling (never proved by this path)', () => {
    const v = steps('$$e^{2} < 8$$\n');
    expect(v[0]?.summary).not.toMatch(/compared exactly/);
  });
});
