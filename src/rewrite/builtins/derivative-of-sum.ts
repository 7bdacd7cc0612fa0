/**
 * The builtin `derivative-of-sum`: the sum rule for any number of terms in
 * one step, d(a + b + c, x) -> d(a, x) + d(b, x) + d(c, x), the way a
 * textbook writes it (a binary pattern would need n - 1 steps).
 */
import { addAll, deriv } from '../../expr/build.js';
import type { Expr } from '../../expr/node.js';

export function derivativeOfSum(e: Expr): Expr | undefined {
  if (e.kind !== 'deriv' || e.body.kind !== 'add') return undefined;
  const x = e.wrt;
  return addAll(e.body.args.map((t) => deriv(t, x)));
}
