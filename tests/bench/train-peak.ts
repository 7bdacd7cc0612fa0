/**
 * The 128-bit WebAssembly SIMD peak of one thread on this machine, measured:
 * a loop of multiply-adds on values that stay in registers, no memory
 * traffic, twelve independent chains (more than an FMA's latency × its issue
 * width on current x86 cores, about 4 cycles × 2 per cycle) unrolled four
 * times, so the loop overhead is one branch per 48 vector operations. Each
 * chain is acc ← acc·m + c on f32x4: 8 flops per operation (4 lanes × 2),
 * with relaxed SIMD's fused madd when the runtime has it (as the training
 * kernel uses), else f32x4.mul then f32x4.add. Best of several short runs,
 * so a descheduled run on a busy machine does not count.
 *
 *     const { gflops, method } = measureSimdPeak(true);
 */
import { readFileSync } from 'node:fs';
import { assembleModule, FunctionBuilder } from '../../src/train/kernel/wasm-assembler.js';
import { wasm } from '../../src/train/kernel/wasm-api.js';

const CHAINS = 12;
const UNROLL = 4;
const FLOPS_PER_ITERATION = CHAINS * UNROLL * 8;

function peakModule(fma: boolean): Uint8Array {
  // (iterations, m, c) → Σ lane 0 of the accumulators (so nothing is dead code)
  const f = new FunctionBuilder(['i32', 'f32', 'f32'], ['f32']);
  const [iterations, m, c] = [0, 1, 2];
  const mv = f.local('v128');
  const cv = f.local('v128');
  const acc: number[] = [];
  for (let i = 0; i < CHAINS; i++) acc.push(f.local('v128'));
  f.get(m).simd('f32x4.splat').set(mv);
  f.get(c).simd('f32x4.splat').set(cv);
  for (const a of acc) f.get(c).simd('f32x4.splat').set(a);
  f.block(() =>
    f.loop(() => {
      f.get(iterations).op('i32.eqz').brIf(1);
      for (let u = 0; u < UNROLL; u++) {
        for (const a of acc) {
          if (fma) f.get(a).get(mv).get(cv).simd('f32x4.relaxed_madd').set(a);
          else f.get(a).get(mv).simd('f32x4.mul').get(cv).simd('f32x4.add').set(a);
        }
      }
      f.get(iterations).i32(1).op('i32.sub').set(iterations);
      f.br(0);
    }),
  );
  f.floatZero('f32');
  for (const a of acc) f.get(a).extractF32(0).op('f32.add');
  return assembleModule({ memory: null, functions: [{ name: 'peak', body: f }] });
}

function isPeak(x: unknown): x is { peak(iterations: number, m: number, c: number): number } {
  return typeof x === 'object' && x !== null && typeof (x as Record<string, unknown>)['peak'] === 'function';
}

export interface SimdPeak {
  /** GFLOP/s of one thread. */
  readonly gflops: number;
  /** How it was obtained, for the bench output. */
  readonly method: string;
}

/** Measured peak of one thread (fused multiply-add when `fma`). */
export function measureSimdPeak(fma: boolean): SimdPeak {
  const exports = wasm.instantiate(wasm.compile(peakModule(fma)), wasm.newMemory({ initial: 1, maximum: 1, shared: false }));
  if (!isPeak(exports)) throw new Error('simd peak: unexpected exports');
  const iterations = 200_000; // 77 MFLOP: about 3 ms at 25 GFLOP/s
  exports.peak(iterations, 0.999, 0.001); // tier-up
  let best = Infinity;
  for (let run = 0; run < 15; run++) {
    const t0 = performance.now();
    exports.peak(iterations, 0.999, 0.001);
    best = Math.min(best, performance.now() - t0);
  }
  const gflops = (iterations * FLOPS_PER_ITERATION) / (best * 1e6);
  const op = fma ? 'f32x4.relaxed_madd' : 'f32x4.mul + f32x4.add';
  return { gflops, method: `measured: best of 15 runs of ${CHAINS} independent ${op} chains in registers, one thread` };
}

/** The clock from /proc/cpuinfo (MHz of the first CPU listed), if readable. */
export function cpuGhz(): number | undefined {
  try {
    const m = /^cpu MHz\s*:\s*([\d.]+)/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    return m?.[1] === undefined ? undefined : Number(m[1]) / 1000;
  } catch {
    return undefined;
  }
}
