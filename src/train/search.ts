/**
 * Hyperparameter grid search: every combination of learning rate, batch size
 * and α is trained on the train split and evaluated on the validation split
 * after each epoch count of the grid; the combination with the lowest
 * validation loss (unregularised) is chosen. A run of E epochs is the first E
 * epochs of a longer run with the same seed (same initial weights, same batch
 * order), so each epochs value is read off one run instead of training again.
 *
 *     const result = gridSearch(be, () => createModel(be, 'softmax', dims, trainingStreams(1).init), train, validation, grid, 1);
 *     result.rows[result.best].hp;
 */
import type { Backend } from './backend.js';
import type { Dataset } from './data/dataset.js';
import type { SearchGrid } from './defaults.js';
import type { Evaluation } from './evaluate.js';
import type { Network } from './models/network.js';
import { trainNetwork, type Hyperparameters } from './train-loop.js';
import type { Rng } from '../numeric/rng.js';
import { trainingStreams } from './training-rng.js';

export interface SearchRow {
  readonly hp: Hyperparameters;
  /** Absent when training diverged before this many epochs. */
  readonly validation?: Evaluation;
  readonly status: 'ok' | 'diverged';
}

export interface SearchResult {
  readonly grid: SearchGrid;
  /** In grid order: lr, then batch, then α, then epochs. */
  readonly rows: readonly SearchRow[];
  /** Index into rows of the chosen setting, or −1 when every candidate diverged. */
  readonly best: number;
  readonly seconds: number;
}

/** Number of rows a grid gives. */
export function gridSize(grid: SearchGrid): number {
  return grid.lr.length * grid.batch.length * grid.alpha.length * grid.epochs.length;
}

export function gridSearch(
  be: Backend,
  makeNetwork: (init: Rng) => Network,
  train: Dataset,
  validation: Dataset,
  grid: SearchGrid,
  seed: number,
  onRow?: (row: SearchRow, done: number, total: number) => void,
): SearchResult {
  const t0 = performance.now();
  const epochs = [...new Set(grid.epochs)].sort((a, b) => a - b);
  const longest = epochs.at(-1) ?? 0;
  const rows: SearchRow[] = [];
  const total = gridSize({ ...grid, epochs });
  for (const lr of grid.lr) {
    for (const batch of grid.batch) {
      for (const alpha of grid.alpha) {
        const streams = trainingStreams(seed);
        const net = makeNetwork(streams.init);
        const run = trainNetwork(be, net, train, validation, { lr, batch, alpha, epochs: longest }, { rng: streams.order });
        for (const e of epochs) {
          const record = run.history[e - 1];
          const hp = { lr, batch, epochs: e, alpha };
          const row: SearchRow = record?.validation === undefined ? { hp, status: 'diverged' } : { hp, validation: record.validation, status: 'ok' };
          rows.push(row);
          onRow?.(row, rows.length, total);
        }
      }
    }
  }
  let best = -1;
  rows.forEach((r, i) => {
    const loss = r.validation?.loss;
    if (loss === undefined || !Number.isFinite(loss)) return;
    const current = rows[best]?.validation?.loss;
    if (current === undefined || loss < current) best = i;
  });
  return { grid: { ...grid, epochs }, rows, best, seconds: (performance.now() - t0) / 1000 };
}
