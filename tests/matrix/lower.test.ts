import { describe, expect, it } from 'vitest';
import { num, sym } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { checkMatrixEqual, sizeInstances } from '../../src/matrix-check/check-matrix-equal.js';
import { inferShape } from '../../src/matrix/infer-shape.js';
import { entryOf, FreshIndices } from '../../src/matrix/lower.js';
import { shapeContext, shapeText } from '../../src/matrix/shape.js';
import { parsePlain } from '../../src/parse/index.js';
import { toPlain } from '../../src/render/index.js';

const ctx = shapeContext(['W: h x n', 'x: n', 'a: h', 'A: n x n', 'X: n x p', 'Y: n x c', 'Yhat: n x c', 'B: p x c', 'W^{(1)}: h x n', 'W^{(2)}: c x h']);
const parse = (t: string) => parsePlain(t, { shapes: ctx });
const entry = (t: string, i: Expr = sym('i'), j: Expr = sym('j')): string => {
  const e = parse(t);
  return toPlain(entryOf(e, i, j, ctx, new FreshIndices([e], ctx)));
};

describe('lowering matrix expressions to components', () => {
  it('should write a matrix-vector product as a sum over the shared index', () => {
    expect(entry('W*x', sym('i'), num(1))).toBe('sum(W_{i,k}*x_k, k, 1, n)');
  });

  it('should swap indices for a transpose and keep layer labels', () => {
    expect(entry('transpose(W^{(1)})')).toBe('W_{j,i}^{(1)}');
    expect(entry('W^{(2)}*W^{(1)}')).toBe('sum(W_{i,k}^{(2)}*W_{k,j}^{(1)}, k, 1, h)');
  });

  it('should take fresh bound indices that the input does not use', () => {
    expect(entry('A*k_1*x', sym('i'), num(1))).toBe('k_1*sum(A_{i,l}*x_l, l, 1, n)');
  });

  it('should apply functions entrywise and leave scalars alone', () => {
    expect(entry('sigma(W*x + a)', sym('i'), num(1))).toBe('sigma(sum(W_{i,k}*x_k, k, 1, n) + a_i)');
    expect(entry('alpha*A')).toBe('alpha*A_{i,j}');
  });

  it('should lower gradients and Jacobians to partial derivatives of entries', () => {
    expect(entry('d(a^T*W*x, W)')).toBe('d(sum(a_k*sum(W_{k,l}*x_l, l, 1, n), k, 1, h), W_{i,j})');
    expect(entry('d(W*x, x)')).toBe('d(sum(W_{i,k}*x_k, k, 1, n), x_j)');
  });

  it('should infer the shape of the softmax-regression gradient', () => {
    expect(shapeText(inferShape(parse('-(1/n)*X^T*(Y - Yhat) + alpha*B'), ctx))).toBe('p×c');
  });
});

describe('checking matrix identities numerically', () => {
  it('should instantiate sizes 2, 3, 1 and 7 and seeded draws in 1..7', () => {
    const s = sizeInstances(['n', 'p'], 1);
    expect(s.slice(0, 4)).toEqual([{ n: 2, p: 2 }, { n: 3, p: 3 }, { n: 1, p: 1 }, { n: 7, p: 7 }]);
    for (const x of s) for (const v of Object.values(x)) expect(v >= 1 && v <= 7).toBe(true);
  });

  it('should refute an identity that holds only at sizes 2, 3 and 4', () => {
    const sq = shapeContext(['A: n x n', 'B: n x n']);
    const q = (t: string) => parsePlain(t, { shapes: sq });
    const v = checkMatrixEqual(q('A + (n-2)*(n-3)*(n-4)*B'), q('A'), sq);
    expect(v).toMatchObject({ verdict: 'fails', reason: 'entry', sizes: { n: 1 } });
  });

  it('should accept a true identity and refuse a wrong one', () => {
    const c = shapeContext(['A: n x p', 'B: p x q', 'C: q x r']);
    const p = (t: string) => parsePlain(t, { shapes: c });
    expect(checkMatrixEqual(p('(A*B)*C'), p('A*(B*C)'), c).verdict).toBe('holds');
    expect(checkMatrixEqual(p('transpose(A*B*C)'), p('C^T*B^T*A^T'), c).verdict).toBe('holds');
    const sq = shapeContext(['A: n x n', 'B: n x n']);
    const q = (t: string) => parsePlain(t, { shapes: sq });
    expect(checkMatrixEqual(q('A*B'), q('B*A'), sq)).toMatchObject({ verdict: 'fails', reason: 'entry' });
    expect(checkMatrixEqual(q('A + B'), q('B + A'), sq).verdict).toBe('holds');
  });

  it('should fail expressions of different shapes before sampling', () => {
    const c = shapeContext(['A: n x p']);
    const v = checkMatrixEqual(parsePlain('A', { shapes: c }), parsePlain('A^T', { shapes: c }), c);
    expect(v).toMatchObject({ verdict: 'fails', reason: 'shape' });
  });

  it('should give a size used as a scalar (1/n) its instantiated value', () => {
    const c = shapeContext(['X: n x p', 'v: n']);
    const p = (t: string) => parsePlain(t, { shapes: c });
    // The mean of the rows of X, written two ways: (1/n) Xᵀ 1 with the ones vector spelled as a sum of entries.
    expect(checkMatrixEqual(p('(1/n)*X^T*v'), p('X^T*v/n'), c).verdict).toBe('holds');
    expect(checkMatrixEqual(p('(1/n)*X^T*v'), p('X^T*v/p'), c)).toMatchObject({ verdict: 'fails' });
  });
});
