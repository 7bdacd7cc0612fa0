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
import { createGemmPool, workerScript } from './kernel/gemm-pool.js';
import { createArena } from './kernel/wasm-arena.js';
import { relaxedSimd } from './kernel/relaxed-simd.js';
import { createVectorOps, type VectorOps } from './kernel/vector-ops.js';
import { matrix, type DType, type Matrix } from './tensor.js';

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
  if (threads > 1 && workerScript() !== undefined) {
    const pool = await createGemmPool({ threads, shapes: [shape], arena: createArena(), ...(options.adaptive === undefined ? {} : { adaptive: options.adaptive }) });
    gemm = createGemm({ element: options.dtype, pool, shape });
  } else {
    if (threads > 1) note = 'worker threads need the compiled worker script (npm run build); running on one thread';
    gemm = createGemm({ element: options.dtype, shape });
  }
  const base = {
    dtype: options.dtype,
    threads: gemm.threads,
    kernel: fma ? ('wasm SIMD+FMA' as const) : ('wasm SIMD' as const),
    zeros: (rows: number, cols: number) => matrix(rows, cols, gemm.alloc(rows * cols)),
    gemm: (call: GemmCall) => gemm.gemm(call),
    vector: createVectorOps(options.dtype, gemm.arena),
    close: () => gemm.close(),
  };
  return note === undefined ? base : { ...base, note };
}
