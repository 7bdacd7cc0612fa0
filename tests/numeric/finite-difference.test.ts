import { describe, expect, it } from 'vitest';
import { centralDifference } from '../../src/numeric/index.js';

describe('centralDifference', () => {
  it('should reach about 1e-10 relative accuracy on smooth functions', () => {
    const cases: [(v: ArrayLike<number>) => number, number, number][] = [
      [(v) => (v[0] as number) ** 3, 2, 12],
      [(v) => Math.exp(v[0] as number), 1.3, Math.exp(1.3)],
      [(v) => Math.sin(v[0] as number), 0.4, Math.cos(0.4)],
      [(v) => Math.log(v[0] as number), 50, 1 / 50],
      [(v) => (v[0] as number) ** 2, 1e6, 2e6], // the step scales with |x|
    ];
    for (const [f, x0, exact] of cases) {
      expect(Math.abs(centralDifference(f, [x0], 0) - exact)).toBeLessThan(1e-10 * Math.max(1, Math.abs(exact)));
    }
  });

  it('should differentiate in the requested coordinate only', () => {
    const f = (v: ArrayLike<number>): number => (v[0] as number) * (v[1] as number) ** 2;
    expect(centralDifference(f, [3, 2], 0)).toBeCloseTo(4, 9);
    expect(centralDifference(f, [3, 2], 1)).toBeCloseTo(12, 9);
  });

  it('should not modify the point it is given', () => {
    const at = Float64Array.of(1, 2);
    centralDifference((v) => (v[0] as number) + (v[1] as number), at, 1);
    expect([...at]).toEqual([1, 2]);
  });

  it('should return NaN near a kink, where the estimate depends on the step', () => {
    expect(centralDifference((v) => Math.abs(v[0] as number), [3e-4], 0)).toBeNaN();
    expect(centralDifference((v) => Math.max(0, v[0] as number), [-2e-4], 0)).toBeNaN();
  });

  it('should return NaN when the function leaves its domain within a step', () => {
    expect(centralDifference((v) => Math.log(v[0] as number), [1e-5], 0)).toBeNaN();
  });
});
