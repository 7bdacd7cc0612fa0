/**
 * Where a reading is a choice, the parsers say which one they made: a(b+c)
 * is a product, f(x) an unknown function applied, h(1 - h) a product, \sum_k
 * runs over 1..K, x^T is a transpose, \mathbf{x} is the symbol x. The plain
 * parser makes the same choices and notes as the LaTeX reader, and parseMath
 * picks the syntax by content.
 */
import { describe, expect, it } from 'vitest';
import { call, mul, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { parseLatex, parseLatexReadings, parseMath, parsePlain, parsePlainReadings, syntaxOf } from '../../src/parse/index.js';

const L = String.raw;
const kinds = (rs: readonly { kind: string }[]): string[] => rs.map((r) => r.kind);

describe('readings of the LaTeX reader', () => {
  it('should note a letter before a bracket as a product, with its span', () => {
    const { expr, readings } = parseLatexReadings('a(b+c)');
    expect(equal(expr, parseLatex(L`a \cdot (b+c)`))).toBe(true);
    expect(kinds(readings)).toEqual(['product']);
    expect(readings[0]?.at).toEqual({ start: 0, end: 2 });
    expect(readings[0]?.text).toContain('a times');
  });

  it('should note f(x), g(h(x)) and \\phi(z) as unknown functions applied', () => {
    expect(kinds(parseLatexReadings('f(x)').readings)).toEqual(['unknown-function']);
    expect(kinds(parseLatexReadings('g(h(x))').readings)).toEqual(['unknown-function', 'unknown-function']);
    expect(parseLatexReadings(L`\phi(z)`).readings[0]?.text).toContain('unknown function');
  });

  it('should note h(1 - h) as a product (h used as a value in its own bracket)', () => {
    const { expr, readings } = parseLatexReadings('h(1-h)');
    expect(expr.kind).toBe('mul');
    expect(kinds(readings)).toEqual(['product']);
  });

  it('should note the unstated range of \\sum_k, a transpose by convention, bold and \\odot', () => {
    expect(parseLatexReadings(L`\sum_k x_k`).readings[0]?.text).toContain('k = 1, …, K');
    expect(kinds(parseLatexReadings('x^T A x').readings)).toEqual(['transpose']);
    expect(kinds(parseLatexReadings(L`\mathbf{x}`).readings)).toEqual(['font']);
    expect(kinds(parseLatexReadings(L`a \odot b`).readings)).toEqual(['elementwise']);
  });

  it('should note nothing where nothing was chosen', () => {
    for (const t of [L`\frac{1}{1+e^{-x}}`, L`\sigma(x)(1 - \sigma(x))`, L`\sum_{k=1}^{n} x_k`, 'x y + 2']) expect(parseLatexReadings(t).readings, t).toEqual([]);
  });
});

describe('the plain parser makes the same choices', () => {
  it('should read and note a(b+c) as a product and f(x) as an unknown function', () => {
    const product = parsePlainReadings('a(b+c)');
    expect(equal(product.expr, parsePlain('a*(b+c)'))).toBe(true);
    expect(kinds(product.readings)).toEqual(['product']);
    const applied = parsePlainReadings('f(x)');
    expect(equal(applied.expr, call('f', [sym('x')]))).toBe(true);
    expect(kinds(applied.readings)).toEqual(['unknown-function']);
    expect(kinds(parsePlainReadings('h(1-h)').readings)).toEqual(['product']);
  });

  it('should read the same trees as LaTeX for juxtaposition and function letters', () => {
    for (const [plain, latex] of [
      ['a(b+c)', 'a(b+c)'],
      ['f(x)', 'f(x)'],
      ['g(h(x))', 'g(h(x))'],
      ['phi(z)', L`\phi(z)`],
      ['h(1-h)', 'h(1-h)'],
      ["f'(x)", "f'(x)"],
      ['x(1-x)', 'x(1-x)'],
    ] as const) {
      expect(equal(parsePlain(plain), parseLatex(latex)), `${plain} vs ${latex}`).toBe(true);
    }
  });
});

describe('parseMath: one entry point', () => {
  it('should read LaTeX when the text has a backslash, plain otherwise', () => {
    expect(syntaxOf(L`\sigma(x)`)).toBe('latex');
    expect(syntaxOf('sigma(x)')).toBe('plain');
    expect(syntaxOf('sigma(x)', 'latex')).toBe('latex');
    const latex = parseMath(L`\frac{1}{2} x`);
    expect(latex.syntax).toBe('latex');
    expect(equal(latex.expr, parsePlain('1/2*x'))).toBe(true);
    const plain = parseMath('max(a, b) * x');
    expect(plain.syntax).toBe('plain');
    expect(equal(plain.expr, mul(call('max', [sym('a'), sym('b')]), sym('x')))).toBe(true);
  });

  it('should return the readings of whichever syntax it used', () => {
    expect(kinds(parseMath('a(b+c)').readings)).toEqual(['product']);
    expect(kinds(parseMath(L`a \cdot b + f(x)`).readings)).toEqual(['unknown-function']);
  });
});
