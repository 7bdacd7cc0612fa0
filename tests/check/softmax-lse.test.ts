/**
 * A checked document about softmax and log-sum-exp: with the logits declared
 * a vector, every true relation holds and the wrong ones fail; without a
 * shape, a relation mixing LSE(z) and the entries z_j is undecided, never
 * judged with z and z_j as unrelated numbers.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const byLine = (source: string): Map<number, string> => new Map(steps(source).map((s) => [s.line, s.verdict]));

const DOCUMENT = `# Softmax and log-sum-exp

Let $z \\in \\mathbb{R}^n$ be the logits and $y$ a one-hot label.

The log-sum-exp is $\\operatorname{LSE}(z) = \\log\\sum_{j=1}^n e^{z_j}$.

Its partial derivatives are the softmax: $\\frac{\\partial}{\\partial z_j} \\operatorname{LSE}(z) = \\operatorname{softmax}(z)_j$.

The entries: $\\mathrm{softmax}(z)_i = \\frac{e^{z_i}}{\\sum_{k=1}^n e^{z_k}}$.

Entry by entry: $\\frac{\\partial \\operatorname{softmax}(z)_i}{\\partial z_j} = \\operatorname{softmax}(z)_i (\\delta_{ij} - \\operatorname{softmax}(z)_j)$.

Log-softmax: $\\log \\text{softmax}(z)_j = z_j - \\operatorname{LSE}(z)$.

The gradient of the loss: $\\frac{\\partial}{\\partial z_j}\\left(\\operatorname{LSE}(z) - \\sum_{k=1}^n y_k z_k\\right) = \\operatorname{softmax}(z)_j - y_j$.

The entries sum to one: $\\sum_{j=1}^n \\operatorname{softmax}(z)_j = 1$.

Wrong sign: $\\log \\text{softmax}(z)_j = z_j + \\operatorname{LSE}(z)$.

Wrong derivative: $\\frac{\\partial \\operatorname{softmax}(z)_i}{\\partial z_j} = \\operatorname{softmax}(z)_i (1 - \\operatorname{softmax}(z)_j)$.
`;

describe('a document about softmax and log-sum-exp', () => {
  it('should judge every relation: the true ones hold, the two wrong ones fail', () => {
    const v = byLine(DOCUMENT);
    expect([...v.entries()]).toEqual([
      [5, 'holds'],
      [7, 'holds'],
      [9, 'holds'],
      [11, 'holds'],
      [13, 'holds'],
      [15, 'holds'],
      [17, 'holds'],
      [19, 'fails'],
      [21, 'fails'],
    ]);
  });

  it('should leave a relation of LSE(z) and its entries undecided when z has no shape', () => {
    const unshaped = DOCUMENT.replace('$z \\in \\mathbb{R}^n$', '$z$');
    const s = steps(unshaped);
    expect(s.length).toBe(9);
    for (const step of s) expect(step.verdict, `line ${step.line}`).not.toMatch(/^(holds|proved)$/);
    // The true relations in particular are not refuted at size 1 with z and z_j as two numbers.
    for (const step of s.filter((x) => x.line < 19)) expect(step.verdict, `line ${step.line}`).toBe('undecided');
  });
});
