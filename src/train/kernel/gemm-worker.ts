/**
 * A GEMM worker thread: instantiates the kernels and the elementwise modules
 * on the shared memory, then loops: wait for a new task, claim and do chunks
 * of it until none are left (see gemm-control.ts; a task is a product's
 * column panels or an elementwise step's ranges, vector-control.ts). Started
 * by createGemmPool only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CHUNK_ARGS, CONTROL, CONTROL_FLOATS_AT, CONTROL_WORDS, COMMAND, TASK, packBarrier, runChunk, untag, type ChunkKernel } from './gemm-control.js';
import { relaxedSimd } from './relaxed-simd.js';
import { VECTOR_FLOATS, isVectorKernel, runVectorChunk, type VectorKernel } from './vector-control.js';
import { wasm, type WasmMemory, type WasmModule } from './wasm-api.js';

function isChunkKernel(x: unknown): x is ChunkKernel {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return typeof r['macro'] === 'function' && typeof r['packA'] === 'function' && typeof r['packB'] === 'function';
}

const data = workerData as { memory: WasmMemory; control: SharedArrayBuffer; modules: WasmModule[]; vectorModules: WasmModule[] };
// V8 flags are per process, so the caller's switch already holds here; checking (and switching it
// on if not) before instantiating keeps a worker started by other code on the same footing.
const fma = relaxedSimd();
const control = new Int32Array(data.control, 0, CONTROL_WORDS);
const floats = new Float64Array(data.control, CONTROL_FLOATS_AT, VECTOR_FLOATS);
const kernels: ChunkKernel[] = data.modules.map((m) => {
  const e = wasm.instantiate(m, data.memory);
  if (!isChunkKernel(e)) throw new Error('gemm worker: kernel without macro/packA/packB');
  return e;
});
const vectorKernels: VectorKernel[] = data.vectorModules.map((m) => {
  const e = wasm.instantiate(m, data.memory);
  if (!isVectorKernel(e)) throw new Error('gemm worker: elementwise module with unexpected exports');
  return e;
});
parentPort?.postMessage({ ready: true, relaxedSimd: fma });

/** About 0.1 ms of polling: products come back to back within a training step; then sleep until notified. */
const SPINS = 20000;
const args = new Int32Array(CHUNK_ARGS);
const barrier = packBarrier(control, SPINS);
const taskFloats = new Float64Array(VECTOR_FLOATS);
let seen = Atomics.load(control, CONTROL.sequence);
for (;;) {
  let spins = 0;
  while (Atomics.load(control, CONTROL.sequence) === seen) {
    if (++spins > SPINS) Atomics.wait(control, CONTROL.sequence, seen, 50);
  }
  seen = Atomics.load(control, CONTROL.sequence);
  if (Atomics.load(control, CONTROL.command) === COMMAND.exit) break;
  // Claim chunks of task `seen` only, and never past its last chunk: while
  // a claimed chunk is outstanding the caller keeps the task's arguments.
  for (;;) {
    const word = Atomics.load(control, CONTROL.next);
    const { sequence, chunks, chunk } = untag(word);
    if (sequence !== (seen & 0x3ff) || chunk >= chunks) break;
    if (Atomics.compareExchange(control, CONTROL.next, word, word + 1) !== word) continue;
    for (let i = 0; i < CHUNK_ARGS; i++) args[i] = Atomics.load(control, CONTROL.args + i);
    try {
      const slot = Atomics.load(control, CONTROL.slot);
      if (Atomics.load(control, CONTROL.kind) === TASK.vector) {
        const kernel = vectorKernels[slot];
        if (kernel === undefined) throw new Error(`no elementwise module in slot ${slot}`);
        // Written before the claim word was published (the Atomics stores order them).
        taskFloats.set(floats);
        runVectorChunk(kernel, args, taskFloats, chunk);
      } else {
        const kernel = kernels[slot];
        if (kernel === undefined) throw new Error(`no kernel in slot ${slot}`);
        runChunk(kernel, args, chunk, barrier);
      }
    } catch (err) {
      // The caller is blocked waiting and cannot hear an 'error' event: flag it in the control block.
      Atomics.store(control, CONTROL.failed, 1);
      parentPort?.postMessage(err instanceof Error ? err.message : String(err));
    }
    Atomics.add(control, CONTROL.completed, 1);
    Atomics.notify(control, CONTROL.completed);
  }
}
