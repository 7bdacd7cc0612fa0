/**
 * Linear memory shared by the GEMM kernels and their worker threads, with a
 * bump allocator. Tensors on the hot path (model parameters, activations,
 * batches) live here so the kernels read them in place; anything else is
 * copied into scratch space first.
 *
 *     const arena = createArena();
 *     const w = arena.f32(784 * 256); // a Float32Array view into wasm memory
 */

import { wasm, type WasmMemory } from './wasm-api.js';

const PAGE = 65536;
/** 2 GiB: shared memories reserve address space for their maximum, not memory. */
const MAX_PAGES = 32768;

export interface WasmArena {
  readonly memory: WasmMemory;
  /** Reserves `bytes` (64-byte aligned for cache lines) and returns the byte offset. */
  alloc(bytes: number): number;
  /** A zeroed Float32Array of n elements inside the arena. */
  f32(n: number): Float32Array;
  /** A zeroed Float64Array of n elements inside the arena. */
  f64(n: number): Float64Array;
  /** A zeroed Int32Array of n elements inside the arena (row indices for the kernels). */
  i32(n: number): Int32Array;
  /** True when the array's storage is this arena's memory (usable in place by the kernels). */
  owns(view: ArrayBufferView): boolean;
  /** The allocation mark, and `release(mark)` to free everything allocated after it. */
  mark(): number;
  release(mark: number): void;
  /** Bytes handed out so far. */
  used(): number;
}

/**
 * A shared WebAssembly.Memory with a bump allocator. Shared memory never
 * detaches its buffers on growth, so earlier views stay valid.
 *
 *     const arena = createArena(16); // 1 MiB to start; grows on demand
 */
export function createArena(initialPages = 256): WasmArena {
  const memory = wasm.newMemory({ initial: initialPages, maximum: MAX_PAGES, shared: true });
  // Offset 0 stays unused so that a zero address is never a real allocation.
  let top = 64;
  const buffers = new Set<ArrayBufferLike>([memory.buffer]);
  const alloc = (bytes: number): number => {
    const start = Math.ceil(top / 64) * 64;
    const end = start + bytes;
    const have = memory.buffer.byteLength;
    if (end > have) {
      const pages = Math.ceil((end - have) / PAGE);
      if (have / PAGE + pages > MAX_PAGES) throw new RangeError(`wasm arena: ${end} bytes exceed the 2 GiB limit`);
      memory.grow(pages);
      buffers.add(memory.buffer);
    }
    top = end;
    return start;
  };
  const zeroed = <T extends Float32Array | Float64Array>(view: T): T => {
    view.fill(0);
    return view;
  };
  return {
    memory,
    alloc,
    f32: (n) => {
      const at = alloc(n * 4);
      return zeroed(new Float32Array(memory.buffer, at, n));
    },
    f64: (n) => {
      const at = alloc(n * 8);
      return zeroed(new Float64Array(memory.buffer, at, n));
    },
    i32: (n) => {
      const at = alloc(n * 4);
      const view = new Int32Array(memory.buffer, at, n);
      view.fill(0);
      return view;
    },
    owns: (view) => buffers.has(view.buffer),
    mark: () => top,
    release: (mark) => {
      top = mark;
    },
    used: () => top,
  };
}
