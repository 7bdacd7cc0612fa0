/**
 * The work-sharing protocol of the GEMM caller and its workers, on Int32
 * words of a SharedArrayBuffer. A product's full column panels are cut into
 * chunks; every thread, the caller included, claims chunks one at a time
 * until none are left (so a worker that is asleep or descheduled by another
 * process costs nothing: the caller simply does its chunks), packs the chunk's
 * panels of B and multiplies them. A shared product's first chunks pack the
 * row panels of A (on one thread that packing was about 8% of the large
 * products, left on the caller it was the biggest serial part of a two-thread
 * step); a product chunk waits for them after packing its B (PackBarrier).
 * The caller returns once every chunk is completed, without waiting for idle
 * workers.
 *
 *     const { chunk, chunks } = untag(Atomics.add(control, CONTROL.next, 1));
 */
export const CONTROL = {
  /** Bumped by the caller for each product (idle workers wait on it). */
  sequence: 0,
  /** COMMAND.run or COMMAND.exit. */
  command: 1,
  /** Which kernel (index into the pool's shapes). */
  slot: 2,
  /** Chunks completed for the current product. */
  completed: 3,
  /** Set to 1 by a worker whose chunk threw. */
  failed: 4,
  /** The next chunk to claim, tagged with the product (see tag()). */
  next: 5,
  /** TASK.gemm (a product's chunks) or TASK.vector (an elementwise step's, see vector-control.ts). */
  kind: 6,
  /** Packing chunks of A completed for the current product (see PackBarrier). */
  packed: 7,
  /** The CHUNK_ARGS words of the current product start here. */
  args: 8,
} as const;

/** Indices into the argument words (see ChunkArgs). */
export const ARG = {
  ap: 0, b: 1, bls: 2, bks: 3, k: 4, bp: 5, ldp: 6, c: 7, ldc: 8, mPanels: 9, kc: 10, beta: 11, panels: 12, chunk: 13, nr: 14, bytes: 15, epi: 16, arg: 17,
  // Packing A in the task (see runChunk): its source, line and K steps in bytes, rows, MR, the packing chunks and their row panels.
  a: 18, als: 19, aks: 20, m: 21, mr: 22, packChunks: 23, packPanels: 24,
} as const;

export const CHUNK_ARGS = 25;

export const CONTROL_WORDS = CONTROL.args + CHUNK_ARGS;

/** Byte offset of the float argument words (Float64, after the Int32 words). */
export const CONTROL_FLOATS_AT = Math.ceil((CONTROL_WORDS * 4) / 8) * 8;

/** What the chunks of the current task are. */
export const TASK = { gemm: 0, vector: 1 } as const;

export const COMMAND = { run: 0, exit: 1 } as const;

/** The exports a thread needs to do a chunk. */
export interface ChunkKernel {
  macro(ap: number, b: number, ldb: number, c: number, ldc: number, mPanels: number, k: number, j0: number, j1: number, kc: number, beta: number, epi: number, arg: number): void;
  packA(src: number, ls: number, ks: number, extent: number, k: number, dst: number): void;
  packB(src: number, ls: number, ks: number, extent: number, k: number, dst: number): void;
}

/** Number of chunks of a product whose arguments are `a` (packing chunks of A included). */
export function chunkCount(a: ArrayLike<number>): number {
  const panels = a[ARG.panels] ?? 0;
  const chunk = a[ARG.chunk] ?? 1;
  return (a[ARG.packChunks] ?? 0) + Math.ceil(panels / chunk);
}

/**
 * Where a thread waits for the packing chunks of A of the current product:
 * `done` after one, `wait` before multiplying. Claims go in index order, so
 * when a thread reaches a product chunk every packing chunk is claimed and
 * being done; the wait is at most one packing chunk (or a worker's time
 * slice when another process preempts it). `wait` throws when a thread failed
 * (the flag of gemm-control's CONTROL.failed), which would never complete its chunk.
 */
export interface PackBarrier {
  done(): void;
  wait(chunks: number): void;
}

