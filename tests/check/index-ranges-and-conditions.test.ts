import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { describeFact } from '../../src/check/facts.js';
import { summedRanges } from '../../src/check/summed-ranges.js';
import { parseLatex } from '../../src/parse/index.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const verdicts = (source: string): string[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => c.steps.map((s) => `${s.line}: ${s.verdict}`));
const SOFTMAX = 'For scores $z \\in \\mathbb{R}^K$ the softmax is $p_k = \\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}$ for $k = 1, \\dots, K$.\n\n';

describe('the range of an index used with a family', () => {
  it('should read i in {1, …, K} from a sum over the family in a definition the step uses, never from the claim itself', () => {
    const ranges = (sides: string[], defs: string[] = []) => summedRanges(sides.map((t) => parseLatex(t)), defs.map((t) => parseLatex(t)), []).map((f) => describeFact(f, toPlain));
    expect(ranges(['\\frac{\\partial p_i}{\\partial z_i}', 'p_i'], ['\\frac{e^{z_k}}{\\sum_{j=1}^{K} e^{z_j}}'])).toEqual(['i in {1, ..., K} (an index)']);
    // The claim's own sum says nothing (∂/∂w_i Σ_k w_k^2 = 2 w_i is false for i > n).
    expect(ranges(['\\frac{\\partial}{\\partial w_i} \\sum_{k=1}^n w_k^2', '2 w_i'])).toEqual([]);
    // Two ranges for one family, or a bound index: nothing.
    expect(ranges(['w_i'], ['\\sum_{k=1}^n w_k + \\sum_{k=1}^m w_k'])).toEqual([]);
    expect(ranges(['\\sum_{i=1}^n w_i', '0'], ['\\sum_{k=1}^n w_k'])).toEqual([]);
    // A family never summed: nothing.
    expect(ranges(['w_i'], ['\\sum_{k=1}^n x_k^2'])).toEqual([]);
  });

  it('should prove a derivative through a definition that sums the family, and not one whose only sum is the claim', () => {
    const lse = 'Define $L = \\log \\sum_{j=1}^{n} e^{z_j}$.\n\n';
    expect(verdicts(`${lse}$$\\frac{\\partial L}{\\partial z_i} = \\frac{e^{z_i}}{\\sum_{j=1}^{n} e^{z_j}}$$\n`)).toEqual(['3: proved']);
    expect(verdicts(`${lse}$$\\frac{\\partial L}{\\partial z_i} = \\frac{1}{\\sum_{j=1}^{n} e^{z_j}}$$\n`)).toEqual(['3: fails']);
    expect(verdicts('$$\\frac{\\partial}{\\partial w_i} \\frac{\\lambda}{2}\\sum_{k=1}^n w_k^2 = \\lambda w_i$$\n')).toEqual(['1: undecided']);
  });

  it('should keep a range stated after a definition mid-sentence for the section ("… is $p_k = …$ for $k = 1, \\dots, K$")', () => {
    const doc = `${SOFTMAX}$$\n\\frac{\\partial p_i}{\\partial z_i} = \\frac{e^{z_i}\\sum_j e^{z_j} - e^{z_i} e^{z_i}}{\\left(\\sum_j e^{z_j}\\right)^2}\n$$\n`;
    expect(verdicts(doc)).toEqual(['4: proved']);
    expect(verdicts(doc.replace('- e^{z_i} e^{z_i}', '+ e^{z_i} e^{z_i}'))).toEqual(['4: fails']);
  });
});

describe('index conditions and the sums of definitions', () => {
  it('should apply i != j to a step though the definition it uses sums over j (its own dummy)', () => {
    const doc = `${SOFTMAX}**Off-diagonal entries** ($i \\neq j$):\n\n$$\\frac{\\partial p_i}{\\partial z_j} = -p_i p_j$$\n\nI first wrote $\\frac{\\partial p_i}{\\partial z_j} = p_j(\\delta_{ij} - p_j)$, which is only right on the diagonal.\n\nAnother classmate wrote $\\frac{\\partial p_i}{\\partial z_i} = p_i(1 + p_i)$.\n`;
    expect(verdicts(doc)).toEqual(['5: holds', '7: fails', '9: fails']);
  });
});
