/**
 * A maximum or minimum over an index (src/parse/latex-big-operators.ts):
 * \max_j z_j, \max_{1 \le j \le n} z_j, \min_i x_i read as maxover(body, j, lo, hi)
 * (a minimum as −maxover(−body, …)), printed back as \max_{j=1}^{n} and read
 * again to the same tree; ‖x‖_∞ is norminf(x).
 */
import { describe, expect, it } from 'vitest';
import { equal } from '../../src/expr/equal.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { ParseError, parseLatex } from '../../src/parse/index.js';
import { toLatex, toPlain } from '../../src/render/index.js';

const L = String.raw;

describe('\\max and \\min over an index', () => {
  it('should read every spelling of the range', () => {
    expect(toPlain(parseLatex(L`\max_j z_j`))).toBe('maxover(z_j, j, 1, J)');
    expect(toPlain(parseLatex(L`\max_{j} z_j`))).toBe('maxover(z_j, j, 1, J)');
    expect(toPlain(parseLatex(L`\max_{j=1}^{n} z_j`))).toBe('maxover(z_j, j, 1, n)');
    expect(toPlain(parseLatex(L`\max_{1 \le j \le n} z_j`))).toBe('maxover(z_j, j, 1, n)');
    expect(toPlain(parseLatex(L`\min_i x_i`))).toBe('-maxover(-x_i, i, 1, I)');
  });

  it('should take the product that follows as the body, as \\sum does', () => {
    expect(toPlain(parseLatex(L`\max_{j=1}^{n} z_j + \log n`))).toBe('maxover(z_j, j, 1, n) + log(n)');
  });

  it('should print back to LaTeX and read again to the same tree', () => {
    for (const text of [L`\max_j z_j + \log n`, L`\min_{1 \le i \le n} x_i`, L`2 \max_{j=1}^{n} (z_j - 1)`]) {
      const e = parseLatex(text);
      const printed = toLatex(e);
      expect(printed).toMatch(/\\max_\{/);
      expect(equal(parseLatex(printed), e)).toBe(true);
    }
  });

  it('should evaluate as the largest (smallest) term, and have no value over an empty range', () => {
    expect(evaluate(parseLatex(L`\max_{i=1}^{n} i^2`), new Map([['n', 3]]))).toBe(9);
    expect(evaluate(parseLatex(L`\min_{1 \le i \le n} (i - 2)^2`), new Map([['n', 3]]))).toBe(0);
    expect(Number.isNaN(evaluate(parseLatex(L`\max_{i=1}^{n} i`), new Map([['n', 0]])))).toBe(true);
  });

  it('should refuse a range it cannot read, by name', () => {
    expect(() => parseLatex(L`\max_{j < n} z_j`)).toThrow(ParseError);
    expect(() => parseLatex(L`\max_{j}^{n} z_j`)).toThrow(/upper limit without a lower one/);
  });

  it('should read ‖x‖_∞ and print it back', () => {
    const e = parseLatex(L`\|x\|_\infty`);
    expect(toPlain(e)).toBe('norminf(x)');
    expect(equal(parseLatex(toLatex(e)), e)).toBe(true);
  });
});
