/**
 * Where an MLP epoch's time goes, for gradtex and NumPy side by side (a
 * profiling aid beside `npm run bench:train`, not part of its acceptance):
 * every backend call of the training step is wrapped with a clock and summed
 * per phase — GEMM by role (forward Z = X·W, weight gradient Xᵀ·∂Z, input
 * gradient ∂Z·Wᵀ), gather, bias add and gradient, ReLU forward and backward,
 * gradient zeroing, the SGD step; the rest of the epoch (softmax
 * cross-entropy in JavaScript, loop and call overhead) is "other". The NumPy
 * reference times the same phases (train_reference.py `phases`). The clocks
 * add a few microseconds per call; the epoch's own time is also given
 * without them (CPU and wall), measured first.
 *
 *     node dist/tests/bench/train-phases.bench.js [threads]    (BENCH_ROWS=… for fewer rows)
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend, type Backend } from '../../src/train/backend.js';
import type { Dataset } from '../../src/train/data/dataset.js';
import type { GemmCall } from '../../src/train/kernel/gemm.js';
import type { VectorOps } from '../../src/train/kernel/vector-ops.js';
import { createModel } from '../../src/train/models/models.js';
import { trainNetwork } from '../../src/train/train-loop.js';
import { findNumpyPython } from '../reference/python.js';

const ROWS = Number(process.env['BENCH_ROWS'] ?? 60000);
const FEATURES = 784;
const BATCH = 128;
const THREADS = Number(process.argv[2] ?? 1);

function randomDataset(): Dataset {
  const rng = createRng(0);
  const x = new Float32Array(ROWS * FEATURES);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const labels = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) labels[i] = rng.int(0, 9);
  return { n: ROWS, features: FEATURES, classes: 10, x, labels, scaling: 'random' };
}

/** CPU milliseconds of the process on one thread (a preempted call does not count its wait), wall milliseconds on more. */
let clockCalls = 0;
const clock = (): number => {
  clockCalls++;
  if (THREADS > 1) return performance.now();
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const phases = new Map<string, number>();
const add = (name: string, ms: number): void => {
  phases.set(name, (phases.get(name) ?? 0) + ms);
};

function gemmRole(call: GemmCall): string {
  if (call.transA === true) return 'gemm ∂W = Xᵀ·∂Z';
  if (call.transB === true) return 'gemm ∂X = ∂Z·Wᵀ';
  return 'gemm Z = X·W';
}

function timed(base: Backend): Backend {
  const names: Record<keyof VectorOps, string> = {
    addRowVector: 'bias add',
    addColumnSums: 'bias gradient',
    relu: 'relu',
    reluBackward: 'relu backward',
    sgd: 'sgd step',
    zero: 'zero gradients',
    gatherRows: 'gather (kernel)',
  };
  const vector = Object.fromEntries(
    (Object.keys(names) as (keyof VectorOps)[]).map((key) => [
      key,
      (...args: unknown[]) => {
        const t = clock();
        // The wrapped method with the caller's arguments, whatever its signature.
        const r = (base.vector[key] as (...a: unknown[]) => unknown)(...args);
        add(names[key], clock() - t);
        return r;
      },
    ]),
  ) as unknown as VectorOps;
  return {
    ...base,
    vector,
    gemm: (call) => {
      const t = clock();
      base.gemm(call);
      add(gemmRole(call), clock() - t);
    },
    gatherBatch: (...args) => {
      const t = clock();
      const r = base.gatherBatch(...args);
      add('gather (all)', clock() - t);
      return r;
    },
  };
}

async function gradtex(data: Dataset): Promise<{ wall: number; cpu: number; timedWall: number }> {
  const base = await createBackend({ dtype: 'f32', threads: THREADS });
  const be = timed(base);
  const rng = createRng(1);
  const net = createModel(be, 'mlp', { inputs: FEATURES, classes: 10 }, rng);
  const hp = { lr: 0.01, batch: BATCH, epochs: 1, alpha: 1e-4 };
  const resident = base.resident(data);
  const warm: Dataset = { ...resident, n: BATCH * 20, x: resident.x.subarray(0, BATCH * 20 * FEATURES), labels: resident.labels.subarray(0, BATCH * 20) };
  trainNetwork(base, net, warm, undefined, hp, { rng });
  trainNetwork(be, net, warm, undefined, hp, { rng });
  // Untimed epoch first (the real cost), then the instrumented one.
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  trainNetwork(base, net, resident, undefined, hp, { rng });
  const wall = performance.now() - t0;
  const c1 = process.cpuUsage(c0);
  phases.clear();
  clockCalls = 0;
  const t1 = clock();
  trainNetwork(be, net, resident, undefined, hp, { rng });
  const timedWall = clock() - t1;
  await base.close();
  return { wall, cpu: (c1.user + c1.system) / 1000, timedWall };
}

function numpy(): { phases: Record<string, number>; seconds: number; cpu_seconds: number; timed_seconds: number } | undefined {
  const python = findNumpyPython();
  if (python === undefined) return undefined;
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'tests', 'reference', 'train_reference.py');
  const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
  delete env['OPENBLAS_CORETYPE'];
  delete env['OPENBLAS_L2_SIZE'];
  const r = spawnSync(python, [script, 'phases', String(ROWS), String(BATCH)], { encoding: 'utf8', env, timeout: 600_000 });
  if (r.status !== 0) {
    console.log(`numpy phases failed: ${r.stderr}`);
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split('\n').slice(-1)[0] ?? '{}') as { phases: Record<string, number>; seconds: number; cpu_seconds: number; timed_seconds: number };
}

