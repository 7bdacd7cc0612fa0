import { describe, expect, it } from 'vitest';
import { add, call, deriv, div, float, mul, neg, num, pow, sub, sym } from '../../src/expr/build.js';
import { toPlain } from '../../src/render/index.js';

const x = sym('x');
const y = sym('y');
const a = sym('a');
const b = sym('b');

describe('toPlain', () => {
  it('should print numbers exactly', () => {
    expect(toPlain(num(1, 2))).toBe('1/2');
    expect(toPlain(num(-3))).toBe('-3');
    expect(toPlain(float(0.25))).toBe('0.25');
    expect(toPlain(float(2))).toBe('2.0');
    expect(toPlain(call('exp', [num(1)]))).toBe('exp(1)');
  });

  it('should print symbols with indices and labels', () => {
    expect(toPlain(sym('x', [num(1)]))).toBe('x_1');
    expect(toPlain(sym('x', [num(12)]))).toBe('x_12');
    expect(toPlain(sym('W', [sym('i'), sym('j')]))).toBe('W_{i,j}');
    expect(toPlain(sym('w', [], [num(1)]))).toBe('w^{(1)}');
    expect(toPlain(sym('y', [sym('k')], [sym('i')]))).toBe('y_k^{(i)}');
  });

  it('should write products with an explicit star and minimal brackets', () => {
    expect(toPlain(mul(num(2), x))).toBe('2*x');
    expect(toPlain(mul(call('sigma', [x]), sub(num(1), call('sigma', [x]))))).toBe('sigma(x)*(1 - sigma(x))');
    expect(toPlain(mul(num(1, 2), x))).toBe('1/2*x');
    expect(toPlain(mul(x, num(1, 2)))).toBe('x*(1/2)');
    expect(toPlain(mul(num(-2), x))).toBe('(-2)*x');
  });

  it('should write subtraction for negated terms and negative numbers', () => {
    expect(toPlain(sub(a, b))).toBe('a - b');
    expect(toPlain(add(x, num(-3)))).toBe('x - 3');
    expect(toPlain(add(x, num(-1, 2)))).toBe('x - 1/2');
    expect(toPlain(sub(x, add(a, b)))).toBe('x - (a + b)');
    expect(toPlain(neg(add(x, y)))).toBe('-(x + y)');
  });

  it('should bracket quotients so that they read back as written', () => {
    expect(toPlain(div(num(1), add(num(1), call('exp', [neg(x)]))))).toBe('1/(1 + exp(-x))');
    expect(toPlain(div(mul(a, b), x))).toBe('a*b/x');
    expect(toPlain(div(a, mul(b, x)))).toBe('a/(b*x)');
    expect(toPlain(div(neg(x), y))).toBe('(-x)/y');
    expect(toPlain(div(div(a, b), x))).toBe('a/b/x');
    expect(toPlain(div(a, div(b, x)))).toBe('a/(b/x)');
  });

  it('should bracket powers that are not atoms', () => {
    expect(toPlain(pow(add(a, b), num(2)))).toBe('(a + b)^2');
    expect(toPlain(pow(x, num(-1)))).toBe('x^(-1)');
    expect(toPlain(pow(x, num(1, 2)))).toBe('x^(1/2)');
    expect(toPlain(pow(pow(x, num(2)), num(3)))).toBe('(x^2)^3');
    expect(toPlain(pow(sym('w', [], [num(1)]), num(2)))).toBe('w^{(1)}^2');
  });

  it('should print calls and derivatives with their plain names', () => {
    expect(toPlain(call('max', [a, b]))).toBe('max(a, b)');
    expect(toPlain(call('relu', [x]))).toBe('relu(x)');
    expect(toPlain(deriv(call('tanh', [x]), x))).toBe('d(tanh(x), x)');
  });
});
