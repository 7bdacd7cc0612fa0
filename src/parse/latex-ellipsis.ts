/**
 * Sums written out with an ellipsis: `w_1 x_1 + \dots + w_n x_n` is
 * \sum_{j=1}^{n} w_j x_j, read only where the pattern is unambiguous:
 *
 * - the term before the ellipsis and the last term are one template that
 *   differs only where the first has a whole number c and the last an
 *   expression u (the same c and u at every such place): T(c) … T(u);
 * - the terms before T(c) that are T(c − 1), T(c − 2), … belong to the sum
 *   (`a_1 + a_2 + \dots + a_n`); a term of the same shape that is not the
 *   next one down (`x_1 + x_3 + \dots`, odd indices) is refused, as the step
 *   is then not 1;
 * - with only T(c) written before the ellipsis, the step 1 is the convention
 *   only from c = 0 or 1 (`x_3 + \dots + x_n` is refused).
 *
 * Anything else with \dots, \cdots or \ldots (a product x_1 \cdots x_n, a
 * list, a series without its last term) is refused by name.
 *
 *     w_0 + w_1 x_1 + \dots + w_n x_n   ->  w_0 + sum(w_j x_j, j, 1, n)
 */
import { add, call, div, mul, neg, num, pow, sym } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import { substitute } from '../expr/substitute.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexFamilyReader, LatexReader } from './latex-reader.js';

export const ELLIPSIS_COMMANDS: readonly string[] = ['dots', 'cdots', 'ldots', 'dotsb', 'dotsc', 'dotsm', 'dotsi', 'dotso'];

/** Where the first term has the whole number c, the last has u. */
interface Varying {
  c: bigint | undefined;
  u: Expr | undefined;
}

/** Do a and b match as one template varying only at c ↦ u? (records c and u in v) */
function unify(a: Expr, b: Expr, v: Varying): boolean {
  if (equal(a, b)) return true;
  if (a.kind === 'num' && a.d === 1n) {
    if (v.c === undefined || v.u === undefined) {
      v.c = a.n;
      v.u = b;
      return true;
    }
    return v.c === a.n && equal(v.u, b);
  }
  switch (a.kind) {
    case 'sym':
      return b.kind === 'sym' && a.name === b.name && a.sub.length === b.sub.length && a.sup.length === b.sup.length && a.sub.every((x, i) => unify(x, b.sub[i] as Expr, v)) && a.sup.every((x, i) => unify(x, b.sup[i] as Expr, v));
    case 'add':
    case 'mul':
      return b.kind === a.kind && a.args.length === b.args.length && a.args.every((x, i) => unify(x, b.args[i] as Expr, v));
    case 'call':
      return b.kind === 'call' && a.fn === b.fn && a.args.length === b.args.length && a.args.every((x, i) => unify(x, b.args[i] as Expr, v));
    case 'div':
      return b.kind === 'div' && unify(a.num, b.num, v) && unify(a.den, b.den, v);
    case 'pow':
      return b.kind === 'pow' && unify(a.base, b.base, v) && unify(a.exp, b.exp, v);
    case 'neg':
      return b.kind === 'neg' && unify(a.arg, b.arg, v);
    default:
      return false;
  }
}

/** a with every whole number c that differs from b (at the places unify found) replaced by the index. */
function template(a: Expr, b: Expr, c: bigint, index: Expr): Expr {
  if (equal(a, b)) return a;
  if (a.kind === 'num' && a.d === 1n && a.n === c) return index;
  const t = (x: Expr, y: Expr): Expr => template(x, y, c, index);
  if (a.kind === 'sym' && b.kind === 'sym') return sym(a.name, a.sub.map((x, i) => t(x, b.sub[i] as Expr)), a.sup.map((x, i) => t(x, b.sup[i] as Expr)));
  if (a.kind === 'add' && b.kind === 'add') return add(...a.args.map((x, i) => t(x, b.args[i] as Expr)));
  if (a.kind === 'mul' && b.kind === 'mul') return mul(...a.args.map((x, i) => t(x, b.args[i] as Expr)));
  if (a.kind === 'call' && b.kind === 'call') return call(a.fn, a.args.map((x, i) => t(x, b.args[i] as Expr)));
  if (a.kind === 'div' && b.kind === 'div') return div(t(a.num, b.num), t(a.den, b.den));
  if (a.kind === 'pow' && b.kind === 'pow') return pow(t(a.base, b.base), t(a.exp, b.exp));
  if (a.kind === 'neg' && b.kind === 'neg') return neg(t(a.arg, b.arg));
  return a;
}

