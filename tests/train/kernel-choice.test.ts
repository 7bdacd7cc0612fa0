/**
 * Training results and the GEMM kernel: the fused multiply-add kernel
 * (relaxed SIMD, the default where the runtime has it) and the plain SIMD
 * kernel (multiply, then add) each give bit-identical weights and losses on
 * one thread and on two, because every entry of a product, and every element
 * of the elementwise steps, is computed by one thread in a fixed order. The
 * two kernels differ from each other only by rounding (a fused a·b + c rounds
 * once instead of twice), so across kernels the weights agree to a stated
 * tolerance, not bit for bit.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import type { Dataset } from '../../src/train/data/dataset.js';
import { permutation } from '../../src/train/data/split.js';
import { workerScript } from '../../src/train/kernel/gemm-pool.js';
import { relaxedSimd } from '../../src/train/kernel/relaxed-simd.js';
import { createModel } from '../../src/train/models/models.js';
import { trainNetwork } from '../../src/train/train-loop.js';
import { requireOrSkip } from '../document/tools.js';

const ROWS = 700; // 5 full batches of 128 and a last one of 60 (edge tiles, short batch)
const FEATURES = 784;

function randomData(): Dataset {
  const rng = createRng(5);
  const x = new Float32Array(ROWS * FEATURES);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const labels = new Int32Array(ROWS);
  for (let i = 0; i < ROWS; i++) labels[i] = rng.int(0, 9);
  return { n: ROWS, features: FEATURES, classes: 10, x, labels, scaling: 'random' };
}

interface Outcome {
  readonly kernel: string;
  readonly threads: number;
  readonly weights: Float32Array[];
  readonly losses: number[];
}

/** Two epochs of the MLP at batch 128, always sharing products and steps when threads > 1. */
async function train(fma: boolean, threads: number): Promise<Outcome> {
  const be = await createBackend({ dtype: 'f32', threads, fma, adaptive: false });
  try {
    // Resident: on two threads the batches are gathered by both threads too.
    const data = be.resident(randomData());
    if (threads > 1) expect(be.resident(data)).toBe(data);
    const net = createModel(be, 'mlp', { inputs: FEATURES, classes: 10 }, createRng(6));
    const order = permutation(ROWS, createRng(7));
    const run = trainNetwork(be, net, data, undefined, { lr: 0.05, batch: 128, epochs: 2, alpha: 1e-4 }, { rng: createRng(8), order: () => order });
    expect(run.status).toBe('completed');
    return {
      kernel: be.kernel,
      threads: be.threads,
      weights: net.parameters().map((p) => Float32Array.from(p.value.data)),
      losses: run.history.flatMap((h) => [h.trainLoss, h.objective]),
    };
  } finally {
    await be.close();
  }
}

function bitIdentical(a: Outcome, b: Outcome): boolean {
  return a.losses.every((v, i) => Object.is(v, b.losses[i])) && a.weights.every((w, p) => w.every((v, i) => Object.is(v, b.weights[p]?.[i])));
}

/** Largest |a − b| / (1 + |b|) over all weights. */
function maxDiff(a: Outcome, b: Outcome): number {
  let worst = 0;
  a.weights.forEach((w, p) =>
    w.forEach((v, i) => {
      const u = b.weights[p]?.[i] ?? NaN;
      worst = Math.max(worst, Math.abs(v - u) / (1 + Math.abs(u)));
    }),
  );
  return worst;
}

const script = workerScript();
it('should find the compiled gemm worker for the two-thread training tests (required in CI; skipped elsewhere)', (ctx) => {
  requireOrSkip(ctx, script !== undefined, 'the compiled gemm worker (npm run build)');
});

describe.runIf(script !== undefined)('training results by thread count and GEMM kernel', async () => {
  const plain1 = await train(false, 1);
  const plain2 = await train(false, 2);
  const fma = relaxedSimd();
  const fma1 = fma ? await train(true, 1) : undefined;
  const fma2 = fma ? await train(true, 2) : undefined;

  it('should run the fused multiply-add kernel by default on Node 20 and later (relaxed SIMD switched on at run time)', async () => {
    const major = Number(process.versions.node.split('.')[0]);
    if (major >= 20) expect(fma).toBe(true);
    const be = await createBackend({ dtype: 'f32' });
    expect(be.kernel).toBe(fma ? 'wasm SIMD+FMA' : 'wasm SIMD');
    await be.close();
  });

  it('should give bit-identical weights and losses on one thread and on two with the plain SIMD kernel', () => {
    expect([plain1.kernel, plain1.threads, plain2.threads]).toEqual(['wasm SIMD', 1, 2]);
    expect(bitIdentical(plain1, plain2)).toBe(true);
  });

  it('should give bit-identical weights and losses on one thread and on two with the fused multiply-add kernel', (ctx) => {
    if (fma1 === undefined || fma2 === undefined) return ctx.skip('no relaxed SIMD in this runtime');
    expect([fma1.kernel, fma1.threads, fma2.threads]).toEqual(['wasm SIMD+FMA', 1, 2]);
    expect(bitIdentical(fma1, fma2)).toBe(true);
  });

  it('should agree across the two kernels to 1e-6 relative after two epochs (rounding only), without being bit-identical', (ctx) => {
    if (fma1 === undefined) return ctx.skip('no relaxed SIMD in this runtime');
    const d = maxDiff(fma1, plain1);
    console.log(`fused vs plain kernel: largest weight difference ${d.toExponential(2)} (relative to 1 + |w|)`);
    // Twelve SGD steps in Float32 (measured 2.6e-8): a product's rounding differences reach a
    // weight only through the step lr·∂L/∂W, and they do not compound over so few steps.
    expect(d).toBeLessThan(1e-6);
    // The fused kernel really ran: one rounding fewer per multiply-add changes some bits.
    expect(d).toBeGreaterThan(0);
  });
});
