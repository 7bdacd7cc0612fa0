/**
 * The models of the problem sets, as network specs with their initialisation:
 *
 * - softmax regression 784→10 (cross-entropy; weights N(0, 0.01²), biases 0);
 * - MLP 784-256-128-64-10 with ReLU (He initialisation N(0, 2/fan_in), He et
 *   al. 2015, so activations keep their scale through ReLU layers);
 * - logistic regression d→1 (log loss; weights and bias start at 0, as in the
 *   all-positive-examples question).
 *
 *     const net = createModel(be, 'mlp', { inputs: 784, classes: 10 }, createRng(1));
 */
import type { Rng } from '../../numeric/rng.js';
import type { Backend } from '../backend.js';
import { network, type Network, type NetworkSpec } from './network.js';

export type ModelKind = 'softmax' | 'mlp' | 'logistic';

export const MODEL_KINDS: readonly ModelKind[] = ['softmax', 'mlp', 'logistic'];

/** Hidden widths of the problem set's MLP. */
export const MLP_HIDDEN: readonly number[] = [256, 128, 64];

/** The architecture of a model kind for `inputs` features and `classes` classes. */
export function modelSpec(kind: ModelKind, dims: { inputs: number; classes: number }): NetworkSpec {
  switch (kind) {
    case 'softmax':
      return { inputs: dims.inputs, hidden: [], outputs: dims.classes, head: 'softmax-cross-entropy' };
    case 'mlp':
      return { inputs: dims.inputs, hidden: MLP_HIDDEN, outputs: dims.classes, head: 'softmax-cross-entropy' };
    case 'logistic':
      return { inputs: dims.inputs, hidden: [], outputs: 1, head: 'sigmoid-bce' };
  }
}

/**
 * Fills the weights of `net` for its kind from `rng` (biases stay 0).
 *
 *     initialize(net, 'softmax', createRng(7));
 */
export function initialize(net: Network, kind: ModelKind, rng: Rng): void {
  for (const layer of net.layers) {
    const std = kind === 'mlp' ? Math.sqrt(2 / layer.inputs) : kind === 'softmax' ? 0.01 : 0;
    const w = layer.w.value.data;
    for (let i = 0; i < w.length; i++) w[i] = std === 0 ? 0 : std * rng.normal();
    layer.b.value.data.fill(0);
  }
}

/** A network of `kind`, initialised from `rng`. */
export function createModel(be: Backend, kind: ModelKind, dims: { inputs: number; classes: number }, rng: Rng): Network {
  const net = network(be, modelSpec(kind, dims));
  initialize(net, kind, rng);
  return net;
}
