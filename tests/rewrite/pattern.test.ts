import { describe, expect, it } from 'vitest';
import { add, call, mul, num, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { instantiate, match, matchOperands, type Bindings } from '../../src/rewrite/pattern.js';
import type { VarType } from '../../src/rewrite/rule.js';

const ctx = { vars: new Map<string, VarType>([['u', 'expr'], ['v', 'expr'], ['n', 'number'], ['s', 'symbol']]) };
const [u, v, n, s] = ['u', 'v', 'n', 's'].map((k) => sym(k)) as [Expr, Expr, Expr, Expr];
const x = sym('x');
const y = sym('y');

function first(p: Expr, t: Expr): Bindings | undefined {
  let out: Bindings | undefined;
  match(p, t, ctx, new Map(), (b) => ((out = b), true));
  return out;
}

describe('pattern matching', () => {
  it('should bind typed variables only to matching kinds', () => {
    expect(first(n, num(3))?.get('n')).toEqual(num(3));
    expect(first(n, x)).toBeUndefined();
    expect(first(s, x)?.get('s')).toEqual(x);
    expect(first(s, num(1))).toBeUndefined();
  });

  it('should require a repeated variable to match equal subterms', () => {
    expect(first(mul(u, u), mul(x, x))).toBeDefined();
    expect(first(mul(u, u), mul(x, y))).toBeUndefined();
  });

  it('should match sums in any order', () => {
    const b = first(add(u, call('exp', [v])), add(call('exp', [y]), x));
    expect(b?.get('u')).toEqual(x);
    expect(b?.get('v')).toEqual(y);
  });

  it('should let the last expression variable absorb the remaining operands', () => {
    const b = first(add(u, num(0)), add(x, y, num(0)));
    expect(equal(b?.get('u') as Expr, add(x, y))).toBe(true);
  });

  it('should report used operands for an extension match', () => {
    let used: readonly number[] = [];
    matchOperands('add', [mul(n, u), mul(n, u)], [x, mul(num(2), y), mul(num(2), y)], ctx, new Map(), true, (_b, us) => ((used = us), true));
    expect([...used].sort()).toEqual([1, 2]);
  });

  it('should substitute bindings into a template', () => {
    const b = new Map([['u', x]]);
    expect(equal(instantiate(call('exp', [u]), ctx, b), call('exp', [x]))).toBe(true);
  });
});
