/**
 * ReLU, forward and backward: y = max(0, x); ∂L/∂x = ∂L/∂y · [x > 0]
 * (the subgradient 0 is taken at the kink, as NumPy's `z > 0` mask does).
 *
 *     const act = relu(be, 256);
 *     const h = act.forward(z);
 *     const dz = act.backward(dh);
 */
import type { Backend } from '../backend.js';
import { assertSameShape, TensorShapeError, shapeOf, type Matrix } from '../tensor.js';
import { bufferFor } from './buffers.js';

export interface Relu {
  forward(x: Matrix): Matrix;
  backward(dy: Matrix): Matrix;
  /**
   * Takes `y`, already max(0, x) (computed in the layer's product), as this
   * op's output, so backward() and mask() see it.
   */
  adopt(y: Matrix): Matrix;
  /** The output of the last forward pass: where it is > 0 the gradient passes. */
  mask(): Matrix;
}

export function relu(be: Backend, width: number): Relu {
  const outs = bufferFor(be, width);
  const dxs = bufferFor(be, width);
  let output: Matrix | undefined;
  return {
    forward(x) {
      if (x.cols !== width) throw new TensorShapeError(`relu forward: input ${shapeOf(x)} is not ?×${width}`);
      const y = outs(x.rows);
      be.vector.relu(y.data, x.data, x.rows * width);
      output = y;
      return y;
    },
    backward(dy) {
      const y = output;
      if (y === undefined) throw new Error('relu backward: no forward pass to differentiate');
      assertSameShape('relu backward', y, dy);
      const dx = dxs(dy.rows);
      // y > 0 exactly when x > 0
      be.vector.reluBackward(dx.data, y.data, dy.data, dy.rows * width);
      return dx;
    },
    adopt(y) {
      if (y.cols !== width) throw new TensorShapeError(`relu: output ${shapeOf(y)} is not ?×${width}`);
      output = y;
      return y;
    },
    mask() {
      if (output === undefined) throw new Error('relu backward: no forward pass to differentiate');
      return output;
    },
  };
}
