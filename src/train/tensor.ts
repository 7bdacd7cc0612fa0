/**
 * A row-major matrix on a typed array (Float32Array or Float64Array): the
 * only tensor shape the training core needs (a batch is rows × features).
 * Shape errors name both shapes.
 *
 *     const x = matrix(2, 3, new Float64Array(6));
 *     assertSameShape('add', x, matrix(2, 3, new Float64Array(6)));
 */
import type { FloatArray } from './kernel/gemm.js';

export type { FloatArray };

/** Element type of a tensor. */
export type DType = 'f32' | 'f64';

export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: FloatArray;
}

/** A shape mismatch in a tensor operation; the message names both shapes. */
export class TensorShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TensorShapeError';
  }
}

/** `rows×cols`, as shapes are written in messages. */
export function shapeOf(m: { rows: number; cols: number }): string {
  return `${m.rows}×${m.cols}`;
}

/**
 * Wraps `data` (at least rows·cols long) as a rows×cols matrix.
 *
 *     matrix(1, 2, Float32Array.of(1, 2));
 */
export function matrix(rows: number, cols: number, data: FloatArray): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) throw new TensorShapeError(`matrix: bad shape ${rows}×${cols}`);
  if (data.length < rows * cols) throw new TensorShapeError(`matrix: ${rows}×${cols} needs ${rows * cols} elements, got ${data.length}`);
  return { rows, cols, data: data.length === rows * cols ? data : data.subarray(0, rows * cols) };
}

/** A fresh zero matrix of the element type. */
export function zeros(rows: number, cols: number, dtype: DType): Matrix {
  return matrix(rows, cols, dtype === 'f32' ? new Float32Array(rows * cols) : new Float64Array(rows * cols));
}

/** The element type of a typed array. */
export function dtypeOf(data: FloatArray): DType {
  return data instanceof Float32Array ? 'f32' : 'f64';
}

/**
 * Throws a TensorShapeError naming both shapes unless a and b have the same shape.
 *
 *     assertSameShape('relu backward', x, dy);
 */
export function assertSameShape(op: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new TensorShapeError(`${op}: shapes ${shapeOf(a)} and ${shapeOf(b)} differ`);
}

/** Element (i, j). */
export function at(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j] ?? NaN;
}
