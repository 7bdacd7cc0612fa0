import { describe, expect, it } from 'vitest';
import { add, call, deriv, div, float, mul, neg, num, pow, sub, sym } from '../../src/expr/build.js';
import { toLatex } from '../../src/render/index.js';

const x = sym('x');
const y = sym('y');
const a = sym('a');
const b = sym('b');
const sigma = (u: Parameters<typeof call>[1][number]) => call('sigma', [u]);

describe('toLatex numbers', () => {
  it('should print integers and exact fractions with \\frac', () => {
    expect(toLatex(num(3))).toBe('3');
    expect(toLatex(num(-3))).toBe('-3');
    expect(toLatex(num(1, 2))).toBe('\\frac{1}{2}');
    expect(toLatex(num(-1, 2))).toBe('-\\frac{1}{2}');
  });

  it('should print floats as shortest decimals without exponent notation', () => {
    expect(toLatex(float(0.25))).toBe('0.25');
    expect(toLatex(float(2))).toBe('2.0');
    expect(toLatex(float(1.5e-7))).toBe('0.00000015');
    expect(toLatex(float(-2.5))).toBe('-2.5');
  });

  it('should print Euler\'s number e for exp(1)', () => {
    expect(toLatex(call('exp', [num(1)]))).toBe('e');
    expect(toLatex(mul(num(2), call('exp', [num(1)])))).toBe('2 e');
  });
});

describe('toLatex symbols', () => {
  it('should print indices and labels', () => {
    expect(toLatex(sym('x', [num(1)]))).toBe('x_{1}');
    expect(toLatex(sym('W', [sym('i'), sym('j')]))).toBe('W_{i j}');
    expect(toLatex(sym('W', [sym('i'), add(sym('j'), num(1))]))).toBe('W_{i, j + 1}');
    expect(toLatex(sym('w', [], [num(1)]))).toBe('w^{(1)}');
    expect(toLatex(sym('y', [sym('k')], [sym('i')]))).toBe('y_{k}^{(i)}');
  });

  it('should print Greek names, hats and words', () => {
    expect(toLatex(sym('alpha'))).toBe('\\alpha');
    expect(toLatex(sym('eta'))).toBe('\\eta');
    expect(toLatex(sym('lambda'))).toBe('\\lambda');
    expect(toLatex(sym('pi'))).toBe('\\pi');
    expect(toLatex(sym('yhat'))).toBe('\\hat{y}');
    expect(toLatex(sym('loss'))).toBe('\\mathrm{loss}');
  });
});

describe('toLatex sums and products', () => {
  it('should print subtraction for negated terms and negative numbers', () => {
    expect(toLatex(sub(num(1), sigma(x)))).toBe('1 - \\sigma(x)');
    expect(toLatex(add(x, num(-3)))).toBe('x - 3');
    expect(toLatex(add(x, num(-1, 2)))).toBe('x - \\frac{1}{2}');
    expect(toLatex(add(x, float(-0.5)))).toBe('x - 0.5');
    expect(toLatex(sub(x, add(a, b)))).toBe('x - \\left(a + b\\right)');
  });

  it('should print a leading minus and keep a negated sum in brackets', () => {
    expect(toLatex(neg(x))).toBe('-x');
    expect(toLatex(add(neg(x), y))).toBe('-x + y');
    expect(toLatex(neg(add(x, y)))).toBe('-\\left(x + y\\right)');
    expect(toLatex(neg(neg(x)))).toBe('-\\left(-x\\right)');
  });

  it('should multiply by juxtaposition where unambiguous', () => {
    expect(toLatex(mul(num(2), x))).toBe('2 x');
    expect(toLatex(mul(x, y))).toBe('x y');
    expect(toLatex(mul(sigma(x), sub(num(1), sigma(x))))).toBe('\\sigma(x) \\left(1 - \\sigma(x)\\right)');
  });

  it('should use \\cdot before a number and after a function name used as a symbol', () => {
    expect(toLatex(mul(num(2), num(3)))).toBe('2 \\cdot 3');
    expect(toLatex(mul(x, num(2)))).toBe('x \\cdot 2');
    expect(toLatex(mul(sym('sigma'), add(x, num(1))))).toBe('\\sigma \\cdot \\left(x + 1\\right)');
  });

  it('should bracket negative factors', () => {
    expect(toLatex(mul(num(-2), x))).toBe('\\left(-2\\right) x');
    expect(toLatex(mul(x, neg(y)))).toBe('x \\left(-y\\right)');
    expect(toLatex(neg(mul(num(2), x)))).toBe('-2 x');
  });
});

