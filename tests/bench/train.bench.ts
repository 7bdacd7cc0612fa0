/**
 * `npm run bench:train`: one epoch of the MLP 784-256-128-64-10 (ReLU) with
 * minibatch SGD at batch 128 on 60,000 rows of 784 Float32 features, for
 * gradtex (one thread and two) and for the NumPy reference in the same run
 * (OPENBLAS_NUM_THREADS=1, then NumPy's default threads). Prints samples/s
 * and seconds per epoch; the last line is `ratio vs numpy (1 thread): R`
 * (gradtex's best throughput over NumPy's single-thread throughput).
 * `node --experimental-wasm-relaxed-simd dist/tests/bench/train.bench.js`
 * measures the fused multiply-add kernel on Node 20.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import { relaxedSimd } from '../../src/train/kernel/relaxed-simd.js';
import type { Dataset } from '../../src/train/data/dataset.js';
import { createModel } from '../../src/train/models/models.js';
import { trainNetwork } from '../../src/train/train-loop.js';
import { findNumpyPython } from '../reference/python.js';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 60000);
const FEATURES = 784;
const BATCH = 128;

function randomDataset(): Dataset {
  const rng = createRng(0);
  const x = new Float32Array(ROWS * FEATURES);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const labels = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) labels[i] = rng.int(0, 9);
  return { n: ROWS, features: FEATURES, classes: 10, x, labels, scaling: 'random' };
}

async function gradtexEpoch(data: Dataset, threads: number): Promise<{ seconds: number; threads: number; note?: string }> {
  const be = await createBackend({ dtype: 'f32', threads });
  const rng = createRng(1);
  const net = createModel(be, 'mlp', { inputs: FEATURES, classes: 10 }, rng);
  const hp = { lr: 0.01, batch: BATCH, epochs: 1, alpha: 1e-4 };
  // Warm-up: compile (wasm tier-up, JIT) on a slice of the data.
  const warmRows = Math.min(ROWS, BATCH * 20);
  const warm: Dataset = { ...data, n: warmRows, x: data.x.subarray(0, warmRows * FEATURES), labels: data.labels.subarray(0, warmRows) };
  trainNetwork(be, net, warm, undefined, hp, { rng });
  const t0 = performance.now();
  trainNetwork(be, net, data, undefined, hp, { rng });
  const seconds = (performance.now() - t0) / 1000;
  const used = be.threads;
  await be.close();
  return { seconds, threads: used, ...(be.note === undefined ? {} : { note: be.note }) };
}

function numpyEpoch(python: string, threads: string | undefined): { seconds: number; version: string; blas: string } | { error: string } {
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
  const r = spawnSync(python, [script, 'bench', String(ROWS), String(BATCH)], { encoding: 'utf8', env, timeout: 600_000 });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'failed').trim().split('\n').slice(-1)[0] ?? 'failed' };
  const parsed = JSON.parse(r.stdout.trim().split('\n').slice(-1)[0] ?? '{}') as { seconds: number; numpy: string; blas?: string };
  return { seconds: parsed.seconds, version: parsed.numpy, blas: parsed.blas ?? 'unknown BLAS' };
}

const line = (label: string, seconds: number): string => `${label.padEnd(34)} ${(ROWS / seconds).toFixed(0).padStart(8)} samples/s  ${seconds.toFixed(3)} s/epoch`;

console.log(`MLP 784-256-128-64-10, batch ${BATCH}, ${ROWS} rows, Float32, one epoch of SGD`);
const data = randomDataset();
const one = await gradtexEpoch(data, 1);
// Relaxed SIMD (fused multiply-add) is used where the runtime has it: Node 22, or Node 20 with --experimental-wasm-relaxed-simd.
const simd = relaxedSimd() ? 'wasm SIMD+FMA' : 'wasm SIMD';
console.log(line(`gradtex (${simd}, 1 thread)`, one.seconds));
const two = await gradtexEpoch(data, 2);
console.log(line(`gradtex (${simd}, ${two.threads} threads)`, two.seconds) + (two.note === undefined ? '' : `  (${two.note})`));
const best = Math.min(one.seconds, two.seconds);

const python = findNumpyPython();
if (python === undefined) {
  console.log('numpy reference: SKIPPED (no python3 with numpy found: apt-get install python3-numpy)');
  console.log('ratio vs numpy (1 thread): unavailable');
} else {
  const np1 = numpyEpoch(python, '1');
  const npd = numpyEpoch(python, undefined);
  if (!('error' in np1)) console.log(`numpy BLAS: ${np1.blas} (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset for the reference)`);
  if ('error' in npd) console.log(`numpy (default threads): failed: ${npd.error}`);
  else console.log(line(`numpy ${npd.version} (default threads)`, npd.seconds));
  if ('error' in np1) {
    console.log(`numpy (1 thread): failed: ${np1.error}`);
    console.log('ratio vs numpy (1 thread): unavailable');
  } else {
    console.log(line(`numpy ${np1.version} (1 thread)`, np1.seconds));
    console.log(`ratio vs numpy (1 thread): ${(np1.seconds / best).toFixed(2)}`);
  }
}
