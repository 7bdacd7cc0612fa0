import { describe, expect, it } from 'vitest';
import { add, call, deriv, mul, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { ParseError, parseLatex, parsePlain } from '../../src/parse/index.js';
import { treeText } from './tree-text.js';
import { parseErrorOf } from './parse-error.js';

const x = sym('x');
const s = sym('s');
const L = String.raw;

function eq(got: Expr, e: Expr, text: string): void {
  expect(equal(got, e), `${text} parsed as ${treeText(got)}, expected ${treeText(e)}`).toBe(true);
}
const latex = (tex: string, e: Expr): void => eq(parseLatex(tex), e, tex);
const plain = (text: string, e: Expr): void => eq(parsePlain(text), e, text);

const err = parseErrorOf;

describe('\\sin^{-1} and other inverse-or-reciprocal notation', () => {
  it('should refuse \\sin^{-1} x as ambiguous, with its span and both spellings', () => {
    const e = err(parseLatex, L`\sin^{-1} x`);
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_AMBIGUOUS', 0, 9]);
    expect(e.message).toContain(L`\arcsin x`);
    expect(e.message).toContain(L`(\sin x)^{-1}`);
  });

  it('should refuse \\cos^{-1}, \\tan^{-1}, \\sigma^{-1}(x), \\operatorname{ReLU}^{-1} and f^{-1}(x)', () => {
    for (const t of [L`\cos^{-1} x`, L`\tan^-1(x)`, L`\sigma^{-1}(x)`, L`\operatorname{ReLU}^{-1}(x)`, L`f^{-1}(x)`, L`\phi^{-1}(z)`]) {
      expect(err(parseLatex, t).code, t).toBe('E_PARSE_AMBIGUOUS');
    }
    for (const t of ['sin^(-1)(x)', 'sigma^-1(x)', 'f^(-1)(x)', 'g^2(x)']) expect(err(parsePlain, t).code, t).toBe('E_PARSE_AMBIGUOUS');
  });

  it('should keep \\sin^2 x as (\\sin x)^2 and read sin^2(x) in plain the same way', () => {
    latex(L`\sin^2 x`, pow(call('sin', [x]), num(2)));
    latex(L`\sigma^2(x)`, pow(call('sigma', [x]), num(2)));
    plain('sin^2(x)', pow(call('sin', [x]), num(2)));
    plain('H^2', pow(sym('H'), num(2)));
  });
});

describe('\\text{…} inside one expression', () => {
  it('should read \\text{ReLU}, \\mathrm, \\operatorname and aliases as the function of that name', () => {
    latex(L`3\text{ReLU}(s)`, mul(num(3), call('relu', [s])));
    latex(L`\text{relu}(s)`, call('relu', [s]));
    latex(L`\mathrm{ReLU}(s)`, call('relu', [s]));
    latex(L`\text{sigmoid}(s)`, call('sigma', [s]));
    latex(L`\operatorname{tanh}(s)`, call('tanh', [s]));
  });

  it('should refuse any other \\text{…} as an unknown function with its span, never drop it', () => {
    const e = err(parseLatex, L`3\text{foo}(s)`);
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_UNKNOWN_FUNCTION', 1, 11]);
    expect(e.message).toContain(L`unknown function \text{foo}`);
    expect(err(parseLatex, L`\text{argmax}(z)`).code).toBe('E_PARSE_UNKNOWN_FUNCTION');
    expect(err(parseLatex, L`x \text{ for } x`).code).toBe('E_PARSE_UNKNOWN_FUNCTION');
  });
});

describe('abstract functions f(x), g(h(x)), \\phi(z)', () => {
  it('should read a conventional function letter before a bracket as an application, never a product', () => {
    plain('f(x)', call('f', [x]));
    plain('g(x^2)', call('g', [pow(x, num(2))]));
    plain('x*Phi(x)', mul(x, call('Phi', [x])));
    plain("f'(g(x))", call("f'", [call('g', [x])]));
    latex(L`f(x)`, call('f', [x]));
    latex(L`\phi\left(z\right)`, call('phi', [sym('z')]));
    latex(L`f''(x)`, call("f''", [x]));
    latex(L`2 g(x)`, mul(num(2), call('g', [x])));
  });

  it('should keep other letters and Greek names before a bracket a product', () => {
    plain('x(1 - x)', parsePlain('x*(1 - x)'));
    latex(L`y(1-y)`, parseLatex(L`y \cdot (1-y)`));
    latex(L`\lambda(a+b)`, parseLatex(L`\lambda \cdot (a+b)`));
  });

  it('should keep f a symbol where no bracket follows', () => {
    latex(L`f + 1`, add(sym('f'), num(1)));
    expect(parseLatex(L`f^2`).kind).toBe('pow');
  });

  it('should refuse what it cannot read as one unknown function', () => {
    expect(err(parseLatex, L`f(x, y)`).code).toBe('E_PARSE_ARITY');
    expect(err(parsePlain, 'f(x, y)').code).toBe('E_PARSE_ARITY');
    expect(err(parseLatex, L`f_1(x)`).code).toBe('E_PARSE_UNSUPPORTED');
    expect(err(parsePlain, "f' + 1").code).toBe('E_PARSE_UNSUPPORTED');
  });
});

describe("primes on known functions: \\sigma'(z)", () => {
  it('should read a primed known function of a variable as its derivative there', () => {
    latex(L`\sigma'(z)`, deriv(call('sigma', [sym('z')]), sym('z')));
    latex(L`\tanh''(x)`, deriv(deriv(call('tanh', [x]), x), x));
  });

  it('should refuse a prime on a function of an expression, and a prime without brackets', () => {
    expect(err(parseLatex, L`\sigma'(w x + b)`).code).toBe('E_PARSE_UNSUPPORTED');
    expect(err(parseLatex, L`\sigma' z`).code).toBe('E_PARSE_UNSUPPORTED');
  });
});

describe('a table function without brackets in the plain syntax', () => {
  it('should refuse `sin x` (read before as the symbol sin times x, and d/dx of it as "sin")', () => {
    for (const text of ['sin x', 'exp x', 'log 2', 'tanh x']) {
      expect(() => parsePlain(text), text).toThrow(ParseError);
      expect(() => parsePlain(text), text).toThrow(/is a function: write .*\(x\), with brackets/);
    }
  });

  it('should keep sigma as a symbol where no operand follows it directly, and sin(x), sin^2(x) as functions', () => {
    eq(parsePlain('sigma*x'), mul(sym('sigma'), x), 'sigma*x');
    eq(parsePlain('sin(x)'), call('sin', [x]), 'sin(x)');
    eq(parsePlain('sin^2(x)'), pow(call('sin', [x]), num(2)), 'sin^2(x)');
  });
});
