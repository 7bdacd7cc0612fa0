import { describe, expect, it } from 'vitest';
import { call, mul, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { shapeContext } from '../../src/matrix/shape.js';
import { ParseError, parseLatex, parsePlain } from '../../src/parse/index.js';
import { toPlain } from '../../src/render/index.js';

const ctx = shapeContext(['W: h x n', 'x: n', 'y: m', 'a: h', 'b: n', 'A: n x n', 'W^{(1)}: h x n', 'W^{(2)}: c x h']);
const [W, x, a, b, A, alpha] = ['W', 'x', 'a', 'b', 'A', 'alpha'].map((n) => sym(n)) as [Expr, Expr, Expr, Expr, Expr, Expr];
const W1 = sym('W', [], [parsePlain('1')]);
const W2 = sym('W', [], [parsePlain('2')]);
const matmul = (...fs: Expr[]): Expr => call('matmul', fs);
const tr = (e: Expr): Expr => call('transpose', [e]);

function same(got: Expr, want: Expr): void {
  expect(equal(got, want), `got ${toPlain(got)}, want ${toPlain(want)}`).toBe(true);
}

function shapeError(parse: () => Expr): ParseError {
  try {
    parse();
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('parsing with declared shapes', () => {
  it('should read W*x and W x as a matrix product in the order written', () => {
    same(parsePlain('W*x', { shapes: ctx }), matmul(W, x));
    same(parsePlain('W x', { shapes: ctx }), matmul(W, x));
    same(parseLatex('W x', { shapes: ctx }), matmul(W, x));
    same(parseLatex('W \\cdot x', { shapes: ctx }), matmul(W, x));
    same(parseLatex('\\mathbf{W} \\mathbf{x}', { shapes: ctx }), matmul(W, x));
    same(parseLatex('\\boldsymbol{a}^\\top \\mathbf{W}', { shapes: ctx }), matmul(tr(a), W));
  });

  it('should keep scalar factors outside the matrix product', () => {
    same(parsePlain('alpha*W*x', { shapes: ctx }), mul(alpha, matmul(W, x)));
    same(parseLatex('\\alpha W x', { shapes: ctx }), mul(alpha, matmul(W, x)));
  });

  it('should read every spelling of the transpose', () => {
    const want = matmul(tr(a), W, b);
    same(parsePlain('a^T*W*b', { shapes: ctx }), want);
    same(parsePlain('transpose(a)*W*b', { shapes: ctx }), want);
    for (const t of ['a^T W b', 'a^\\top W b', 'a^{\\top} W b', 'a^{\\mathsf{T}} W b', 'a^\\intercal W b']) same(parseLatex(t, { shapes: ctx }), want);
  });

  it('should read labelled layers in order', () => {
    same(parsePlain('W^{(2)}*W^{(1)}*x', { shapes: ctx }), matmul(W2, W1, x));
    same(parseLatex('W^{(2)} W^{(1)} x', { shapes: ctx }), matmul(W2, W1, x));
    same(parseLatex('{W^{(1)}}^\\top a', { shapes: ctx }), matmul(tr(W1), a));
  });

  it('should apply functions elementwise and read matmul(…) in plain syntax', () => {
    same(parsePlain('sigma(W*x)', { shapes: ctx }), call('sigma', [matmul(W, x)]));
    same(parsePlain('matmul(W, x)'), matmul(W, x));
    same(parsePlain('(A*x)^T', { shapes: ctx }), tr(matmul(A, x)));
  });

  it('should change nothing without shapes, except that \\top, and ^T on a Latin letter, mean the transpose', () => {
    same(parsePlain('W*x'), mul(W, x));
    same(parsePlain('x^T'), tr(x));
    same(parseLatex('W^T'), tr(W));
    same(parseLatex('W^{T} x'), mul(tr(W), x));
    same(parseLatex('W^\\top'), tr(W));
    // A Greek letter or a number to the power T stays a power (a discount factor, a growth rate).
    same(parseLatex('\\gamma^T'), pow(sym('gamma'), sym('T')));
    same(parsePlain('2^T'), pow(num(2), sym('T')));
  });

  it('should name both shapes and the position of a product that does not fit', () => {
    const e = shapeError(() => parsePlain('W*y', { shapes: ctx }));
    expect(e.code).toBe('E_PARSE_SHAPE');
    expect(e.oneLine()).toBe('1:3: cannot multiply W (h×n) by y (m): n columns against m rows');
    expect(shapeError(() => parseLatex('\\alpha W^\\top x', { shapes: ctx })).oneLine()).toBe('1:15: cannot multiply W^T (n×h) by x (n): h columns against n rows');
  });

  it('should refuse sums of different shapes and powers of matrices', () => {
    expect(shapeError(() => parsePlain('W*x + x', { shapes: ctx })).oneLine()).toBe('1:1: cannot add W*x (h) and x (n): a sum needs one shape');
    expect(shapeError(() => parsePlain('A^2', { shapes: ctx })).message).toMatch(/^no powers of matrices: A \(n×n\) \^ 2 \(scalar\)/);
  });

  it('should print the plain syntax back so that it reads the same', () => {
    for (const t of ['W*x', 'a^T*W*b', 'alpha*W*x', '(A*x)^T', 'W^{(2)}*W^{(1)}*x', 'sigma(W*x)', '(A + A^T)*x', 'd(x^T*A*x, x)', 'W^T*a']) {
      const e = parsePlain(t, { shapes: ctx });
      expect(toPlain(e)).toBe(t);
      same(parsePlain(toPlain(e), { shapes: ctx }), e);
    }
  });
});

describe('shape declarations', () => {
  it('should read NAME: ROWS x COLS, NAME=RxC and vectors', () => {
    const c = shapeContext(['A=2x3', 'x: n', 'W^{(1)}: h × n', 'B: n x p, v: 4']);
    expect(c.get('A')).toEqual({ rows: 2, cols: 3, vector: false });
    expect(c.get('x')).toEqual({ rows: 'n', cols: 1, vector: true });
    expect(c.get('W^{(1)}')).toEqual({ rows: 'h', cols: 'n', vector: false });
    expect(c.get('B')).toEqual({ rows: 'n', cols: 'p', vector: false });
    expect(c.get('v')).toEqual({ rows: 4, cols: 1, vector: true });
  });

  it('should explain a declaration it cannot read', () => {
    expect(() => shapeContext(['A'])).toThrow(/cannot read the shape 'A': write NAME: ROWS x COLS/);
    expect(() => shapeContext(['A: 0 x 2'])).toThrow(/cannot read the size '0'/);
    expect(() => shapeContext(['A: 2 x 2 x 2'])).toThrow(/has 3 sizes/);
    expect(() => shapeContext(['A: 2', 'A: 3'])).toThrow(/declared twice/);
  });
});
