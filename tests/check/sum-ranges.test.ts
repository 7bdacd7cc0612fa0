/**
 * One document-wide size for sums whose range is not stated: `\sum_j e^{z_j}`
 * in a document that writes `\sum_{j=1}^{K} e^{z_j}` elsewhere runs over
 * 1..K, in the claims and in the definitions in scope, and says so.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);

const SOFTMAX = [
  'The softmax is $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$ for $k = 1, \\dots, K$.',
  '',
  '$$\\sum_j e^{z_j} = \\frac{e^{z_k}}{p_k}$$',
  '',
  '$$\\sum_j e^{z_j} = \\frac{e^{z_k}}{p_k} + 1$$',
  '',
  '$$\\log p_k = z_k - \\log\\sum_j e^{z_j}$$',
  '',
  '$$\\log p_k = z_k + \\log\\sum_j e^{z_j}$$',
  '',
].join('\n');

describe('unstated sum ranges in a checked document', () => {
  it('should read \\sum_j over the size the document gives the family (K), hold the true claims and fail the near misses', () => {
    const s = steps(SOFTMAX);
    const at = (line: number): StepReport | undefined => s.find((x) => x.line === line);
    expect(at(3)?.verdict).toMatch(/^(proved|holds)$/);
    expect(at(3)?.evidence.summary).toContain('read as j = 1, …, K, the size the document gives z (line 1)');
    expect(at(5)?.verdict).toBe('fails');
    expect(at(7)?.verdict).toMatch(/^(proved|holds)$/);
    expect(at(9)?.verdict).toBe('fails');
  });

  it('should not guess when the family has two sizes, or when the document writes the capital itself', () => {
    const two = ['Let $\\sum_{j=1}^{K} z_j = 1$ and $\\sum_{j=1}^{N} z_j = 1$.', '', '$$\\sum_j e^{z_j} = \\sum_{j=1}^{K} e^{z_j}$$', ''].join('\n');
    const t = steps(two).find((x) => x.line === 3);
    expect(t?.verdict).not.toMatch(/^(proved|holds)$/);
    expect(t?.evidence.summary).not.toContain('the size the document gives');
    const written = ['Let $J = 3$ and $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$.', '', '$$\\sum_j e^{z_j} = \\frac{e^{z_k}}{p_k}$$', ''].join('\n');
    expect(steps(written).find((x) => x.line === 3)?.evidence.summary ?? '').not.toContain('the size the document gives');
  });
});
