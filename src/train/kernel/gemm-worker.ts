/**
 * A GEMM worker thread: instantiates the kernels on the shared memory, then
 * loops: wait for a new sequence number, compute its share of the column
 * panels, count itself done. Started by createGemmPool only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CONTROL, COMMAND, share } from './gemm-control.js';
import { wasm, type WasmMemory, type WasmModule } from './wasm-api.js';

interface Macro {
  macro(ap: number, b: number, ldb: number, c: number, ldc: number, mPanels: number, k: number, j0: number, j1: number, kc: number, beta: number): void;
}

function isMacro(x: unknown): x is Macro {
  return typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>)['macro'] === 'function';
}

const data = workerData as { memory: WasmMemory; control: SharedArrayBuffer; modules: WasmModule[]; index: number; threads: number };
const control = new Int32Array(data.control);
const kernels: Macro[] = data.modules.map((m) => {
  const e = wasm.instantiate(m, data.memory);
  if (!isMacro(e)) throw new Error('gemm worker: kernel without macro');
  return e;
});
parentPort?.postMessage('ready');

let seen = Atomics.load(control, CONTROL.sequence);
for (;;) {
  let spins = 0;
  while (Atomics.load(control, CONTROL.sequence) === seen) {
    // Spin briefly (products come back to back during training), then sleep.
    if (++spins > 200000) Atomics.wait(control, CONTROL.sequence, seen, 50);
  }
  seen = Atomics.load(control, CONTROL.sequence);
  if (control[CONTROL.command] === COMMAND.exit) break;
  const kernel = kernels[control[CONTROL.slot] ?? 0];
  const a = (i: number): number => control[CONTROL.args + i] ?? 0;
  const j0 = a(7);
  const [s0, s1] = share(a(8) - j0, data.threads, data.index);
  try {
    if (kernel === undefined) throw new Error(`no kernel in slot ${control[CONTROL.slot] ?? -1}`);
    if (s1 > s0) kernel.macro(a(0), a(1), a(2), a(3), a(4), a(5), a(6), j0 + s0, j0 + s1, a(9), a(10));
  } catch (err) {
    // The caller is blocked waiting and cannot hear an 'error' event: flag it in the control block.
    Atomics.store(control, CONTROL.failed, 1);
    parentPort?.postMessage(err instanceof Error ? err.message : String(err));
  }
  Atomics.add(control, CONTROL.done, 1);
  Atomics.notify(control, CONTROL.done);
}
