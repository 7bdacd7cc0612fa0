/**
 * The values a high-precision comparison prints: where the sides differ
 * only past the 20th digit, they are printed with enough digits to read
 * differently (σ(100) = 1 failed with "1 vs 1"), up to 60; past that the
 * printed difference says it alone.
 */
import { describe, expect, it } from 'vitest';
import { compareAtHighPrecision } from '../../src/numeric/high-precision.js';
import { parsePlain } from '../../src/parse/index.js';

const compare = (a: string, b: string, digits: number) => compareAtHighPrecision([parsePlain(a), parsePlain(b)], new Map(), { digits });

describe('values printed by a high-precision comparison', () => {
  it('should print sigma(100) and 1 with the digits where they differ', () => {
    const r = compare('sigma(100)', '1', 120);
    expect(r.verdict).toBe('differ');
    if (r.verdict !== 'differ') return;
    expect(r.lhs).not.toBe(r.rhs);
    expect(r.lhs).toMatch(/^0\.9{43}6/);
    expect(r.rhs).toBe('1');
  });

  it('should keep 20 digits where they already read differently, and where the difference is past 60 digits', () => {
    const near = compare('sin(1)', '0.8414709848078965', 60);
    expect(near.verdict === 'differ' && near.lhs).toBe('0.84147098480789650665');
    const far = compare('tanh(1000)', '1', 1000);
    expect(far.verdict === 'differ' && [far.lhs, far.rhs, far.difference]).toEqual(['1', '1', '-5.15307e-869']);
  });
});
