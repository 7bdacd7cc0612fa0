/**
 * `npm run bench:train`: epochs of the MLP 784-256-128-64-10 (ReLU) with
 * minibatch SGD at batch 128 on 60,000 rows of 784 Float32 features, for
 * gradtex (one thread and two) and for the NumPy reference in the same run
 * (OPENBLAS_NUM_THREADS=1, then NumPy's default threads). Each is warmed up on
 * a slice of the data, then times BENCH_EPOCHS epochs (default 5) one after
 * the other in the same process; every figure printed is the median over
 * those epochs (wall, CPU and GEMM time alike), with the range of the wall
 * times beside it, the same treatment for gradtex and NumPy. Prints
 * samples/s, seconds per epoch, and GFLOP/s: the GEMM work of the epoch
 * (forward, weight and input gradients, 2 flops per multiply-add) over the
 * time inside the GEMM calls ("kernel") and over the whole epoch ("epoch"),
 * each also as a fraction of the machine's 128-bit WebAssembly SIMD peak for
 * the threads used, measured just before each run (train-peak.ts: a
 * multiply-add loop in registers). The last line is
 * `ratio vs numpy (1 thread): R` (gradtex's best median throughput over
 * NumPy's median single-thread throughput). The fused multiply-add kernel is
 * the default wherever the runtime has relaxed SIMD (on Node 20 switched on
 * at run time, see src/train/kernel/relaxed-simd.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import type { GemmCall } from '../../src/train/kernel/gemm.js';
import { relaxedSimdStatus } from '../../src/train/kernel/relaxed-simd.js';
import type { Dataset } from '../../src/train/data/dataset.js';
import { createModel } from '../../src/train/models/models.js';
import { trainNetwork } from '../../src/train/train-loop.js';
import { findNumpyPython } from '../reference/python.js';
import { cpuGhz, measureSimdPeak, type SimdPeak } from './train-peak.js';
import { median } from './timing.js';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 60000);
const FEATURES = 784;
const BATCH = 128;
/** Timed epochs per run; the figures are their medians. */
const EPOCHS = Math.max(1, Math.floor(Number(process.env['BENCH_EPOCHS'] ?? 5)));

function randomDataset(): Dataset {
  const rng = createRng(0);
  const x = new Float32Array(ROWS * FEATURES);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const labels = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) labels[i] = rng.int(0, 9);
  return { n: ROWS, features: FEATURES, classes: 10, x, labels, scaling: 'random' };
}

interface EpochResult {
  /** Median wall seconds of the timed epochs. */
  readonly seconds: number;
  /** Every timed epoch's wall seconds, in order. */
  readonly samples: readonly number[];
  /** Median CPU seconds of the whole process (every thread) per timed epoch. */
  readonly cpuSeconds: number;
  /** Median milliseconds inside the GEMM calls per timed epoch. */
  readonly gemmMs: number;
  readonly threads: number;
  readonly kernel: string;
  readonly flops: number;
  readonly peak: SimdPeak;
  readonly note?: string;
}

/** GEMM flops of one epoch: per row, forward and weight gradient through every layer, input gradient below the first. */
function epochFlops(layers: readonly { inputs: number; outputs: number }[], rows: number): number {
  const macs = layers.reduce((s, l) => s + l.inputs * l.outputs, 0);
  const firstMacs = (layers[0]?.inputs ?? 0) * (layers[0]?.outputs ?? 0);
  return 2 * rows * (2 * macs + (macs - firstMacs));
}

