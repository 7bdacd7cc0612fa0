/**
 * The builtin `collect-like-terms`: 2x + 3x -> 5x, x - x -> 0,
 * 2 x y + 3 y x -> 5 x y (literal coefficients only). All like terms of the sum
 * are collected in one step, the way a textbook writes it; terms keep the
 * order of their first appearance.
 */
import { addAll, num } from '../../expr/build.js';
import { equal } from '../../expr/equal.js';
import type { Expr } from '../../expr/node.js';
import { ratAdd, type Rational } from '../../expr/rational.js';
import { joinTerm, splitTerm } from './coefficients.js';

export function collectLikeTerms(e: Expr): Expr | undefined {
  if (e.kind !== 'add') return undefined;
  const groups: { body: Expr | undefined; coef: Rational; count: number; term: Expr }[] = [];
  let merged = false;
  for (const t of e.args) {
    const { coef, body } = splitTerm(t);
    const g = body === undefined ? undefined : groups.find((x) => x.body !== undefined && equal(x.body, body));
    if (g === undefined) groups.push({ body, coef, count: 1, term: t });
    else {
      g.coef = ratAdd(g.coef, coef);
      g.count++;
      merged = true;
    }
  }
  if (!merged) return undefined;
  const out: Expr[] = [];
  for (const g of groups) {
    if (g.count === 1) out.push(g.term);
    else {
      const t = joinTerm(g.coef, g.body);
      if (t !== undefined) out.push(t);
    }
  }
  return out.length === 0 ? num(0) : addAll(out);
}
