/**
 * Differentiation with steps. The derivative is an inert node d(f, x) that
 * the rule engine rewrites with rules/derivative.rules and simplifies with
 * the simplification rules, so the answer is the last step.
 *
 *     differentiate(engine, parsePlain('sigma(x)'), [sym('x')]).result
 *     // sigma(x) * (1 - sigma(x))
 *
 * Several variables mean successive derivatives: [x, y] is ∂²f/∂y∂x
 * (first x, then y).
 */
import { deriv } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { some } from '../expr/traverse.js';
import type { Derivation } from '../proof/step.js';
import type { Engine } from '../rewrite/engine.js';
import { DEFAULT_BUDGET, rewriteToNormalForm, type Budget } from '../rewrite/strategy.js';

/** The inert expression d(...d(f, x1)..., xn) that a derivation starts from. */
export function inertDerivative(f: Expr, wrt: readonly Sym[]): Expr {
  let e = f;
  for (const x of wrt) e = deriv(e, x);
  return e;
}

export function differentiate(engine: Engine, f: Expr, wrt: readonly Sym[], budget: Budget = DEFAULT_BUDGET): Derivation {
  if (wrt.length === 0) throw new RangeError('differentiate needs at least one variable');
  const d = rewriteToNormalForm(inertDerivative(f, wrt), engine.differentiation, budget);
  // No stray derivatives: a d(...) that no rule computes is a gap, shown as such.
  if (d.stop === 'normal-form' && some(d.result, (x) => x.kind === 'deriv')) return { ...d, stop: 'stuck' };
  return d;
}