async function gradtexEpoch(data: Dataset, threads: number): Promise<EpochResult> {
  const base = await createBackend({ dtype: 'f32', threads });
  let gemmMs = 0;
  const be = {
    ...base,
    gemm: (call: GemmCall) => {
      const t = performance.now();
      base.gemm(call);
      gemmMs += performance.now() - t;
    },
  };
  const rng = createRng(1);
  const net = createModel(be, 'mlp', { inputs: FEATURES, classes: 10 }, rng);
  const hp = { lr: 0.01, batch: BATCH, epochs: 1, alpha: 1e-4 };
  // As `gradtex train` does: with worker threads the rows go into the shared memory once, before training.
  const resident = be.resident(data);
  // Warm-up: compile (wasm tier-up, JIT) on a slice of the data.
  const warmRows = Math.min(ROWS, BATCH * 20);
  const warm: Dataset = { ...resident, n: warmRows, x: resident.x.subarray(0, warmRows * FEATURES), labels: resident.labels.subarray(0, warmRows) };
  trainNetwork(be, net, warm, undefined, hp, { rng });
  const peak = measureSimdPeak(base.kernel === 'wasm SIMD+FMA');
  const samples: number[] = [];
  const cpu: number[] = [];
  const gemm: number[] = [];
  for (let e = 0; e < EPOCHS; e++) {
    gemmMs = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    trainNetwork(be, net, resident, undefined, hp, { rng });
    samples.push((performance.now() - t0) / 1000);
    const c1 = process.cpuUsage(c0);
    cpu.push((c1.user + c1.system) / 1e6);
    gemm.push(gemmMs);
  }
  const used = be.threads;
  await be.close();
  return { seconds: median(samples), samples, cpuSeconds: median(cpu), gemmMs: median(gemm), threads: used, kernel: base.kernel, flops: epochFlops(net.layers, ROWS), peak, ...(be.note === undefined ? {} : { note: be.note }) };
}

/** NumPy's epochs (warm-up, then EPOCHS timed in one process, as for gradtex): median wall and CPU seconds. */
function numpyEpoch(python: string, threads: string | undefined): { seconds: number; samples: readonly number[]; cpuSeconds: number; version: string; blas: string } | { error: string } {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'tests', 'reference', 'train_reference.py');
  const env = { ...process.env };
  // Set on some machines for old OpenBLAS builds; they slow a current NumPy (this child only).
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  delete env['OPENBLAS_NUM_THREADS'];
  delete env['OMP_NUM_THREADS'];
  if (threads !== undefined) {
    env['OPENBLAS_NUM_THREADS'] = threads;
    env['OMP_NUM_THREADS'] = threads;
  }
  const r = spawnSync(python, [script, 'bench', String(ROWS), String(BATCH), String(EPOCHS)], { encoding: 'utf8', env, timeout: 600_000 * EPOCHS });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'failed').trim().split('\n').slice(-1)[0] ?? 'failed' };
  const parsed = JSON.parse(r.stdout.trim().split('\n').slice(-1)[0] ?? '{}') as { seconds: number[]; cpu_seconds: number[]; numpy: string; blas?: string };
  return { seconds: median(parsed.seconds), samples: parsed.seconds, cpuSeconds: median(parsed.cpu_seconds), version: parsed.numpy, blas: parsed.blas ?? 'unknown BLAS' };
}

/** Median throughput and seconds per epoch, and the range of the epochs' wall times. */
const line = (label: string, seconds: number, samples: readonly number[]): string =>
  `${label.padEnd(36)} ${(ROWS / seconds).toFixed(0).padStart(8)} samples/s  ${seconds.toFixed(3)} s/epoch (median of ${samples.length}: ${Math.min(...samples).toFixed(3)}–${Math.max(...samples).toFixed(3)})`;

function gflopsLine(r: EpochResult): string {
  const kernel = r.flops / (r.gemmMs * 1e6);
  const epoch = r.flops / (r.seconds * 1e9);
  const peak = r.peak.gflops * r.threads;
  // Per CPU-second of the process (all its threads, a worker's spinning included): what the
  // epoch achieves while it actually runs, which a busy machine's waits do not dilute.
  const perCpu = r.flops / (r.cpuSeconds * 1e9);
  return `  ${kernel.toFixed(1)} GFLOP/s kernel (${(kernel / peak).toFixed(2)} of peak), ${epoch.toFixed(1)} GFLOP/s epoch (${(epoch / peak).toFixed(2)} of peak); peak ${peak.toFixed(1)} GFLOP/s = ${r.threads} × ${r.peak.gflops.toFixed(1)} measured just before; per CPU-second ${perCpu.toFixed(1)} GFLOP/s (${(perCpu / r.peak.gflops).toFixed(2)} of one thread's peak)`;
}

