import { describe, expect, it } from 'vitest';
import { normalise, ratAdd, ratDiv, ratMul, ratPowInt, ratRoot } from '../../src/expr/rational.js';

describe('exact rationals', () => {
  it('should add, multiply and divide exactly', () => {
    expect(ratAdd({ n: 1n, d: 2n }, { n: 1n, d: 3n })).toEqual({ n: 5n, d: 6n });
    expect(ratMul({ n: 2n, d: 3n }, { n: 3n, d: 4n })).toEqual({ n: 1n, d: 2n });
    expect(ratDiv({ n: 1n, d: 2n }, { n: -1n, d: 4n })).toEqual({ n: -2n, d: 1n });
  });

  it('should refuse division by zero', () => {
    expect(() => normalise(1n, 0n)).toThrow(RangeError);
  });

  it('should take integer powers and exact roots only', () => {
    expect(ratPowInt({ n: 2n, d: 3n }, -2n)).toEqual({ n: 9n, d: 4n });
    expect(ratPowInt({ n: 0n, d: 1n }, -1n)).toBeUndefined();
    expect(ratRoot({ n: 9n, d: 4n }, 2n)).toEqual({ n: 3n, d: 2n });
    expect(ratRoot({ n: 2n, d: 1n }, 2n)).toBeUndefined();
  });
});
