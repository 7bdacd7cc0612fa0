/**
 * One minibatch SGD step on the regularised objective
 * L = data loss + (α/2) Σ‖W‖² (weights only): zero the gradients, backprop
 * the data loss, add α·W, then p ← p − η·∂L/∂p.
 *
 *     const { loss, dataLoss } = sgdStep(net, x, labels, { lr: 0.1, alpha: 1e-4 });
 */
import type { Network } from './models/network.js';
import { weightPenalty } from './ops/weight-penalty.js';
import { zeroGrad, type Param } from './param.js';
import type { Matrix } from './tensor.js';

export interface SgdOptions {
  readonly lr: number;
  readonly alpha: number;
}

/** p ← p − lr·grad for every parameter. */
export function applyGradients(params: readonly Param[], lr: number): void {
  for (const p of params) {
    const v = p.value.data;
    const g = p.grad.data;
    for (let i = 0; i < v.length; i++) v[i] = (v[i] ?? 0) - lr * (g[i] ?? 0);
  }
}

/** Regularised loss before the step and its unregularised part. */
export function sgdStep(net: Network, x: Matrix, labels: ArrayLike<number>, options: SgdOptions): { loss: number; dataLoss: number } {
  const params = net.parameters();
  zeroGrad(params);
  const dataLoss = net.lossAndBackward(x, labels);
  const penalty = weightPenalty(params, options.alpha);
  applyGradients(params, options.lr);
  return { loss: dataLoss + penalty, dataLoss };
}
