/**
 * The big-operator family of the LaTeX reader. The body of \sum is the
 * product that follows, up to the next + or − (\sum_{k=1}^{c} y_k \log
 * \hat{y}_k), as textbooks write it.
 *
 * - \sum_{k=1}^{c} body: sum(body, k, 1, c).
 * - \sum_k body, \sum_{k} body: the range is unstated; by the usual
 *   convention it is 1..K, the capital of the index (a reading noted beside
 *   the expression, so output can say it).
 * - \sum_{j \ne y} body: the same unstated range without j = y, exactly
 *   sum(body (1 − δ_{jy}), j, 1, J).
 * - \max_j body, \max_{j} body, \max_{j=1}^{n} body, \max_{1 \le j \le n} body:
 *   maxover(body, j, lo, hi), the unstated range read as for \sum; \min_j body
 *   is −maxover(−body, …) (called from latex-functions.ts).
 * - \prod, \int, \lim: refused by name, the expression tree has no product,
 *   integral or limit.
 *
 *     \sum_{j \ne y} e^{z_j}   ->  sum(exp(z_j) (1 - delta(j, y)), j, 1, J)
 */
import { add, call, mul, neg, num, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexFamilyReader, LatexReader } from './latex-reader.js';

/** The body of a big operator: the product that follows. */
function body(p: LatexReader, t: LatexToken): Expr {
  p.expectOperand(t);
  return p.term();
}

/** The unstated upper bound of a sum over `index`: its capital (k -> K), or a refusal. */
function unstatedBound(p: LatexReader, t: LatexToken, index: Sym, op = 'sum'): Sym {
  if (!/^[a-z]$/.test(index.name) || index.sub.length > 0) {
    p.fail('E_PARSE_UNSUPPORTED', `the range of \\${op}_{${index.name}} is not stated and has no conventional bound: write it, as \\${op}_{${index.name}=1}^{n}`, t);
  }
  return sym(index.name.toUpperCase());
}

/** Is e an index: a bare letter or a whole number? */
function isIndex(e: Expr): boolean {
  return (e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0) || (e.kind === 'num' && e.d === 1n);
}

/**
 * \sum_{k=1}^{c} body, \sum_k body, \sum_{j \ne y} body, with \sum consumed.
 *
 *     \sum_{k=1}^{c} e^{z_k}
 *         ^
 */