describe('toLatex quotients and powers', () => {
  it('should print quotients with \\frac and no extra brackets', () => {
    expect(toLatex(div(num(1), add(num(1), call('exp', [neg(x)]))))).toBe('\\frac{1}{1 + e^{-x}}');
    expect(toLatex(div(add(a, b), mul(x, y)))).toBe('\\frac{a + b}{x y}');
  });

  it('should bracket bases that are not atoms', () => {
    expect(toLatex(pow(x, num(2)))).toBe('x^{2}');
    expect(toLatex(pow(add(a, b), num(2)))).toBe('\\left(a + b\\right)^{2}');
    expect(toLatex(pow(neg(x), num(2)))).toBe('\\left(-x\\right)^{2}');
    expect(toLatex(pow(num(-1, 2), x))).toBe('\\left(-\\frac{1}{2}\\right)^{x}');
    expect(toLatex(pow(pow(x, num(2)), num(3)))).toBe('\\left(x^{2}\\right)^{3}');
    expect(toLatex(pow(x, pow(y, num(2))))).toBe('x^{y^{2}}');
  });

  it('should power a function call without the \\tanh^{2} form', () => {
    expect(toLatex(pow(sigma(x), num(2)))).toBe('\\sigma(x)^{2}');
    expect(toLatex(pow(call('tanh', [x]), num(2)))).toBe('\\tanh(x)^{2}');
  });

  it('should brace a labelled base so that there is no double superscript', () => {
    expect(toLatex(pow(sym('w', [], [num(1)]), num(2)))).toBe('{w^{(1)}}^{2}');
    expect(toLatex(pow(sym('x', [num(1)]), num(2)))).toBe('x_{1}^{2}');
  });

  it('should bracket an exponential or a derivative raised to a power', () => {
    expect(toLatex(pow(call('exp', [x]), num(2)))).toBe('\\left(e^{x}\\right)^{2}');
    expect(toLatex(pow(deriv(pow(x, num(2)), x), num(2)))).toBe('\\left(\\frac{d}{dx}\\left(x^{2}\\right)\\right)^{2}');
  });
});

describe('toLatex functions', () => {
  it('should print e^{u} for short exponents and \\exp for long ones', () => {
    expect(toLatex(call('exp', [x]))).toBe('e^{x}');
    expect(toLatex(call('exp', [mul(num(-2), x)]))).toBe('e^{\\left(-2\\right) x}');
    expect(toLatex(call('exp', [add(mul(sym('w'), x), b)]))).toBe('e^{w x + b}');
    expect(toLatex(call('exp', [div(x, num(2))]))).toBe('\\exp\\left(\\frac{x}{2}\\right)');
    expect(toLatex(call('exp', [neg(div(x, num(2)))]))).toBe('\\exp\\left(-\\frac{x}{2}\\right)');
    expect(toLatex(call('exp', [mul(num(1, 2), x)]))).toBe('\\exp\\left(\\frac{1}{2} x\\right)');
    expect(toLatex(call('exp', [call('exp', [x])]))).toBe('\\exp(e^{x})');
    expect(toLatex(call('exp', [add(mul(a, x), mul(b, y), sym('c'), mul(x, y))]))).toBe('\\exp(a x + b y + c + x y)');
  });

  it('should print every function of the table in its conventional form', () => {
    expect(toLatex(call('log', [x]))).toBe('\\log(x)');
    expect(toLatex(call('tanh', [x]))).toBe('\\tanh(x)');
    expect(toLatex(call('softplus', [x]))).toBe('\\operatorname{softplus}(x)');
    expect(toLatex(call('relu', [x]))).toBe('\\operatorname{ReLU}(x)');
    expect(toLatex(call('sign', [x]))).toBe('\\operatorname{sign}(x)');
    expect(toLatex(call('step', [x]))).toBe('\\operatorname{step}(x)');
    expect(toLatex(call('max', [a, b]))).toBe('\\max\\left\\{a, b\\right\\}');
    expect(toLatex(call('abs', [x]))).toBe('\\left|x\\right|');
    expect(toLatex(call('sqrt', [x]))).toBe('\\sqrt{x}');
  });
});

