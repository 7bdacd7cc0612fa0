/**
 * \begin{cases} with two rows split at one point, read exactly when the
 * cases are a function of the table, and refused otherwise (the expression
 * tree has no piecewise expression):
 *
 *     u    if u > 0 (or u ≥ 0), 0 otherwise     ->  relu(u)
 *     u    if u ≥ 0,           −u otherwise     ->  |u|
 *     a    if a ≥ b (or a > b), b otherwise     ->  max(a, b)
 *     b    if a ≥ b (or a > b), a otherwise     ->  min(a, b)
 *
 * "otherwise" is \text{otherwise} or \text{else}, or the complementary
 * condition (u ≤ 0 after u > 0, u < 0 after u ≥ 0); rows may come in either
 * order. At the split point both rows agree for these functions, so `>` and
 * `≥` give the same value. A step (1 if u > 0, 0 otherwise) is refused: the
 * table's step is 1/2 at 0.
 *
 *     \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}   ->  relu(x)
 */
import { call, neg, num } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import type { LatexReader } from './latex-reader.js';

/** Where a row holds: d > 0, d ≥ 0, d < 0, d ≤ 0 (d = left − right), or "otherwise". */
type Region = '>' | '>=' | '<' | '<=' | 'otherwise';

interface Row {
  readonly value: Expr;
  readonly region: Region;
  /** The two sides of the condition (undefined for "otherwise"). */
  readonly sides?: readonly [Expr, Expr];
}

const RELATION: Readonly<Record<string, Region>> = { '>': '>', '<': '<', ge: '>=', geq: '>=', geqslant: '>=', le: '<=', leq: '<=', leqslant: '<=' };
const WORDS = new Set(['text', 'textrm', 'mbox', 'textnormal']);
const COMPLEMENT: Readonly<Record<string, Region>> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>' };

/** \text{word} at the cursor: the word, consumed; undefined (nothing consumed) otherwise. */
function textWord(p: LatexReader): string | undefined {
  if (p.peek().type !== 'cmd' || !WORDS.has(p.peek().text) || !p.is('sym', '{', 1)) return undefined;
  let k = 2;
  let word = '';
  while (p.peek(k).type === 'letter') word += p.peek(k++).text;
  if (!p.is('sym', '}', k)) return undefined;
  for (let j = 0; j <= k; j++) p.next();
  return word;
}

/** One row `value & condition`, up to \\ or \end. */
function row(p: LatexReader): Row {
  const value = p.additive();
  if (p.is('sym', ',')) p.next();
  if (!p.is('sym', '&')) p.fail('E_PARSE_UNSUPPORTED', `expected '&' and the condition of this case, found ${p.describe(p.peek())}`, p.peek());
  p.next();
  let word = textWord(p);
  if (word === 'if' || word === 'for' || word === 'when') word = textWord(p);
  if (word === 'otherwise' || word === 'else') return { value, region: 'otherwise' };
  if (word !== undefined) p.fail('E_PARSE_UNSUPPORTED', `the condition \\text{${word}} of this case is not read`, p.peek(-1));
  const left = p.additive();
  const rel = p.peek();
  const region = RELATION[rel.text];
  if (region === undefined || (rel.type === 'sym') !== (rel.text === '<' || rel.text === '>')) {
    return p.fail('E_PARSE_UNSUPPORTED', `the condition of this case is not read (found ${p.describe(rel)}): only a comparison such as x > 0 or a \\ge b, or \\text{otherwise}`, rel);
  }
  p.next();
  const right = p.additive();
  if (p.is('sym', ',') || p.is('sym', '.')) p.next();
  return { value, region, sides: [left, right] };
}

/** The function the two rows are, or undefined. */
function asFunction(first: Row, second: Row): Expr | undefined {
  // Put the row that holds on the upper side (d > 0 or d ≥ 0) first.
  const [up, down] = first.region === '<' || first.region === '<=' || first.region === 'otherwise' ? [second, first] : [first, second];
  if (up.sides === undefined || (up.region !== '>' && up.region !== '>=')) return undefined;
  const complement = down.region === 'otherwise' || (down.region === COMPLEMENT[up.region] && down.sides !== undefined && equal(down.sides[0], up.sides[0]) && equal(down.sides[1], up.sides[1]));
  if (!complement) return undefined;
  const [a, b] = up.sides;
  const zero = b.kind === 'num' && b.n === 0n;
  if (zero && equal(up.value, a) && equal(down.value, num(0))) return call('relu', [a]);
  if (zero && equal(up.value, a) && equal(down.value, neg(a))) return call('abs', [a]);
  if (equal(up.value, a) && equal(down.value, b)) return call('max', [a, b]);
  if (equal(up.value, b) && equal(down.value, a)) return call('min', [a, b]);
  return undefined;
}

/**
 * The body of \begin{cases} (cursor after `{cases}`) up to \end: the
 * function it is, or undefined when it is not one (the caller refuses it).
 */
export function readCases(p: LatexReader): Expr | undefined {
  const first = row(p);
  if (!p.is('cmd', '\\')) return undefined;
  p.next();
  const second = row(p);
  if (p.is('cmd', '\\')) p.next();
  if (!p.is('cmd', 'end')) return undefined;
  return asFunction(first, second);
}