/** For chunks run one after another on one thread: the packing chunks come first, so there is nothing to wait for. */
export const IN_ORDER: PackBarrier = { done: () => undefined, wait: () => undefined };

/** The barrier on a control block's CONTROL.packed word (spinning briefly, then sleeping until notified). */
export function packBarrier(control: Int32Array, spins: number): PackBarrier {
  return {
    done: () => {
      Atomics.add(control, CONTROL.packed, 1);
      Atomics.notify(control, CONTROL.packed);
    },
    wait: (chunks) => {
      for (let spin = 0; ; spin++) {
        const packed = Atomics.load(control, CONTROL.packed);
        if (packed >= chunks) return;
        if (Atomics.load(control, CONTROL.failed) !== 0) throw new Error('gemm threads: a thread failed while packing A');
        if (spin > spins) Atomics.wait(control, CONTROL.packed, packed, 1);
      }
    },
  };
}

/**
 * Chunk `index`. The first ARG.packChunks chunks pack ARG.packPanels row
 * panels of A each (from ARG.a, lines step als bytes, K step aks; the last
 * one zero-padded) into the packed buffer at ARG.ap; none when the caller
 * packed A itself. Each following chunk packs column panels [j0, j1) of B
 * (lines step bls bytes, K step bks) into their place in the packed buffer,
 * waits for A (`barrier`, when A is packed in the task), then multiplies
 * them with every full row panel of the packed A (the epilogue, EPILOGUE of
 * gemm-module.ts, on the last K block).
 */
export function runChunk(kernel: ChunkKernel, a: ArrayLike<number>, index: number, barrier?: PackBarrier): void {
  const get = (i: number): number => a[i] ?? 0;
  const k = get(ARG.k);
  const bytes = get(ARG.bytes);
  const packChunks = get(ARG.packChunks);
  if (index < packChunks) {
    const mr = get(ARG.mr);
    const p0 = index * get(ARG.packPanels);
    const rows = Math.min(get(ARG.m), (p0 + get(ARG.packPanels)) * mr) - p0 * mr;
    if (rows > 0) kernel.packA(get(ARG.a) + p0 * mr * get(ARG.als), get(ARG.als), get(ARG.aks), rows, k, get(ARG.ap) + p0 * k * mr * bytes);
    barrier?.done();
    return;
  }
  const chunk = get(ARG.chunk);
  const j0 = (index - packChunks) * chunk;
  const j1 = Math.min(j0 + chunk, get(ARG.panels));
  if (j1 > j0) {
    const nr = get(ARG.nr);
    kernel.packB(get(ARG.b) + j0 * nr * get(ARG.bls), get(ARG.bls), get(ARG.bks), (j1 - j0) * nr, k, get(ARG.bp) + j0 * k * nr * bytes);
  }
  if (packChunks > 0) {
    if (barrier === undefined) throw new Error('gemm chunk: A is packed in the task but no barrier was given');
    barrier.wait(packChunks);
  }
  if (j1 > j0) kernel.macro(get(ARG.ap), get(ARG.bp), get(ARG.ldp), get(ARG.c), get(ARG.ldc), get(ARG.mPanels), k, j0, j1, get(ARG.kc), get(ARG.beta), get(ARG.epi), get(ARG.arg));
}

/** Most chunks a product is cut into (11 bits of the claim word). */
export const MAX_CHUNKS = 1024;

/**
 * The claim word: the product's sequence (10 bits), its chunk count (11) and
 * the next chunk (11). Carrying the count lets a worker refuse to claim past
 * the end, so a successful claim always holds back the product's completion,
 * and with it any change of the argument words.
 */
export function tag(sequence: number, chunks: number, chunk: number): number {
  return ((sequence & 0x3ff) << 22) | ((chunks & 0x7ff) << 11) | (chunk & 0x7ff);
}

/** The fields of a claim word. */
export function untag(word: number): { sequence: number; chunks: number; chunk: number } {
  return { sequence: (word >>> 22) & 0x3ff, chunks: (word >>> 11) & 0x7ff, chunk: word & 0x7ff };
}
