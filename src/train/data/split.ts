/**
 * Seeded shuffles and the train/validation split.
 *
 *     const { train, validation } = splitTrainValidation(ds, 0.2, createRng(1));
 */
import type { Rng } from '../../numeric/rng.js';
import { subset, type Dataset } from './dataset.js';

/** A uniformly random permutation of 0..n−1 (Fisher–Yates, Knuth vol. 2 §3.4.2). */
export function permutation(n: number, rng: Rng): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = p[i] ?? 0;
    p[i] = p[j] ?? 0;
    p[j] = t;
  }
  return p;
}

/** Shuffles the rows and holds out `fraction` of them (at least one row each side). */
export function splitTrainValidation(ds: Dataset, fraction: number, rng: Rng): { train: Dataset; validation: Dataset } {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`validation fraction ${fraction} must be in (0, 1)`);
  if (ds.n < 2) throw new RangeError(`a split needs at least 2 rows, the data has ${ds.n}`);
  const p = permutation(ds.n, rng);
  const nv = Math.min(ds.n - 1, Math.max(1, Math.round(ds.n * fraction)));
  return { validation: subset(ds, p.subarray(0, nv)), train: subset(ds, p.subarray(nv)) };
}
