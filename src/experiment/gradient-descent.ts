/**
 * Full-batch gradient descent from w = 0, b = 0 on a tiny data set, in
 * doubles, with the iterates kept at t = T/4, T/2 and T (the evidence a
 * convergence verdict reads). Written out here rather than through the
 * training core so that every formula is on this page and a test can
 * repeat it in NumPy.
 *
 * - logistic: ŷ = σ(w·x + b), loss (1/n) Σ −[y ln ŷ + (1 − y) ln(1 − ŷ)],
 *   gradient (1/n) Σ (σ(z_i) − y_i) (x_i, 1);
 * - linear: ŷ = w·x + b, loss (1/n) Σ (ŷ − y)², gradient (2/n) Σ (z_i − y_i) (x_i, 1);
 * - perceptron (batch): ŷ = step(w·x + b) with step(z) = 1 for z > 0, else 0;
 *   the update direction (1/n) Σ (ŷ_i − y_i) (x_i, 1) (Rosenblatt's rule,
 *   averaged over the batch) and the "loss" the fraction misclassified.
 *
 *     descend({ xs: [[1], [2]], ys: [1, 1], names: ['x'] }, 'logistic', 1, 1000).final
 *     // [w, b] after 1000 steps
 */
import { ExperimentError, type ExperimentData } from './experiment-data.js';

export const MODELS = ['logistic', 'linear', 'perceptron'] as const;
export type Model = (typeof MODELS)[number];

export interface Descent {
  readonly steps: number;
  /** The parameters (w_1 … w_d, b) at t = ⌊T/4⌋, ⌊T/2⌋ and T. */
  readonly quarter: readonly number[];
  readonly half: readonly number[];
  readonly final: readonly number[];
  /** ∂L/∂θ at the final parameters. */
  readonly gradient: readonly number[];
  /** Per parameter, the largest |step| among the last RECENT_STEPS steps and the next one (η|∂L/∂θ| at T): a cycle shows here. */
  readonly recentStep: readonly number[];
  readonly loss: number;
  /** The first step whose parameters were not finite numbers (they overflowed), if any. */
  readonly overflowAt?: number;
}

/** ln(1 + e^u) without overflow. */
function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u));
}

/** σ(z) − y for y ∈ {0, 1}, without the cancellation σ(z) − 1 suffers for large z. */
function sigmoidResidual(z: number, y: number): number {
  const s = (u: number): number => (u >= 0 ? 1 / (1 + Math.exp(-u)) : Math.exp(u) / (1 + Math.exp(u)));
  return y === 1 ? -s(-z) : s(z);
}

function score(theta: readonly number[], x: readonly number[]): number {
  let z = theta[x.length] ?? 0;
  for (let j = 0; j < x.length; j++) z += (theta[j] ?? 0) * (x[j] ?? 0);
  return z;
}

/** The loss and its gradient at θ. */
export function lossAndGradient(data: ExperimentData, model: Model, theta: readonly number[]): { loss: number; gradient: number[] } {
  const d = data.names.length;
  const n = data.xs.length;
  const gradient = new Array<number>(d + 1).fill(0);
  let loss = 0;
  data.xs.forEach((x, i) => {
    const y = data.ys[i] ?? 0;
    const z = score(theta, x);
    const step = z > 0 ? 1 : 0;
    const r = model === 'logistic' ? sigmoidResidual(z, y) : model === 'linear' ? 2 * (z - y) : step - y;
    loss += model === 'logistic' ? (y === 1 ? softplus(-z) : softplus(z)) : model === 'linear' ? (z - y) ** 2 : step === y ? 0 : 1;
    for (let j = 0; j < d; j++) gradient[j] = (gradient[j] ?? 0) + (r * (x[j] ?? 0)) / n;
    gradient[d] = (gradient[d] ?? 0) + r / n;
  });
  return { loss: loss / n, gradient };
}

/** How many final steps `recentStep` looks at: cycles of the batch perceptron are shorter. */
export const RECENT_STEPS = 16;

export function descend(data: ExperimentData, model: Model, lr: number, steps: number): Descent {
  if (!(lr > 0) || !Number.isFinite(lr)) throw new ExperimentError(`a learning rate must be a positive number, not ${lr}`);
  if (!Number.isInteger(steps) || steps < 4) throw new ExperimentError(`--steps must be a whole number ≥ 4, not ${steps}`);
  if (model !== 'linear') {
    const bad = data.ys.find((y) => y !== 0 && y !== 1);
    if (bad !== undefined) throw new ExperimentError(`${model === 'logistic' ? 'logistic regression' : 'the perceptron'} takes labels 0 and 1, not ${bad}`);
  }
  let theta = new Array<number>(data.names.length + 1).fill(0);
  let quarter = theta;
  let half = theta;
  let overflowAt: number | undefined;
  const recentStep = new Array<number>(theta.length).fill(0);
  for (let t = 1; t <= steps; t++) {
    const { gradient } = lossAndGradient(data, model, theta);
    const before = theta;
    theta = theta.map((v, j) => v - lr * (gradient[j] ?? 0));
    if (t > steps - RECENT_STEPS) theta.forEach((v, j) => (recentStep[j] = Math.max(recentStep[j] ?? 0, Math.abs(v - (before[j] ?? 0)))));
    if (overflowAt === undefined && !theta.every(Number.isFinite)) overflowAt = t;
    if (t === Math.floor(steps / 4)) quarter = theta;
    if (t === Math.floor(steps / 2)) half = theta;
  }
  const end = lossAndGradient(data, model, theta);
  end.gradient.forEach((g, j) => (recentStep[j] = Math.max(recentStep[j] ?? 0, Math.abs(lr * g))));
  return { steps, quarter, half, final: theta, gradient: end.gradient, recentStep, loss: end.loss, ...(overflowAt === undefined ? {} : { overflowAt }) };
}
