/**
 * Grid search: one row per setting, the chosen row has the least validation
 * loss, diverged settings are never chosen, and the chosen setting trained
 * again from the seed reproduces its search row exactly (a run of E epochs
 * is the prefix of a longer run with the same streams).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/train/backend.js';
import { toDataset } from '../../src/train/data/dataset.js';
import { splitTrainValidation } from '../../src/train/data/split.js';
import { syntheticImages } from '../../src/train/data/synthetic.js';
import { evaluate } from '../../src/train/evaluate.js';
import { createModel } from '../../src/train/models/models.js';
import { gridSearch, gridSize } from '../../src/train/search.js';
import { trainNetwork } from '../../src/train/train-loop.js';
import { splitStream, trainingStreams } from '../../src/train/training-rng.js';
import type { Rng } from '../../src/numeric/rng.js';

// Float32, as the CLI trains by default: a learning rate of 1e300 overflows it at the first step.
const be = await createBackend({ dtype: 'f32' });
afterAll(() => be.close());

const s = syntheticImages({ train: 500, test: 10, seed: 4 });
const all = toDataset(s.train.images, s.train.labels, { dtype: 'f32', images: 'train', labels: 'train' });
const { train, validation } = splitTrainValidation(all, 0.2, splitStream(4));
const make = (init: Rng) => createModel(be, 'softmax', { inputs: 784, classes: 10 }, init);

describe('grid search', () => {
  const grid = { lr: [0.05, 0.3, 1e300], batch: [50], epochs: [3, 1], alpha: [0, 1e-3] };
  const result = gridSearch(be, make, train, validation, grid, 4);

  it('should have one row per setting, epochs sorted, in grid order', () => {
    expect(gridSize(grid)).toBe(12);
    expect(result.rows).toHaveLength(12);
    expect(result.grid.epochs).toEqual([1, 3]);
    expect(result.rows.slice(0, 4).map((r) => [r.hp.lr, r.hp.alpha, r.hp.epochs])).toEqual([
      [0.05, 0, 1],
      [0.05, 0, 3],
      [0.05, 1e-3, 1],
      [0.05, 1e-3, 3],
    ]);
  });

  it('should mark the diverging learning rate and choose the least validation loss among the rest', () => {
    for (const r of result.rows) expect(r.status).toBe(r.hp.lr === 1e300 ? 'diverged' : 'ok');
    const losses = result.rows.map((r) => r.validation?.loss ?? Infinity);
    expect(result.best).toBe(losses.indexOf(Math.min(...losses)));
    expect(result.rows[result.best]?.hp.lr).not.toBe(1e300);
  });

  it('should reproduce the chosen row when the chosen setting is trained again from the seed', () => {
    const chosen = result.rows[result.best];
    if (chosen === undefined) throw new Error('nothing chosen');
    const streams = trainingStreams(4);
    const net = make(streams.init);
    trainNetwork(be, net, train, validation, chosen.hp, { rng: streams.order });
    expect(evaluate(be, net, validation)).toEqual(chosen.validation);
  });

  it('should choose nothing when every setting diverges', () => {
    const r = gridSearch(be, make, train, validation, { lr: [1e300], batch: [50], epochs: [1], alpha: [0] }, 4);
    expect(r.best).toBe(-1);
  });
});