export const readSum: LatexFamilyReader = (p, t) => {
  if (!p.is('sym', '_')) p.fail('E_PARSE_UNSUPPORTED', 'write the sum with its index, as \\sum_{k=1}^{c} or \\sum_k', t);
  const sub = p.next();
  const braced = p.is('sym', '{');
  const open = p.peek();
  if (braced) p.next();
  const index = p.variable();
  let lo: Expr | undefined;
  let excluded: Expr | undefined;
  if (braced && p.is('sym', '=')) {
    p.next();
    lo = p.additive();
  } else if (braced && (p.is('cmd', 'ne') || p.is('cmd', 'neq'))) {
    p.next();
    excluded = p.additive();
    if (!isIndex(excluded)) p.fail('E_PARSE_UNSUPPORTED', `\\sum_{${index.name} \\ne …} is read when an index (a letter or a whole number) is left out, as in \\sum_{j \\ne y}`, open);
  } else if (braced && !p.is('sym', '}')) {
    p.fail('E_PARSE_UNSUPPORTED', `the range of this sum is not read (found ${p.describe(p.peek())}): write \\sum_{${index.name}=1}^{n}, \\sum_{${index.name}} or \\sum_{${index.name} \\ne y}`, p.peek());
  }
  if (braced) {
    if (!p.is('sym', '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close the range opened at ${p.where(open.start)}`, p.peek());
    p.next();
  }
  if (lo !== undefined) {
    if (!p.is('sym', '^')) p.fail('E_PARSE_UNSUPPORTED', `expected '^' and the upper limit after the range at ${p.where(sub.start)}`, p.peek());
    const hi = p.argument(p.next());
    return p.lit.plain(call('sum', [body(p, t), index, lo, hi]));
  }
  if (p.is('sym', '^')) p.fail('E_PARSE_UNSUPPORTED', `an upper limit without a lower one is not read: write \\sum_{${index.name}=1}^{…}`, p.peek());
  const bound = unstatedBound(p, t, index);
  const at = { start: t.start, end: p.peek(-1).end };
  const b = body(p, t);
  p.note({ at, kind: 'sum-range', text: `the range of the sum over ${index.name} is not stated: it is read as ${index.name} = 1, …, ${bound.name}${excluded === undefined ? '' : ', leaving out the excluded index'}` });
  const kept = excluded === undefined ? b : mul(b, add(num(1), neg(call('delta', [index, excluded]))));
  return p.lit.plain(call('sum', [kept, index, num(1), bound]));
};

/** Is the next token \le or \leq (consumed if so)? */
function lessOrEqual(p: LatexReader): boolean {
  if (!p.is('cmd', 'le') && !p.is('cmd', 'leq')) return false;
  p.next();
  return true;
}

/**
 * \max_j body, \max_{j=1}^{n} body, \max_{1 \le j \le n} body (and \min), with
 * \max or \min consumed as `t` and `_` next: a maximum over the index.
 *
 *     \max_{1 \le j \le n} z_j   ->  maxover(z_j, j, 1, n)
 *     \min_i x_i                ->  -maxover(-x_i, i, 1, I)
 */
export function readExtremumOverIndex(p: LatexReader, t: LatexToken): Expr {
  const op = t.text;
  const sub = p.next();
  const braced = p.is('sym', '{');
  const open = p.peek();
  if (braced) p.next();
  let index: Sym;
  let lo: Expr | undefined;
  let hi: Expr | undefined;
  if (braced && !(p.peek(1).type === 'sym' && ['=', '}'].includes(p.peek(1).text))) {
    lo = p.additive();
    if (!lessOrEqual(p)) p.fail('E_PARSE_UNSUPPORTED', `the range of this \\${op} is not read (found ${p.describe(p.peek())}): write \\${op}_{j}, \\${op}_{j=1}^{n} or \\${op}_{1 \\le j \\le n}`, p.peek());
    index = p.variable();
    if (!lessOrEqual(p)) p.fail('E_PARSE_UNSUPPORTED', `expected \\le and the upper limit of the range at ${p.where(sub.start)}`, p.peek());
    hi = p.additive();
  } else {
    index = p.variable();
    if (braced && p.is('sym', '=')) {
      p.next();
      lo = p.additive();
    }
  }
  if (braced) {
    if (!p.is('sym', '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close the range opened at ${p.where(open.start)}`, p.peek());
    p.next();
  }
  if (lo !== undefined && hi === undefined) {
    if (!p.is('sym', '^')) p.fail('E_PARSE_UNSUPPORTED', `expected '^' and the upper limit after the range at ${p.where(sub.start)}`, p.peek());
    hi = p.argument(p.next());
  }
  if (lo === undefined && p.is('sym', '^')) p.fail('E_PARSE_UNSUPPORTED', `an upper limit without a lower one is not read: write \\${op}_{${index.name}=1}^{…}`, p.peek());
  const from = lo ?? num(1);
  let to = hi;
  if (to === undefined) {
    const bound = unstatedBound(p, t, index, op);
    p.note({ at: { start: t.start, end: p.peek(-1).end }, kind: 'sum-range', text: `the range of the ${op === 'min' ? 'minimum' : 'maximum'} over ${index.name} is not stated: it is read as ${index.name} = 1, …, ${bound.name}` });
    to = bound;
  }
  const b = body(p, t);
  return p.lit.plain(op === 'min' ? neg(call('maxover', [neg(b), index, from, to])) : call('maxover', [b, index, from, to]));
}

/** \prod, \int, \lim, …: named and refused (see the file comment). */
export const readUnsupportedOperator: LatexFamilyReader = (p, t) => {
  const what: Readonly<Record<string, string>> = { prod: 'a product over an index', int: 'an integral', oint: 'an integral', lim: 'a limit', argmax: 'an arg max', argmin: 'an arg min', sup: 'a supremum', inf: 'an infimum' };
  return p.fail('E_PARSE_UNSUPPORTED', `\\${t.text} (${what[t.text] ?? 'a big operator'}) is not read: gradtex has no such expression; write it out, or leave the step unchecked`, t);
};

/** The commands readUnsupportedOperator refuses. */
export const UNSUPPORTED_OPERATORS: readonly string[] = ['prod', 'int', 'oint', 'lim', 'argmax', 'argmin', 'sup', 'inf'];
