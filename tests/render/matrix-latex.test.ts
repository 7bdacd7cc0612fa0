import { describe, expect, it } from 'vitest';
import { shapeContext } from '../../src/matrix/shape.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { renderKatex, toLatex } from '../../src/render/index.js';
import { equal } from '../../src/expr/equal.js';

const ctx = shapeContext(['W: h x n', 'x: n', 'a: h', 'b: n', 'A: n x n', 'X: n x p', 'Y: n x c', 'Yhat: n x c', 'B: p x c', 'W^{(1)}: h x n', 'W^{(2)}: c x h']);

describe('matrix expressions in LaTeX', () => {
  const cases: Array<[string, string]> = [
    ['W*x', 'W x'],
    ['a^T*W*b', 'a^\\top W b'],
    ['W^{(2)}*W^{(1)}*x', 'W^{(2)} W^{(1)} x'],
    ['transpose(W^{(1)})*a', '{W^{(1)}}^\\top a'],
    ['(A + A^T)*x', '\\left(A + A^\\top\\right) x'],
    ['(A*x)^T', '\\left(A x\\right)^\\top'],
    ['-(1/n)*X^T*(Y - Yhat) + alpha*B', '-\\frac{1}{n} X^\\top \\left(Y - \\hat{Y}\\right) + \\alpha B'],
    ['sigma(W*x)', '\\sigma(W x)'],
    ['diag(x)*A', '\\operatorname{diag}(x) A'],
    ['d(a^T*W*b, W)', '\\frac{\\partial}{\\partial W}\\left(a^\\top W b\\right)'],
  ];

  it('should print matrix products and transposes the way textbooks write them', () => {
    for (const [plain, latex] of cases) expect(toLatex(parsePlain(plain, { shapes: ctx })), plain).toBe(latex);
  });

  it('should read its own LaTeX back under the same shapes', () => {
    for (const [plain] of cases) {
      const e = parsePlain(plain, { shapes: ctx });
      expect(equal(parseLatex(toLatex(e), { shapes: ctx }), e), plain).toBe(true);
    }
  });

  it('should be accepted by KaTeX with throwOnError', () => {
    for (const [plain] of cases) {
      const r = renderKatex(toLatex(parsePlain(plain, { shapes: ctx })), { displayMode: true });
      expect(r.ok, plain).toBe(true);
    }
  });
});
