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

describe('a wrong closed form that agrees with the first terms written out (fixed: src/check/recurrence-closed-form.ts)', () => {
  // gradtex said undecided ("agrees with the terms written out at n = 0, …, 6, but whether it satisfies the
  // recurrence could not be decided"), though the induction step failed at a whole n. c_n = n for every n here, and
  // n + n(n−1)⋯(n−7) is 40328 at n = 8: wrong, with a real counterexample once the terms are written out to there.
  it('fails c_n = n + n(n−1)⋯(n−7) after c_0 = 0, c_n = c_{n−1} + 1 at n = 8', () => {
    const doc = 'Let $c_0 = 0$ and $c_{n} = c_{n-1} + 1$. Then $$c_n = n + (n-1)(n-2)(n-3)(n-4)(n-5)(n-6)(n-7) n$$\n'; // wrong (n = 8)
    const r = checkDocument(checker, doc, 'markdown');
    const step = r.chains.flatMap((c) => c.steps).find((s) => s.verdict !== 'definition');
    expect(step?.verdict).toBe('fails');
    expect(step?.evidence.summary).toContain('at n = 8');
  });
  it('fails a wrong closed form of a recurrence with parameters at the first term where it differs', () => {
    // m_t = (1 − β^t) g for every t; the added t(t−1)⋯(t−9) g vanishes at t = 0 … 9 only: wrong at t = 10.
    const doc = 'Let $m_0 = 0$ and $m_t = \\beta m_{t-1} + (1 - \\beta) g$. Then $$m_t = (1 - \\beta^t) g + t(t-1)(t-2)(t-3)(t-4)(t-5)(t-6)(t-7)(t-8)(t-9) g$$\n';
    expect(verdicts(doc)).toEqual(['1: fails']);
  });
  it('keeps the right closed forms', () => {
    expect(verdicts('Let $c_0 = 0$ and $c_{n} = c_{n-1} + 1$. Then $$c_n = n$$\n')).toEqual(['1: proved']); // correct
    expect(verdicts('Let $m_0 = 0$ and $m_t = \\beta m_{t-1} + (1 - \\beta) g$. Then $$m_t = (1 - \\beta^t) g$$\n')).toEqual(['1: holds']); // correct
  });
  // Not fixed: the induction step is sampled at whole t in [start, start + 40] only (β^t overflows further out), so a
  // closed form that breaks the recurrence past t = 41 "holds". c_n = n + max(0, n − 50) is wrong at n = 51.
  it.fails('does not say holds for c_n = n + max(0, n − 50) (wrong at n = 51)', () => {
    expect(verdicts('Let $c_0 = 0$ and $c_{n} = c_{n-1} + 1$. Then $$c_n = n + \\max(0, n - 50)$$\n')).not.toEqual(['1: holds']);
  });
});
