/**
 * Mean squared error, forward and backward (the loss of the XOR example in
 * Goodfellow et al., Deep Learning §6.1):
 *
 *   L = (1/n) Σ_i (ŷ_i − y_i)²,   ∂L/∂ŷ_i = 2(ŷ_i − y_i) / n.
 *
 *     const mse = meanSquaredError(be);
 *     const loss = mse.forward(yhat, targets); // yhat: n×1
 */
import type { Backend } from '../backend.js';
import { TensorShapeError, shapeOf, type Matrix } from '../tensor.js';
import { bufferFor } from './buffers.js';

export interface MeanSquaredError {
  forward(prediction: Matrix, targets: ArrayLike<number>): number;
  backward(): Matrix;
}

export function meanSquaredError(be: Backend): MeanSquaredError {
  const grads = bufferFor(be, 1);
  let last: { p: Matrix; t: ArrayLike<number> } | undefined;
  return {
    forward(p, t) {
      if (p.cols !== 1 || t.length !== p.rows) throw new TensorShapeError(`mean squared error: prediction ${shapeOf(p)} but ${t.length} targets`);
      let s = 0;
      for (let i = 0; i < p.rows; i++) s += ((p.data[i] ?? 0) - (t[i] ?? 0)) ** 2;
      last = { p, t };
      return s / p.rows;
    },
    backward() {
      if (last === undefined) throw new Error('mean squared error backward: no forward pass to differentiate');
      const { p, t } = last;
      const g = grads(p.rows);
      for (let i = 0; i < p.rows; i++) g.data[i] = (2 * ((p.data[i] ?? 0) - (t[i] ?? 0))) / p.rows;
      return g;
    },
  };
}
