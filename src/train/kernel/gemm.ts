/**
 * Matrix multiply C = op(A)·op(B) (or C += …) on the WebAssembly kernel, for
 * row-major Float32Array or Float64Array operands. Operands already in the
 * arena are used in place; others are copied through scratch space.
 *
 *     const g = createGemm({ element: 'f32' });
 *     g.gemm({ m: 2, n: 2, k: 3, a, b, c }); // c = a·b, a 2×3, b 3×2
 */
import { EPILOGUE, elementInfo, gemmModuleBytes, type KernelShape } from './gemm-module.js';
import { createArena, type WasmArena } from './wasm-arena.js';
import type { GemmPool } from './gemm-pool.js';
import { ARG, CHUNK_ARGS, chunkCount, runChunk } from './gemm-control.js';
import { relaxedSimd } from './relaxed-simd.js';
import { wasm, type WasmModule } from './wasm-api.js';

/** Float32Array for 'f32', Float64Array for 'f64'. */
export type FloatArray = Float32Array | Float64Array;

/** One multiply: op(A) is m×k, op(B) is k×n, C is m×n, all dense row-major. */
export interface GemmCall {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** Stored k×m when transA, else m×k. */
  readonly a: FloatArray;
  readonly transA?: boolean;
  /** Stored n×k when transB, else k×n. */
  readonly b: FloatArray;
  readonly transB?: boolean;
  readonly c: FloatArray;
  /** C += op(A)·op(B) instead of C = op(A)·op(B). */
  readonly accumulate?: boolean;
  /**
   * Then C[i, j] += bias[j] (n entries): a layer's bias, added in the
   * kernel's store of each finished tile instead of a pass of its own;
   * the same rounding as adding it afterwards.
   */
  readonly bias?: FloatArray;
  /** Then C = C > 0 ? C : 0 (after the bias): the ReLU op's values, −0 and NaN giving +0. */
  readonly relu?: boolean;
  /** Then C[i, j] = mask[i, j] > 0 ? C[i, j] : 0 (mask m×n like C): a ReLU's backward mask (not with bias). */
  readonly mask?: FloatArray;
}

/**
 * The bias, ReLU and mask of a call applied to C after the product, element
 * by element (for operands outside the arena and the edge tiles); the
 * kernel's epilogue gives the same values.
 */
export function applyEpilogue(call: GemmCall, c: FloatArray, i0: number, i1: number, j0: number, j1: number): void {
  const { n, bias, mask } = call;
  const relu = call.relu ?? false;
  if (bias === undefined && mask === undefined && !relu) return;
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      const at = i * n + j;
      let v = c[at] ?? 0;
      // Float32Array stores round a double sum of two floats correctly (a float add).
      if (bias !== undefined) v = c instanceof Float32Array ? Math.fround(v + (bias[j] ?? 0)) : v + (bias[j] ?? 0);
      if (relu) v = v > 0 ? v : 0;
      if (mask !== undefined) v = (mask[at] ?? 0) > 0 ? v : 0;
      c[at] = v;
    }
  }
}

export interface Gemm {
  readonly element: 'f32' | 'f64';
  readonly arena: WasmArena;
  readonly shape: KernelShape;
  /** Threads working on large products (1 = this thread only). */
  readonly threads: number;
  /** Operands must be of the element type (Float32Array for 'f32'). */
  gemm(call: GemmCall): void;
  /** A zeroed array in the arena (multiplied in place, no copies). */
  alloc(n: number): FloatArray;
  /** Stops worker threads (the instance stays usable single-threaded). */
  close(): Promise<void>;
}

interface KernelExports {
  micro(ap: number, bp: number, ldb: number, cp: number, ldc: number, kc: number, beta: number, epi: number, arg: number): void;
  macro(ap: number, b: number, ldb: number, c: number, ldc: number, mPanels: number, k: number, j0: number, j1: number, kc: number, beta: number, epi: number, arg: number): void;
  packA(src: number, ls: number, ks: number, extent: number, k: number, dst: number): void;
  packB(src: number, ls: number, ks: number, extent: number, k: number, dst: number): void;
  gather(src: number, rs: number, cs: number, rows: number, cols: number, dst: number, ldd: number): void;
}

