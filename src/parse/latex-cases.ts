/**
 * \begin{cases} with two rows split at one point, read exactly as a function
 * of the table, or by indicators, and refused otherwise (the expression tree
 * has no piecewise expression):
 *
 *     u    if u > 0 (or u ≥ 0), 0 otherwise     ->  relu(u)
 *     u    if u ≥ 0,           −u otherwise     ->  |u|
 *     a    if a ≥ b (or a > b), b otherwise     ->  max(a, b)
 *     b    if a ≥ b (or a > b), a otherwise     ->  min(a, b)
 *     A    if d > 0, B otherwise, A − B = r·d   ->  max(A, B) for r > 0, min(A, B) for r < 0
 *     A    if i = j, B if i ≠ j (indices)       ->  A δ_ij + B (1 − δ_ij)
 *     A    if d > 0, B otherwise (A, B total)   ->  A·1[d > 0] + B·(1 − 1[d > 0])
 *     A    if d < 0, B if d > 0 (A, B total)    ->  A·(1 − 1[d > 0]) + B·1[d > 0], no value at d = 0 (gap)
 *
 * Any other two rows under complementary comparisons (the Huber loss: ½r² if
 * |r| ≤ δ, δ(|r| − ½δ) if |r| > δ) are read with the indicator of the
 * condition (latex-indicator.ts: exact at every point, d = 0 included) when
 * both rows are total, defined at every real point (sums, products, whole
 * powers, functions of the table defined on all reals): a row outside its
 * condition is multiplied by 0, which a log or a division could not survive.
 * Two strict conditions leave the split point out: the cases have no value
 * there, so the reading takes the first row's and says so (`gap`), and a
 * counterexample at that point is no counterexample (judge-math.ts).
 *
 * "otherwise" is \text{otherwise} or \text{else}, or the complementary
 * condition (u ≤ 0 after u > 0, u < 0 after u ≥ 0); rows may come in either
 * order. At the split point both rows agree for the table's functions, so
 * `>` and `≥` give the same value. A step (1 if u > 0, 0 otherwise) is read
 * by its indicator, 0 at u = 0 (never the table's step, 1/2 there).
 *
 *     \begin{cases} x & x > 0 \\ 0 & \text{otherwise} \end{cases}   ->  relu(x)
 */
import { add, call, mul, neg, num } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { lookupFunction } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import { indicatorOfComparison, type Comparison } from './latex-indicator.js';
import type { LatexReader } from './latex-reader.js';
import { proportion } from './linear-form.js';

/** What the cases were read as: the function, one sentence saying how, and the split point's difference d when the cases leave d = 0 out. */
export interface CasesReading {
  readonly value: Expr;
  readonly what: string;
  readonly gap?: Expr;
}

/** Where a row holds: d > 0, d ≥ 0, d < 0, d ≤ 0 (d = left − right), two indices equal or not, or "otherwise". */
type Region = '>' | '>=' | '<' | '<=' | '=' | '!=' | 'otherwise';

interface Row {
  readonly value: Expr;
  readonly region: Region;
  /** The two sides of the condition (undefined for "otherwise"). */
  readonly sides?: readonly [Expr, Expr];
}

const RELATION: Readonly<Record<string, Region>> = { '>': '>', '<': '<', '=': '=', ne: '!=', neq: '!=', ge: '>=', geq: '>=', geqslant: '>=', le: '<=', leq: '<=', leqslant: '<=' };
const WORDS = new Set(['text', 'textrm', 'mbox', 'textnormal']);
const COMPLEMENT: Readonly<Record<string, Region>> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>', '=': '!=', '!=': '=' };

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
  if (region === undefined || (rel.type === 'sym') !== (rel.text === '<' || rel.text === '>' || rel.text === '=')) {
    return p.fail('E_PARSE_UNSUPPORTED', `the condition of this case is not read (found ${p.describe(rel)}): only a comparison such as x > 0 or a \\ge b, i = j between indices, or \\text{otherwise}`, rel);
  }
  p.next();
  const right = p.additive();
  if (p.is('sym', ',') || p.is('sym', '.')) p.next();
  return { value, region, sides: [left, right] };
}

/**
 * An index: a whole number or a bare letter that names indices (i, j, k, l,
 * m, n, c, y): `x = 0` is a condition on a real number, which the Kronecker
 * delta (an index function, sampled at whole numbers) would not honour.
 */
function isIndex(e: Expr): boolean {
  return (e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0 && /^[ijklmncy]$/.test(e.name)) || (e.kind === 'num' && e.d === 1n);
}

/** Does `other` hold exactly where `row` does not: "otherwise", or the complementary comparison of the same two sides? */
function isComplement(row: Row, other: Row): boolean {
  if (other.region === 'otherwise') return true;
  return row.sides !== undefined && other.sides !== undefined && other.region === COMPLEMENT[row.region] && equal(other.sides[0], row.sides[0]) && equal(other.sides[1], row.sides[1]);
}

/** A if i = j, B if i ≠ j (or otherwise), between two indices: A·δ_ij + B·(1 − δ_ij), exactly. */
function byIndexEquality(first: Row, second: Row): Expr | undefined {
  const [eq, other] = first.region === '=' ? [first, second] : [second, first];
  if (eq.region !== '=' || eq.sides === undefined || !isComplement(eq, other)) return undefined;
  if (!isIndex(eq.sides[0]) || !isIndex(eq.sides[1]) || (eq.sides[0].kind === 'num' && eq.sides[1].kind === 'num')) return undefined;
  const delta = call('delta', [eq.sides[0], eq.sides[1]]);
  return add(mul(eq.value, delta), mul(other.value, add(num(1), neg(delta))));
}

