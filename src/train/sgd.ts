/**
 * One minibatch SGD step on the regularised objective
 * L = data loss + (α/2) Σ‖W‖² (weights only): zero the gradients, backprop
 * the data loss, add α·W, then p ← p − η·∂L/∂p.
 *
 *     const { loss, dataLoss } = sgdStep(net, x, labels, { lr: 0.1, alpha: 1e-4 });
 */
import type { Backend } from './backend.js';
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

/**
 * Regularised loss before the step and its unregularised part. With a
 * backend, the penalty's gradient, its value and the update are one fused
 * pass per parameter on the SIMD kernel (the gradients are left without
 * α·W); without one, three scalar passes.
 */
export function sgdStep(net: Network, x: Matrix, labels: ArrayLike<number>, options: SgdOptions, be?: Backend): { loss: number; dataLoss: number } {
  const params = net.parameters();
  if (be === undefined) zeroGrad(params);
  // The weights' gradients are overwritten by the backward pass (no zeroing pass over them); the biases' are summed into zeros.
  else for (const p of params) if (!net.layers.some((l) => l.w === p)) be.vector.zero(p.grad.data);
  const dataLoss = be === undefined ? net.lossAndBackward(x, labels) : net.lossAndBackward(x, labels, true);
  if (be === undefined) {
    const penalty = weightPenalty(params, options.alpha);
    applyGradients(params, options.lr);
    return { loss: dataLoss + penalty, dataLoss };
  }
  let squares = 0;
  for (const p of params) {
    const s = be.vector.sgd(p.value.data, p.grad.data, options.lr, p.regularized ? options.alpha : 0);
    if (p.regularized) squares += s;
  }
  return { loss: dataLoss + (options.alpha === 0 ? 0 : (options.alpha / 2) * squares), dataLoss };
}
