import { describe, expect, it } from 'vitest';
import { add, call, deriv, div, float, mul, neg, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';

const x = sym('x');
const y = sym('y');

describe('structural equality', () => {
  it('should treat sums and products as commutative', () => {
    expect(equal(add(x, y), add(y, x))).toBe(true);
    expect(equal(mul(x, y, num(2)), mul(num(2), y, x))).toBe(true);
    expect(add(x, y).hash).toBe(add(y, x).hash);
  });

  it('should keep quotients and powers ordered', () => {
    expect(equal(div(x, y), div(y, x))).toBe(false);
    expect(equal(pow(x, y), pow(y, x))).toBe(false);
  });

  it('should compare multisets, not sets', () => {
    expect(equal(add(x, x, y), add(x, y, y))).toBe(false);
  });

  it('should flatten nested sums and products in the constructors', () => {
    expect(equal(add(x, add(y, num(1))), add(x, y, num(1)))).toBe(true);
    const m = mul(x, mul(y, x));
    expect(m.kind === 'mul' && m.args.length).toBe(3);
  });

  it('should normalise exact rationals so that 2/4 equals 1/2', () => {
    expect(equal(num(2, 4), num(1, 2))).toBe(true);
    expect(num(3, -6)).toMatchObject({ n: -1n, d: 2n });
  });

  it('should distinguish floats from exact numbers', () => {
    expect(equal(float(0.5), num(1, 2))).toBe(false);
  });

  it('should distinguish subscripts and superscripts', () => {
    expect(equal(sym('x', [num(1)]), sym('x', [], [num(1)]))).toBe(false);
    expect(equal(sym('W', [sym('i'), sym('j')]), sym('W', [sym('j'), sym('i')]))).toBe(false);
  });

  it('should compare calls, negations and derivatives structurally', () => {
    expect(equal(call('max', [x, y]), call('max', [y, x]))).toBe(false);
    expect(equal(neg(x), neg(x))).toBe(true);
    expect(equal(deriv(x, x), deriv(x, y))).toBe(false);
  });
});
