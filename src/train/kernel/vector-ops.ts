/**
 * The elementwise operations of a training step (bias add and gradient, ReLU
 * forward and backward, the SGD update with its weight penalty), run by the
 * SIMD module of vector-module.ts when the arrays live in the arena, and by
 * equivalent scalar loops otherwise (arrays the caller made itself).
 *
 *     const ops = createVectorOps('f32', arena);
 *     ops.addRowVector(y, rows, cols, b); // y[i, :] += b
 */
import { CHUNK_ARGS } from './gemm-control.js';
import type { GemmPool } from './gemm-pool.js';
import { SGD_CHUNK, VARG, VECTOR_FLOATS, VFLOAT, VOP, isVectorKernel, runVectorChunk, vectorChunkCount } from './vector-control.js';
import { wasm } from './wasm-api.js';
import type { WasmArena } from './wasm-arena.js';
import { vectorModuleBytes } from './vector-module.js';

type FloatArray = Float32Array | Float64Array;

export interface VectorOps {
  /** y[i, :] += b for each of the rows (y rows×cols, b of length cols). */
  addRowVector(y: FloatArray, rows: number, cols: number, b: FloatArray): void;
  /** g += Σ_i dy[i, :] (dy rows×cols, g of length cols), rows summed in order. */
  addColumnSums(g: FloatArray, dy: FloatArray, rows: number, cols: number): void;
  /** y = x > 0 ? x : 0 over the first n elements. */
  relu(y: FloatArray, x: FloatArray, n: number): void;
  /** dx = y > 0 ? dy : 0 over the first n elements. */
  reluBackward(dx: FloatArray, y: FloatArray, dy: FloatArray, n: number): void;
  /** v ← v − lr·(g + α·v) over all of v; returns Σ v² before the update (summed in chunks of SGD_CHUNK, in order). */
  sgd(v: FloatArray, g: FloatArray, lr: number, alpha: number): number;
  /** x = 0 everywhere. */
  zero(x: FloatArray): void;
  /** Row r of dst (rows×cols) = row order[r] of src. */
  gatherRows(dst: FloatArray, src: FloatArray, order: Int32Array, rows: number, cols: number): void;
}

/**
 * The scalar loops, used for arrays outside the arena: the same results as
 * the SIMD module except that the Float32 SGD step is computed in double
 * precision and rounded once on store (the module rounds each operation to
 * float32, as NumPy's float32 step does).
 */
export const scalarVectorOps: VectorOps = {
  addRowVector(y, rows, cols, b) {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) y[o + j] = (y[o + j] ?? 0) + (b[j] ?? 0);
    }
  },
  addColumnSums(g, dy, rows, cols) {
    for (let i = 0; i < rows; i++) {
      const o = i * cols;
      for (let j = 0; j < cols; j++) g[j] = (g[j] ?? 0) + (dy[o + j] ?? 0);
    }
  },
  relu(y, x, n) {
    for (let i = 0; i < n; i++) {
      const v = x[i] ?? 0;
      y[i] = v > 0 ? v : 0;
    }
  },
  reluBackward(dx, y, dy, n) {
    for (let i = 0; i < n; i++) dx[i] = (y[i] ?? 0) > 0 ? (dy[i] ?? 0) : 0;
  },
  sgd(v, g, lr, alpha) {
    let s = 0;
    for (let i = 0; i < v.length; i++) {
      const w = v[i] ?? 0;
      s += w * w;
      v[i] = w - lr * ((g[i] ?? 0) + alpha * w);
    }
    return s;
  },
  zero(x) {
    x.fill(0);
  },
  gatherRows(dst, src, order, rows, cols) {
    for (let r = 0; r < rows; r++) {
      const i = order[r] ?? 0;
      dst.set(src.subarray(i * cols, (i + 1) * cols), r * cols);
    }
  },
};

/**
 * Compiles the module for `element` against the arena's memory. With a pool
 * (sharing the arena), steps of at least a pool-decided size are split
 * between the threads (see vector-control.ts); the results are the same.
 *
 *     const ops = createVectorOps('f64', arena);
 */
