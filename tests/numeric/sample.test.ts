import { describe, expect, it } from 'vitest';
import { sym } from '../../src/expr/build.js';
import { createRng } from '../../src/numeric/index.js';
import { drawPoint, wideDraw } from '../../src/numeric/sample.js';

const [x, n, p, q] = [sym('x'), sym('n'), sym('p'), sym('q')];

describe('drawPoint', () => {
  it('should mix scales: mostly moderate, some near 0, some large', () => {
    const rng = createRng(1);
    const xs = Array.from({ length: 2000 }, () => drawPoint([x], [], rng)[0] as number);
    expect(xs.filter((v) => Math.abs(v) < 0.5).length).toBeGreaterThan(300);
    expect(xs.filter((v) => Math.abs(v) > 8).length).toBeGreaterThan(20);
    expect(xs.filter((v) => v < 0).length).toBeGreaterThan(800);
    expect(xs.filter((v) => v > 0).length).toBeGreaterThan(800);
  });

  it('should honour positive, nonnegative, integer and interval assumptions', () => {
    const rng = createRng(2);
    for (let i = 0; i < 500; i++) {
      const [a, b, c, d] = drawPoint(
        [x, n, p, q],
        [
          { sym: x, kind: 'positive' },
          { sym: n, kind: 'integer' },
          { sym: p, kind: 'interval', lo: 0.25, hi: 0.5 },
          { sym: q, kind: 'nonnegative' },
        ],
        rng,
      ) as unknown as [number, number, number, number];
      expect(a).toBeGreaterThan(0);
      expect(Number.isInteger(b)).toBe(true);
      expect(c).toBeGreaterThanOrEqual(0.25);
      expect(c).toBeLessThan(0.5);
      expect(d).toBeGreaterThanOrEqual(0);
    }
  });

  it('should give the same points for the same seed', () => {
    const a = drawPoint([x, n], [], createRng(9));
    const b = drawPoint([x, n], [], createRng(9));
    expect([...a]).toEqual([...b]);
  });

  it('should probe far out and around the constants, every sign pattern in turn', () => {
    const rng = createRng(3);
    const draw = wideDraw([20], 2);
    const points = Array.from({ length: 400 }, () => drawPoint([x, p], [], rng, draw) as unknown as [number, number]);
    const signs = points.slice(0, 4).map(([a, b]) => `${Math.sign(a)},${Math.sign(b)}`);
    expect(signs).toEqual(['1,1', '-1,1', '1,-1', '-1,-1']);
    const xs = points.map(([a]) => Math.abs(a));
    expect(xs.every((v) => v >= 1 && v <= 1e4)).toBe(true);
    expect(xs.filter((v) => v > 1000).length).toBeGreaterThan(30);
    expect(xs.filter((v) => v >= 10 && v <= 40).length).toBeGreaterThan(100); // around the hint 20
  });

  it('should apply assumptions to probe points too', () => {
    const rng = createRng(4);
    const draw = wideDraw([50], 2);
    for (let i = 0; i < 200; i++) {
      const [a, b] = drawPoint([x, n], [{ sym: x, kind: 'positive' }, { sym: n, kind: 'interval', lo: 1, hi: 3, integer: true }], rng, draw) as unknown as [number, number];
      expect(a).toBeGreaterThan(0);
      expect([1, 2, 3]).toContain(b);
    }
  });

  it('should satisfy combined assumptions whatever their order', () => {
    const rng = createRng(5);
    for (let i = 0; i < 500; i++) {
      const [a, b, c, d] = drawPoint(
        [x, n, p, q],
        [
          { sym: x, kind: 'integer' },
          { sym: x, kind: 'positive' },
          { sym: n, kind: 'nonzero' },
          { sym: n, kind: 'integer' },
          { sym: p, kind: 'positive' },
          { sym: p, kind: 'interval', lo: -1, hi: 1 },
          { sym: q, kind: 'integer' },
          { sym: q, kind: 'interval', lo: 0.5, hi: 3.5 },
        ],
        rng,
      ) as unknown as [number, number, number, number];
      expect(Number.isInteger(a) && a >= 1).toBe(true);
      expect(Number.isInteger(b) && b !== 0).toBe(true);
      expect(c > 0 && c <= 1).toBe(true);
      expect([1, 2, 3]).toContain(d);
    }
  });

  it('should give NaN for a variable whose assumptions leave no value', () => {
    const [a] = drawPoint([x], [{ sym: x, kind: 'positive' }, { sym: x, kind: 'interval', lo: -2, hi: -1 }], createRng(1));
    expect(a).toBeNaN();
  });
});

describe('unbounded integer domains (issue #9)', () => {
  it('should draw ℤ with negatives, 0 and values beyond 5', () => {
    const rng = createRng(6);
    const zs = Array.from({ length: 400 }, () => drawPoint([n], [{ sym: n, kind: 'interval', lo: -Infinity, hi: Infinity, integer: true }], rng)[0] as number);
    expect(zs.every((v) => Number.isInteger(v))).toBe(true);
    expect(zs.filter((v) => v < 0).length).toBeGreaterThan(100);
    expect(zs).toContain(0);
    expect(zs.some((v) => v > 5)).toBe(true);
  });

  it('should draw ℕ = {0, 1, 2, …} with 0 and never a negative', () => {
    const rng = createRng(7);
    const ns = Array.from({ length: 400 }, () => drawPoint([n], [{ sym: n, kind: 'interval', lo: 0, hi: Infinity, integer: true }], rng)[0] as number);
    expect(ns.every((v) => Number.isInteger(v) && v >= 0)).toBe(true);
    expect(ns).toContain(0);
  });
});
