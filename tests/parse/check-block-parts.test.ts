/**
 * A ```check block split into the pieces its author means
 * (src/parse/check-block-parts.ts): math delimiters pasted into it dropped,
 * one claim per line, and every way of continuing a chain over lines kept.
 */
import { describe, expect, it } from 'vitest';
import { checkBlockParts } from '../../src/parse/check-block-parts.js';

/** The pieces as [text, offset], the offsets checked against the block. */
function parts(block: string): [string, number][] {
  const out = checkBlockParts(block);
  for (const p of out) expect(block.slice(p.offset, p.offset + p.text.length)).toBe(p.text);
  return out.map((p) => [p.text.trim(), p.offset]);
}

describe('math delimiters inside a check block', () => {
  it('reads $$…$$, $…$, \\[…\\] and \\(…\\) as the math inside them, each piece on its own', () => {
    expect(parts('$$\\frac{d}{dx} x^2 = 2x$$')).toEqual([['\\frac{d}{dx} x^2 = 2x', 2]]);
    expect(parts('$a = b$')).toEqual([['a = b', 1]]);
    expect(parts('\\[ a = b \\]')).toEqual([['a = b', 2]]);
    expect(parts('$$a = b$$\n$$b = c$$')).toEqual([['a = b', 2], ['b = c', 12]]);
    expect(parts('\\(a = b\\) and \\(c = d\\)')).toEqual([['a = b', 2], ['and', 9], ['c = d', 16]]);
  });
  it('keeps an escaped dollar, a row break with its spacing and \\left( as they are', () => {
    expect(parts('a = b \\\\[2pt] c = d')).toEqual([['a = b \\\\[2pt] c = d', 0]]);
    expect(parts('p = \\$5')).toEqual([['p = \\$5', 0]]);
    expect(parts('\\left( x \\right) = x')).toEqual([['\\left( x \\right) = x', 0]]);
  });
});

describe('one claim per line', () => {
  it('splits two claims on two lines', () => {
    expect(parts('(x+1)^2 = x^2 + 2x + 1\nx^2 - 1 = (x-1)(x+1)')).toEqual([
      ['(x+1)^2 = x^2 + 2x + 1', 0],
      ['x^2 - 1 = (x-1)(x+1)', 23],
    ]);
  });
  it('keeps a chain whose lines start with a relation, and a side broken over lines', () => {
    const chain = '\\frac{d}{dx} \\frac{1}{1 + e^{-x}}\n  = \\frac{e^{-x}}{(1 + e^{-x})^2}\n  = \\sigma(x)(1 - \\sigma(x))';
    expect(parts(chain)).toHaveLength(1);
    expect(parts('L = a + b\n    + c = d')).toHaveLength(1); // the line starts with an operator
    expect(parts('L = a + b +\n    c = d')).toHaveLength(1); // the line before ends with one
    expect(parts('L = a \\cdot\n b = c')).toHaveLength(1);
    expect(parts('(x+1)^2\n= x^2 + 2x + 1')).toHaveLength(1); // the left side alone on the first line
    expect(parts('f(x) = \\frac{1}{2\n} = g')).toHaveLength(1); // a brace still open
    expect(parts('\\left( a\nb = c \\right) = d')).toHaveLength(1); // \\left still open
  });
  it('leaves rows inside an environment to the environment', () => {
    expect(parts('\\begin{aligned}\na &= b\nc &= d\n\\end{aligned}')).toHaveLength(1);
  });
  it('splits after a line holding a relation only: a first line without one is the left side', () => {
    expect(parts('a\nb = c')).toHaveLength(1);
    expect(parts('a = b\n\n c = d\ne = f')).toEqual([
      ['a = b', 0],
      ['c = d', 7],
      ['e = f', 14],
    ]);
  });
});
