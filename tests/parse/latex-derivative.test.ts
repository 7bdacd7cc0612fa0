import { describe, expect, it } from 'vitest';
import { add, call, deriv, mul, num, pow, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import type { Expr } from '../../src/expr/node.js';
import { ParseError, parseLatex } from '../../src/parse/index.js';
import { treeText } from './tree-text.js';
import { parseErrorOf } from './parse-error.js';

const x = sym('x');
const y = sym('y');
const w = sym('w');
const L = String.raw;

function eq(tex: string, e: Expr): void {
  const got = parseLatex(tex);
  expect(equal(got, e), `${tex} parsed as ${treeText(got)}, expected ${treeText(e)}`).toBe(true);
}

const err = (tex: string): ParseError => parseErrorOf(parseLatex, tex);

describe('LaTeX derivative operators: scope', () => {
  it('should apply \\frac{d}{dx} to the whole multiplicative term that follows', () => {
    eq(L`\frac{d}{dx} 3x^2`, deriv(mul(num(3), pow(x, num(2))), x));
    eq(L`\frac{d}{dx} x \sin x`, deriv(mul(x, call('sin', [x])), x));
    eq(L`\frac{d}{dx} x^2 e^x`, deriv(mul(pow(x, num(2)), call('exp', [x])), x));
    eq(L`\frac{d}{dx} x \cdot y`, deriv(mul(x, y), x));
  });

  it('should stop the operand at the next + or - of the same level', () => {
    eq(L`\frac{d}{dx} x^2 + 1`, add(deriv(pow(x, num(2)), x), num(1)));
    eq(L`\frac{d}{dx} 2x - y`, parseLatex(L`\frac{d}{dx}\left(2x\right) - y`));
    eq(L`\left(\frac{d}{dx} x y\right) z`, mul(deriv(mul(x, y), x), sym('z')));
  });

  it('should apply an operator followed by a bracket to that bracketed group only', () => {
    eq(L`\frac{d}{dx}\left(x^2\right) \cdot 3`, mul(deriv(pow(x, num(2)), x), num(3)));
    eq(L`\frac{d}{dx}(x) \sin x`, mul(deriv(x, x), call('sin', [x])));
  });

  it('should give the same scope to \\frac{\\partial}{\\partial w} and \\nabla_w', () => {
    eq(L`\frac{\partial}{\partial w} w x`, deriv(mul(w, x), w));
    eq(L`\nabla_w w x`, deriv(mul(w, x), w));
    eq(L`\nabla_{w_1} w_1^2 y`, deriv(mul(pow(sym('w', [num(1)]), num(2)), y), sym('w', [num(1)])));
    eq(L`\nabla_w \left(w^2\right) + x`, add(deriv(pow(w, num(2)), w), x));
  });

  it('should refuse \\nabla without a variable', () => {
    expect(err(L`\nabla L`).code).toBe('E_PARSE_UNSUPPORTED');
  });
});

describe('LaTeX derivative operators: higher orders', () => {
  it('should read \\frac{d^2}{dx^2} u as the derivative of the derivative', () => {
    eq(L`\frac{d^2}{dx^2} x^3 \sin x`, deriv(deriv(mul(pow(x, num(3)), call('sin', [x])), x), x));
    eq(L`\frac{d^{3}}{dx^{3}} x^4`, deriv(deriv(deriv(pow(x, num(4)), x), x), x));
  });

  it('should read the Leibniz forms d^2y/dx^2 and mixed partials', () => {
    eq(L`\frac{d^2 y}{dx^2}`, deriv(deriv(y, x), x));
    eq(L`\frac{\partial^2 L}{\partial x \partial y}`, deriv(deriv(sym('L'), y), x));
    eq(L`\frac{\partial^2}{\partial w^2} w^3`, deriv(deriv(pow(w, num(3)), w), w));
  });

  it('should refuse orders that do not match, and orders above 9', () => {
    const e = err(L`\frac{d^2 y}{dx}`);
    expect([e.code, e.span.start, e.span.end]).toEqual(['E_PARSE_UNSUPPORTED', 12, 16]);
    expect(err(L`\frac{d^{12}}{dx^{12}} x`).code).toBe('E_PARSE_UNSUPPORTED');
  });
});
