/**
 * Simplification with steps: the simplify rule set run to a normal form.
 *
 *     simplify(engine, parsePlain('x*1 + 0')).result   // x
 */
import type { Expr } from '../expr/node.js';
import type { Derivation } from '../proof/step.js';
import type { Engine } from '../rewrite/engine.js';
import { DEFAULT_BUDGET, rewriteToNormalForm, type Budget } from '../rewrite/strategy.js';

export function simplify(engine: Engine, e: Expr, budget: Budget = DEFAULT_BUDGET): Derivation {
  return rewriteToNormalForm(e, engine.simplification, budget);
}
