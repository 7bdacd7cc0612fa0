/**
 * Affine layer Y = X·W + b (X: n×in, W: in×out, b: 1×out), forward and
 * backward side by side:
 *
 *   ∂L/∂W = Xᵀ·∂L/∂Y,   ∂L/∂b = Σ_rows ∂L/∂Y,   ∂L/∂X = ∂L/∂Y·Wᵀ.
 *
 *     const layer = linear(be, 'layer1', 784, 256);
 *     const y = layer.forward(x);
 *     const dx = layer.backward(dy, true);
 */
import type { Backend } from '../backend.js';
import { param, type Param } from '../param.js';
import { TensorShapeError, shapeOf, type Matrix } from '../tensor.js';
import { bufferFor } from './buffers.js';

export interface Linear {
  readonly w: Param;
  readonly b: Param;
  readonly inputs: number;
  readonly outputs: number;
  /**
   * Y = X·W + b; with `relu`, max(0, Y) instead (the ReLU after the layer
   * fused into the product's store: one pass over Y instead of three).
   */
  forward(x: Matrix, relu?: boolean): Matrix;
  /**
   * Accumulates into w.grad and b.grad; returns ∂L/∂X when asked (the first
   * layer needs none). With `mask` (the output of a ReLU before this layer),
   * ∂L/∂X is returned already masked by it: the ReLU's backward fused into
   * the product's store. With `overwrite`, w.grad is set to this pass's
   * gradient instead of accumulated into (the same values as accumulating
   * into zeros: the kernel's sums start from +0 either way), so a training
   * step need not zero it first; b.grad is still accumulated.
   */
  backward(dy: Matrix, inputGradient: boolean, mask?: Matrix, overwrite?: boolean): Matrix | undefined;
}

export function linear(be: Backend, name: string, inputs: number, outputs: number): Linear {
  const w = param(`${name}.W`, be.zeros(inputs, outputs), be.zeros(inputs, outputs), true);
  const b = param(`${name}.b`, be.zeros(1, outputs), be.zeros(1, outputs), false);
  const outs = bufferFor(be, outputs);
  const dxs = bufferFor(be, inputs);
  let input: Matrix | undefined;
  return {
    w,
    b,
    inputs,
    outputs,
    forward(x, relu = false) {
      if (x.cols !== inputs) throw new TensorShapeError(`${name} forward: input ${shapeOf(x)} does not fit W ${shapeOf(w.value)}`);
      input = x;
      const y = outs(x.rows);
      be.gemm({ m: x.rows, n: outputs, k: inputs, a: x.data, b: w.value.data, c: y.data, bias: b.value.data, relu });
      return y;
    },
    backward(dy, inputGradient, mask, overwrite = false) {
      const x = input;
      if (x === undefined) throw new Error(`${name} backward: no forward pass to differentiate`);
      if (dy.rows !== x.rows || dy.cols !== outputs) throw new TensorShapeError(`${name} backward: ∂L/∂Y ${shapeOf(dy)} does not match Y ${x.rows}×${outputs}`);
      // ∂L/∂W += Xᵀ·∂L/∂Y (or = when overwriting)
      be.gemm({ m: inputs, n: outputs, k: x.rows, a: x.data, transA: true, b: dy.data, c: w.grad.data, accumulate: !overwrite });
      // ∂L/∂b += column sums of ∂L/∂Y
      be.vector.addColumnSums(b.grad.data, dy.data, dy.rows, outputs);
      if (!inputGradient) return undefined;
      // ∂L/∂X = ∂L/∂Y·Wᵀ (masked: the ReLU before this layer let through only where its output > 0)
      if (mask !== undefined && (mask.rows !== x.rows || mask.cols !== inputs)) throw new TensorShapeError(`${name} backward: mask ${shapeOf(mask)} does not match X ${shapeOf(x)}`);
      const dx = dxs(x.rows);
      be.gemm({ m: x.rows, n: inputs, k: outputs, a: dy.data, b: w.value.data, transB: true, c: dx.data, ...(mask === undefined ? {} : { mask: mask.data }) });
      return dx;
    },
  };
}
