/**
 * Whether this JavaScript runtime compiles WebAssembly relaxed SIMD (the
 * proposal with fused multiply-add, f32x4.relaxed_madd), switching it on
 * where it can. V8 enables it by default from version 11.4 (Node 22); Node
 * 20 (V8 11.3) has it behind `--experimental-wasm-relaxed-simd`, which
 * `v8.setFlagsFromString` sets at run time: V8 reads its wasm feature flags
 * when it validates or compiles a module, so the flag takes effect for every
 * later compile, and V8's flags are per process, so worker threads started
 * afterwards see it too (a Worker's execArgv takes no V8 flags). The GEMM
 * micro-kernel uses the fused instruction when present: one instruction
 * instead of a multiply and an add, 41.7k instead of 35.9k MLP samples per
 * CPU-second on this machine. When the probe module still does not validate
 * (another engine, or a V8 without the feature) the plain SIMD kernel is used.
 *
 *     if (relaxedSimd()) shape = { ...shape, fma: true };
 */
import { setFlagsFromString } from 'node:v8';
import { assembleModule, FunctionBuilder } from './wasm-assembler.js';
import { wasm } from './wasm-api.js';

/** How relaxed SIMD became available, or why not. */
export type RelaxedSimdStatus = 'standard' | 'enabled by --experimental-wasm-relaxed-simd' | 'unavailable';

/** The V8 flag of Node 20; newer runtimes have the feature on by default and never need it. */
export const RELAXED_SIMD_FLAG = '--experimental-wasm-relaxed-simd';

let cached: RelaxedSimdStatus | undefined;

function probe(): Uint8Array {
  const f = new FunctionBuilder([], []);
  f.v128Zero().v128Zero().v128Zero().simd('f32x4.relaxed_madd').op('drop');
  return assembleModule({ memory: null, functions: [{ name: 'probe', body: f }] });
}

/** Whether relaxed SIMD compiles here, setting the V8 flag first when it is off (checked once per thread). */
export function relaxedSimdStatus(): RelaxedSimdStatus {
  if (cached !== undefined) return cached;
  const bytes = probe();
  if (wasm.validate(bytes)) {
    cached = 'standard';
    return cached;
  }
  try {
    setFlagsFromString(RELAXED_SIMD_FLAG);
  } catch {
    // A runtime without V8 flags: stay on the plain SIMD kernel.
  }
  // validate() is the gate; compiling as well catches a validator and compiler that disagree.
  let compiles = false;
  if (wasm.validate(bytes)) {
    try {
      wasm.compile(bytes);
      compiles = true;
    } catch {
      compiles = false;
    }
  }
  cached = compiles ? 'enabled by --experimental-wasm-relaxed-simd' : 'unavailable';
  return cached;
}

/** True when a module using f32x4.relaxed_madd compiles (after switching the feature on where possible). */
export function relaxedSimd(): boolean {
  return relaxedSimdStatus() !== 'unavailable';
}
