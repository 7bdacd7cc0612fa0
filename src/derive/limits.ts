/**
 * Bounds on the work one derivative may cause. The rewrite engine itself is
 * bounded (steps and time, src/rewrite/strategy.ts), but every step is then
 * checked at random points and printed, so the cost of a derivation is the
 * total size of its steps: 250 nested exp give 252 steps of up to 31,000
 * nodes each (5 million nodes checked at 24 points and printed). Past these
 * limits the answer is a clear refusal, never a run of minutes.
 *
 *     checkDerivativeOrder(10)   // throws DerivationLimitError: order 10 … the limit is 6
 */
import type { Derivation } from '../proof/step.js';
import { size } from '../expr/traverse.js';

/** Successive derivatives (repeated --wrt): each order multiplies the work of checking them. */
export const MAX_DERIVATIVE_ORDER = 6;
/** Nodes in the derivative itself (the same limit as an input to `diff`). */
export const MAX_RESULT_NODES = 20_000;
/** Nodes in all steps together: what is checked at random points and printed line by line. */
export const MAX_DERIVATION_NODES = 60_000;

/** A derivative beyond the limits above: reported as one line, exit 2. */
export class DerivationLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerivationLimitError';
  }
}

const count = (n: number): string => n.toLocaleString('en');

/** Refuses a derivative of order above MAX_DERIVATIVE_ORDER. */
export function checkDerivativeOrder(order: number): void {
  if (order > MAX_DERIVATIVE_ORDER) {
    throw new DerivationLimitError(`a derivative of order ${order} is beyond the limit of ${MAX_DERIVATIVE_ORDER} successive derivatives (each order multiplies the work of checking it); differentiate step by step, feeding each result back`);
  }
}

/**
 * Refuses a derivation that grew too large to check and show: the result
 * above MAX_RESULT_NODES nodes, or all steps together above
 * MAX_DERIVATION_NODES. Sizes are summed with an early exit, so the
 * measuring itself stays bounded.
 */
export function checkDerivationSize(d: Derivation): void {
  const result = size(d.result);
  if (result > MAX_RESULT_NODES) {
    throw new DerivationLimitError(`the derivative grew to ${count(result)} nodes, beyond the limit of ${count(MAX_RESULT_NODES)}; differentiate a smaller part of the expression`);
  }
  let total = 0;
  for (const s of d.steps) {
    total += size(s.after);
    if (total > MAX_DERIVATION_NODES) {
      throw new DerivationLimitError(
        `the derivation grew beyond ${count(MAX_DERIVATION_NODES)} nodes over its ${count(d.steps.length)} steps (the result alone has ${count(result)}), too large to check and show step by step; differentiate a smaller part of the expression`,
      );
    }
  }
}
