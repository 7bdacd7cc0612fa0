/**
 * Red-team session 9: documents written the way students and course notes
 * write them (prose definitions, accents, shapes in prose, layouts,
 * recurrences, sums with edge-case ranges, hostile Markdown). Each test pins
 * the correct, weaker-or-right verdict of an input that made gradtex say
 * something stronger than the truth; every relation is labelled by hand in a
 * comment (correct / wrong, and why). A test marked `it.fails` is a break not
 * fixed yet: it turns red when the engine is fixed (then drop the `.fails`).
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

/** `line: verdict` of every judged step (definitions left out). */
function verdicts(source: string): string[] {
  const r = checkDocument(checker, source, 'markdown');
  return r.chains.flatMap((c) => c.steps).filter((s) => s.verdict !== 'definition').map((s) => `${s.line}: ${s.verdict}`);
}

describe('a Jacobian of a vector written in denominator layout (fixed: src/check/judge-shaped.ts)', () => {
  // gradtex said fails ("the shapes differ", resp. "entry (1, 2) differs"); both are right in denominator layout
  // (∂y/∂x is n×m there, the transpose of gradtex's m×n Jacobian), a convention gradtex does not choose.
  it('does not fail ∂(Wx)/∂x = W^T (W m×n) nor ∂(Ax)/∂x = A^T (A n×n)', () => {
    const shapes = 'Let $W \\in \\mathbb{R}^{m\\times n}$, $A \\in \\mathbb{R}^{n\\times n}$ and $x \\in \\mathbb{R}^n$.\n\n';
    expect(verdicts(`${shapes}$$\\frac{\\partial (Wx)}{\\partial x} = W^T$$\n`)).toEqual(['3: undecided']); // correct (denominator layout)
    expect(verdicts(`${shapes}$$\\frac{\\partial (Ax)}{\\partial x} = A^\\top$$\n`)).toEqual(['3: undecided']); // correct (denominator layout)
  });
  it('still judges the Jacobian and fails what is wrong in every layout', () => {
    const shapes = 'Let $W \\in \\mathbb{R}^{m\\times n}$, $A \\in \\mathbb{R}^{n\\times n}$ and $x \\in \\mathbb{R}^n$.\n\n';
    expect(verdicts(`${shapes}$$\\frac{\\partial (Wx)}{\\partial x} = W$$\n`)).toEqual(['3: holds']); // correct (numerator layout)
    expect(verdicts(`${shapes}$$\\frac{\\partial (Ax)}{\\partial x} = 2A$$\n`)).toEqual(['3: fails']); // wrong in both layouts
    expect(verdicts(`${shapes}$$\\frac{\\partial (Ax)}{\\partial x} = 2A^\\top$$\n`)).toEqual(['3: fails']); // wrong in both layouts
  });
});