/** Names of the letters in e (subscripts included). */
function names(e: Expr, into: Set<string>): Set<string> {
  if (e.kind === 'sym') {
    into.add(e.name);
    for (const x of [...e.sub, ...e.sup]) names(x, into);
  } else if (e.kind === 'add' || e.kind === 'mul' || e.kind === 'call') for (const x of e.args) names(x, into);
  else if (e.kind === 'div') [e.num, e.den].forEach((x) => names(x, into));
  else if (e.kind === 'pow') [e.base, e.exp].forEach((x) => names(x, into));
  else if (e.kind === 'neg') names(e.arg, into);
  else if (e.kind === 'deriv') [e.body, e.wrt].forEach((x) => names(x, into));
  return into;
}

const at = (body: Expr, index: string, value: bigint): Expr => substitute(body, new Map([[index, num(value)]]));

/**
 * `\dots + last` after the terms of a sum read so far (the last of them
 * written just before the ellipsis), with the cursor at \dots: the terms
 * that form the pattern are replaced by their sum in `terms`.
 *
 *     a_1 + a_2 + \dots + a_n
 *                 ^
 */
export function readEllipsisTerms(p: LatexReader, terms: Expr[]): void {
  const dots = p.next();
  const refuse = (why: string): never => p.fail('E_PARSE_UNSUPPORTED', `the sum written out with \\${dots.text} is not read: ${why}; write it with \\sum, as \\sum_{j=1}^{n} w_j x_j`, dots);
  if (!p.is('sym', '+')) refuse(`\\${dots.text} is read between two + signs, before the last term (a_1 + \\dots + a_n)`);
  const plus = p.next();
  p.expectOperand(plus);
  const last = p.term();
  const prev = terms[terms.length - 1];
  const v: Varying = { c: undefined, u: undefined };
  if (prev === undefined || !unify(prev, last, v) || v.c === undefined || v.u === undefined) {
    return refuse('the terms on either side of it do not differ only in one index (a whole number before, the last index after)');
  }
  const c = v.c;
  const u = v.u;
  if (u.kind === 'num' && u.d === 1n && u.n < c) refuse('the last index is below the first');
  const used = names(last, names(prev, new Set()));
  const name = ['j', 'k', 'i', 'l', 'm', 't'].find((n) => !used.has(n));
  if (name === undefined) return refuse('no free letter for the index');
  const index = sym(name);
  const body = template(prev, last, c, index);
  if (!equal(at(body, name, c), prev)) refuse('the pattern of the terms is not clear');
  // The terms before: T(c - 1), T(c - 2), … belong to the sum; the same shape with another number is refused.
  let lo = c;
  let k = terms.length - 2;
  while (k >= 0 && equal(at(body, name, lo - 1n), terms[k] as Expr)) {
    lo--;
    k--;
  }
  const before = terms[k];
  const other: Varying = { c: undefined, u: undefined };
  if (before !== undefined && unify(before, terms[k + 1] as Expr, other) && other.c !== undefined) refuse('the terms before it do not step by 1');
  if (lo === c && c !== 0n && c !== 1n) refuse(`only one term, T(${c}), is written before it, so the step is not clear`);
  terms.splice(k + 1);
  terms.push(p.lit.plain(call('sum', [body, index, num(lo), u])));
  p.note({ at: { start: dots.start, end: p.peek(-1).end }, kind: 'sum-range', text: `the terms written out with \\${dots.text} are read as the sum over ${name} = ${lo}, …, of the pattern of the terms around it` });
}

/** \dots anywhere but inside a sum written out. */
export const readStrayEllipsis: LatexFamilyReader = (p, t: LatexToken) =>
  p.fail('E_PARSE_UNSUPPORTED', `\\${t.text} is read only inside a sum written out, as a_1 + \\${t.text} + a_n (a product, a list or a series without its last term is not read)`, t);
