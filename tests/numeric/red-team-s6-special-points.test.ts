/**
 * Red-team session 6: kinks whose argument is an odd function. solveZero took
 * any f with f(1) − 2f(0) + f(−1) = 0 for a line, so sin(x) − c had its "zero"
 * at c / sin(1) (where sin(x) = 0.93, not c) and the bump of
 * relu(sin(x) − 0.9999) near π/2 was never sampled: `= 0` held.
 */
import { describe, expect, it } from 'vitest';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { specialPoints } from '../../src/numeric/special-points.js';
import { parsePlain } from '../../src/parse/index.js';
import { sym } from '../../src/expr/build.js';

const p = parsePlain;

describe('a kink of relu(odd function - c)', () => {
  it('is placed where the argument vanishes', () => {
    const sp = specialPoints([p('relu(sin(x) - 0.9999)'), p('0')], [sym('x')], []);
    const at = sp.labels.indexOf('kink of relu');
    expect(at).toBeGreaterThanOrEqual(0);
    const x = sp.points[at]?.[0] as number;
    expect(Math.abs(Math.sin(x) - 0.9999)).toBeLessThan(1e-9);
  });
  it('refutes relu(sin(x) - c) = 0 for c just below 1 (was holds)', () => {
    for (const c of ['0.9999', '0.99999', '0.999999']) expect(checkEqualNumeric(p(`relu(sin(x) - ${c})`), p('0')).verdict, c).toBe('fails');
  });
  it('keeps the exact root of a linear kink argument', () => {
    const sp = specialPoints([p('relu(3*x - 2)'), p('0')], [sym('x')], []);
    expect(sp.points[sp.labels.indexOf('kink of relu')]?.[0]).toBeCloseTo(2 / 3, 12);
  });
  // gradtex says holds (the bump of width 3e-4 lies between the kink and the points 10^-3·|t| either side of it); true: 1e-8 at x = π/2.
  it('refutes relu(sin(x) - 0.99999999) = 0', () => {
    expect(checkEqualNumeric(p('relu(sin(x) - 0.99999999)'), p('0')).verdict).not.toBe('holds');
  });
});
