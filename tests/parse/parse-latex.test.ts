import { describe, expect, it } from 'vitest';
import { add, call, deriv, div, float, mul, neg, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { ParseError, parseLatex } from '../../src/parse/index.js';
import { treeText } from './tree-text.js';
import { parseErrorOf } from './parse-error.js';

const x = sym('x');
const y = sym('y');
const L = String.raw;

function eq(tex: string, e: Expr): void {
  const got = parseLatex(tex);
  expect(equal(got, e), `${tex} parsed as ${treeText(got)}, expected ${treeText(e)}`).toBe(true);
}

const err = (tex: string): ParseError => parseErrorOf(parseLatex, tex);

/** Code and span (as [start, end]) of the error for `tex`. */
function where(tex: string): [string, number, number] {
  const e = err(tex);
  return [e.code, e.span.start, e.span.end];
}

describe('LaTeX parser: numbers and operators', () => {
  it('should read \\frac of two integers as one exact rational', () => {
    eq(L`\frac{1}{2}`, num(1, 2));
    eq(L`\frac12`, num(1, 2));
    eq(L`\dfrac{6}{4}`, num(3, 2));
    eq(L`-\frac{1}{2}`, num(-1, 2));
    eq(L`\tfrac{a}{b}`, div(sym('a'), sym('b')));
  });

  it('should read a script argument as one token, as TeX does', () => {
    eq('x^23', mul(pow(x, num(2)), num(3)));
    eq('x^{23}', pow(x, num(23)));
    eq('x_12', mul(sym('x', [num(1)]), num(2)));
  });

  it('should make a minus before a number a negative number, and before anything else a negation', () => {
    eq('-3', num(-3));
    eq('a - 3', add(sym('a'), num(-3)));
    eq('a - b', add(sym('a'), neg(sym('b'))));
    eq('-x^2', neg(pow(x, num(2))));
    eq('0.25', float(0.25));
  });

  it('should multiply by juxtaposition, letter by letter', () => {
    eq('2x', mul(num(2), x));
    eq('xy', mul(x, y));
    eq('x y', mul(x, y));
    eq(L`x \cdot y`, mul(x, y));
    eq(L`x \times y`, mul(x, y));
    eq('(a)(b)', mul(sym('a'), sym('b')));
  });

  it('should ignore spacing commands', () => {
    eq(L`\,x\;+\!y\quad`, add(x, y));
  });

  it('should read e as Euler\'s number and e^{u} as exp(u)', () => {
    eq('e', call('exp', [num(1)]));
    eq('e^{-x}', call('exp', [neg(x)]));
    eq(L`\mathrm{e}^{x}`, call('exp', [x]));
    eq('e_1', sym('e', [num(1)]));
  });
});

describe('LaTeX parser: symbols', () => {
  it('should read subscripts, multi-indices and superscript labels', () => {
    eq('x_1', sym('x', [num(1)]));
    eq('x_{12}', sym('x', [num(12)]));
    eq('W_{ij}', sym('W', [sym('i'), sym('j')]));
    eq('W_{i j}', sym('W', [sym('i'), sym('j')]));
    eq('W_{i,j}', sym('W', [sym('i'), sym('j')]));
    eq('w^{(1)}', sym('w', [], [num(1)]));
    eq('y_k^{(i)}', sym('y', [sym('k')], [sym('i')]));
    eq('y^{(i)}_k', sym('y', [sym('k')], [sym('i')]));
    eq('x^2_1', pow(sym('x', [num(1)]), num(2)));
  });

  it('should read Greek letters, hats and words as symbols', () => {
    eq(L`\alpha + \eta \lambda`, add(sym('alpha'), mul(sym('eta'), sym('lambda'))));
    eq(L`\hat{y}`, sym('yhat'));
    eq(L`\hat{y}_k`, sym('yhat', [sym('k')]));
    eq(L`\mathrm{loss}`, sym('loss'));
    eq(L`\pi r^2`, mul(sym('pi'), pow(sym('r'), num(2))));
  });

  it('should read a bare \\sigma as a symbol and \\sigma(x) as the sigmoid', () => {
    eq(L`\sigma`, sym('sigma'));
    eq(L`\sigma x`, mul(sym('sigma'), x));
    eq(L`\sigma(x)`, call('sigma', [x]));
    eq(L`\sigma\left(x\right)`, call('sigma', [x]));
  });
});

describe('LaTeX parser: functions and brackets', () => {
  it('should give a function without brackets the next power-level factor', () => {
    eq(L`\sin x`, call('sin', [x]));
    eq(L`\log x^2`, call('log', [pow(x, num(2))]));
    eq(L`\exp z_k`, call('exp', [sym('z', [sym('k')])]));
    eq(L`\sin^2 x`, pow(call('sin', [x]), num(2)));
    eq(L`w_1 \sin w_2 + \cos w_1`, add(mul(sym('w', [num(1)]), call('sin', [sym('w', [num(2)])])), call('cos', [sym('w', [num(1)])])));
  });

  it('should read \\ln as log and the named operators', () => {
    eq(L`\ln(x)`, call('log', [x]));
    eq(L`\tanh(x)`, call('tanh', [x]));
    eq(L`\operatorname{softplus}(x)`, call('softplus', [x]));
    eq(L`\operatorname{ReLU}\left(x\right)`, call('relu', [x]));
    eq(L`\operatorname{ReLU} x`, call('relu', [x]));
    eq(L`\sqrt{x}`, call('sqrt', [x]));
    eq(L`\sqrt[3]{x}`, pow(x, num(1, 3)));
  });

  it('should read max and min with braces', () => {
    eq(L`\max\{a, b\}`, call('max', [sym('a'), sym('b')]));
    eq(L`\max\left\{a, b\right\}`, call('max', [sym('a'), sym('b')]));
    eq(L`\min\{a,b\}`, call('min', [sym('a'), sym('b')]));
  });

  it('should read every kind of bracket as grouping and bars as abs', () => {
    eq(L`\left( x + 1 \right)^{2}`, pow(add(x, num(1)), num(2)));
    eq('[x+1]', add(x, num(1)));
    eq(L`\{x+1\}`, add(x, num(1)));
    eq('{x+1}', add(x, num(1)));
    eq('|x|', call('abs', [x]));
    eq(L`\left|x\right|`, call('abs', [x]));
    eq('2|x|y', mul(num(2), call('abs', [x]), y));
    eq('|x||y|', mul(call('abs', [x]), call('abs', [y])));
  });
});

describe('LaTeX parser: derivatives', () => {
  it('should read the operator forms', () => {
    eq(L`\frac{d}{dx} u`, deriv(sym('u'), x));
    eq(L`\frac{d}{dx}\left(x^2\right)`, deriv(pow(x, num(2)), x));
    eq(L`\frac{\partial}{\partial x}\left(x y\right)`, deriv(mul(x, y), x));
    eq(L`\frac{\mathrm{d}}{\mathrm{d}x} x^2`, deriv(pow(x, num(2)), x));
    eq(L`\frac{\partial}{\partial w^{(1)}_{ij}} L`, deriv(sym('L'), sym('w', [sym('i'), sym('j')], [num(1)])));
  });

  it('should read the Leibniz form du/dx', () => {
    eq(L`\frac{dy}{dx}`, deriv(y, x));
    eq(L`\frac{\partial L}{\partial w_1}`, deriv(sym('L'), sym('w', [num(1)])));
    eq(L`\frac{d\sigma(x)}{dx}`, deriv(call('sigma', [x]), x));
  });

  it('should refuse d\\sigma/dx with a suggestion', () => {
    expect(where(L`\frac{d\sigma}{dx}`)).toEqual(['E_PARSE_UNSUPPORTED', 7, 13]);
    expect(err(L`\frac{d\sigma}{dx}`).message).toContain(L`\frac{d}{dx}\sigma(x)`);
  });

  it('should keep an ordinary fraction with d in it a fraction', () => {
    eq(L`\frac{dx}{2}`, div(mul(sym('d'), x), num(2)));
  });
});

describe('LaTeX parser: the problem-set formulas', () => {
  const [x1, x2, x3, x4, x5, x6] = [1, 2, 3, 4, 5, 6].map((i) => sym('x', [num(i)])) as [Expr, Expr, Expr, Expr, Expr, Expr];

  it('should read the nested sigmoid-of-log-of-max formula', () => {
    const inner = add(mul(call('max', [x1, x2]), div(x3, x4)), neg(add(x5, x6)));
    eq(
      L`\sigma \left(\log \left(5 \left(\max\{x_1, x_2\} \cdot \frac{x_3}{x_4} - (x_5 + x_6) \right) \right) + \frac{1}{2} \right)`,
      call('sigma', [add(call('log', [mul(num(5), inner)]), num(1, 2))]),
    );
  });

  it('should read the sigmoid and its derivative', () => {
    eq(L`\frac{1}{1 + e^{-x}}`, div(num(1), add(num(1), call('exp', [neg(x)]))));
    eq(L`\sigma(x) \cdot (1 - \sigma(x))`, mul(call('sigma', [x]), add(num(1), neg(call('sigma', [x])))));
  });

  it('should read the log of a sum of squares plus a product with e', () => {
    const w1 = sym('w', [num(1)]);
    const w2 = sym('w', [num(2)]);
    eq(L`\ln(w_1^2 + w_2^2) + w_1 e^{w_2}`, add(call('log', [add(pow(w1, num(2)), pow(w2, num(2)))]), mul(w1, call('exp', [w2]))));
  });
});

describe('LaTeX parser: errors', () => {
  it('should report an incomplete \\frac at its end', () => {
    expect(where(L`\frac{1}`)).toEqual(['E_PARSE_UNEXPECTED_END', 8, 9]);
  });

  it('should name an unknown command and suggest a close one', () => {
    const e = err(L`\sigmoid(x)`);
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_UNKNOWN_COMMAND', 0, 8]);
    expect(e.message).toContain(L`'\sigmoid'`);
    expect(e.message).toContain(L`'\sigma'`);
  });

  it('should report an unknown \\operatorname function', () => {
    expect(where(L`\operatorname{foo}(x)`)).toEqual(['E_PARSE_UNKNOWN_FUNCTION', 0, 18]);
  });

  it('should report the wrong number of arguments over the whole call', () => {
    expect(where(L`\max\{a\}`)).toEqual(['E_PARSE_ARITY', 0, 9]);
  });

  it('should report an unclosed \\left with where it opened', () => {
    const e = err(L`\left( x`);
    expect([e.code, e.span.start]).toEqual(['E_PARSE_UNCLOSED', 8]);
    expect(e.message).toContain('opened at 1:6');
  });

  it('should report a mismatched closing bracket', () => {
    expect(where(L`\left\{ a, b \right)`)).toEqual(['E_PARSE_UNCLOSED', 19, 20]);
    expect(where('|x')).toEqual(['E_PARSE_UNCLOSED', 2, 3]);
  });

  it('should refuse an equation, a double superscript and empty input', () => {
    expect(where('x = 1')).toEqual(['E_PARSE_UNEXPECTED_TOKEN', 2, 3]);
    expect(where('x^2^3')).toEqual(['E_PARSE_UNEXPECTED_TOKEN', 3, 4]);
    expect(where('')).toEqual(['E_PARSE_EMPTY', 0, 1]);
    expect(where(L`\,\;`)).toEqual(['E_PARSE_EMPTY', 0, 1]);
  });

  it('should report a missing exponent at the end of the input', () => {
    expect(where('x^')).toEqual(['E_PARSE_UNEXPECTED_END', 2, 3]);
  });
});

describe('LaTeX parser: sized closers and accents', () => {
  it('should close a \\bigl( group with \\bigr) and \\Bigr), not start a factor there', () => {
    eq(L`\bigl(x - 1\bigr)\bigl(x + 1\bigr)`, mul(add(x, num(-1)), add(x, num(1))));
    eq(L`\frac{d}{dx}\Bigl(x^2 + 1\Bigr)`, deriv(add(pow(x, num(2)), num(1)), x));
  });

  it('should read \\tilde and \\bar like \\hat, as symbols of their own', () => {
    eq(L`\tilde{y} - \bar x_k`, add(sym('ytilde'), neg(sym('xbar', [sym('k')]))));
  });
});

describe('\\times between two bold operands', () => {
  it('should refuse a cross product and keep \\times with a number or in a size', () => {
    expect(() => parseLatex('\\mathbf{a} \\times \\mathbf{b}')).toThrow(/cross product/);
    expect(() => parseLatex('\\vec{a}\\times\\vec b')).toThrow(/cross product/);
    expect(() => parseLatex('\\mathbf{y} \\times 2')).not.toThrow();
    expect(() => parseLatex('m \\times n')).not.toThrow();
  });
});
