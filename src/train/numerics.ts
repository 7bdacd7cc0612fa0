/**
 * Numerically stable scalar and row functions: softmax and log-softmax shift
 * by the row maximum (so exp never overflows); sigmoid and softplus branch on
 * the sign (so exp(-z) is only taken for z ≥ 0).
 *
 *     logSumExp(Float64Array.of(1000, 1000), 0, 2); // 1000 + ln 2, not Infinity
 */
import type { FloatArray } from './tensor.js';

/** σ(z) = 1/(1+e^{-z}) without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = ln(1 + e^z) = max(z, 0) + ln(1 + e^{-|z|}). */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Binary cross-entropy of a logit z against a label y ∈ {0, 1}:
 * −y ln σ(z) − (1−y) ln(1−σ(z)) = softplus(z) − y·z.
 *
 *     bceWithLogit(40, 1); // ≈ 4e-18, where ln σ(40) would round to 0
 */
export function bceWithLogit(z: number, y: number): number {
  return softplus(z) - y * z;
}

/** ln Σ_j e^{x_j} over x[start, start+len), shifted by the maximum. */
export function logSumExp(x: FloatArray, start: number, len: number): number {
  let m = -Infinity;
  for (let j = 0; j < len; j++) m = Math.max(m, x[start + j] ?? -Infinity);
  if (m === -Infinity || !Number.isFinite(m)) return m;
  let s = 0;
  for (let j = 0; j < len; j++) s += Math.exp((x[start + j] ?? 0) - m);
  return m + Math.log(s);
}

/**
 * Writes softmax of each row of the rows×cols block `x` into `out` (may alias x).
 *
 *     softmaxRows(Float64Array.of(0, 0), 1, 2, out); // out = [0.5, 0.5]
 */
export function softmaxRows(x: FloatArray, rows: number, cols: number, out: FloatArray): void {
  for (let i = 0; i < rows; i++) {
    const o = i * cols;
    let m = -Infinity;
    for (let j = 0; j < cols; j++) m = Math.max(m, x[o + j] ?? -Infinity);
    let s = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp((x[o + j] ?? 0) - m);
      out[o + j] = e;
      s += e;
    }
    for (let j = 0; j < cols; j++) out[o + j] = (out[o + j] ?? 0) / s;
  }
}

/** Writes log-softmax of each row into `out` (may alias x): x − logSumExp(x). */
export function logSoftmaxRows(x: FloatArray, rows: number, cols: number, out: FloatArray): void {
  for (let i = 0; i < rows; i++) {
    const lse = logSumExp(x, i * cols, cols);
    for (let j = 0; j < cols; j++) out[i * cols + j] = (x[i * cols + j] ?? 0) - lse;
  }
}
