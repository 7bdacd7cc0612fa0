import { describe, expect, it } from 'vitest';
import { add, call, deriv, div, float, mul, neg, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { ParseError, parsePlain, type PlainOptions } from '../../src/parse/index.js';
import { parseErrorOf } from './parse-error.js';

const x = sym('x');
const eq = (text: string, e: Expr, opts: PlainOptions = {}): void => {
  const got = parsePlain(text, opts);
  expect(equal(got, e), `${text} parsed as ${JSON.stringify(got, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`).toBe(true);
};
const err = (text: string): ParseError => parseErrorOf(parsePlain, text);

describe('plain syntax parser', () => {
  it('should parse the sigmoid definition', () => {
    eq('1/(1+exp(-x))', div(num(1), add(num(1), call('exp', [neg(x)]))));
  });

  it('should keep 1/2 exact and decimals as floats', () => {
    eq('1/2', num(1, 2));
    eq('-1/2', num(-1, 2));
    eq('0.25', float(0.25));
    eq('x - 3', add(x, num(-3)));
    eq('x - y', add(x, neg(sym('y'))));
  });

  it('should apply a leading minus to the whole term, as in print', () => {
    eq('-x*y', neg(mul(x, sym('y'))));
    eq('-2x', neg(mul(num(2), x)));
    eq('-(3)', neg(num(3)));
    eq('(1)/(2)', div(num(1), num(2)));
  });

  it('should bind powers tighter than unary minus, right-associatively', () => {
    eq('-x^2', neg(pow(x, num(2))));
    eq('2^-1', pow(num(2), num(-1)));
    eq('x^y^2', pow(x, pow(sym('y'), num(2))));
  });

  it('should multiply by juxtaposition', () => {
    eq('2x', mul(num(2), x));
    eq('sigma(x)(1-sigma(x))', mul(call('sigma', [x]), add(num(1), neg(call('sigma', [x])))));
    eq('x y', mul(x, sym('y')));
    eq('2(x+1)', mul(num(2), add(x, num(1))));
  });

  it('should read subscripts, superscript labels and trailing digits', () => {
    eq('x1', sym('x', [num(1)]));
    eq('x_12', sym('x', [num(12)]));
    eq('W_{ij}', sym('W', [sym('i'), sym('j')]));
    eq('W_{i,j}', sym('W', [sym('i'), sym('j')]));
    eq('w^{(1)}', sym('w', [], [num(1)]));
    eq('y_k^{(i)}', sym('y', [sym('k')], [sym('i')]));
    eq('y^{(i)}_k', sym('y', [sym('k')], [sym('i')]));
  });

  it('should read the problem-set function with max', () => {
    const [x1, x2, x3, x4, x5, x6] = [1, 2, 3, 4, 5, 6].map((i) => sym('x', [num(i)])) as [Expr, Expr, Expr, Expr, Expr, Expr];
    eq('max(x1,x2)*x3/x4 - (x5+x6)', add(div(mul(call('max', [x1, x2]), x3), x4), neg(add(x5, x6))));
  });

  it('should read aliases, e, pi and the inert derivative', () => {
    eq('ln(x)', call('log', [x]));
    eq('e^x', call('exp', [x]));
    eq('e', call('exp', [num(1)]));
    eq('d(x^2, x)', deriv(pow(x, num(2)), x));
    eq('pi', sym('pi'));
  });

  it('should report an unclosed parenthesis at the end with where it opened', () => {
    const e = err('(x+1');
    expect(e.code).toBe('E_PARSE_UNCLOSED');
    expect(e.oneLine()).toBe("1:5: expected ')' to close '(' opened at 1:1, found the end of the input");
  });

  it('should report unknown functions, arity and missing operands', () => {
    expect(err('foo(x)').code).toBe('E_PARSE_UNKNOWN_FUNCTION');
    expect(err('foo(x)').col).toBe(1);
    expect(err('max(x)').code).toBe('E_PARSE_ARITY');
    const e = err('x^');
    expect(e.code).toBe('E_PARSE_UNEXPECTED_END');
    expect(e.col).toBe(3);
    expect(err('').code).toBe('E_PARSE_EMPTY');
    expect(err('  ').code).toBe('E_PARSE_EMPTY');
  });

  it('should refuse 20,000-deep nesting with a position instead of overflowing the stack', () => {
    const e = err('('.repeat(20000) + 'x' + ')'.repeat(20000));
    expect(e.code).toBe('E_PARSE_TOO_DEEP');
    expect(e.col).toBe(1001);
  });

  it('should parse a 1 MB sum without recursion limits', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `${i % 9 + 1}*x^${i % 4 + 1}`).join('+');
    const e = parsePlain(text);
    expect(e.kind === 'add' && e.args.length).toBe(100_000);
  });

  it('should point unknown functions at the name and suggest close ones', () => {
    const e = err('2*sigmoud(x)');
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_UNKNOWN_FUNCTION', 2, 9]);
    expect(e.message).toContain("'sigmoid'");
  });

  it('should read single letters, x1-style names, pi, Greek and hat names before a bracket as products', () => {
    eq('x(1-x)', mul(x, add(num(1), neg(x))));
    eq('yhat(1-yhat)', mul(sym('yhat'), add(num(1), neg(sym('yhat')))));
    eq('lambda(a+b)', mul(sym('lambda'), add(sym('a'), sym('b'))));
  });

  it('should span a wrong number of arguments over the whole call', () => {
    const e = err('1 + max(x)');
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_ARITY', 4, 10]);
  });

  it('should point a non-variable second argument of d at that argument', () => {
    const e = err('d(x^2, 2)');
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_UNEXPECTED_TOKEN', 7, 8]);
  });

  it('should accept extra function names from the options with any number of arguments', () => {
    eq('eval(1, 2, 3)', call('eval', [num(1), num(2), num(3)]), { extraFunctions: ['eval'] });
    expect(err('eval(1)').code).toBe('E_PARSE_UNKNOWN_FUNCTION');
  });

  it('should read braces as grouping and keep (1)/(2) a quotient', () => {
    eq('e^{-x}', call('exp', [neg(x)]));
    eq('{1}/2', div(num(1), num(2)));
    eq('1/2/3', div(num(1, 2), num(3)));
  });

  it('should read unicode minus and multiplication signs', () => {
    eq('a − b', add(sym('a'), neg(sym('b'))));
    eq('a · b × c', mul(sym('a'), sym('b'), sym('c')));
  });

  it('should name line and column on a later line', () => {
    const e = err('x +\n  * y');
    expect(e.line).toBe(2);
    expect(e.col).toBe(3);
  });
});
