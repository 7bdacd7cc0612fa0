/**
 * Unregularised loss and accuracy of a network on a dataset, in batches:
 * cross-entropy and argmax accuracy for softmax heads, log loss and
 * threshold-0 accuracy (σ(z) > 1/2) for logistic regression, mean squared
 * error and threshold-1/2 accuracy for a regression head on 0/1 targets.
 *
 *     const { loss, accuracy } = evaluate(be, net, test);
 */
import type { Backend } from './backend.js';
import type { Dataset } from './data/dataset.js';
import type { Network } from './models/network.js';
import { matrix, type Matrix } from './tensor.js';

export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
}

/** Copies rows order[start, start+count) of ds into the arena matrix `into` (count×features). */
export function gatherBatch(ds: Dataset, order: ArrayLike<number> | undefined, start: number, count: number, into: Matrix, labels: Int32Array): Matrix {
  const d = ds.features;
  const x = into.data;
  for (let r = 0; r < count; r++) {
    const i = order === undefined ? start + r : (order[start + r] ?? 0);
    x.set(ds.x.subarray(i * d, (i + 1) * d), r * d);
    labels[r] = ds.labels[i] ?? 0;
  }
  return count === into.rows ? into : matrix(count, d, x.subarray(0, count * d));
}

function correct(net: Network, out: Matrix, labels: Int32Array, count: number): number {
  let ok = 0;
  const z = out.data;
  const c = out.cols;
  for (let i = 0; i < count; i++) {
    if (net.spec.head === 'sigmoid-bce') {
      if ((z[i] ?? 0) > 0 === (labels[i] ?? 0) > 0) ok++;
      continue;
    }
    if (net.spec.head === 'mean-squared-error') {
      if ((z[i] ?? 0) > 0.5 === (labels[i] ?? 0) > 0.5) ok++;
      continue;
    }
    let best = 0;
    for (let j = 1; j < c; j++) if ((z[i * c + j] ?? -Infinity) > (z[i * c + best] ?? -Infinity)) best = j;
    if (best === labels[i]) ok++;
  }
  return ok;
}

export function evaluate(be: Backend, net: Network, ds: Dataset, batch = 1000): Evaluation {
  if (ds.n === 0) return { loss: NaN, accuracy: NaN };
  const size = Math.min(batch, ds.n);
  const buffer = be.zeros(size, ds.features);
  const labels = new Int32Array(size);
  let loss = 0;
  let ok = 0;
  for (let start = 0; start < ds.n; start += size) {
    const count = Math.min(size, ds.n - start);
    const x = gatherBatch(ds, undefined, start, count, buffer, labels);
    const ys = labels.subarray(0, count);
    loss += net.loss(x, ys) * count;
    ok += correct(net, net.forward(x), ys, count);
  }
  return { loss: loss / ds.n, accuracy: ok / ds.n };
}
