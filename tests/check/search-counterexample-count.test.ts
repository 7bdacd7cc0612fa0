import { describe, expect, it, vi } from 'vitest';
import type { Expr } from '../../src/expr/node.js';
import { parsePlain } from '../../src/parse/index.js';

// Every evaluation of the two sides, in order, so the test can count the points where both were defined.
const calls = new Map<Expr, number[]>();
vi.mock('../../src/numeric/evaluate.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/numeric/evaluate.js')>();
  return {
    ...real,
    compile: (e: Expr, ...rest: unknown[]) => {
      const f = (real.compile as (e: Expr, ...r: unknown[]) => (v: ArrayLike<number>) => number)(e, ...rest);
      return (v: ArrayLike<number>) => {
        const y = f(v);
        calls.get(e)?.push(y);
        return y;
      };
    },
  };
});

const { searchViolation } = await import('../../src/check/search-counterexample.js');

describe('"no counterexample among N points" counts compared points only', () => {
  it('should count the points where both sides were defined, not the local-search moves off the domain', () => {
    // sqrt(1 - x^2) is defined on [-1, 1] only: many random draws and local-search steps fall outside.
    const a = parsePlain('-1');
    const b = parsePlain('sqrt(1 - x^2)');
    calls.set(a, []);
    calls.set(b, []);
    const found = searchViolation(a, b, false, []);
    expect(found.kind).toBe('none');
    if (found.kind !== 'none') return;
    const la = calls.get(a) ?? [];
    const lb = calls.get(b) ?? [];
    expect(la.length).toBe(lb.length);
    const defined = la.filter((y, i) => Number.isFinite(y) && Number.isFinite(lb[i] as number)).length;
    // Some evaluations were off the domain (else the test shows nothing).
    expect(defined).toBeLessThan(la.length);
    // Random draws, special points and local-search moves: exactly those where both sides were defined.
    expect(found.points).toBe(defined);
  });
});
