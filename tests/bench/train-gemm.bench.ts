/**
 * GEMM kernel benchmark: GFLOP/s of the WebAssembly kernel for the MLP's
 * product shapes, per tile shape and thread count (the measurements behind
 * DEFAULT_SHAPES). Run: npm run build && node dist/tests/bench/train-gemm.bench.js
 */
import { createGemm, type Gemm } from '../../src/train/kernel/gemm.js';
import { createGemmPool } from '../../src/train/kernel/gemm-pool.js';
import type { KernelShape } from '../../src/train/kernel/gemm-module.js';
import { createArena } from '../../src/train/kernel/wasm-arena.js';

interface Case {
  name: string;
  m: number;
  n: number;
  k: number;
  transA?: boolean;
  transB?: boolean;
}

// Batch 128 through 784-256-128-64-10: forward, weight gradient, input gradient.
const CASES: Case[] = [
  { name: 'fwd 128x784x256', m: 128, n: 256, k: 784 },
  { name: 'dW 784x128x256 (Aᵀ)', m: 784, n: 256, k: 128, transA: true },
  { name: 'dX 128x256x128 (Bᵀ)', m: 128, n: 256, k: 128, transB: true },
  { name: 'fwd 128x256x128', m: 128, n: 128, k: 256 },
];

function bench(g: Gemm, c: Case): number {
  const a = g.alloc(c.m * c.k);
  const b = g.alloc(c.k * c.n);
  const out = g.alloc(c.m * c.n);
  for (let i = 0; i < a.length; i++) a[i] = (i % 7) * 0.1;
  for (let i = 0; i < b.length; i++) b[i] = (i % 5) * 0.1;
  const call = { m: c.m, n: c.n, k: c.k, a, b, c: out, transA: c.transA ?? false, transB: c.transB ?? false };
  for (let i = 0; i < 20; i++) g.gemm(call);
  const reps = Math.max(20, Math.round(2e9 / (2 * c.m * c.n * c.k)));
  const t0 = performance.now();
  for (let i = 0; i < reps; i++) g.gemm(call);
  const s = (performance.now() - t0) / 1000;
  return (2 * c.m * c.n * c.k * reps) / s / 1e9;
}

const shapes: KernelShape[] = [
  { element: 'f32', mr: 4, vectors: 2 },
  { element: 'f32', mr: 4, vectors: 3 },
  { element: 'f32', mr: 6, vectors: 2 },
  { element: 'f32', mr: 5, vectors: 2 },
  { element: 'f32', mr: 3, vectors: 4 },
  { element: 'f32', mr: 8, vectors: 2 },
];
const threadCounts = process.argv.includes('--one') ? [1] : [1, 2];
for (const threads of threadCounts) {
  for (const shape of shapes) {
    const arena = createArena();
    const pool = threads > 1 ? await createGemmPool({ threads, shapes: [shape], arena }) : undefined;
    const g = pool === undefined ? createGemm({ element: 'f32', arena, shape }) : createGemm({ element: 'f32', shape, pool });
    const results = CASES.map((c) => `${c.name}: ${bench(g, c).toFixed(1)}`);
    console.log(`threads ${threads} mr ${shape.mr} nr ${shape.vectors * 4} | ${results.join(' | ')} GFLOP/s`);
    await g.close();
  }
}
