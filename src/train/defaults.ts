/**
 * Default hyperparameters and search grids per model, tuned on the built-in
 * synthetic dataset (README, "Training"): each default run takes seconds, and
 * a default search stays well under a minute on two cores.
 *
 *     DEFAULT_HYPERPARAMETERS.mlp; // { lr: 0.05, batch: 64, epochs: 10, alpha: 1e-4 }
 */
import type { ModelKind } from './models/models.js';
import type { Hyperparameters } from './train-loop.js';

export const DEFAULT_HYPERPARAMETERS: Readonly<Record<ModelKind, Hyperparameters>> = {
  softmax: { lr: 0.1, batch: 64, epochs: 10, alpha: 1e-4 },
  mlp: { lr: 0.05, batch: 64, epochs: 10, alpha: 1e-4 },
  logistic: { lr: 0.1, batch: 64, epochs: 10, alpha: 1e-4 },
};

/** The values a grid search tries for each hyperparameter. */
export interface SearchGrid {
  readonly lr: readonly number[];
  readonly batch: readonly number[];
  readonly epochs: readonly number[];
  readonly alpha: readonly number[];
}

export const DEFAULT_GRID: Readonly<Record<ModelKind, SearchGrid>> = {
  softmax: { lr: [0.03, 0.1, 0.3], batch: [32, 128], epochs: [5, 10], alpha: [0, 1e-3] },
  mlp: { lr: [0.01, 0.05], batch: [64, 128], epochs: [3, 6], alpha: [0, 1e-4] },
  logistic: { lr: [0.03, 0.1, 0.3], batch: [32, 128], epochs: [5, 10], alpha: [0, 1e-3] },
};

/** Fraction of the training file held out for validation. */
export const VALIDATION_FRACTION = 0.1;
