/**
 * Sigmoid followed by binary cross-entropy (log loss) against labels in
 * {0, 1}, fused, forward and backward:
 *
 *   L = (1/n) Σ_i [softplus(z_i) − y_i z_i],   ∂L/∂z_i = (σ(z_i) − y_i) / n.
 *
 * softplus(z) − y·z equals −y ln σ(z) − (1−y) ln(1−σ(z)) without ever taking
 * the log of a rounded-to-1 probability.
 *
 *     const bce = sigmoidBce(be);
 *     const loss = bce.forward(z, labels); // z: n×1
 */
import type { Backend } from '../backend.js';
import { bceWithLogit, sigmoid } from '../numerics.js';
import { TensorShapeError, shapeOf, type Matrix } from '../tensor.js';
import { bufferFor } from './buffers.js';

export interface SigmoidBce {
  forward(logits: Matrix, labels: ArrayLike<number>): number;
  backward(): Matrix;
}

export function sigmoidBce(be: Backend): SigmoidBce {
  const grads = bufferFor(be, 1);
  let last: { z: Matrix; labels: ArrayLike<number> } | undefined;
  return {
    forward(z, labels) {
      if (z.cols !== 1) throw new TensorShapeError(`sigmoid BCE: logits ${shapeOf(z)} are not ?×1`);
      if (labels.length !== z.rows) throw new TensorShapeError(`sigmoid BCE: logits ${shapeOf(z)} but ${labels.length} labels`);
      let total = 0;
      for (let i = 0; i < z.rows; i++) total += bceWithLogit(z.data[i] ?? 0, labels[i] ?? 0);
      last = { z, labels };
      return total / z.rows;
    },
    backward() {
      if (last === undefined) throw new Error('sigmoid BCE backward: no forward pass to differentiate');
      const { z, labels } = last;
      const g = grads(z.rows);
      for (let i = 0; i < z.rows; i++) g.data[i] = (sigmoid(z.data[i] ?? 0) - (labels[i] ?? 0)) / z.rows;
      return g;
    },
  };
}
