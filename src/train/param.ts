/**
 * A trainable parameter: its value, the gradient accumulated by backward
 * passes (micrograd's `+=`, so a reused parameter sums its contributions),
 * and whether the weight penalty (α/2)‖·‖² applies (weights yes, biases no).
 *
 *     const w = param('W', be.zeros(784, 10), be.zeros(784, 10), true);
 */
import type { Matrix } from './tensor.js';

export interface Param {
  readonly name: string;
  readonly value: Matrix;
  readonly grad: Matrix;
  readonly regularized: boolean;
}

export function param(name: string, value: Matrix, grad: Matrix, regularized: boolean): Param {
  return { name, value, grad, regularized };
}

/** Sets every gradient to zero (before a backward pass). */
export function zeroGrad(params: readonly Param[]): void {
  for (const p of params) p.grad.data.fill(0);
}
