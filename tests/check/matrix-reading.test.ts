/**
 * Products that read as matrices and vectors by notation (x^T, W x, A B)
 * are never judged with scalar commutativity when no shapes are declared.
 */
import { describe, expect, it } from 'vitest';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { parsePlain, parseLatex } from '../../src/parse/index.js';
import { orderSensitiveProducts } from '../../src/parse/matrix-reading.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const plain = (l: string, r: string) => judgeStep(checker, parsePlain(l), '=', parsePlain(r));
const L = String.raw;

describe('matrix-looking products without shapes', () => {
  it('should leave d(B*(A*x), x) = A*B undecided, naming the shapes to declare', () => {
    const j = plain('d(B*(A*x), x)', 'A*B');
    expect(j.verdict).toBe('undecided');
    expect(j.evidence.summary).toContain('declare the shapes of A, B and x');
    expect(j.evidence.summary).toContain("--shape 'A: n x n'");
  });

  it('should read x^T as a transpose and leave d(x^T A x)/dx = (A + A^T) x undecided, never failing', () => {
    expect(plain('d(x^T*A*x, x)', '(A+A^T)*x').verdict).toBe('undecided');
    expect(judgeStep(checker, parseLatex(L`\frac{\partial}{\partial x} x^\top A x`), '=', parseLatex(L`(A + A^{T}) x`)).verdict).toBe('undecided');
  });

  it('should not prove commutations of vectors and matrices', () => {
    expect(plain('x^T*y', 'y^T*x').verdict).toBe('undecided');
    expect(plain('A*B', 'B*A').verdict).toBe('undecided');
    expect(plain('A^T', 'A').verdict).toBe('undecided');
  });

  it('should still refute with every size 1', () => {
    const j = plain('d(x^T*A*x, x)', '2*x');
    expect(j.verdict).toBe('fails');
    expect(j.evidence.summary).toContain('size 1');
  });

  it('should keep capitals used as scalars scalars', () => {
    expect(plain('1/K + C', 'C + 1/K').verdict).toBe('proved');
    expect(plain('2*L', 'L + L').verdict).toBe('proved');
    // The reading is a choice, and the output says so.
    expect(plain('1/K + C', 'C + 1/K').evidence.summary).toMatch(/\(C and K read as numbers: no vector or matrix next to them\)$/);
    expect(plain('2*L', 'L').evidence.summary).toMatch(/\(L read as a number: no vector or matrix next to it\)$/);
    expect(orderSensitiveProducts(parseLatex(L`\frac{1}{N} \sum_{i=1}^{N} x_i`))).toEqual([]);
  });
});
