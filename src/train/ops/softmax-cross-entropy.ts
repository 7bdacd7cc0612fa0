/**
 * Softmax followed by cross-entropy against integer labels, fused (the usual
 * way: the combined gradient is simple and stable), forward and backward:
 *
 *   L = −(1/n) Σ_i log softmax(z_i)_{y_i},   ∂L/∂z_i = (softmax(z_i) − onehot(y_i)) / n.
 *
 * The log-probabilities use log-softmax (shifted by the row maximum), so
 * large logits never overflow.
 *
 *     const ce = softmaxCrossEntropy(be, 10);
 *     const loss = ce.forward(logits, labels);
 *     const dz = ce.backward();
 */
import type { Backend } from '../backend.js';
import { logSumExp } from '../numerics.js';
import { TensorShapeError, shapeOf, type Matrix } from '../tensor.js';
import { bufferFor } from './buffers.js';

export interface SoftmaxCrossEntropy {
  /** Mean cross-entropy of the batch; remembers the probabilities for backward. */
  forward(logits: Matrix, labels: ArrayLike<number>): number;
  /** ∂L/∂logits of the last forward pass. */
  backward(): Matrix;
  /** Probabilities of the last forward pass (rows sum to 1). */
  probabilities(): Matrix;
}

export function softmaxCrossEntropy(be: Backend, classes: number): SoftmaxCrossEntropy {
  const probs = bufferFor(be, classes);
  const grads = bufferFor(be, classes);
  let last: { p: Matrix; labels: ArrayLike<number> } | undefined;
  return {
    forward(logits, labels) {
      if (logits.cols !== classes) throw new TensorShapeError(`softmax cross-entropy: logits ${shapeOf(logits)} are not ?×${classes}`);
      if (labels.length !== logits.rows) throw new TensorShapeError(`softmax cross-entropy: logits ${shapeOf(logits)} but ${labels.length} labels`);
      const p = probs(logits.rows);
      const z = logits.data;
      const pd = p.data;
      let total = 0;
      for (let i = 0; i < logits.rows; i++) {
        const o = i * classes;
        const lse = logSumExp(z, o, classes);
        for (let j = 0; j < classes; j++) pd[o + j] = Math.exp((z[o + j] ?? 0) - lse);
        const y = labels[i] ?? -1;
        if (!Number.isInteger(y) || y < 0 || y >= classes) throw new TensorShapeError(`softmax cross-entropy: label ${y} of row ${i} is not a class 0..${classes - 1}`);
        total -= (z[o + y] ?? 0) - lse;
      }
      last = { p, labels };
      return total / logits.rows;
    },
    backward() {
      if (last === undefined) throw new Error('softmax cross-entropy backward: no forward pass to differentiate');
      const { p, labels } = last;
      const n = p.rows;
      const g = grads(n);
      const pd = p.data;
      const gd = g.data;
      for (let i = 0; i < n; i++) {
        const o = i * classes;
        for (let j = 0; j < classes; j++) gd[o + j] = (pd[o + j] ?? 0) / n;
        const y = labels[i] ?? 0;
        gd[o + y] = (gd[o + y] ?? 0) - 1 / n;
      }
      return g;
    },
    probabilities() {
      if (last === undefined) throw new Error('softmax cross-entropy: no forward pass yet');
      return last.p;
    },
  };
}
