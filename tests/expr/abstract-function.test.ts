/**
 * The stand-in for an unknown function f and its derivatives f', f'', …
 * must agree in every arithmetic, so a true chain rule is never refuted: the
 * high-precision referee (60+ digits) once saw f' differ from the derivative
 * of f in the last bits of a double and called d/dx f(x²) = 2x f'(x²) false.
 */
import { describe, expect, it } from 'vitest';
import { parsePlain } from '../../src/parse/index.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';

const verdict = (a: string, b: string): string => checkEqualNumeric(parsePlain(a), parsePlain(b)).verdict;

describe('the unknown-function stand-in', () => {
  it.each([
    ['d(f(x^2), x)', "2*x*f'(x^2)"],
    ['d(f(x^3), x)', "3*x^2*f'(x^3)"],
    ["d(f''(x^3), x)", "3*x^2*f'''(x^3)"],
    ['d(d(f(x^2), x), x)', "4*x^2*f''(x^2) + 2*f'(x^2)"],
    ['d(g(exp(x)), x)', "exp(x)*g'(exp(x))"],
  ])('should let %s = %s hold at every sampled point, large ones included', (a, b) => {
    expect(verdict(a, b)).toBe('holds');
  });

  it.each([
    ['d(f(x^2), x)', "2*x*f'(x^2) + 1e-12"],
    ['d(f(x^3), x)', "3*x^2*f'(x^3)*(1 + 1e-14)"],
    ['d(f(x^2), x)', "x*f'(x^2)"],
  ])('should still refute %s = %s', (a, b) => {
    expect(verdict(a, b)).toBe('fails');
  });
});
