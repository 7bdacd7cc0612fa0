/**
 * \binom and n! of whole numbers are exact integers; \binom{n}{k} with a whole
 * k is its polynomial in n; a factorial of a symbol and a congruence (\pmod)
 * are refused by name, never read as something else.
 */
import { describe, expect, it } from 'vitest';
import { parseLatex } from '../../src/parse/index.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { parseErrorOf } from './parse-error.js';

describe('binomial coefficients and factorials', () => {
  it('should read \\binom and n! of whole numbers as exact integers', () => {
    expect(toPlain(parseLatex('\\binom{5}{2}'))).toBe('10');
    expect(toPlain(parseLatex('\\dbinom{52}{5}'))).toBe('2598960');
    expect(toPlain(parseLatex('\\binom{3}{5}'))).toBe('0');
    expect(toPlain(parseLatex('5!'))).toBe('120');
    expect(toPlain(parseLatex('0!'))).toBe('1');
    expect(toPlain(parseLatex('20!'))).toBe('2432902008176640000');
    expect(toPlain(parseLatex('3!^2'))).toBe('6^2');
  });

  it('should read \\binom{n}{k} with a whole k as n(n-1)…(n-k+1)/k!', () => {
    expect(toPlain(parseLatex('\\binom{n}{2}'))).toBe('1/2*n*(n - 1)');
  });

  it('should refuse a factorial of a symbol and a binomial with a symbolic k, by name', () => {
    expect(parseErrorOf(parseLatex, 'n!').message).toMatch(/factorial is read of a whole number only/);
    expect(parseErrorOf(parseLatex, '(n+1)!').message).toMatch(/factorial/);
    expect(parseErrorOf(parseLatex, '\\binom{n}{k}').message).toMatch(/whole number k/);
  });

  it('should refuse a congruence', () => {
    expect(parseErrorOf(parseLatex, '1 \\pmod 3').message).toMatch(/congruence \(\\pmod\) is not read/);
    expect(parseErrorOf(parseLatex, '7 \\bmod 3').message).toMatch(/congruence/);
  });
});
