/**
 * The builtin `derivative-of-indexed`: ∂z_k/∂z_j = δ_kj, and for several
 * indices the product of the deltas (∂W_ab/∂W_ij = δ_ai δ_bj). Indices that
 * are the same contribute 1.
 */
import { call, mulAll, num } from '../../expr/build.js';
import { equal } from '../../expr/equal.js';
import type { Expr } from '../../expr/node.js';
import { mayEqualSymbol } from '../../expr/may-equal.js';

export function derivativeOfIndexed(e: Expr): Expr | undefined {
  if (e.kind !== 'deriv' || e.body.kind !== 'sym') return undefined;
  const s = e.body;
  const x = e.wrt;
  if (equal(s, x) || !mayEqualSymbol(s, x) || (s.sub.length === 0 && s.sup.length === 0)) return undefined;
  const deltas: Expr[] = [];
  const pairs = [...s.sub.map((a, i) => [a, x.sub[i]] as const), ...s.sup.map((a, i) => [a, x.sup[i]] as const)];
  for (const [a, b] of pairs) {
    if (b === undefined) return undefined;
    if (!equal(a, b)) deltas.push(call('delta', [a, b]));
  }
  return deltas.length === 0 ? num(1) : mulAll(deltas);
}
