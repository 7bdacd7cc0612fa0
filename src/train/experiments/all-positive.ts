/**
 * Logistic regression when every example is positive (label 1), trained by
 * full-batch gradient descent from w = b = 0 with no weight penalty.
 *
 * With z_i = w·x_i + b the loss is L = (1/n) Σ ln(1 + e^{−z_i}) > 0, and
 *
 *   ∂L/∂b = −(1/n) Σ σ(−z_i) < 0,   ∂L/∂w = −(1/n) Σ x_i σ(−z_i).
 *
 * So every step increases b, and L → 0 only as every z_i → ∞: b grows
 * without bound (like ln t) while the loss falls like 1/t. What w does
 * depends on the data. Gradient descent on separable data turns (w, b)
 * towards the max-margin direction, the smallest (w, b) with w·x_i + b ≥ 1
 * for all i (Soudry et al., "The implicit bias of gradient descent on
 * separable data", JMLR 2018):
 *
 * - x = 1 and x = 2: the margin problem gives w = b = 1/2, so w grows
 *   without bound too (∂L/∂w < 0 at every step, since every x_i > 0);
 * - x = −1 and x = 1: the margin problem gives w = 0, b = 1, and here
 *   ∂L/∂w = (σ(w − b) − σ(−w − b))/2 is 0 at w = 0, so w stays 0 exactly
 *   while b → ∞;
 * - x = −1 and x = 3: the same margin direction (0, 1), but no symmetry:
 *   w moves, then converges to a finite limit (the bounded remainder of
 *   Soudry et al.'s w(t) = ŵ ln t + ρ(t) with ŵ = 0): for large b the loss
 *   is ≈ (e^{w−b} + e^{−3w−b})/2, least where e^w = 3e^{−3w}, w = (ln 3)/4.
 *
 * In one dimension w stays bounded exactly when min x < 0 < max x: then
 * (w, b) = (0, 1) satisfies every margin constraint with the least norm
 * (with min x = 0 < max x the margin direction is (0, 1) too, yet w grows
 * without bound, more slowly than ln t: src/experiment/all-positive-theory.ts),
 * whereas if every x > 0, tilting w > 0 lowers the b the constraints need,
 * so the least-norm (w, b) has w > 0 and w grows with b.
 *
 *     const result = allPositive(be, { epochs: 10000, lr: 1 });
 *     result.cases[0].rows.at(-1)?.b; // ≈ 6.3 and still growing
 */
import type { Backend } from '../backend.js';
import { createRng } from '../../numeric/rng.js';
import { network } from '../models/network.js';
import { trainNetwork } from '../train-loop.js';
import { logSpacedEpochs, tinyDataset } from './tiny-dataset.js';

export interface AllPositiveRow {
  readonly epoch: number;
  readonly loss: number;
  readonly w: number;
  readonly b: number;
}

export interface AllPositiveCase {
  readonly name: string;
  readonly xs: readonly number[];
  /** The max-margin direction (w, b) that GD turns towards. */
  readonly marginDirection: readonly [number, number];
  readonly claim: string;
  /** At epoch 0 (the start) and the log-spaced epochs. */
  readonly rows: readonly AllPositiveRow[];
}

export interface AllPositiveResult {
  readonly lr: number;
  readonly epochs: number;
  readonly cases: readonly AllPositiveCase[];
}

export const ALL_POSITIVE_DEFAULTS = { lr: 1, epochs: 10000 } as const;

const CASES = [
  { name: 'x = 1, 2', xs: [1, 2], marginDirection: [0.5, 0.5] as const, claim: 'both x > 0: w and b grow without bound (w/b → 1)' },
  { name: 'x = −1, 1', xs: [-1, 1], marginDirection: [0, 1] as const, claim: 'symmetric about 0: w stays exactly 0, b → ∞' },
  { name: 'x = −1, 3', xs: [-1, 3], marginDirection: [0, 1] as const, claim: 'min x < 0 < max x: w converges, to (ln 3)/4 ≈ 0.2747 (where e^w = 3e^(−3w)), b → ∞' },
];

function runCase(be: Backend, xs: readonly number[], lr: number, epochs: number): AllPositiveRow[] {
  const data = tinyDataset(xs.map((x) => [x]), xs.map(() => 1));
  const net = network(be, { inputs: 1, hidden: [], outputs: 1, head: 'sigmoid-bce' });
  const layer = net.layers[0];
  if (layer === undefined) throw new Error('logistic regression has one layer');
  const weights = (): { w: number; b: number } => ({ w: layer.w.value.data[0] ?? NaN, b: layer.b.value.data[0] ?? NaN });
  const wanted = new Set(logSpacedEpochs(epochs));
  const rows: AllPositiveRow[] = [{ epoch: 0, loss: Math.log(2), ...weights() }];
  // Full batch: the order does not matter, the seed only fixes it.
  trainNetwork(be, net, data, undefined, { lr, batch: data.n, epochs, alpha: 0 }, {
    rng: createRng(0),
    onEpoch: (r) => {
      // The epoch's loss was measured before its step; the table shows the loss of the weights after it.
      if (wanted.has(r.epoch)) rows.push({ epoch: r.epoch, loss: NaN, ...weights() });
    },
  });
  return rows.map((r) => (r.epoch === 0 ? r : { ...r, loss: logLoss(xs, r.w, r.b) }));
}

/** (1/n) Σ ln(1 + e^{−(w x + b)}), stably. */
export function logLoss(xs: readonly number[], w: number, b: number): number {
  let s = 0;
  for (const x of xs) {
    const z = w * x + b;
    s += z > 0 ? Math.log1p(Math.exp(-z)) : -z + Math.log1p(Math.exp(z));
  }
  return s / xs.length;
}

export function allPositive(be: Backend, options: { lr?: number; epochs?: number } = {}): AllPositiveResult {
  const lr = options.lr ?? ALL_POSITIVE_DEFAULTS.lr;
  const epochs = options.epochs ?? ALL_POSITIVE_DEFAULTS.epochs;
  return { lr, epochs, cases: CASES.map((c) => ({ ...c, rows: runCase(be, c.xs, lr, epochs) })) };
}
