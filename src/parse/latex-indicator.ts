/**
 * Indicators: \mathbb{1}[y = k], \mathbb{1}\{y = k\}, \mathbf{1}[j \ne k],
 * \mathbb{1}_{y = k}, \mathbb{1}[t \le 0]. The indicator of an equality of
 * two indices is the Kronecker delta, exactly (delta(y, k) = 1 if y = k,
 * else 0), and of `\ne` it is 1 - delta. The indicator of a comparison
 * a > b, a < b, a ≥ b, a ≤ b is written with the sign s of d = a − b, exactly
 * at every point, d = 0 included (sign(0) = 0; the step function would give
 * 1/2 there):
 *
 *     1[d > 0] = (s² + s)/2    1[d < 0] = (s² − s)/2
 *     1[d ≥ 0] = 1 − (s² − s)/2    1[d ≤ 0] = 1 − (s² + s)/2
 *
 * An equality between other than indices is refused: an indexed label such
 * as y_i is sampled as a real number, never equal to an index.
 *
 *     \mathbb{1}\{y = k\}   ->  delta(y, k)
 */
import { add, call, mul, neg, num, pow } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexReader } from './latex-reader.js';

/** The closer of an indicator's bracket at the cursor (consumed), or undefined. */
function openBracket(p: LatexReader): { close: (q: LatexReader) => boolean; shown: string } | undefined {
  const c = p.command();
  if (c?.kind === 'left' || c?.kind === 'size') p.next();
  if (p.is('sym', '[')) {
    p.next();
    return { close: (q) => q.is('sym', ']'), shown: ']' };
  }
  if (p.is('cmd', '{') || p.is('cmd', 'lbrace')) {
    p.next();
    return { close: (q) => q.is('cmd', '}') || q.is('cmd', 'rbrace'), shown: '\\}' };
  }
  if (p.is('sym', '_') && p.is('sym', '{', 1)) {
    p.next();
    p.next();
    return { close: (q) => q.is('sym', '}'), shown: '}' };
  }
  return undefined;
}

export type Comparison = '>' | '<' | '>=' | '<=';
const COMPARISONS: Readonly<Record<string, Comparison>> = { gt: '>', lt: '<', ge: '>=', geq: '>=', geqslant: '>=', le: '<=', leq: '<=', leqslant: '<=' };

/** 1[d rel 0] with s = sign(d), exactly (see the file comment). */
export function indicatorOfComparison(rel: Comparison, d: Expr): Expr {
  const s = call('sign', [d]);
  const half = num(1, 2);
  const positive = mul(half, add(pow(s, num(2)), s)); // 1[d > 0]
  const negative = mul(half, add(pow(s, num(2)), neg(s))); // 1[d < 0]
  switch (rel) {
    case '>':
      return positive;
    case '<':
      return negative;
    case '>=':
      return add(num(1), neg(negative));
    case '<=':
      return add(num(1), neg(positive));
  }
}

/** An index: a bare letter or an integer. */
function isIndex(e: Expr): boolean {
  return (e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0) || (e.kind === 'num' && e.d === 1n);
}

/**
 * With the font command `t` consumed and the cursor at `{1}`.
 *
 *     \mathbb{1}\{y = k\}
 *            ^
 */
export function readIndicator(p: LatexReader, t: LatexToken): Expr {
  p.next();
  p.next();
  p.next();
  const open = p.peek();
  const bracket = openBracket(p);
  if (bracket === undefined) p.fail('E_PARSE_UNSUPPORTED', `an indicator \\${t.text}{1} needs its condition in brackets: write \\${t.text}{1}[y = k] or \\${t.text}{1}\\{y = k\\}`, open);
  const left = p.additive();
  const rel = p.peek();
  const equal = p.is('sym', '=');
  const unequal = p.is('cmd', 'ne') || p.is('cmd', 'neq');
  const comparison = rel.type === 'sym' ? (rel.text === '<' || rel.text === '>' ? rel.text : undefined) : rel.type === 'cmd' ? COMPARISONS[rel.text] : undefined;
  if (!equal && !unequal && comparison === undefined) {
    p.fail('E_PARSE_UNSUPPORTED', `the indicator of this condition is not read (found ${p.describe(rel)}): \\${t.text}{1}[…] is read with one =, \\ne, <, >, \\le or \\ge between two sides`, rel);
  }
  p.next();
  const right = p.additive();
  const sized = p.command();
  if (sized?.kind === 'right' || sized?.kind === 'size') p.next();
  if (!bracket.close(p)) p.fail('E_PARSE_UNCLOSED', `expected '${bracket.shown}' to close the indicator's condition opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
  p.next();
  if (comparison !== undefined) {
    p.note({ at: { start: t.start, end: p.peek(-1).end }, kind: 'indicator', text: `the indicator of ${comparison.replace('>=', '≥').replace('<=', '≤')} is read with the sign of the difference of the sides: 1 where the condition holds, 0 elsewhere (also where the sides are equal)` });
    return p.lit.plain(indicatorOfComparison(comparison, right.kind === 'num' && right.n === 0n ? left : add(left, neg(right))));
  }
  if (!isIndex(left) || !isIndex(right)) {
    p.fail('E_PARSE_UNSUPPORTED', `the indicator is read between two indices (letters or whole numbers), as in \\${t.text}{1}[y = k]; an indexed label such as y_i is not an index`, { start: open.start, end: p.peek(-1).end });
  }
  p.note({ at: { start: t.start, end: p.peek(-1).end }, kind: 'indicator', text: `the indicator of ${equal ? '=' : '≠'} between indices is read as the Kronecker delta` });
  const delta = call('delta', [left, right]);
  return p.lit.plain(equal ? delta : add(num(1), neg(delta)));
}
