/**
 * A dataset written out by hand, for the experiments with a few points.
 *
 *     const ds = tinyDataset([[1], [2]], [1, 1]);
 */
import type { Dataset } from '../data/dataset.js';

export function tinyDataset(rows: readonly (readonly number[])[], labels: readonly number[]): Dataset {
  const features = rows[0]?.length ?? 0;
  const x = new Float64Array(rows.length * features);
  rows.forEach((r, i) => x.set(r, i * features));
  return { n: rows.length, features, classes: 2, x, labels: Int32Array.from(labels), scaling: 'raw values' };
}

/** 1, 2, …, 9, 10, 20, …, 100, 200, … up to `last` (and `last` itself): epochs worth a table row. */
export function logSpacedEpochs(last: number): number[] {
  const out: number[] = [];
  for (let p = 1; p <= last; p *= 10) for (const m of [1, 2, 5]) if (m * p <= last) out.push(m * p);
  if (out.at(-1) !== last) out.push(last);
  return out;
}
