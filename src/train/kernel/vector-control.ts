/**
 * The elementwise steps of training (bias add and gradient, ReLU and its
 * backward mask, the SGD update, zeroing gradients, gathering a minibatch)
 * cut into chunks that any thread can do, on the same claim protocol as the
 * GEMM chunks (gemm-control.ts): the caller writes a task's argument words,
 * then every thread claims chunks until none are left.
 *
 * Results do not depend on which thread does which chunk, nor on how many
 * threads there are: every output element is written by exactly one chunk,
 * from the same inputs in the same order. The one reduction, the SGD step's
 * Σ v², is cut into chunks of a fixed size (SGD_CHUNK, never a function of
 * the thread count), each leaves its sum in its own slot, and the caller adds
 * the slots in chunk order.
 *
 *     args[VARG.op] = VOP.relu; ... ; for (let i = 0; i < vectorChunkCount(args); i++) runVectorChunk(k, args, floats, i);
 */

/** The task kinds. */
export const VOP = { addRows: 0, columnSums: 1, relu: 2, reluBackward: 3, sgd: 4, zero: 5, gather: 6 } as const;

/**
 * Argument words (byte addresses into the shared memory):
 * - addRows: a = Y, b = bias, units = rows, cols
 * - columnSums: a = ∂b, b = ∂Y, units = cols, rows
 * - relu: a = Y, b = X, units = elements
 * - reluBackward: a = ∂X, b = Y, c = ∂Y, units = elements
 * - sgd: a = V, b = G, units = elements, out = f64 slot per chunk; lr, α in the float words
 * - zero: a = the array, units = elements
 * - gather: a = dataset rows, b = i32 row indices, c = the batch, units = rows, cols
 */
export const VARG = { op: 0, a: 1, b: 2, c: 3, units: 4, chunk: 5, cols: 6, rows: 7, bytes: 8, out: 9 } as const;

/** Float argument words (a Float64Array beside the control words). */
export const VFLOAT = { lr: 0, alpha: 1 } as const;
export const VECTOR_FLOATS = 2;

/** Elements per SGD chunk, for every thread count (so Σ v² is summed the same way on 1 thread and on N). */
export const SGD_CHUNK = 16384;

/** The exports of the vector module (vector-module.ts). */
export interface VectorKernel {
  addRows(dst: number, dstStride: number, src: number, srcStride: number, rows: number, cols: number): void;
  relu(y: number, x: number, n: number): void;
  reluBackward(dx: number, y: number, dy: number, n: number): void;
  sgd(v: number, g: number, n: number, lr: number, alpha: number, out: number): number;
  zero(dst: number, n: number): void;
  gatherRows(src: number, order: number, rows: number, cols: number, dst: number): void;
}

export function isVectorKernel(x: unknown): x is VectorKernel {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return ['addRows', 'relu', 'reluBackward', 'sgd', 'zero', 'gatherRows'].every((k) => typeof r[k] === 'function');
}

/** Number of chunks of the task whose arguments are `a`. */
export function vectorChunkCount(a: ArrayLike<number>): number {
  const units = a[VARG.units] ?? 0;
  const chunk = Math.max(1, a[VARG.chunk] ?? 1);
  return Math.ceil(units / chunk);
}

/** Chunk `index` of the task: units [index·chunk, min(units, (index+1)·chunk)). */
export function runVectorChunk(k: VectorKernel, a: ArrayLike<number>, floats: ArrayLike<number>, index: number): void {
  const get = (i: number): number => a[i] ?? 0;
  const chunk = Math.max(1, get(VARG.chunk));
  const u0 = index * chunk;
  const u1 = Math.min(u0 + chunk, get(VARG.units));
  if (u1 <= u0) return;
  const n = u1 - u0;
  const bytes = get(VARG.bytes);
  const cols = get(VARG.cols);
  const at = (base: number, unitBytes: number): number => get(base) + u0 * unitBytes;
  switch (get(VARG.op)) {
    case VOP.addRows:
      return k.addRows(at(VARG.a, cols * bytes), cols * bytes, get(VARG.b), 0, n, cols);
    case VOP.columnSums:
      return k.addRows(at(VARG.a, bytes), 0, at(VARG.b, bytes), cols * bytes, get(VARG.rows), n);
    case VOP.relu:
      return k.relu(at(VARG.a, bytes), at(VARG.b, bytes), n);
    case VOP.reluBackward:
      return k.reluBackward(at(VARG.a, bytes), at(VARG.b, bytes), at(VARG.c, bytes), n);
    case VOP.sgd:
      k.sgd(at(VARG.a, bytes), at(VARG.b, bytes), n, floats[VFLOAT.lr] ?? 0, floats[VFLOAT.alpha] ?? 0, get(VARG.out) + index * 8);
      return;
    case VOP.zero:
      return k.zero(at(VARG.a, bytes), n);
    case VOP.gather:
      return k.gatherRows(get(VARG.a), at(VARG.b, 4), n, cols, at(VARG.c, cols * bytes));
    default:
      throw new Error(`vector task: unknown op ${get(VARG.op)}`);
  }
}
