/**
 * Hostile sizes: nesting at and beyond MAX_DEPTH for every construct that
 * nests, in both syntaxes, and megabyte inputs. Each must give a tree or a
 * ParseError with a position, never a RangeError from the JavaScript stack.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/node.js';
import { MAX_DEPTH, ParseError, parseLatex, parsePlain } from '../../src/parse/index.js';

const nest = (n: number, open: string, mid: string, close: string): string => open.repeat(n) + mid + close.repeat(n);

/** A construct, how to nest it n deep, and how many levels one nesting costs. */
type Case = readonly [name: string, make: (n: number) => string, cost: number];

const PLAIN: readonly Case[] = [
  ['parentheses', (n) => nest(n, '(', 'x', ')'), 1],
  ['braces', (n) => nest(n, '{', 'x', '}'), 1],
  ['minus signs', (n) => '-'.repeat(n) + 'x', 1],
  ['calls', (n) => nest(n, 'sin(', 'x', ')'), 1],
  ['derivatives', (n) => nest(n, 'd(', 'x', ', x)'), 1],
  ['subscripts', (n) => nest(n, 'x_{', '1', '}'), 2],
  ['labels', (n) => nest(n, 'w^{(', '1', ')}'), 2],
  ['negative exponents', (n) => Array(n + 1).fill('2').join('^-'), 1],
  ['unknown functions', (n) => nest(n, 'f(', 'x', ')'), 1],
];

const LATEX: readonly Case[] = [
  ['braces', (n) => nest(n, '{', 'x', '}'), 1],
  ['bars', (n) => nest(n, '|', 'x', '|'), 1],
  ['minus signs', (n) => '-'.repeat(n) + 'x', 1],
  ['subscripts', (n) => nest(n, 'x_{', '1', '}'), 2],
  ['\\left( \\right)', (n) => nest(n, '\\left(', 'x', '\\right)'), 2],
  ['\\frac', (n) => nest(n, '\\frac{', '1', '}{2}'), 2],
  ['\\sqrt', (n) => nest(n, '\\sqrt{', 'x', '}'), 2],
  ['\\sin without brackets', (n) => '\\sin '.repeat(n) + 'x', 2],
  ['derivative operators', (n) => '\\frac{d}{dx}'.repeat(n) + 'x', 2],
  ['\\operatorname calls', (n) => nest(n, '\\operatorname{relu}\\left(', 'x', '\\right)'), 2],
  ['unknown functions', (n) => nest(n, 'f(', 'x', ')'), 2],
  ['unknown functions with \\left(', (n) => nest(n, "g'\\left(", 'x', '\\right)'), 2],
  ['\\nabla', (n) => '\\nabla_x '.repeat(n) + 'x', 2],
];

function outcome(parse: (s: string) => Expr, text: string): string {
  try {
    parse(text);
    return 'ok';
  } catch (e) {
    if (e instanceof ParseError) return e.code;
    return `crash: ${String(e)}`;
  }
}

describe.each([
  ['plain', parsePlain, PLAIN],
  ['LaTeX', parseLatex, LATEX],
] as const)('%s nesting', (_name, parse, cases) => {
  it.each(cases)('should read %s nested up to the limit and refuse one level more', (_c, make, cost) => {
    const most = Math.floor(MAX_DEPTH / cost);
    expect(outcome(parse, make(most))).toBe('ok');
    expect(outcome(parse, make(most + 1))).toBe('E_PARSE_TOO_DEEP');
  });

  it.each(cases)('should refuse %s nested 20,000 deep with a position', (_c, make) => {
    expect(outcome(parse, make(20_000))).toBe('E_PARSE_TOO_DEEP');
  });
});

describe('depth errors', () => {
  it('should point at the first parenthesis beyond the limit', () => {
    let e: unknown;
    try {
      parsePlain(nest(20_000, '(', 'x', ')'));
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ParseError);
    const p = e as ParseError;
    expect([p.code, p.span.start, p.col]).toEqual(['E_PARSE_TOO_DEEP', MAX_DEPTH, MAX_DEPTH + 1]);
  });
});

describe('megabyte inputs', () => {
  // Speed is measured by benchmarks, not asserted here (the suite runs on busy 2-core machines).
  it('should parse a 1 MB plain sum of 100k terms into one n-ary sum', () => {
    const text = Array.from({ length: 100_000 }, (_, i) => `${(i % 9) + 1}*x_${i % 50}^${(i % 4) + 1}`).join(' + ');
    expect(text.length).toBeGreaterThan(1_000_000);
    const e = parsePlain(text);
    expect(e.kind === 'add' && e.args.length).toBe(100_000);
  });

  it('should parse a 1 MB LaTeX sum with fractions and subscripts', () => {
    const text = Array.from({ length: 60_000 }, (_, i) => `\\frac{${(i % 9) + 1}}{2} x_{${i % 50}}^{2}`).join(' + ');
    expect(text.length).toBeGreaterThan(1_000_000);
    const e = parseLatex(text);
    expect(e.kind === 'add' && e.args.length).toBe(60_000);
  });

  it('should report an error at the end of a 1 MB input with a short excerpt', () => {
    const text = `${'x + '.repeat(250_000)}(`;
    let e: unknown;
    try {
      parsePlain(text);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(ParseError);
    const p = e as ParseError;
    expect(p.span.start).toBe(text.length);
    expect(p.format(text).split('\n')[1]?.length).toBeLessThan(80);
  });
});