/**
 * Tile shapes measured on x86-64 (V8 maps v128 to 16 xmm registers): see
 * tests/bench/train-gemm.bench.ts. Over the MLP step's products (CPU time,
 * best of 5): 4×8 33–36 GFLOP/s, 2×16 36, 5×8 32.5, 3×12 30.6, 3×16 25
 * (spills). The 4×8 loop is 29 instructions for 64 flops with no spills;
 * unrolling it over K was slower (TurboFan hoists the second step's loads
 * and spills accumulators). With relaxed SIMD's fused multiply-add (the
 * default wherever the runtime has it; relaxedSimd() switches it on in Node 20
 * here, before the first kernel compiles) 4×8, 5×8 and 6×8 measured alike per
 * epoch (again in December 2026: 4×8 42–45 GFLOP/s per CPU-second in
 * isolation, 6×8 41–47, and no faster per epoch); 4×8 is kept.
 */
export const DEFAULT_SHAPES: Readonly<Record<'f32' | 'f64', KernelShape>> = {
  f32: { element: 'f32', mr: 4, vectors: 2, fma: relaxedSimd() },
  f64: { element: 'f64', mr: 4, vectors: 2, fma: relaxedSimd() },
};

/** K block: a kc×NR panel of B (kc·48 bytes for f32) stays in the 32 KiB L1. */
export const DEFAULT_KC = 256;

/** Chunks of column panels on one thread: each packs its panels of B just before multiplying them. */
const CHUNKS_PER_THREAD = 4;

/**
 * Chunks per thread when a product is shared: the caller waits for the last
 * chunk a worker claimed, on average half a chunk, so eight (an eighth of a
 * product's share; the first layer's products: 2 column panels, ~70 µs of
 * work) rather than four; a claim costs well under a microsecond.
 */
const SHARED_CHUNKS_PER_THREAD = 8;

/** Chunks packing A per thread when a product is shared (about 2 × 25 µs for the MLP's first layer at 2 threads). */
const PACK_CHUNKS_PER_THREAD = 2;

/** A cache line: a shared product's chunks cover whole lines of C's rows (C's rows start on lines when n·bytes is a multiple of it). */
const LINE_BYTES = 64;

export interface GemmOptions {
  readonly element: 'f32' | 'f64';
  readonly arena?: WasmArena;
  readonly shape?: KernelShape;
  readonly kc?: number;
  /** A started worker pool sharing the arena (see createGemmPool); none = single-threaded. */
  readonly pool?: GemmPool;
}

function isKernel(x: unknown): x is KernelExports {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r['micro'] === 'function' && typeof r['macro'] === 'function' && typeof r['packA'] === 'function' && typeof r['packB'] === 'function' && typeof r['gather'] === 'function';
}

/** Compiles the kernel for `shape` against the arena's memory. */
export function compileKernel(shape: KernelShape, arena: WasmArena): { module: WasmModule; exports: KernelExports } {
  const pages = arena.memory.buffer.byteLength / 65536;
  const module = wasm.compile(gemmModuleBytes(shape, { initialPages: Math.max(1, Math.min(pages, 1)), maximumPages: 32768, shared: true }));
  const exports = wasm.instantiate(module, arena.memory);
  if (!isKernel(exports)) throw new Error('gemm kernel: unexpected exports');
  return { module, exports };
}

/**
 * Creates a GEMM for one element type.
 *
 *     const g = createGemm({ element: 'f64' });
 *     const c = new Float64Array(4);
 *     g.gemm({ m: 2, n: 2, k: 1, a: Float64Array.of(1, 2), b: Float64Array.of(3, 4), c }); // c = [3, 4, 6, 8]
 */
