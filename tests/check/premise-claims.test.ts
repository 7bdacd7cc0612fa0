import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { readFacts } from '../../src/check/read-facts.js';
import { describeFact } from '../../src/check/facts.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const report = (source: string, kind: 'markdown' | 'tex' = 'markdown') => checkDocument(checker, source, kind);
/** Each judged step as "line:col verdict", and each relation not read as "line:col not read". */
const outcomes = (source: string, kind: 'markdown' | 'tex' = 'markdown'): string[] => {
  const r = report(source, kind);
  return [...r.chains.flatMap((c) => c.steps.map((s) => `${s.line}:${s.col} ${s.verdict}`)), ...r.notRead.map((n) => `${n.line}:${n.col} not read`)];
};

describe('premises in words that are statements, judged', () => {
  it('should judge a statement about numbers after "with" as a claim (true proved, false fails)', () => {
    expect(outcomes('I think he mixed it up with $\\sigma(0) = 1/2$.\n')).toEqual(['1:42 proved']);
    expect(outcomes('I think he mixed it up with $\\sigma(0) = 1/4$.\n')).toEqual(['1:42 fails']);
  });

  it('should judge a value of a function the document defines ("with $g(1) = 0$")', () => {
    const doc = (v: string) => `Let $g(x) = \\ln x - (x - 1)$ for $x > 0$. Its maximum is at $x = 1$, with $g(1) = ${v}$.\n`;
    expect(outcomes(doc('0')).filter((o) => o.startsWith('1:8'))).toEqual(['1:83 proved']);
    expect(outcomes(doc('1')).filter((o) => o.startsWith('1:8'))).toEqual(['1:83 fails']);
  });

  it('should judge an identity after a premise word as a premise: a wrong one is only undecided', () => {
    expect(outcomes('The objective uses $\\|w\\|_2^2$ with $\\|w\\|_2^2 = \\sum_{i=1}^n w_i^2$.\n')).toEqual(['1:50 holds']);
    const wrong = report('The objective uses $\\|w\\|_2^2$ with $\\|w\\|_2^2 = \\sum_{i=1}^n w_i$.\n');
    expect(wrong.chains.flatMap((c) => c.steps.map((s) => s.verdict))).toEqual(['undecided']);
  });

  it('should judge an identity in a list after "for" as a claim, at its own place', () => {
    const doc = 'I wrote $\\log(a b) = \\log a + \\log b$ for $a, b > 0$ and\n$\\log(a + b) = \\log a + \\log b$, I think the second one is wrong?\n';
    expect(outcomes(doc)).toEqual(['1:22 proved', '2:16 fails']);
  });

  it('should judge a chain after "instead" in its sentence as a claim', () => {
    const right = 'Using (a) instead: $\\frac{d}{dx}\\bigl(2\\sigma(2x) - 1\\bigr) = 4\\sigma(2x)\\bigl(1 - \\sigma(2x)\\bigr)$.\n';
    expect(outcomes(right)).toEqual(['1:63 proved']);
    expect(outcomes(right.replace('4\\sigma(2x)\\bigl(1', '2\\sigma(2x)\\bigl(1'))).toEqual(['1:63 fails']);
  });

  it('should keep conditions not read, and never fail a statement about an unknown function', () => {
    expect(outcomes('For $w x > 0$ the unit is active.\n')).toEqual(['1:6 not read']);
    // f(x) = f(-x) says something about f: judged as a premise, never failing.
    expect(report('For $x > 0$ and $f(x) = f(-x)$ the function is even.\n').chains.flatMap((c) => c.steps.map((s) => s.verdict))).toEqual(['undecided']);
    expect(outcomes('Where $\\frac{1}{x} - 1 = 0$ the slope vanishes.\n')).toEqual(['1:8 not read']);
  });

  it('should find the premise word of LaTeX inline math \\(…\\) without running over earlier math', () => {
    const doc = 'The loss with \\(\\hat p = \\sigma(z)\\) is\n\\[\n\\ell = -\\log \\hat p.\n\\]\nUsing \\(\\log\\sigma(z) = -\\log(1+e^{-z})\\) and \\(\\log(1-\\sigma(z)) = -z - \\log(1+e^{-z})\\):\n';
    const steps = report(doc, 'tex').chains.flatMap((c) => c.steps.map((s) => `${s.line}:${s.col} ${s.verdict}`));
    expect(steps.filter((s) => s.startsWith('5:'))).toEqual(['5:25 proved', '5:69 holds']);
  });

  it('should read one value given to several names (n_a = n_b = 100)', () => {
    expect(readFacts('n_a = n_b = 100', { definitions: true, values: true }).map((f) => describeFact(f, toPlain))).toEqual(['n_a = 100', 'n_b = 100']);
    expect(readFacts('n_a = n_b = 100', { definitions: true })).toEqual([]);
    expect(readFacts('n_a = 2 n_b = 100', { definitions: true, values: true })).toEqual([]);
  });
});

describe('a recurrence given as a premise', () => {
  it('should be listed as not read with its reason', () => {
    const doc = 'With $m_0 = 0$ and $m_t = \\beta m_{t-1} + (1 - \\beta) g$ for a constant $g$, the average grows.\n';
    expect(report(doc).notRead.map((n) => n.reason)).toEqual([expect.stringContaining('a recurrence (m in terms of an earlier member)')]);
  });
});
