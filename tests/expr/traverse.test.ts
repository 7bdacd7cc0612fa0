import { describe, expect, it } from 'vitest';
import { add, call, deriv, div, mul, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { children, freeOf, replaceAt, size, subtermAt, symbolsOf, withChildren } from '../../src/expr/traverse.js';

const x = sym('x');
const y = sym('y');
const samples = [add(x, num(1)), mul(x, y), div(x, y), pow(x, num(2)), call('sigma', [x]), deriv(pow(x, num(2)), x), sym('W', [sym('i'), sym('j')], [num(1)])];

describe('generic traversal', () => {
  it('should rebuild every node kind from its children', () => {
    for (const e of samples) expect(equal(withChildren(e, children(e)), e)).toBe(true);
  });

  it('should address and replace subterms by path', () => {
    const e = div(add(x, num(1)), y);
    expect(subtermAt(e, [0, 1])).toEqual(num(1));
    expect(subtermAt(e, [5])).toBeUndefined();
    expect(equal(replaceAt(e, [1], x), div(add(x, num(1)), x))).toBe(true);
  });

  it('should count nodes and find free symbols', () => {
    expect(size(add(x, num(1)))).toBe(3);
    expect(freeOf(add(y, num(1)), x)).toBe(true);
    expect(freeOf(call('exp', [x]), x)).toBe(false);
    expect(symbolsOf(mul(x, y, x)).map((s) => s.name)).toEqual(['x', 'y']);
  });
});
