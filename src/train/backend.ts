/**
 * Where tensors live and how they are multiplied: the WebAssembly GEMM for one
 * element type, its arena, the elementwise SIMD kernels, and optionally
 * worker threads. Models allocate
 * their buffers through the backend so the kernel reads them in place.
 *
 *     const be = await createBackend({ dtype: 'f64' });
 *     const w = be.zeros(784, 10);
 *     ...
 *     await be.close();
 */
import { createGemm, DEFAULT_SHAPES, type Gemm, type GemmCall } from './kernel/gemm.js';
import { createGemmPool, workerScript, type GemmPool } from './kernel/gemm-pool.js';
import { createArena } from './kernel/wasm-arena.js';
import { relaxedSimd } from './kernel/relaxed-simd.js';
import { createVectorOps, type VectorOps } from './kernel/vector-ops.js';
import type { Dataset } from './data/dataset.js';
import { gatherBatch } from './evaluate.js';
import { dtypeOf, matrix, type DType, type FloatArray, type Matrix } from './tensor.js';

/** Arena bytes a resident dataset copy may bring the total to (the arena's limit is 2 GiB). */
const RESIDENT_LIMIT = 1 << 30;

export interface Backend {
  readonly dtype: DType;
  /** Threads the GEMM uses (1 when workers are unavailable or not asked for). */
  readonly threads: number;
  /** Why fewer threads than asked for, if so. */
  readonly note?: string;
  /** The GEMM micro-kernel: fused multiply-add (relaxed SIMD) or multiply then add. */
  readonly kernel: 'wasm SIMD+FMA' | 'wasm SIMD';
  zeros(rows: number, cols: number): Matrix;
  gemm(call: GemmCall): void;
  /** Elementwise steps (bias, ReLU, SGD update) on the SIMD kernel for arena arrays. */
  readonly vector: VectorOps;
  /**
   * The dataset with its rows copied into the backend's memory once (cached
   * per array), so the SIMD kernel (and worker threads) gather minibatches
   * from it; the dataset itself when it is already there, of another element
   * type, or too large for the arena.
   */
  resident(ds: Dataset): Dataset;
  /**
   * Rows order[start, start+count) of ds into the arena matrix `into`
   * (count×features) and their labels; split between the threads when ds is
   * resident, else as evaluate.ts's gatherBatch. The same values either way.
   */
  gatherBatch(ds: Dataset, order: ArrayLike<number> | undefined, start: number, count: number, into: Matrix, labels: Int32Array): Matrix;
  close(): Promise<void>;
}

export interface BackendOptions {
  readonly dtype: DType;
  readonly threads?: number;
  /**
   * Use the fused multiply-add GEMM kernel where the runtime has relaxed SIMD
   * (default true). Results are bit-identical across thread counts for either
   * kernel, but the two kernels round differently (a fused a·b+c rounds once).
   */
  readonly fma?: boolean;
  /** Let the share policy run products alone when sharing is slower (default true; tests turn it off to always share). */
  readonly adaptive?: boolean;
}

/**
 * Creates a backend. `threads` > 1 starts worker threads when the compiled
 * worker script exists; otherwise it runs single-threaded and says why in `note`.
 *
 *     const be = await createBackend({ dtype: 'f32', threads: 2 });
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  const threads = Math.max(1, Math.floor(options.threads ?? 1));
  const fma = (options.fma ?? true) && relaxedSimd();
  const shape = { ...DEFAULT_SHAPES[options.dtype], fma };
  let gemm: Gemm;
  let note: string | undefined;
  let pool: GemmPool | undefined;
  if (threads > 1 && workerScript() !== undefined) {
    pool = await createGemmPool({ threads, shapes: [shape], arena: createArena(), ...(options.adaptive === undefined ? {} : { adaptive: options.adaptive }) });
    gemm = createGemm({ element: options.dtype, pool, shape });
  } else {
    if (threads > 1) note = 'worker threads need the compiled worker script (npm run build); running on one thread';
    gemm = createGemm({ element: options.dtype, shape });
  }
  const arena = gemm.arena;
  const vector = createVectorOps(options.dtype, arena, pool);
  const copies = new WeakMap<FloatArray, FloatArray>();
  const resident = (ds: Dataset): Dataset => {
    if (arena.owns(ds.x) || dtypeOf(ds.x) !== options.dtype) return ds;
    let x = copies.get(ds.x);
    if (x === undefined) {
      const size = ds.n * ds.features;
      if (arena.used() + size * ds.x.BYTES_PER_ELEMENT > RESIDENT_LIMIT) return ds;
      x = options.dtype === 'f32' ? arena.f32(size) : arena.f64(size);
      x.set(ds.x.subarray(0, size));
      copies.set(ds.x, x);
    }
    return { ...ds, x };
  };
  let rows = arena.i32(0);
  const gather = (ds: Dataset, order: ArrayLike<number> | undefined, start: number, count: number, into: Matrix, labels: Int32Array): Matrix => {
    if (!arena.owns(ds.x) || !arena.owns(into.data) || into.cols !== ds.features || into.rows < count) return gatherBatch(ds, order, start, count, into, labels);
    if (rows.length < count) rows = arena.i32(count);
    for (let r = 0; r < count; r++) {
      const i = order === undefined ? start + r : (order[start + r] ?? -1);
      // The kernel reads whatever row an index names: only indices of real rows reach it.
      if (!Number.isInteger(i) || i < 0 || i >= ds.n) throw new RangeError(`gather: row index ${i} outside the ${ds.n} rows`);
      rows[r] = i;
      labels[r] = ds.labels[i] ?? 0;
    }
    vector.gatherRows(into.data, ds.x, rows, count, ds.features);
    return count === into.rows ? into : matrix(count, ds.features, into.data.subarray(0, count * ds.features));
  };
  const base = {
    dtype: options.dtype,
    threads: gemm.threads,
    kernel: fma ? ('wasm SIMD+FMA' as const) : ('wasm SIMD' as const),
    zeros: (rows: number, cols: number) => matrix(rows, cols, gemm.alloc(rows * cols)),
    gemm: (call: GemmCall) => gemm.gemm(call),
    vector,
    resident,
    gatherBatch: gather,
    close: () => gemm.close(),
  };
  return note === undefined ? base : { ...base, note };
}
