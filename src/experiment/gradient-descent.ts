/**
 * Full-batch gradient descent from w = 0, b = 0 on a tiny data set, in
 * doubles, with the iterates kept at t = T/4, T/2 and T (the evidence a
 * convergence verdict reads). Written out here rather than through the
 * training core so that every formula is on this page and a test can
 * repeat it in NumPy.
 *
 * - logistic: ŷ = σ(w·x + b), loss (1/n) Σ −[y ln ŷ + (1 − y) ln(1 − ŷ)],
 *   gradient (1/n) Σ (σ(z_i) − y_i) (x_i, 1);
 * - linear: ŷ = w·x + b, loss (1/n) Σ (ŷ − y)², gradient (2/n) Σ (z_i − y_i) (x_i, 1).
 *
 *     descend({ xs: [[1], [2]], ys: [1, 1], names: ['x'] }, 'logistic', 1, 1000).final
 *     // [w, b] after 1000 steps
 */
import { ExperimentError, type ExperimentData } from './experiment-data.js';

export const MODELS = ['logistic', 'linear'] as const;
export type Model = (typeof MODELS)[number];

export interface Descent {
  readonly steps: number;
  /** The parameters (w_1 … w_d, b) at t = ⌊T/4⌋, ⌊T/2⌋ and T. */
  readonly quarter: readonly number[];
  readonly half: readonly number[];
  readonly final: readonly number[];
  /** ∂L/∂θ at the final parameters. */
  readonly gradient: readonly number[];
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
    const r = model === 'logistic' ? sigmoidResidual(z, y) : 2 * (z - y);
    loss += model === 'logistic' ? (y === 1 ? softplus(-z) : softplus(z)) : (z - y) ** 2;
    for (let j = 0; j < d; j++) gradient[j] = (gradient[j] ?? 0) + (r * (x[j] ?? 0)) / n;
    gradient[d] = (gradient[d] ?? 0) + r / n;
  });
  return { loss: loss / n, gradient };
}

export function descend(data: ExperimentData, model: Model, lr: number, steps: number): Descent {
  if (!(lr > 0) || !Number.isFinite(lr)) throw new ExperimentError(`a learning rate must be a positive number, not ${lr}`);
  if (!Number.isInteger(steps) || steps < 4) throw new ExperimentError(`--steps must be a whole number ≥ 4, not ${steps}`);
  if (model === 'logistic') {
    const bad = data.ys.find((y) => y !== 0 && y !== 1);
    if (bad !== undefined) throw new ExperimentError(`logistic regression takes labels 0 and 1, not ${bad}`);
  }
  let theta = new Array<number>(data.names.length + 1).fill(0);
  let quarter = theta;
  let half = theta;
  let overflowAt: number | undefined;
  for (let t = 1; t <= steps; t++) {
    const { gradient } = lossAndGradient(data, model, theta);
    theta = theta.map((v, j) => v - lr * (gradient[j] ?? 0));
    if (overflowAt === undefined && !theta.every(Number.isFinite)) overflowAt = t;
    if (t === Math.floor(steps / 4)) quarter = theta;
    if (t === Math.floor(steps / 2)) half = theta;
  }
  const end = lossAndGradient(data, model, theta);
  return { steps, quarter, half, final: theta, gradient: end.gradient, loss: end.loss, ...(overflowAt === undefined ? {} : { overflowAt }) };
}
