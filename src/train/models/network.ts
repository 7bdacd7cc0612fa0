/**
 * A feed-forward network with hand-written backprop: affine layers with ReLU
 * (or tanh) between them and a loss head. forward() caches what each layer needs;
 * backward() runs the layers in reverse, each op's backward beside its
 * forward in ops/. The three-method module API of micrograd:
 * parameters(), zeroGrad() (in param.ts) and forward().
 *
 *     const net = network(be, { inputs: 784, hidden: [256, 128, 64], outputs: 10, head: 'softmax-cross-entropy' });
 *     const loss = net.lossAndBackward(x, labels); // data loss; gradients accumulated
 */
import type { Backend } from '../backend.js';
import { linear, type Linear } from '../ops/linear.js';
import { meanSquaredError } from '../ops/mean-squared-error.js';
import { relu } from '../ops/relu.js';
import { sigmoidBce } from '../ops/sigmoid-bce.js';
import { softmaxCrossEntropy } from '../ops/softmax-cross-entropy.js';
import { tanh } from '../ops/tanh.js';
import type { Param } from '../param.js';
import type { Matrix } from '../tensor.js';

/** The loss on the last layer's outputs. */
export type Head = 'softmax-cross-entropy' | 'sigmoid-bce' | 'mean-squared-error';

/** The nonlinearity between hidden layers. */
export type Activation = 'relu' | 'tanh';

export interface NetworkSpec {
  readonly inputs: number;
  readonly hidden: readonly number[];
  readonly outputs: number;
  readonly head: Head;
  /** Default 'relu' (the problem set's MLP). */
  readonly activation?: Activation;
}

interface ActivationOp {
  forward(x: Matrix): Matrix;
  backward(dy: Matrix): Matrix;
  /** ReLU only: takes the layer's output, already max(0, ·) (fused into the layer's product). */
  adopt?(y: Matrix): Matrix;
  /** ReLU only: its last output, whose positive entries let the gradient through (fused into the next layer's ∂L/∂X). */
  mask?(): Matrix;
}

export interface Network {
  readonly spec: NetworkSpec;
  readonly layers: readonly Linear[];
  parameters(): readonly Param[];
  /** The outputs (logits) for a batch. */
  forward(x: Matrix): Matrix;
  /** Data loss of the batch (no weight penalty), without a backward pass. */
  loss(x: Matrix, labels: ArrayLike<number>): number;
  /**
   * Data loss of the batch, with gradients of it accumulated into the
   * parameters; with `weightsOverwritten`, the weights' gradients are set to
   * this batch's instead (the biases' still accumulated), for a training step
   * that would otherwise zero them first.
   */
  lossAndBackward(x: Matrix, labels: ArrayLike<number>, weightsOverwritten?: boolean): number;
}

interface HeadOps {
  forward(out: Matrix, labels: ArrayLike<number>): number;
  backward(): Matrix;
}

function headOps(be: Backend, spec: NetworkSpec): HeadOps {
  switch (spec.head) {
    case 'softmax-cross-entropy':
      return softmaxCrossEntropy(be, spec.outputs);
    case 'sigmoid-bce':
      return sigmoidBce(be);
    case 'mean-squared-error':
      return meanSquaredError(be);
  }
}

export function network(be: Backend, spec: NetworkSpec): Network {
  const widths = [spec.inputs, ...spec.hidden, spec.outputs];
  const layers: Linear[] = [];
  const activations: ActivationOp[] = [];
  for (let l = 0; l + 1 < widths.length; l++) {
    layers.push(linear(be, `layer${l + 1}`, widths[l] ?? 0, widths[l + 1] ?? 0));
    const width = widths[l + 1] ?? 0;
    if (l + 2 < widths.length) activations.push(spec.activation === 'tanh' ? tanh(be, width) : relu(be, width));
  }
  const head = headOps(be, spec);
  const params = layers.flatMap((l) => [l.w, l.b]);
  const forward = (x: Matrix): Matrix => {
    let h = x;
    layers.forEach((layer, l) => {
      const act = activations[l];
      // A ReLU runs in the layer's product (bias and max(0, ·) in the kernel's store).
      if (act?.adopt !== undefined) h = act.adopt(layer.forward(h, true));
      else {
        h = layer.forward(h);
        if (act !== undefined) h = act.forward(h);
      }
    });
    return h;
  };
  return {
    spec,
    layers,
    parameters: () => params,
    forward,
    loss: (x, labels) => head.forward(forward(x), labels),
    lossAndBackward(x, labels, weightsOverwritten = false) {
      const loss = head.forward(forward(x), labels);
      let d: Matrix | undefined = head.backward();
      for (let l = layers.length - 1; l >= 0 && d !== undefined; l--) {
        const layer = layers[l];
        if (layer === undefined) break;
        const act = activations[l - 1];
        // A ReLU below the layer masks ∂L/∂X in the layer's product (its backward fused there).
        const mask = act?.mask?.();
        d = layer.backward(d, l > 0, mask, weightsOverwritten);
        if (d !== undefined && act !== undefined && mask === undefined) d = act.backward(d);
      }
      return loss;
    },
  };
}
