/**
 * The weight penalty (α/2) Σ ‖W‖² over regularised parameters (weights, not
 * biases), forward and backward: ∂/∂W = α·W, accumulated into W's gradient.
 *
 *     const r = weightPenalty(model.parameters(), 1e-3); // value; grads updated
 */
import type { Param } from '../param.js';

/** (α/2) Σ_W Σ w² over the regularised parameters. */
export function weightPenaltyValue(params: readonly Param[], alpha: number): number {
  if (alpha === 0) return 0;
  let s = 0;
  for (const p of params) {
    if (!p.regularized) continue;
    const d = p.value.data;
    for (let i = 0; i < d.length; i++) s += (d[i] ?? 0) ** 2;
  }
  return (alpha / 2) * s;
}

/** Adds α·W to each regularised parameter's gradient. */
export function weightPenaltyBackward(params: readonly Param[], alpha: number): void {
  if (alpha === 0) return;
  for (const p of params) {
    if (!p.regularized) continue;
    const v = p.value.data;
    const g = p.grad.data;
    for (let i = 0; i < g.length; i++) g[i] = (g[i] ?? 0) + alpha * (v[i] ?? 0);
  }
}

/** Value and gradient together: returns (α/2)Σ‖W‖² and adds α·W to the gradients. */
export function weightPenalty(params: readonly Param[], alpha: number): number {
  weightPenaltyBackward(params, alpha);
  return weightPenaltyValue(params, alpha);
}
