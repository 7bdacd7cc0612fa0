/**
 * tanh, forward and backward: y = tanh(x); ∂L/∂x = ∂L/∂y · (1 − y²)
 * (the derivative is written with the cached output, so backward needs no x).
 * The smooth hidden activation of the small XOR network.
 *
 *     const act = tanh(be, 4);
 *     const h = act.forward(z);
 *     const dz = act.backward(dh);
 */
import type { Backend } from '../backend.js';
import { assertSameShape, TensorShapeError, shapeOf, type Matrix } from '../tensor.js';
import { bufferFor } from './buffers.js';

export interface Tanh {
  forward(x: Matrix): Matrix;
  backward(dy: Matrix): Matrix;
}

export function tanh(be: Backend, width: number): Tanh {
  const outs = bufferFor(be, width);
  const dxs = bufferFor(be, width);
  let output: Matrix | undefined;
  return {
    forward(x) {
      if (x.cols !== width) throw new TensorShapeError(`tanh forward: input ${shapeOf(x)} is not ?×${width}`);
      const y = outs(x.rows);
      const xd = x.data;
      const yd = y.data;
      for (let i = 0; i < xd.length; i++) yd[i] = Math.tanh(xd[i] ?? 0);
      output = y;
      return y;
    },
    backward(dy) {
      const y = output;
      if (y === undefined) throw new Error('tanh backward: no forward pass to differentiate');
      assertSameShape('tanh backward', y, dy);
      const dx = dxs(dy.rows);
      const yd = y.data;
      const d = dy.data;
      const o = dx.data;
      for (let i = 0; i < d.length; i++) {
        const v = yd[i] ?? 0;
        o[i] = (d[i] ?? 0) * (1 - v * v);
      }
      return dx;
    },
  };
}
