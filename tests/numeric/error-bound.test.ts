import { describe, expect, it } from 'vitest';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { evaluateBounded } from '../../src/numeric/error-bound.js';
import { parsePlain } from '../../src/parse/index.js';
import { sym } from '../../src/expr/build.js';

describe('rounding error bounds', () => {
  it('should bound the error of a cancelling sum by the size of its terms', () => {
    const e = parsePlain('exp(a)*(exp(a) + exp(b)) - exp(a)^2');
    const r = evaluateBounded(e, new Map([['a', 20], ['b', -20]]));
    expect(r.error).toBeGreaterThan(1);
    const exact = evaluateBounded(parsePlain('exp(a)*exp(b)'), new Map([['a', 20], ['b', -20]]));
    expect(exact.error).toBeLessThan(1e-12);
  });

  it('should not call a correct expansion wrong because of cancellation at extreme points', () => {
    const v = checkEqualNumeric(parsePlain('exp(a)*(exp(a) + exp(b)) - exp(a)^2'), parsePlain('exp(a)*exp(b)'), { points: 200, seed: 3 });
    expect(v.verdict).toBe('holds');
  });

  it('should still reject a wrong identity with the same cancellation', () => {
    const v = checkEqualNumeric(parsePlain('exp(a)*(exp(a) + exp(b)) - exp(a)^2'), parsePlain('2*exp(a)*exp(b)'), { points: 50, seed: 3 });
    expect(v.verdict).toBe('fails');
  });

  it('should bound the error of a product whose factor underflowed to 0', () => {
    const r = evaluateBounded(parsePlain('exp(-x)^2*exp(x)*exp(x)'), new Map([['x', 543]]));
    expect(r.value).toBe(0);
    expect(r.error).toBeGreaterThan(1);
  });

  it('should not fail a correct identity at points where a factor underflows', () => {
    // Far-out probe points reach x = 543, where e^(-x)^2 is 0 in floating point.
    for (let seed = 1; seed <= 200; seed++) {
      expect(checkEqualNumeric(parsePlain('exp(-x)^2*exp(x)*exp(x)'), parsePlain('1'), { seed }).verdict, `seed ${seed}`).toBe('holds');
    }
    // There doubles give 0 = 1 within their error bound; high precision shows the sides equal (formerly undecided).
    const far = checkEqualNumeric(parsePlain('exp(-x)^2*exp(x)*exp(x)'), parsePlain('1'), { assumptions: [{ sym: sym('x'), kind: 'interval', lo: 705, hi: 745 }] });
    expect(far.verdict).toBe('holds');
  });

  it('should still reject a wrong identity whose factors underflow at some points', () => {
    expect(checkEqualNumeric(parsePlain('exp(-x)^2*exp(x)*exp(x)'), parsePlain('2')).verdict).toBe('fails');
  });
});