export function createVectorOps(element: 'f32' | 'f64', arena: WasmArena, pool?: GemmPool): VectorOps {
  if (pool !== undefined && pool.arena !== arena) throw new Error('vector kernel: the pool works on another arena');
  const module = wasm.compile(vectorModuleBytes(element, { initialPages: 1, maximumPages: 32768, shared: true }));
  const k = wasm.instantiate(module, arena.memory);
  if (!isVectorKernel(k)) throw new Error('vector kernel: unexpected exports');
  const bytes = element === 'f32' ? 4 : 8;
  const lanes = 16 / bytes;
  const fits = (...xs: FloatArray[]): boolean => xs.every((x) => x.BYTES_PER_ELEMENT === bytes && arena.owns(x));
  const slot = pool?.vectorSlot(element);
  const args = new Int32Array(CHUNK_ARGS);
  const floats = new Float64Array(VECTOR_FLOATS);
  // Per-chunk sums of the SGD step, grown to the largest parameter seen.
  let partials = arena.f64(64);
  /**
   * Runs a task of `units` (`elements` elements of work) on the pool when it
   * is worth it, else here; chunks: about one per thread and a few more to
   * balance, rounded to whole vectors, unless the op fixes its own size.
   */
  const run = (op: number, units: number, elements: number, set: (a: Int32Array) => void, chunk?: number): void => {
    args.fill(0);
    args[VARG.op] = op;
    args[VARG.units] = units;
    args[VARG.bytes] = bytes;
    set(args);
    const shared = pool !== undefined && slot !== undefined && pool.worthSharingElements(elements);
    args[VARG.chunk] = chunk ?? (shared ? Math.ceil(Math.ceil(units / (4 * pool.threads)) / lanes) * lanes : units);
    if (shared) pool.runVector(slot, args, floats, k);
    else for (let i = 0, n = vectorChunkCount(args); i < n; i++) runVectorChunk(k, args, floats, i);
  };
  return {
    addRowVector(y, rows, cols, b) {
      if (!fits(y, b) || y.length < rows * cols || b.length < cols) return scalarVectorOps.addRowVector(y, rows, cols, b);
      run(VOP.addRows, rows, rows * cols, (a) => {
        a[VARG.a] = y.byteOffset;
        a[VARG.b] = b.byteOffset;
        a[VARG.cols] = cols;
      });
    },
    addColumnSums(g, dy, rows, cols) {
      if (!fits(g, dy) || dy.length < rows * cols || g.length < cols) return scalarVectorOps.addColumnSums(g, dy, rows, cols);
      run(VOP.columnSums, cols, rows * cols, (a) => {
        a[VARG.a] = g.byteOffset;
        a[VARG.b] = dy.byteOffset;
        a[VARG.cols] = cols;
        a[VARG.rows] = rows;
      });
    },
    relu(y, x, n) {
      if (!fits(y, x) || y.length < n || x.length < n) return scalarVectorOps.relu(y, x, n);
      run(VOP.relu, n, n, (a) => {
        a[VARG.a] = y.byteOffset;
        a[VARG.b] = x.byteOffset;
      });
    },
    reluBackward(dx, y, dy, n) {
      if (!fits(dx, y, dy) || dx.length < n || y.length < n || dy.length < n) return scalarVectorOps.reluBackward(dx, y, dy, n);
      run(VOP.reluBackward, n, n, (a) => {
        a[VARG.a] = dx.byteOffset;
        a[VARG.b] = y.byteOffset;
        a[VARG.c] = dy.byteOffset;
      });
    },
    sgd(v, g, lr, alpha) {
      if (!fits(v, g) || g.length < v.length) return scalarVectorOps.sgd(v, g, lr, alpha);
      const chunks = Math.ceil(v.length / SGD_CHUNK);
      if (partials.length < chunks) partials = arena.f64(chunks);
      const sums = partials;
      floats[VFLOAT.lr] = lr;
      floats[VFLOAT.alpha] = alpha;
      run(
        VOP.sgd,
        v.length,
        v.length,
        (a) => {
          a[VARG.a] = v.byteOffset;
          a[VARG.b] = g.byteOffset;
          a[VARG.out] = sums.byteOffset;
        },
        SGD_CHUNK,
      );
      // In chunk order, whichever thread did each chunk.
      let total = 0;
      for (let i = 0; i < chunks; i++) total += sums[i] ?? 0;
      return total;
    },
    zero(x) {
      if (!fits(x)) return scalarVectorOps.zero(x);
      run(VOP.zero, x.length, x.length, (a) => {
        a[VARG.a] = x.byteOffset;
      });
    },
    gatherRows(dst, src, order, rows, cols) {
      if (!fits(dst, src) || !arena.owns(order) || dst.length < rows * cols || order.length < rows) return scalarVectorOps.gatherRows(dst, src, order, rows, cols);
      run(VOP.gather, rows, rows * cols, (a) => {
        a[VARG.a] = src.byteOffset;
        a[VARG.b] = order.byteOffset;
        a[VARG.c] = dst.byteOffset;
        a[VARG.cols] = cols;
      });
    },
  };
}
