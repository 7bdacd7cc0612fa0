/**
 * The elementwise operations of a training step (bias add and gradient, ReLU
 * forward and backward, the SGD update with its weight penalty), run by the
 * SIMD module of vector-module.ts when the arrays live in the arena, and by
 * equivalent scalar loops otherwise (arrays the caller made itself).
 *
 *     const ops = createVectorOps('f32', arena);
 *     ops.addRowVector(y, rows, cols, b); // y[i, :] += b
 */
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
  /** v ← v − lr·(g + α·v) over all of v; returns Σ v² before the update. */
  sgd(v: FloatArray, g: FloatArray, lr: number, alpha: number): number;
}

interface VectorExports {
  addRows(dst: number, dstStride: number, src: number, srcStride: number, rows: number, cols: number): void;
  relu(y: number, x: number, n: number): void;
  reluBackward(dx: number, y: number, dy: number, n: number): void;
  sgd(v: number, g: number, n: number, lr: number, alpha: number): number;
}

function isVectorExports(x: unknown): x is VectorExports {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return ['addRows', 'relu', 'reluBackward', 'sgd'].every((k) => typeof r[k] === 'function');
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
};

/**
 * Compiles the module for `element` against the arena's memory.
 *
 *     const ops = createVectorOps('f64', arena);
 */
export function createVectorOps(element: 'f32' | 'f64', arena: WasmArena): VectorOps {
  const module = wasm.compile(vectorModuleBytes(element, { initialPages: 1, maximumPages: 32768, shared: true }));
  const k = wasm.instantiate(module, arena.memory);
  if (!isVectorExports(k)) throw new Error('vector kernel: unexpected exports');
  const bytes = element === 'f32' ? 4 : 8;
  const fits = (...xs: FloatArray[]): boolean => xs.every((x) => x.BYTES_PER_ELEMENT === bytes && arena.owns(x));
  return {
    addRowVector(y, rows, cols, b) {
      if (!fits(y, b) || y.length < rows * cols || b.length < cols) return scalarVectorOps.addRowVector(y, rows, cols, b);
      k.addRows(y.byteOffset, cols * bytes, b.byteOffset, 0, rows, cols);
    },
    addColumnSums(g, dy, rows, cols) {
      if (!fits(g, dy) || dy.length < rows * cols || g.length < cols) return scalarVectorOps.addColumnSums(g, dy, rows, cols);
      k.addRows(g.byteOffset, 0, dy.byteOffset, cols * bytes, rows, cols);
    },
    relu(y, x, n) {
      if (!fits(y, x) || y.length < n || x.length < n) return scalarVectorOps.relu(y, x, n);
      k.relu(y.byteOffset, x.byteOffset, n);
    },
    reluBackward(dx, y, dy, n) {
      if (!fits(dx, y, dy) || dx.length < n || y.length < n || dy.length < n) return scalarVectorOps.reluBackward(dx, y, dy, n);
      k.reluBackward(dx.byteOffset, y.byteOffset, dy.byteOffset, n);
    },
    sgd(v, g, lr, alpha) {
      if (!fits(v, g) || g.length < v.length) return scalarVectorOps.sgd(v, g, lr, alpha);
      return k.sgd(v.byteOffset, g.byteOffset, v.length, lr, alpha);
    },
  };
}
