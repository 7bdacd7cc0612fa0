/**
 * A labelled image set ready for training: n rows of d features scaled to
 * [0, 1], integer labels 0..classes−1. Built from raw arrays with checks that
 * name the file: images n×d or n×h×w, labels of length n, label values
 * integral and in range.
 *
 *     const ds = toDataset(images, labels, { dtype: 'f32', images: 'x.npy', labels: 'y.npy' });
 */
import { DataError } from './data-error.js';
import type { NdArray } from './nd-array.js';
import type { DType, FloatArray } from '../tensor.js';

export interface Dataset {
  readonly n: number;
  readonly features: number;
  readonly classes: number;
  /** n×features, row-major, in [0, 1]. */
  readonly x: FloatArray;
  readonly labels: Int32Array;
  /** How the pixels were scaled (for the report). */
  readonly scaling: string;
}

/** Number of classes when not given: 10, or more when a label says so. */
const DEFAULT_CLASSES = 10;

/**
 * Validates and scales: uint8 pixels are divided by 255; float pixels too
 * when their maximum exceeds 1 (values already in [0, 1] are kept).
 */
export function toDataset(images: NdArray, labels: NdArray, names: { dtype: DType; images: string; labels: string; classes?: number }): Dataset {
  const [n, ...rest] = images.shape;
  if (n === undefined || rest.length === 0 || rest.length > 2) {
    throw new DataError('E_DATA_SHAPE', `images have shape (${images.shape.join(', ')}); expected n×784 (or n×28×28)`, names.images);
  }
  const features = rest.reduce((a, b) => a * b, 1);
  if (labels.shape.length !== 1 && !(labels.shape.length === 2 && labels.shape[1] === 1)) {
    throw new DataError('E_DATA_SHAPE', `labels have shape (${labels.shape.join(', ')}); expected a 1-d array of n labels`, names.labels);
  }
  const m = labels.shape[0] ?? 0;
  if (m !== n) throw new DataError('E_DATA_COUNT', `${m} labels for ${n} images (${names.images}): the counts must match`, names.labels);
  if (images.dtype !== 'u1' && images.dtype !== 'f4' && images.dtype !== 'f8') {
    throw new DataError('E_DATA_DTYPE', `images are ${images.dtype}; expected uint8 pixels or float32/float64`, names.images);
  }
  const y = new Int32Array(n);
  let maxLabel = 0;
  for (let i = 0; i < n; i++) {
    const v = labels.data[i] ?? NaN;
    if (!Number.isInteger(v) || v < 0) throw new DataError('E_DATA_LABEL', `label ${v} at index ${i} is not a class number 0, 1, 2, …`, names.labels);
    y[i] = v;
    maxLabel = Math.max(maxLabel, v);
  }
  const classes = names.classes ?? Math.max(DEFAULT_CLASSES, maxLabel + 1);
  if (maxLabel >= classes) throw new DataError('E_DATA_LABEL', `label ${maxLabel} is outside 0..${classes - 1}`, names.labels);
  let max = 0;
  let min = 0;
  for (let i = 0; i < images.data.length; i++) {
    const v = images.data[i] ?? 0;
    if (!Number.isFinite(v)) throw new DataError('E_DATA_VALUE', `pixel ${i} is ${v}`, names.images);
    if (v > max) max = v;
    if (v < min) min = v;
  }
  if (min < 0) throw new DataError('E_DATA_VALUE', `pixels must be non-negative (found ${min})`, names.images);
  const scale = images.dtype === 'u1' || max > 1 ? 1 / 255 : 1;
  const scaling = images.dtype === 'u1' ? 'uint8 pixels divided by 255' : max > 1 ? `float pixels (max ${max}) divided by 255` : 'float pixels already in [0, 1], kept';
  const x = names.dtype === 'f32' ? new Float32Array(n * features) : new Float64Array(n * features);
  for (let i = 0; i < x.length; i++) x[i] = (images.data[i] ?? 0) * scale;
  return { n, features, classes, x, labels: y, scaling };
}

/**
 * The rows `indices` of a dataset, as a new dataset (used for splits).
 *
 *     const val = subset(ds, [0, 5, 9]);
 */
export function subset(ds: Dataset, indices: ArrayLike<number>): Dataset {
  const d = ds.features;
  const x = ds.x instanceof Float32Array ? new Float32Array(indices.length * d) : new Float64Array(indices.length * d);
  const labels = new Int32Array(indices.length);
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r] ?? 0;
    x.set(ds.x.subarray(i * d, (i + 1) * d), r * d);
    labels[r] = ds.labels[i] ?? 0;
  }
  return { ...ds, n: indices.length, x, labels };
}
