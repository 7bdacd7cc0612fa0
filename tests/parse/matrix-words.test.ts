/**
 * Matrix words of the LaTeX reader under declared shapes (issue #12 item 2):
 * \odot as hadamard, \operatorname{tr} as trace, I_n as the identity,
 * \mathbf{1}_n as the ones vector, \operatorname{diag}; each printed back
 * by toLatex and read again to the same tree.
 */
import { describe, expect, it } from 'vitest';
import { call, mul, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { shapeContext } from '../../src/matrix/shape.js';
import { ParseError, parseLatex, parsePlain } from '../../src/parse/index.js';
import { toLatex, toPlain } from '../../src/render/index.js';

const ctx = shapeContext(['A: n x n, B: n x n, W: k x h, d: k, a: h, x: n, v: n, M: m x n']);
const [A, B, W, d, a, x, n] = ['A', 'B', 'W', 'd', 'a', 'x', 'n'].map((s) => sym(s)) as Expr[] as [Expr, Expr, Expr, Expr, Expr, Expr, Expr];
const read = (t: string): Expr => parseLatex(t, { shapes: ctx });

function same(got: Expr, want: Expr): void {
  expect(equal(got, want), `got ${toPlain(got)}, want ${toPlain(want)}`).toBe(true);
}

function refusal(t: string): string {
  try {
    read(t);
  } catch (e) {
    if (e instanceof ParseError) return e.message;
    throw e;
  }
  throw new Error(`${t} was read`);
}

describe('matrix words in LaTeX under shapes', () => {
  it('should read \\odot as hadamard of the products between the signs, in the order written', () => {
    same(read(String.raw`(W^\top d) \odot a \odot (1 - a)`), call('hadamard', [call('matmul', [call('transpose', [W]), d]), a, parsePlain('1 - a', { shapes: ctx })]));
    same(read(String.raw`W^\top d \odot a`), call('hadamard', [call('matmul', [call('transpose', [W]), d]), a]));
    expect(refusal(String.raw`x \odot a`)).toMatch(/elementwise|one shape/);
  });

  it('should read the trace in its spellings, and ask for brackets', () => {
    for (const t of [String.raw`\operatorname{tr}(A B)`, String.raw`\mathrm{tr}(A B)`, String.raw`\operatorname{Tr}(A B)`, String.raw`\text{tr}(A B)`]) same(read(t), call('trace', [call('matmul', [A, B])]));
    expect(refusal(String.raw`\operatorname{tr} A B`)).toContain('brackets');
  });

  it('should read I_n as the identity only where n is a size of the shapes', () => {
    same(read('I_n x'), call('matmul', [call('identity', [n]), x]));
    same(parsePlain('I_n*x', { shapes: ctx }), call('matmul', [call('identity', [n]), x]));
    // I_2 and I_q (q no size) stay symbols: a guess either way.
    same(read('I_q x'), mul(sym('I', [sym('q')]), x));
    expect(equal(parseLatex('I_n x'), mul(sym('I', [n]), x))).toBe(true);
  });

  it('should read \\mathbf{1}_n as the ones vector and keep \\mathbf{1}[…] an indicator', () => {
    same(read(String.raw`\mathbf{1}_n^\top x`), call('matmul', [call('transpose', [call('ones', [n])]), x]));
    same(read(String.raw`\mathbf 1_n^\top x`), call('matmul', [call('transpose', [call('ones', [n])]), x]));
    expect(refusal(String.raw`\mathbf{1}^\top x`)).toContain('\\mathbf{1}_n');
    same(parseLatex(String.raw`\mathbf{1}[y = k]`), call('delta', [sym('y'), sym('k')]));
  });

  it('should print every matrix word so that it reads back to the same tree', () => {
    for (const t of [
      String.raw`(W^\top d) \odot a \odot (1 - a)`,
      String.raw`\operatorname{tr}(A B) + \operatorname{tr}(B)`,
      String.raw`I_n - \frac{1}{n} \mathbf{1}_n \mathbf{1}_n^\top`,
      String.raw`\operatorname{diag}(x) A x`,
      String.raw`M (x \odot v)`,
    ]) {
      const e = read(t);
      same(read(toLatex(e)), e);
    }
  });
});
