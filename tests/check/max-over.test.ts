/**
 * Relations with a maximum over an index (maxover) and ‖x‖_∞ are judged:
 * the true bounds of log-sum-exp hold, the off-by-one bound fails, and the
 * unstated range of \max_j takes the document's size for z as \sum_j does.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const verdicts = (md: string): string[] => checkDocument(checker, md, 'markdown').chains.flatMap((c) => c.steps.map((s) => s.verdict));
const HEAD = 'Let $z \\in \\mathbb{R}^n$ and $\\sum_{j=1}^{n} e^{z_j}$.\n\n';

describe('a maximum over an index in a document', () => {
  it('should hold for max_j z_j <= log sum_j e^{z_j} <= max_j z_j + log n', () => {
    expect(verdicts(HEAD + '$$\\max_j z_j \\le \\log\\sum_{j=1}^n e^{z_j} \\le \\max_j z_j + \\log n$$\n')).toEqual(['holds', 'holds']);
  });

  it('should fail for the off-by-one bound max_j z_j + log(n - 1) >= log sum_j e^{z_j}', () => {
    expect(verdicts(HEAD + '$$\\max_j z_j + \\log(n-1) \\ge \\log\\sum_{j=1}^n e^{z_j}$$\n')).toEqual(['fails']);
  });

  it('should fail for a minimum claimed to be the maximum, and hold the other way round', () => {
    expect(verdicts(HEAD + '$$\\min_{1 \\le j \\le n} z_j \\le \\max_{j=1}^{n} z_j$$\n')).toEqual(['holds']);
    expect(verdicts(HEAD + '$$\\max_{j=1}^{n} z_j \\le \\min_{1 \\le j \\le n} z_j$$\n')).toEqual(['fails']);
  });

  it('should hold for ‖x‖_∞ <= ‖x‖_1 and fail the other way round', () => {
    const head = 'Let $x \\in \\mathbb{R}^n$.\n\n';
    expect(verdicts(head + '$$\\|x\\|_\\infty \\le \\|x\\|_1$$\n')).toEqual(['holds']);
    expect(verdicts(head + '$$\\|x\\|_1 \\le \\|x\\|_\\infty$$\n')).toEqual(['fails']);
  });

  it('should keep the bound index apart from a free one of the same letter, in a definition too', () => {
    const head = 'Let $z \\in \\mathbb{R}^n$ and $\\sum_{j=1}^{n} e^{z_j}$. With $m = \\max_j z_j$,\n\n';
    expect(verdicts(head + '$$z_j \\le m$$\n\n$$m \\le z_j$$\n\n$$\\max_j z_j \\le z_j$$\n')).toEqual(['holds', 'fails', 'fails']);
  });

  it('should not take a derivative of a maximum over an index (a kink at a tie)', () => {
    expect(verdicts(HEAD + '$$\\frac{\\partial}{\\partial z_1} \\max_j z_j = 1$$\n')).not.toContain('proved');
    expect(verdicts(HEAD + '$$\\frac{\\partial}{\\partial z_1} \\max_j z_j = 1$$\n')).not.toContain('holds');
  });
});
