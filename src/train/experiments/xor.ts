/**
 * XOR (Goodfellow, Bengio and Courville, Deep Learning, §6.1): the four
 * points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 under mean squared error.
 *
 * - A linear model ŷ = w·x + b: the normal equations give w = 0, b = 1/2,
 *   so ŷ = 1/2 everywhere and the loss cannot go below 1/4. No linear
 *   classifier gets more than 3 of the 4 points right: w·x + b > 0 at
 *   (0,1) and (1,0) sums to w₁ + w₂ + 2b > 0, and ≤ 0 at (0,0) and (1,1)
 *   sums to w₁ + w₂ + 2b ≤ 0.
 * - A network with one small tanh hidden layer reaches 100% accuracy and a
 *   loss near 0 (seeded initialisation, full-batch gradient descent).
 *
 *     const result = xorExperiment(be, { seed: 1 });
 *     result.network.accuracy; // 1
 */
import { createRng, type Rng } from '../../numeric/rng.js';
import type { Backend } from '../backend.js';
import { evaluate } from '../evaluate.js';
import { network, type Network } from '../models/network.js';
import { trainNetwork } from '../train-loop.js';
import { logSpacedEpochs, tinyDataset } from './tiny-dataset.js';

export const XOR_INPUTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_LABELS: readonly number[] = [0, 1, 1, 0];

export const XOR_DEFAULTS = { seed: 1, hidden: 4, epochs: 3000, lr: 0.2 } as const;

export interface XorModelResult {
  readonly name: string;
  readonly loss: number;
  readonly accuracy: number;
  /** ŷ at the four inputs, in XOR_INPUTS order. */
  readonly predictions: readonly number[];
  /** Loss at log-spaced epochs (measured before each epoch's step). */
  readonly curve: readonly (readonly [number, number])[];
}

export interface XorResult {
  readonly seed: number;
  readonly hidden: number;
  readonly epochs: number;
  readonly lr: number;
  readonly linear: XorModelResult & { readonly w: readonly [number, number]; readonly b: number };
  readonly network: XorModelResult;
}

/** Weights N(0, 1/fan_in)·… : Xavier-like, large enough for tanh units to differ. */
function initialise(net: Network, rng: Rng): void {
  for (const layer of net.layers) {
    const std = 1 / Math.sqrt(layer.inputs);
    const w = layer.w.value.data;
    for (let i = 0; i < w.length; i++) w[i] = std * rng.normal();
    for (let i = 0; i < layer.b.value.data.length; i++) layer.b.value.data[i] = 0.1 * rng.normal();
  }
}

function fit(be: Backend, net: Network, name: string, seed: number, lr: number, epochs: number): XorModelResult {
  const data = tinyDataset(XOR_INPUTS, XOR_LABELS);
  const wanted = new Set(logSpacedEpochs(epochs));
  const curve: [number, number][] = [];
  trainNetwork(be, net, data, undefined, { lr, batch: data.n, epochs, alpha: 0 }, {
    rng: createRng(seed),
    onEpoch: (r) => {
      if (wanted.has(r.epoch)) curve.push([r.epoch, r.trainLoss]);
    },
  });
  const { loss, accuracy } = evaluate(be, net, data);
  const out = net.forward({ rows: 4, cols: 2, data: be.zeros(4, 2).data.map((_, i) => XOR_INPUTS[Math.floor(i / 2)]?.[i % 2] ?? 0) });
  return { name, loss, accuracy, predictions: Array.from(out.data), curve };
}

export function xorExperiment(be: Backend, options: { seed?: number; hidden?: number; epochs?: number; lr?: number } = {}): XorResult {
  const seed = options.seed ?? XOR_DEFAULTS.seed;
  const hidden = options.hidden ?? XOR_DEFAULTS.hidden;
  const epochs = options.epochs ?? XOR_DEFAULTS.epochs;
  const lr = options.lr ?? XOR_DEFAULTS.lr;
  const rng = createRng(seed);
  const lin = network(be, { inputs: 2, hidden: [], outputs: 1, head: 'mean-squared-error' });
  initialise(lin, rng.fork());
  const linear = fit(be, lin, 'linear model', seed, lr, epochs);
  const layer = lin.layers[0];
  const w: [number, number] = [layer?.w.value.data[0] ?? NaN, layer?.w.value.data[1] ?? NaN];
  const net = network(be, { inputs: 2, hidden: [hidden], outputs: 1, head: 'mean-squared-error', activation: 'tanh' });
  initialise(net, rng.fork());
  const two = fit(be, net, `2-${hidden}-1 tanh network`, seed, lr, epochs);
  return { seed, hidden, epochs, lr, linear: { ...linear, w, b: layer?.b.value.data[0] ?? NaN }, network: two };
}
