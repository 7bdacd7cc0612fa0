/**
 * Both sides zero to every digit doubles have (p_i − p_i Σ_j p_j = 0 for a
 * softmax): high precision decides, never a looser tolerance. An exact
 * cancellation agrees once more digits still show nothing; a difference
 * hidden by cancellation at 60 digits shows at the second precision.
 */
import { describe, expect, it } from 'vitest';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { parseLatex } from '../../src/parse/index.js';

const SOFTMAX_ROW = '\\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}} - \\frac{e^{z_i}}{\\sum_{j=1}^{K} e^{z_j}} \\sum_{l=1}^{K} \\frac{e^{z_l}}{\\sum_{j=1}^{K} e^{z_j}}';
const verdict = (l: string, r: string): string => checkEqualNumeric(parseLatex(l), parseLatex(r), {}).verdict;

describe('sides that are zero to the precision of doubles', () => {
  it('should hold an exact cancellation (a softmax row sums to one) by high precision', () => {
    expect(verdict(SOFTMAX_ROW, '0')).toBe('holds');
    expect(verdict('\\sum_{i=1}^n x_i - n \\cdot \\frac{1}{n}\\sum_{i=1}^n x_i', '0')).toBe('holds');
  });

  it('should fail a difference that cancellation hides from doubles and from 60 digits', () => {
    expect(verdict(SOFTMAX_ROW, '10^{-70}')).toBe('fails');
    expect(verdict('(x + 10^{-70}) - x', '0')).toBe('fails');
    expect(verdict('(1 + 10^{-70}) - 1', '0')).toBe('fails');
    expect(verdict('x - x + 10^{-200}', '0')).toBe('fails');
  });
});
