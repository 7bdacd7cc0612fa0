import { describe, expect, it } from 'vitest';
import { approximateBeyondFloatRange, approximateFromLogarithm, constantBeyondFloatRange, constantTooLargeForExactArithmetic, log2Magnitude, MAX_CAS_BITS, powerBeyondFloatRange } from '../../src/expr/constant-size.js';
import { bitLength, log2Abs, MAX_EXACT_BITS, ratFits } from '../../src/expr/exact-size.js';
import { ratPowInt } from '../../src/expr/rational.js';
import { parsePlain } from '../../src/parse/index.js';
import { toPlain } from '../../src/render/index.js';
import { foldConstants } from '../../src/rewrite/builtins/fold-constants.js';

describe('size limits of exact numbers', () => {
  it('should measure bit lengths and base-2 logarithms of any size', () => {
    expect(bitLength(0n)).toBe(0);
    expect(bitLength(255n)).toBe(8);
    expect(bitLength(-256n)).toBe(9);
    expect(log2Abs(1024n)).toBe(10);
    expect(log2Abs(2n ** 5000n)).toBeCloseTo(5000, 9);
  });

  it('should take powers up to the limit and refuse larger ones instead of building them', () => {
    expect(ratPowInt({ n: 2n, d: 3n }, 100n)).toEqual({ n: 2n ** 100n, d: 3n ** 100n });
    expect(ratPowInt({ n: 123456789n, d: 987654320n }, 10000n)).toBeUndefined();
    expect(ratPowInt({ n: 1n, d: 1n }, 4000n)).toEqual({ n: 1n, d: 1n });
    expect(ratFits({ n: 2n ** BigInt(MAX_EXACT_BITS - 1), d: 1n })).toBe(true);
    expect(ratFits({ n: 1n, d: 2n ** BigInt(MAX_EXACT_BITS) })).toBe(false);
  });

  it('should leave a power beyond the limit unfolded, and fold one within it', () => {
    expect(foldConstants(parsePlain('(1234567/7654321)^9000'))).toBeUndefined();
    expect(toPlain(foldConstants(parsePlain('(2/3)^3')) ?? parsePlain('0'))).toBe('8/27');
  });

  it('should not fold a product whose exact value exceeds the limit', () => {
    const big = `${2n ** 10000n}`;
    expect(foldConstants(parsePlain(`${big}*${big}`))).toBeUndefined();
  });

  it('should find constants too large for exact arithmetic or beyond float range', () => {
    const e = parsePlain('(1234567/7654321)^9000*x');
    expect(toPlain(constantTooLargeForExactArithmetic(e) ?? parsePlain('0'))).toBe('(1234567/7654321)^9000');
    expect(toPlain(constantBeyondFloatRange(e) ?? parsePlain('0'))).toBe('(1234567/7654321)^9000');
    expect(log2Magnitude(parsePlain('(1/2)^3*4'))).toBeCloseTo(-1, 12);
    expect(constantBeyondFloatRange(parsePlain('(1/2)^900*x'))).toBeUndefined();
    expect(constantTooLargeForExactArithmetic(parsePlain('x^100000'))).toBeUndefined();
    expect(constantTooLargeForExactArithmetic(parsePlain('1^100000'))).toBeUndefined();
    // A CAS gets a tighter limit: a 5,000-digit literal took nerdamer 4 s.
    expect(constantTooLargeForExactArithmetic(parsePlain(`${'7'.repeat(5000)}*x`), MAX_CAS_BITS)).toBeDefined();
    expect(constantTooLargeForExactArithmetic(parsePlain(`${'7'.repeat(500)}*x`), MAX_CAS_BITS)).toBeUndefined();
  });

  it('should find a power of a variable that is 0 or ∞ in float64 almost everywhere', () => {
    expect(toPlain(powerBeyondFloatRange(parsePlain('x^(10^9) + 1')) ?? parsePlain('0'))).toBe('x^(10^9)');
    expect(powerBeyondFloatRange(parsePlain('x^100'))).toBeUndefined();
    expect(powerBeyondFloatRange(parsePlain('2^(10^9)'))).toBeUndefined();
  });

  it('should approximate a constant beyond float range from its logarithm, with its sign', () => {
    // (1/9)^1000 = 5.72124519…e-955 (50-digit decimal arithmetic).
    expect(approximateBeyondFloatRange(parsePlain('(1/9)^1000'))).toBe('5.7212e-955');
    // 2^1025 = 3.5953862697…e+308, one past float64's largest power of two.
    expect(approximateBeyondFloatRange(parsePlain('(-2)^1025'))).toBe('-3.5954e+308');
    expect(approximateBeyondFloatRange(parsePlain('(1/9)^10'))).toBeUndefined();
    // 7…7 / 3…31 (30,000 digits each): each part overflows float64, the quotient is 7/3.
    expect(approximateFromLogarithm(parsePlain(`${'7'.repeat(30000)}/${'3'.repeat(29999)}1`))).toBe('2.3333e+0');
  });
});
