import { describe, expect, it } from 'vitest';
import { checkMatrixEqual, matrixVerdictText } from '../../src/matrix-check/check-matrix-equal.js';
import { loadMatrixIdentities, parseIdentities } from '../../src/matrix-check/identities.js';
import { renderKatex, toPlain } from '../../src/render/index.js';

const identities = loadMatrixIdentities();

describe('rules/matrix-calculus.identities', () => {
  it('should hold the textbook identities under stable ids', () => {
    expect(identities.map((i) => i.id)).toEqual([
      'mat.jacobian-linear-map',
      'mat.grad-bilinear-form',
      'mat.grad-quadratic-form',
      'mat.grad-linear-form',
      'mat.jacobian-chain',
      'mat.transpose-product',
    ]);
  });

  for (const identity of identities) {
    it(`should verify ${identity.id} entry by entry at several sizes`, () => {
      const v = checkMatrixEqual(identity.lhs, identity.rhs, identity.shapes);
      expect(v.verdict, `${toPlain(identity.lhs)} = ${toPlain(identity.rhs)}: ${matrixVerdictText(v)}`).toBe('holds');
      if (v.verdict === 'holds') expect(v.instances.length).toBeGreaterThanOrEqual(3);
    });

    it(`should render the justification of ${identity.id} with KaTeX`, () => {
      const r = renderKatex(identity.latex, { displayMode: true });
      expect(r.ok, identity.latex).toBe(true);
    });
  }

  it('should fail a wrong identity written in the same format', () => {
    const wrong = parseIdentities(
      'wrong.identities',
      ['@shapes A: n x n, x: n, W: m x n, a: m, b: n', 'mat.bad-quadratic   d(x^T*A*x, x) = 2*A*x   "only for symmetric A"   latex "x"', 'mat.bad-bilinear   d(a^T*W*b, W) = b*a^T   "transposed"   latex "x"'].join('\n'),
    );
    const [quadratic, bilinear] = wrong.map((i) => checkMatrixEqual(i.lhs, i.rhs, i.shapes));
    expect(quadratic).toMatchObject({ verdict: 'fails', reason: 'entry' });
    expect(bilinear && matrixVerdictText(bilinear)).toBe('the shapes differ: the left side is m×n, the right side n×m');
  });

  it('should report mistakes at file:line:col', () => {
    expect(() => parseIdentities('f', '@shapes W: m x n, x: n\nmat.bad   d(W*x, x) = x*W   "t"   latex "x"')).toThrow('f:2:25: cannot multiply x (n) by W (m×n): 1 column against m rows');
    expect(() => parseIdentities('f', 'mat.a   x = x   "t"   latex "x"')).toThrow("f:1:1: an identity before any '@shapes …' line");
    expect(() => parseIdentities('f', '@shapes x: n\nBad   x = x   "t"   latex "x"')).toThrow(/^f:2:1: 'Bad' is not an id/);
  });
});
