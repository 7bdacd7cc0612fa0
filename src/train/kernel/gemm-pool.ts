/**
 * Worker threads for the GEMM kernel: the calling thread and `threads - 1`
 * workers share the chunks of one product (see gemm-control.ts), and of the
 * elementwise steps of training (vector-control.ts, runVector). They share
 * the arena's WebAssembly.Memory, so nothing is copied; a small control block
 * of Int32 words on a SharedArrayBuffer carries the arguments and the claims,
 * and Atomics.wait/notify wake idle workers (after a short spin, since
 * products come back to back during training).
 *
 *     const pool = await createGemmPool({ threads: 2, shapes: [DEFAULT_SHAPES.f32] });
 *     const g = createGemm({ element: 'f32', pool });
 *     ...
 *     await pool.close();
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileKernel } from './gemm.js';
import type { KernelShape } from './gemm-module.js';
import { createArena, type WasmArena } from './wasm-arena.js';
import { createSharePolicy } from './share-policy.js';
import { CONTROL, CONTROL_FLOATS_AT, CONTROL_WORDS, CHUNK_ARGS, COMMAND, IN_ORDER, MAX_CHUNKS, TASK, chunkCount, packBarrier, runChunk, tag, untag, type ChunkKernel } from './gemm-control.js';
import { VECTOR_FLOATS, runVectorChunk, vectorChunkCount, type VectorKernel } from './vector-control.js';
import { vectorModuleBytes } from './vector-module.js';
import { wasm } from './wasm-api.js';

export interface GemmPool {
  readonly arena: WasmArena;
  readonly threads: number;
  /** The slot of a kernel shape given at creation (undefined: not available to workers). */
  register(shape: KernelShape): number | undefined;
  /** True when a product of this size is worth the hand-over (about 20 µs). */
  worthSplitting(m: number, n: number, k: number): boolean;
  /**
   * Runs every chunk of a product of `multiplyAdds` (`args`: the CHUNK_ARGS
   * words of gemm-control.ts), claiming chunks on this thread with `kernel`
   * alongside the workers, or alone when the share policy says sharing is
   * currently slower (see share-policy.ts); returns when all are done.
   */
  run(slot: number, args: ArrayLike<number>, kernel: ChunkKernel, multiplyAdds: number): void;
  /** The slot of the elementwise module for an element type (undefined: not available to workers). */
  vectorSlot(element: 'f32' | 'f64'): number | undefined;
  /** True when sharing an elementwise task of this many elements is worth the hand-over. */
  worthSharingElements(elements: number): boolean;
  /**
   * Runs every chunk of an elementwise task (`args`: the VARG words of
   * vector-control.ts, `floats` its VFLOAT words) here with `kernel` and on
   * the workers, or all here while the share policy says sharing is slower.
   */
  runVector(slot: number, args: ArrayLike<number>, floats: ArrayLike<number>, kernel: VectorKernel): void;
  close(): Promise<void>;
}

export interface GemmPoolOptions {
  readonly threads: number;
  readonly shapes: readonly KernelShape[];
  readonly arena?: WasmArena;
  /** Measure sharing against running alone and pick the faster (default true; tests turn it off to always share). */
  readonly adaptive?: boolean;
}

/** Multiply-adds below which one thread is faster than a hand-over. */
const SPLIT_THRESHOLD = 1 << 18;

/** Polls of a control word (about 0.15 ms) before the caller sleeps until a worker's notify. */
const SPINS = 20000;

/** Elements below which an elementwise step is faster on one thread (a hand-over costs microseconds, a 32k-element pass about ten). */
const ELEMENT_THRESHOLD = 1 << 15;

function sameShape(a: KernelShape, b: KernelShape): boolean {
  return a.element === b.element && a.mr === b.mr && a.vectors === b.vectors && (a.fma ?? false) === (b.fma ?? false);
}

