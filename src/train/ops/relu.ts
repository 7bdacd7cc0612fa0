/**
 * ReLU, forward and backward: y = max(0, x); ∂L/∂x = ∂L/∂y · [x > 0]
 * (the subgradient 0 is taken at the kink, as NumPy's `z > 0` mask does).
 *
 *     const act = relu(be, 256);
 *     const h = act.forward(z);
 *     const dz = act.backward(dh);
 */
import type { Backend } from '../backend.js';
import { assertSameShape, ShapeError, shapeOf, type Matrix } from '../tensor.js';
import { bufferFor } from './buffers.js';

export interface Relu {
  forward(x: Matrix): Matrix;
  backward(dy: Matrix): Matrix;
}

export function relu(be: Backend, width: number): Relu {
  const outs = bufferFor(be, width);
  const dxs = bufferFor(be, width);
  let output: Matrix | undefined;
  return {
    forward(x) {
      if (x.cols !== width) throw new ShapeError(`relu forward: input ${shapeOf(x)} is not ?×${width}`);
      const y = outs(x.rows);
      const xd = x.data;
      const yd = y.data;
      for (let i = 0; i < xd.length; i++) {
        const v = xd[i] ?? 0;
        yd[i] = v > 0 ? v : 0;
      }
      output = y;
      return y;
    },
    backward(dy) {
      const y = output;
      if (y === undefined) throw new Error('relu backward: no forward pass to differentiate');
      assertSameShape('relu backward', y, dy);
      const dx = dxs(dy.rows);
      const yd = y.data;
      const d = dy.data;
      const o = dx.data;
      // y > 0 exactly when x > 0
      for (let i = 0; i < d.length; i++) o[i] = (yd[i] ?? 0) > 0 ? (d[i] ?? 0) : 0;
      return dx;
    },
  };
}