export function createGemm(options: GemmOptions): Gemm {
  const arena = options.pool?.arena ?? options.arena ?? createArena();
  const shape = options.shape ?? DEFAULT_SHAPES[options.element];
  if (shape.element !== options.element) throw new Error(`gemm: kernel shape is for ${shape.element}, not ${options.element}`);
  const kc = options.kc ?? DEFAULT_KC;
  const { bytes, lanes } = elementInfo(options.element);
  const mr = shape.mr;
  const nr = shape.vectors * lanes;
  const { exports: kernel } = compileKernel(shape, arena);
  const pool = options.pool;
  const poolSlot = pool?.register(shape);
  const chunkArgs = new Int32Array(CHUNK_ARGS);

  const make = (n: number): FloatArray => (options.element === 'f32' ? arena.f32(n) : arena.f64(n));
  // Scratch buffers grow to the largest size seen and are then reused.
  const scratch = new Map<string, FloatArray>();
  const space = (name: string, n: number): FloatArray => {
    const have = scratch.get(name);
    if (have !== undefined && have.length >= n) return have;
    const fresh = make(Math.max(n, 16));
    scratch.set(name, fresh);
    return fresh;
  };
  const inArena = (name: string, x: FloatArray, n: number): FloatArray => {
    if (arena.owns(x)) return x;
    const s = space(name, n);
    s.set(x.subarray(0, n));
    return s;
  };

  const isElement = (x: FloatArray): boolean => (options.element === 'f32' ? x instanceof Float32Array : x instanceof Float64Array);
  const gemm = (call: GemmCall): void => {
    const { m, n, k } = call;
    for (const [label, x, size] of [['A', call.a, m * k], ['B', call.b, k * n], ['C', call.c, m * n]] as const) {
      if (!isElement(x)) throw new TypeError(`gemm: ${label} is a ${x.constructor.name}, the kernel is ${options.element}`);
      if (x.length < size) throw new RangeError(`gemm: ${label} has ${x.length} elements, the ${m}×${k}·${k}×${n} product needs ${size}`);
    }
    const transA = call.transA ?? false;
    const transB = call.transB ?? false;
    const accumulate = call.accumulate ?? false;
    const { bias, mask } = call;
    const relu = call.relu ?? false;
    if (bias !== undefined && (!isElement(bias) || bias.length < n)) throw new RangeError(`gemm: the bias needs ${n} entries of the kernel's type`);
    if (mask !== undefined && (!isElement(mask) || mask.length < m * n)) throw new RangeError(`gemm: the mask needs ${m}×${n} entries of the kernel's type`);
    if (mask !== undefined && (bias !== undefined || relu)) throw new RangeError('gemm: a mask does not combine with a bias or ReLU');
    if (m === 0 || n === 0) return;
    if (k === 0) {
      if (!accumulate) call.c.fill(0, 0, m * n);
      applyEpilogue(call, call.c, 0, m, 0, n);
      return;
    }
    // The kernel's epilogue reads the bias or mask in place; elsewhere it is applied after.
    const cInArena = arena.owns(call.c);
    const fused = cInArena && (bias === undefined || arena.owns(bias)) && (mask === undefined || arena.owns(mask));
    const epi = !fused ? EPILOGUE.none : mask !== undefined ? EPILOGUE.mask : bias !== undefined ? (relu ? EPILOGUE.biasRelu : EPILOGUE.bias) : EPILOGUE.none;
    const epiArg = epi === EPILOGUE.mask && mask !== undefined ? mask.byteOffset - call.c.byteOffset : epi !== EPILOGUE.none && bias !== undefined ? bias.byteOffset : 0;
    const a = inArena('a', call.a, m * k);
    let b = inArena('b', call.b, k * n);
    const cOwned = arena.owns(call.c);
    const c = cOwned ? call.c : space('c', m * n);
    if (!cOwned && accumulate) c.set(call.c.subarray(0, m * n));

    const mPanels = Math.ceil(m / mr);
    const nPanels = Math.ceil(n / nr);
    const ap = space('ap', mPanels * mr * k);
    const bp = space('bp', nPanels * nr * k);
    // A(i, kk): stored m×k → lines step k, K step 1; stored k×m (Aᵀ) → lines step 1, K step m
    const als = (transA ? 1 : k) * bytes;
    const aks = (transA ? m : 1) * bytes;
    // B(kk, j) by columns j: stored k×n → lines step 1, K step n; stored n×k (Bᵀ) → lines step k, K step 1
    const bls = (transB ? k : 1) * bytes;
    const bks = (transB ? 1 : n) * bytes;
    const ldp = nr * bytes;
    const ldc = n * bytes;
    const fullM = Math.floor(m / mr);
    const fullN = Math.floor(n / nr);
    const beta = accumulate ? 1 : 0;
    const split = fullM > 0 && fullN > 0 && pool !== undefined && poolSlot !== undefined && pool.worthSplitting(fullM * mr, fullN * nr, k);
    // Shared, A is packed by the task's first chunks (every row panel, the partial one too, for the edges below).
    const packChunks = split ? Math.min(mPanels, PACK_CHUNKS_PER_THREAD * pool.threads) : 0;
    if (!split) kernel.packA(a.byteOffset, als, aks, m, k, ap.byteOffset);
    if (fullM > 0 && fullN > 0) {
      // The full column panels in chunks, each packing its panels of B just
      // before using them (so they are still in cache) and shareable between threads.
      const even = Math.max(1, Math.ceil(fullN / (split ? SHARED_CHUNKS_PER_THREAD * pool.threads : CHUNKS_PER_THREAD)));
      // Shared: whole cache lines of each row of C per chunk, so two threads never write the same line.
      const linePanels = Math.max(1, Math.ceil(LINE_BYTES / (nr * bytes)));
      const chunk = split ? Math.ceil(even / linePanels) * linePanels : even;
      const args = chunkArgs;
      args[ARG.ap] = ap.byteOffset;
      args[ARG.b] = b.byteOffset;
      args[ARG.bls] = bls;
      args[ARG.bks] = bks;
      args[ARG.k] = k;
      args[ARG.bp] = bp.byteOffset;
      args[ARG.ldp] = ldp;
      args[ARG.c] = c.byteOffset;
      args[ARG.ldc] = ldc;
      args[ARG.mPanels] = fullM;
      args[ARG.kc] = kc;
      args[ARG.beta] = beta;
      args[ARG.panels] = fullN;
      args[ARG.chunk] = chunk;
      args[ARG.nr] = nr;
      args[ARG.bytes] = bytes;
      args[ARG.epi] = epi;
      args[ARG.arg] = epiArg;
      args[ARG.a] = a.byteOffset;
      args[ARG.als] = als;
      args[ARG.aks] = aks;
      args[ARG.m] = m;
      args[ARG.mr] = mr;
      args[ARG.packChunks] = packChunks;
      args[ARG.packPanels] = Math.ceil(mPanels / Math.max(1, packChunks));
      if (split) pool.run(poolSlot, args, kernel, fullM * mr * fullN * nr * k);
      else for (let i = 0, chunks = chunkCount(args); i < chunks; i++) runChunk(kernel, args, i);
    }
    // With no full row panel the chunks did not run: the edge tiles need the full column panels too.
    if (fullM === 0 && fullN > 0) kernel.packB(b.byteOffset, bls, bks, fullN * nr, k, bp.byteOffset);
    // The partial last column panel of B (zero-padded) for the edge tiles.
    if (fullN < nPanels) kernel.packB(b.byteOffset + fullN * nr * bls, bls, bks, n - fullN * nr, k, bp.byteOffset + fullN * k * nr * bytes);
    // Edges: a partial last row panel and/or a partial last column panel go
    // through an MR×NR scratch tile (both packings are zero-padded).
    const tile = space('tile', mr * nr);
    const flush = (i0: number, j0: number, rows: number, cols: number): void => {
      for (let r = 0; r < rows; r++) {
        const dst = (i0 + r) * n + j0;
        for (let q = 0; q < cols; q++) {
          const v = tile[r * nr + q] ?? 0;
          c[dst + q] = accumulate ? (c[dst + q] ?? 0) + v : v;
        }
      }
    };
    const edgeTile = (ip: number, jp: number): void => {
      kernel.micro(ap.byteOffset + ip * k * mr * bytes, bp.byteOffset + jp * k * nr * bytes, ldp, tile.byteOffset, ldp, k, 0, EPILOGUE.none, 0);
      const rows = Math.min(mr, m - ip * mr);
      const cols = Math.min(nr, n - jp * nr);
      flush(ip * mr, jp * nr, rows, cols);
      if (epi !== EPILOGUE.none) applyEpilogue(call, c, ip * mr, ip * mr + rows, jp * nr, jp * nr + cols);
    };
    if (fullM < mPanels) for (let jp = 0; jp < fullN; jp++) edgeTile(fullM, jp);
    if (fullN < nPanels) for (let ip = 0; ip < mPanels; ip++) edgeTile(ip, fullN);
    if (!fused) applyEpilogue(call, c, 0, m, 0, n);
    if (!cOwned) call.c.set(c.subarray(0, m * n));
  };

  return {
    element: options.element,
    arena,
    shape,
    threads: pool?.threads ?? 1,
    gemm,
    alloc: make,
    close: async () => {
      if (pool !== undefined) await pool.close();
    },
  };
}