/** The compiled worker script: beside this file when running from dist/, else dist/ under the repo root (tests run sources). */
export function workerScript(): URL | undefined {
  const here = new URL('./gemm-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const path = fileURLToPath(import.meta.url);
  const marker = `${'/'}src${'/'}train${'/'}kernel${'/'}`;
  const at = path.lastIndexOf(marker);
  if (at < 0) return undefined;
  const compiled = `${path.slice(0, at)}/dist/src/train/kernel/gemm-worker.js`;
  return existsSync(compiled) ? pathToFileURL(compiled) : undefined;
}


/**
 * Starts `threads - 1` workers (resolves once each has instantiated every
 * kernel). Throws when the compiled worker script is missing (run `npm run build`).
 *
 *     const pool = await createGemmPool({ threads: 2, shapes: [DEFAULT_SHAPES.f32, DEFAULT_SHAPES.f64] });
 */
export async function createGemmPool(options: GemmPoolOptions): Promise<GemmPool> {
  const arena = options.arena ?? createArena();
  const threads = Math.max(1, Math.floor(options.threads));
  const shapes = [...options.shapes];
  const modules = shapes.map((s) => compileKernel(s, arena).module);
  // The elementwise module for each element type of the kernels.
  const elements = [...new Set(shapes.map((s) => s.element))];
  const vectorModules = elements.map((e) => wasm.compile(vectorModuleBytes(e, { initialPages: 1, maximumPages: 32768, shared: true })));
  const controlBuffer = new SharedArrayBuffer(CONTROL_FLOATS_AT + VECTOR_FLOATS * 8);
  const control = new Int32Array(controlBuffer, 0, CONTROL_WORDS);
  const controlFloats = new Float64Array(controlBuffer, CONTROL_FLOATS_AT, VECTOR_FLOATS);
  const workers: Worker[] = [];
  if (threads > 1) {
    const script = workerScript();
    if (script === undefined) throw new Error('gemm threads: the compiled worker (dist/src/train/kernel/gemm-worker.js) is missing; run npm run build');
    const ready: Promise<void>[] = [];
    for (let w = 1; w < threads; w++) {
      const worker = new Worker(script, { workerData: { memory: arena.memory, control: controlBuffer, modules, vectorModules } });
      ready.push(
        new Promise((resolve, reject) => {
          worker.once('message', (m: unknown) => {
            const has = typeof m === 'object' && m !== null && (m as { relaxedSimd?: unknown }).relaxedSimd === true;
            if (shapes.some((s) => s.fma === true) && !has) reject(new Error('gemm threads: a worker thread has no relaxed SIMD for the fused multiply-add kernel'));
            else resolve();
          });
          worker.once('error', reject);
        }),
      );
      workers.push(worker);
    }
    try {
      await Promise.all(ready);
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
    // Workers block in Atomics.wait while idle; they must not keep Node alive.
    for (const w of workers) w.unref();
  }
  let closed = false;
  const policy = createSharePolicy();
  const barrier = packBarrier(control, SPINS);
  /**
   * Publishes a task and claims its chunks here alongside the workers; returns
   * once all are done, with the milliseconds spent on this thread's chunks and
   * waiting for the workers' last ones.
   */
  const share = (kind: number, slot: number, args: ArrayLike<number>, chunks: number, runHere: (chunk: number) => void): { mine: number; waited: number } => {
    if (chunks > MAX_CHUNKS) throw new RangeError(`gemm threads: ${chunks} chunks exceed ${MAX_CHUNKS}`);
    if (args.length > CHUNK_ARGS) throw new RangeError(`gemm threads: ${args.length} argument words, at most ${CHUNK_ARGS}`);
    const t0 = performance.now();
    for (let i = 0; i < CHUNK_ARGS; i++) control[CONTROL.args + i] = args[i] ?? 0;
    control[CONTROL.slot] = slot;
    control[CONTROL.kind] = kind;
    control[CONTROL.command] = COMMAND.run;
    Atomics.store(control, CONTROL.completed, 0);
    Atomics.store(control, CONTROL.packed, 0);
    // The claim word first, then the sequence: a worker woken by the new
    // sequence must find the new task's chunks.
    const sequence = Atomics.load(control, CONTROL.sequence) + 1;
    Atomics.store(control, CONTROL.next, tag(sequence, chunks, 0));
    Atomics.store(control, CONTROL.sequence, sequence);
    Atomics.notify(control, CONTROL.sequence);
    for (;;) {
      const { chunk } = untag(Atomics.add(control, CONTROL.next, 1));
      if (chunk >= chunks) break;
      try {
        runHere(chunk);
      } catch (err) {
        // A worker waiting for this chunk's packing of A must not wait forever (PackBarrier checks the flag).
        closed = true;
        Atomics.store(control, CONTROL.failed, 1);
        Atomics.notify(control, CONTROL.packed);
        throw err;
      }
      Atomics.add(control, CONTROL.completed, 1);
    }
    const t1 = performance.now();
    // Only chunks a worker claimed are outstanding now: each is being computed.
    let spins = 0;
    for (;;) {
      const done = Atomics.load(control, CONTROL.completed);
      if (done >= chunks) break;
      if (++spins > SPINS) Atomics.wait(control, CONTROL.completed, done, 1);
    }
    const t2 = performance.now();
    if (Atomics.load(control, CONTROL.failed) !== 0) {
      closed = true;
      throw new Error('gemm threads: a worker failed; the pool is closed');
    }
    return { mine: t1 - t0, waited: t2 - t1 };
  };
  const pool: GemmPool = {
    arena,
    threads,
    register: (shape) => {
      const i = shapes.findIndex((s) => sameShape(s, shape));
      return i < 0 ? undefined : i;
    },
    worthSplitting: (m, n, k) => !closed && threads > 1 && m * n * k >= SPLIT_THRESHOLD,
    run: (slot, args, kernel, multiplyAdds) => {
      const shared = options.adaptive === false || policy.share();
      const t0 = performance.now();
      if (!shared) {
        for (let i = 0, chunks = chunkCount(args); i < chunks; i++) runChunk(kernel, args, i, IN_ORDER);
        policy.record(false, performance.now() - t0, multiplyAdds, false);
        return;
      }
      const { mine, waited } = share(TASK.gemm, slot, args, chunkCount(args), (i) => runChunk(kernel, args, i, barrier));
      policy.record(true, mine + waited, multiplyAdds, waited > mine);
    },
    vectorSlot: (element) => {
      const i = elements.indexOf(element);
      return i < 0 ? undefined : i;
    },
    worthSharingElements: (n) => !closed && threads > 1 && n >= ELEMENT_THRESHOLD,
    runVector: (slot, args, floats, kernel) => {
      const chunks = vectorChunkCount(args);
      // The GEMM's measurements decide for the elementwise steps too: they share the same threads and load.
      if (options.adaptive !== false && !policy.share()) {
        for (let i = 0; i < chunks; i++) runVectorChunk(kernel, args, floats, i);
        return;
      }
      for (let i = 0; i < VECTOR_FLOATS; i++) controlFloats[i] = floats[i] ?? 0;
      share(TASK.vector, slot, args, chunks, (i) => runVectorChunk(kernel, args, floats, i));
    },
    close: async () => {
      if (closed) return;
      closed = true;
      control[CONTROL.command] = COMMAND.exit;
      Atomics.add(control, CONTROL.sequence, 1);
      Atomics.notify(control, CONTROL.sequence);
      // Keep the process alive until each worker has seen the exit command.
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              if (w.threadId < 0) return resolve();
              w.ref();
              w.once('exit', () => resolve());
            }),
        ),
      );
    },
  };
  return pool;
}