/**
 * A if d > 0, B otherwise (any comparison and its complement), where A − B
 * is a constant multiple r of d = left − right: the rows meet at d = 0 and
 * the larger one is taken on each side, so the cases are max(A, B) (or
 * min(A, B) when the chosen row is the smaller one), exactly:
 * 1 − t if t < 1, 0 if t ≥ 1 is max(1 − t, 0).
 */
function byProportionalSplit(first: Row, second: Row): Expr | undefined {
  const [a, b] = first.sides !== undefined ? [first, second] : [second, first];
  if (a.sides === undefined || a.region === '=' || a.region === '!=' || !isComplement(a, b)) return undefined;
  const r = proportion(add(a.value, neg(b.value)), add(a.sides[0], neg(a.sides[1])));
  if (r === undefined || r.n === 0n) return undefined;
  const above = a.region === '>' || a.region === '>=';
  return call((r.n > 0n) === above ? 'max' : 'min', [a.value, b.value]);
}

/** The function the two rows are, or undefined. */
function asFunction(first: Row, second: Row): Expr | undefined {
  return asTableFunction(first, second) ?? byIndexEquality(first, second) ?? byProportionalSplit(first, second);
}

/** ReLU, |u|, max, min written as their textbook cases. */
function asTableFunction(first: Row, second: Row): Expr | undefined {
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

/** Two strict conditions on the same sides (z > 0, z < 0): the split point has no row. */
function leavesOut(first: Row, second: Row): boolean {
  if (first.sides === undefined || second.sides === undefined || !equal(first.sides[0], second.sides[0]) || !equal(first.sides[1], second.sides[1])) return false;
  const strict = new Set<Region>(['>', '<']);
  return strict.has(first.region) && strict.has(second.region) && first.region !== second.region;
}

/** Functions of the table that are not defined at some real point although their domain is given as all reals. */
const POLES = new Set(['tan']);

/** Is e defined at every real value of its symbols: numbers, symbols, sums, products, whole powers, functions of the table on all reals? */
function isTotal(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
    case 'float':
    case 'sym':
      return true;
    case 'add':
    case 'mul':
      return e.args.every(isTotal);
    case 'neg':
      return isTotal(e.arg);
    case 'pow':
      return e.exp.kind === 'num' && e.exp.d === 1n && e.exp.n >= 0n && isTotal(e.base);
    case 'call': {
      const spec = lookupFunction(e.fn);
      return spec !== undefined && spec.domain === 'all' && !POLES.has(e.fn) && e.args.every(isTotal);
    }
    default:
      return false;
  }
}

const SHOWN: Readonly<Record<Comparison, string>> = { '>': '>', '<': '<', '>=': '≥', '<=': '≤' };

/**
 * Two total rows under complementary comparisons, or under two strict ones
 * that leave the split point out: the sum of each row times the indicator of
 * its condition (see the file comment).
 */
function byIndicators(first: Row, second: Row): CasesReading | undefined {
  const [a, b] = first.sides !== undefined ? [first, second] : [second, first];
  const gap = leavesOut(first, second);
  if (a.sides === undefined || a.region === '=' || a.region === '!=' || a.region === 'otherwise' || (!gap && !isComplement(a, b))) return undefined;
  if (![a.value, b.value, ...a.sides].every(isTotal)) return undefined;
  const d = a.sides[1].kind === 'num' && a.sides[1].n === 0n ? a.sides[0] : add(a.sides[0], neg(a.sides[1]));
  const what = `the sum of each row times the indicator of its condition (1 where it holds, 0 elsewhere)`;
  if (gap) {
    // The first row takes the split point, where the cases give no value: 1[second row's condition] for the second.
    const [kept, other] = [first, second];
    const rel = other.region as Comparison;
    const ind = indicatorOfComparison(rel, d);
    return { value: add(mul(kept.value, add(num(1), neg(ind))), mul(other.value, ind)), what: `${what}; the conditions leave out the point where their sides are equal (${SHOWN[rel]} is strict both ways), where the cases have no value: a counterexample there is none`, gap: d };
  }
  const ind = indicatorOfComparison(a.region, d);
  return { value: add(mul(a.value, ind), mul(b.value, add(num(1), neg(ind)))), what };
}

/**
 * The body of \begin{cases} (cursor after `{cases}`) up to \end: the
 * function it is, or why it is none (the caller refuses it).
 */
export function readCases(p: LatexReader): CasesReading | string {
  const first = row(p);
  if (!p.is('cmd', '\\')) return 'one row only';
  p.next();
  const second = row(p);
  if (p.is('cmd', '\\')) p.next();
  if (!p.is('cmd', 'end')) return 'more than two rows';
  const f = asFunction(first, second);
  if (f !== undefined) {
    const what = f.kind === 'call' ? `${f.fn} (both rows agree at the split point)` : 'a sum with the Kronecker delta (one row where the indices are equal, the other where they differ)';
    return { value: f, what };
  }
  const gap = leavesOut(first, second) ? 'the two conditions leave out the point where both sides are equal, so the cases have no value there, and ' : '';
  return byIndicators(first, second) ?? `${gap}the rows are not ReLU, |x|, a max or a min split at one point, nor a choice between i = j and i ≠ j, nor two rows defined at every real point under complementary comparisons`;
}
