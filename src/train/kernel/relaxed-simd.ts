/**
 * Whether this JavaScript runtime compiles WebAssembly relaxed SIMD (the
 * proposal with fused multiply-add, f32x4.relaxed_madd). V8 enables it by
 * default from version 11.4 (Node 22); Node 20 needs
 * `node --experimental-wasm-relaxed-simd`. The GEMM micro-kernel uses it when
 * present: one fused instruction instead of a multiply and an add measured
 * 41.7k instead of 35.9k MLP samples per CPU-second on this machine.
 *
 *     if (relaxedSimd()) shape = { ...shape, fma: true };
 */
import { assembleModule, FunctionBuilder } from './wasm-assembler.js';
import { wasm } from './wasm-api.js';

let cached: boolean | undefined;

/** True when a module using f32x4.relaxed_madd compiles (checked once). */
export function relaxedSimd(): boolean {
  if (cached !== undefined) return cached;
  const f = new FunctionBuilder([], []);
  f.v128Zero().v128Zero().v128Zero().simd('f32x4.relaxed_madd').op('drop');
  try {
    wasm.compile(assembleModule({ memory: null, functions: [{ name: 'probe', body: f }] }));
    cached = true;
  } catch {
    cached = false;
  }
  return cached;
}