console.log(`MLP epoch phases, ${ROWS} rows, batch ${BATCH}, gradtex on ${THREADS} thread(s); load average ${(loadavg()[0] ?? 0).toFixed(1)}`);
const g = await gradtex(randomDataset());
const np = process.env['BENCH_NO_NUMPY'] === '1' ? undefined : numpy();
const order = ['gather (all)', 'gather (kernel)', 'gemm Z = X·W', 'bias add', 'relu', 'gemm ∂W = Xᵀ·∂Z', 'bias gradient', 'gemm ∂X = ∂Z·Wᵀ', 'relu backward', 'zero gradients', 'sgd step'];
const npNames: Record<string, string> = {
  'gather (all)': 'gather',
  'gemm Z = X·W': 'matmul forward',
  'bias add': 'bias add',
  relu: 'relu',
  'gemm ∂W = Xᵀ·∂Z': 'matmul dW',
  'bias gradient': 'bias gradient',
  'gemm ∂X = ∂Z·Wᵀ': 'matmul dX',
  'relu backward': 'relu backward',
  'sgd step': 'sgd step',
};
let accounted = 0;
console.log(`${'phase'.padEnd(22)} ${'gradtex ms'.padStart(11)} ${'numpy ms'.padStart(10)}`);
for (const name of order) {
  const ms = phases.get(name) ?? 0;
  if (name !== 'gather (kernel)') accounted += ms;
  const npKey = npNames[name];
  const npMs = npKey === undefined || np === undefined ? '' : (np.phases[npKey] ?? 0).toFixed(1);
  console.log(`${name.padEnd(22)} ${ms.toFixed(1).padStart(11)} ${npMs.padStart(10)}`);
}
// What the clocks themselves cost (they run inside the instrumented epoch): measured on a loop of calls.
const calls = clockCalls;
const c0 = clock();
for (let i = 0; i < 20000; i++) clock();
const perCall = (clock() - c0) / 20000;
console.log(`${'(clock overhead)'.padEnd(22)} ${(calls * perCall).toFixed(1).padStart(11)}   (${calls} reads at ${(perCall * 1000).toFixed(2)} µs)`);
const other = g.timedWall - accounted - calls * perCall;
console.log(`${'softmax-CE + other'.padEnd(22)} ${other.toFixed(1).padStart(11)} ${(np === undefined ? '' : ((np.phases['softmax CE'] ?? 0) + (np.phases['other'] ?? 0)).toFixed(1)).padStart(10)}`);
console.log(`${'epoch (instrumented)'.padEnd(22)} ${g.timedWall.toFixed(1).padStart(11)} ${(np === undefined ? '' : (np.timed_seconds * 1000).toFixed(1)).padStart(10)}`);
console.log(`epoch without clocks: gradtex ${g.wall.toFixed(1)} ms wall, ${g.cpu.toFixed(1)} ms CPU; numpy untimed epoch ${np === undefined ? '-' : `${(np.seconds * 1000).toFixed(1)} ms wall, ${(np.cpu_seconds * 1000).toFixed(1)} ms CPU`}`);
