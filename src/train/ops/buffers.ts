/**
 * Output buffers of an op, one per batch size seen (the last batch of an
 * epoch and evaluation batches differ), allocated once in the backend's arena
 * and reused: the training loop allocates nothing per step.
 *
 *     const outs = bufferFor(be, 10);
 *     const y = outs(128); // 128×10, the same storage on every call with 128 rows
 */
import type { Backend } from '../backend.js';
import type { Matrix } from '../tensor.js';

export function bufferFor(be: Backend, cols: number): (rows: number) => Matrix {
  const byRows = new Map<number, Matrix>();
  return (rows) => {
    const have = byRows.get(rows);
    if (have !== undefined) return have;
    const fresh = be.zeros(rows, cols);
    byRows.set(rows, fresh);
    return fresh;
  };
}
