/**
 * Expanding products over sums, and the builtin `expand-if-shorter`: a sum
 * whose terms are multiplied out and collected is replaced only when the
 * result is smaller (y(1 - σ) - (1 - y)σ -> y - σ). Expansion alone never
 * runs, so textbook factored forms such as σ(x)(1 - σ(x)) stay as they are.
 */
import { addAll, mulAll, neg, num } from '../../expr/build.js';
import { ratNeg } from '../../expr/rational.js';
import { joinTerm, splitTerm } from './coefficients.js';
import type { Expr } from '../../expr/node.js';
import { size } from '../../expr/traverse.js';
import { collectLikeFactors } from './collect-like-factors.js';
import { collectLikeTerms } from './collect-like-terms.js';

/** More terms than this and expansion is not attempted (it would only grow). */
const MAX_TERMS = 64;

/** The terms of e multiplied out one level: a (b + c) -> [a b, a c]; -(a + b) -> [-a, -b]. */
export function expandTerms(e: Expr): Expr[] | undefined {
  if (e.kind === 'add') {
    const out: Expr[] = [];
    for (const t of e.args) {
      const ts = expandTerms(t);
      if (ts === undefined) return undefined;
      out.push(...ts);
      if (out.length > MAX_TERMS) return undefined;
    }
    return out;
  }
  if (e.kind === 'neg') return expandTerms(e.arg)?.map((t) => (t.kind === 'neg' ? t.arg : neg(t)));
  if (e.kind === 'mul') {
    let acc: Expr[][] = [[]];
    let sign = 1;
    for (const f of e.args) {
      let g = f;
      if (g.kind === 'neg') {
        sign = -sign;
        g = g.arg;
      }
      const parts = g.kind === 'add' ? (expandTerms(g) ?? [g]) : [g];
      const next: Expr[][] = [];
      for (const a of acc) for (const p of parts) next.push([...a, p]);
      if (next.length > MAX_TERMS) return undefined;
      acc = next;
    }
    return acc.map((fs) => {
      // A negated part of a sum becomes the sign of its product.
      let s = sign;
      const plain = fs.map((f) => {
        if (f.kind === 'neg') {
          s = -s;
          return f.arg;
        }
        return f;
      });
      const product = mulAll(plain);
      const combined = collectLikeFactors(product) ?? product;
      // Numeric factors fold into a coefficient: y*1 -> y, (-1)*p -> -p.
      const { coef, body } = splitTerm(combined);
      const tidy = joinTerm(s < 0 ? ratNeg(coef) : coef, body);
      return tidy ?? num(0);
    });
  }
  return [e];
}

export function expandIfShorter(e: Expr): Expr | undefined {
  if (e.kind !== 'add') return undefined;
  if (!e.args.some((t) => t.kind === 'mul' || (t.kind === 'neg' && (t.arg.kind === 'mul' || t.arg.kind === 'add')))) return undefined;
  const terms = expandTerms(e);
  if (terms === undefined) return undefined;
  const summed = addAll(terms);
  const collected = collectLikeTerms(summed) ?? summed;
  return size(collected) < size(e) ? collected : undefined;
}
