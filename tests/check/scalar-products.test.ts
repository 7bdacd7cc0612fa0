import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const verdicts = (source: string): string[] => checkDocument(checker, source, 'tex').chains.flatMap((c) => c.steps.map((s) => `${s.line}: ${s.verdict}`));
const SETUP = 'We have weights $w_1, \\dots, w_K$, an input $x$ and scores $z_k = w_k^\\top x$, and $p_k = \\frac{\\exp(z_k)}{\\sum_{j=1}^{K}\\exp(z_j)}$.\n';

describe('scores written as scalar products (z_k = w_k^T x) without shapes', () => {
  it('should use z_k as a number in a step that never uses w_k or x, both ways', () => {
    expect(verdicts(`${SETUP}\\[\n\\frac{\\partial p_k}{\\partial z_k} = p_k (1 - p_k)\n\\]\n`)).toEqual(['3: proved']);
    expect(verdicts(`${SETUP}\\[\n\\frac{\\partial p_k}{\\partial z_k} = p_k (1 + p_k)\n\\]\n`)).toEqual(['3: fails']);
  });

  it('should not use it as a number where the step uses the vectors, nor when every score is the same product', () => {
    expect(verdicts(`${SETUP}\\[\n\\frac{\\partial z_k}{\\partial w_k} = x\n\\]\n`)).toEqual(['3: undecided']);
    // z_k = a^T x for every k: the scores are equal, not free (as free numbers p_k = p_j would fail).
    const same = 'Let $z_k = a^\\top x$ and $p_k = \\frac{\\exp(z_k)}{\\sum_{j=1}^{K}\\exp(z_j)}$.\n\\[\np_k = p_j\n\\]\n';
    expect(verdicts(same)).toEqual(['3: proved']);
  });

  it('should define a family in a chain whose first sides are not read (P(y = k \\mid x) = p_k = …)', () => {
    const doc = 'Scores $z_k$.\n\\begin{equation}\nP(y = k \\mid x) = p_k = \\frac{\\exp(z_k)}{\\sum_{j=1}^{K}\\exp(z_j)}\n\\end{equation}\nAlso $\\sum_{k=1}^{K} p_k = 1$ and $p_1 = \\frac{1}{1 + \\sum_{j=2}^{K} \\exp(z_j - z_1)}$, but not $p_1 = \\exp(z_1)$.\n';
    const r = checkDocument(checker, doc, 'tex');
    expect(r.chains.flatMap((c) => c.steps.map((s) => `${s.line}: ${s.verdict}`))).toEqual(['3: definition', '5: holds', '5: holds', '5: fails']);
  });
});