describe('toLatex derivatives', () => {
  it('should print d/dx when the body has one variable and partial otherwise', () => {
    expect(toLatex(deriv(sigma(x), x))).toBe('\\frac{d}{dx}\\left(\\sigma(x)\\right)');
    expect(toLatex(deriv(mul(sym('w'), x), sym('w')))).toBe('\\frac{\\partial}{\\partial w}\\left(w x\\right)');
    // One other symbol: the textbook fraction ∂x/∂α.
    expect(toLatex(deriv(x, sym('alpha')))).toBe('\\frac{\\partial x}{\\partial \\alpha}');
    expect(toLatex(deriv(sym('y', [sym('i')]), sym('z', [sym('j')])))).toBe('\\frac{\\partial y_{i}}{\\partial z_{j}}');
    expect(toLatex(deriv(x, x))).toBe('\\frac{d}{dx}\\left(x\\right)');
    expect(toLatex(deriv(pow(sym('alpha'), num(2)), sym('alpha')))).toBe('\\frac{d}{d \\alpha}\\left(\\alpha^{2}\\right)');
  });

  it('should nest derivatives', () => {
    expect(toLatex(deriv(deriv(pow(x, num(3)), x), x))).toBe('\\frac{d}{dx}\\left(\\frac{d}{dx}\\left(x^{3}\\right)\\right)');
  });
});

describe('toLatex index functions', () => {
  const k = sym('k');
  const n = sym('n');

  it('should print the Kronecker delta with its indices as a subscript', () => {
    expect(toLatex(call('delta', [sym('i'), sym('j')]))).toBe('\\delta_{i j}');
    expect(toLatex(call('delta', [k, num(1)]))).toBe('\\delta_{k, 1}');
  });

  it('should print a finite sum with its bounds and bracket a body that is a sum', () => {
    expect(toLatex(call('sum', [mul(sym('p', [k]), call('log', [sym('p', [k])])), k, num(1), n]))).toBe('\\sum_{k=1}^{n} p_{k} \\log(p_{k})');
    expect(toLatex(call('sum', [add(sym('x', [k]), num(1)), k, num(1), n]))).toBe('\\sum_{k=1}^{n} \\left(x_{k} + 1\\right)');
    expect(toLatex(call('sum', [neg(sym('x', [k])), k, num(1), n]))).toBe('\\sum_{k=1}^{n} \\left(-x_{k}\\right)');
  });

  it('should bracket a finite sum only where its body could swallow what follows', () => {
    const s = call('sum', [sym('x', [k]), k, num(1), n]);
    expect(toLatex(mul(s, y))).toBe('\\left(\\sum_{k=1}^{n} x_{k}\\right) y');
    expect(toLatex(mul(y, s))).toBe('y \\sum_{k=1}^{n} x_{k}');
    expect(toLatex(mul(y, s, x))).toBe('y \\left(\\sum_{k=1}^{n} x_{k}\\right) x');
    expect(toLatex(neg(s))).toBe('-\\sum_{k=1}^{n} x_{k}');
    expect(toLatex(pow(s, num(2)))).toBe('\\left(\\sum_{k=1}^{n} x_{k}\\right)^{2}');
    expect(toLatex(call('exp', [s]))).toBe('\\exp\\left(\\sum_{k=1}^{n} x_{k}\\right)');
  });
});

describe('toLatex nested sums', () => {
  it('should chain nested finite sums without brackets', () => {
    const k = sym('k');
    const i = sym('i');
    expect(toLatex(call('sum', [call('sum', [sym('x', [i, k]), k, num(1), sym('c')]), i, num(1), sym('n')]))).toBe('\\sum_{i=1}^{n} \\sum_{k=1}^{c} x_{i k}');
  });
});