const load = loadavg()[0] ?? 0;
const cores = cpus().length;
console.log(`MLP 784-256-128-64-10, batch ${BATCH}, ${ROWS} rows, Float32, SGD; each run: warm-up, then ${EPOCHS} timed epoch(s) in one process, medians reported (gradtex and NumPy alike; BENCH_EPOCHS to change)`);
console.log(`machine: ${cores} cores (${cpus()[0]?.model ?? 'unknown CPU'}), load average ${load.toFixed(1)}${load > cores / 2 ? ' — busy with other processes: the timings are noisy, run it more than once' : ''}`);
console.log(`relaxed SIMD: ${relaxedSimdStatus()}`);
const data = randomDataset();
const one = await gradtexEpoch(data, 1);
console.log(`GEMM work per epoch: ${(one.flops / 1e9).toFixed(1)} GFLOP (forward, weight and input gradients; 2 flops per multiply-add)`);
const ghz = cpuGhz();
const nominal = ghz === undefined ? '' : `; for comparison, nominal ${ghz.toFixed(2)} GHz (/proc/cpuinfo) × 16 flops/cycle (two 128-bit FMA pipes assumed) = ${(ghz * 16).toFixed(1)} GFLOP/s per core`;
console.log(`128-bit wasm SIMD peak per thread: ${one.peak.gflops.toFixed(1)} GFLOP/s (${one.peak.method})${nominal}`);
console.log(line(`gradtex (${one.kernel}, 1 thread)`, one.seconds, one.samples) + `  (${one.cpuSeconds.toFixed(3)} CPU s)`);
console.log(gflopsLine(one));
const two = await gradtexEpoch(data, 2);
console.log(line(`gradtex (${two.kernel}, ${two.threads} threads)`, two.seconds, two.samples) + `  (${two.cpuSeconds.toFixed(3)} CPU s)` + (two.note === undefined ? '' : `  (${two.note})`));
console.log(gflopsLine(two));
console.log(`  scaling 1 → ${two.threads} threads: ${(one.seconds / two.seconds).toFixed(2)}× (median wall times)`);
const best = Math.min(one.seconds, two.seconds);

const python = findNumpyPython();
if (python === undefined) {
  console.log('numpy reference: SKIPPED (no python3 with numpy found: apt-get install python3-numpy)');
  console.log('ratio vs numpy (1 thread): unavailable');
} else {
  const np1 = numpyEpoch(python, '1');
  // OpenBLAS's threads spin while they wait: on a machine already oversubscribed, NumPy's default-threads run
  // takes ten times longer and slows everyone else, so it is left out then (it is not part of the ratio).
  const busy = loadavg()[0] ?? 0;
  const npd = busy > cores ? { error: `skipped: load average ${busy.toFixed(1)} on ${cores} cores` } : numpyEpoch(python, undefined);
  if (!('error' in np1)) console.log(`numpy BLAS: ${np1.blas} (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for the reference)`);
  if ('error' in npd) console.log(`numpy (default threads): ${npd.error.startsWith('skipped') ? '' : 'failed: '}${npd.error}`);
  else console.log(line(`numpy ${npd.version} (default threads)`, npd.seconds, npd.samples));
  if ('error' in np1) {
    console.log(`numpy (1 thread): failed: ${np1.error}`);
    console.log('ratio vs numpy (1 thread): unavailable');
  } else {
    console.log(line(`numpy ${np1.version} (1 thread)`, np1.seconds, np1.samples) + `  (${np1.cpuSeconds.toFixed(3)} CPU s)`);
    // On a busy machine wall time includes waiting for a core; CPU time does not (one thread each, so comparable).
    console.log(`cross-check, CPU time on 1 thread: gradtex ${one.cpuSeconds.toFixed(3)} s, numpy ${np1.cpuSeconds.toFixed(3)} s, ratio ${(np1.cpuSeconds / one.cpuSeconds).toFixed(2)}`);
    console.log(`ratio vs numpy (1 thread): ${(np1.seconds / best).toFixed(2)}`);
  }
}
