/**
 * The GEMM's fused epilogues (bias, bias + ReLU, ReLU backward mask) give
 * bit for bit what the product followed by the separate elementwise ops gave
 * (the training step used to run them as passes of their own), on edge
 * shapes, for operands in the arena (the kernel's store) and outside it
 * (applied after), on one thread and on two.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/numeric/rng.js';
import { createGemm, type FloatArray, type Gemm } from '../../../src/train/kernel/gemm.js';
import { createGemmPool, workerScript } from '../../../src/train/kernel/gemm-pool.js';
import { DEFAULT_SHAPES } from '../../../src/train/kernel/gemm.js';
import { scalarVectorOps } from '../../../src/train/kernel/vector-ops.js';

function filled<T extends FloatArray>(x: T, seed: number): T {
  const rng = createRng(seed);
  // Some exact zeros and negative zeros, so the ReLU's and the mask's boundary cases occur.
  for (let i = 0; i < x.length; i++) x[i] = i % 11 === 0 ? 0 : i % 13 === 0 ? -0 : rng.uniform(-1, 1);
  return x;
}

const sameBits = (a: FloatArray, b: FloatArray): boolean => a.length === b.length && a.every((v, i) => Object.is(v, b[i]));

/** Shapes with partial row and column panels, one K block and several, both transposes. */
const SHAPES: readonly (readonly [number, number, number, boolean, boolean])[] = [
  [7, 10, 5, false, false],
  [128, 64, 128, false, false],
  [33, 21, 300, false, true],
  [130, 256, 784, false, false],
  [128, 30, 64, false, true],
];

function check(g: Gemm, inArena: boolean, element: 'f32' | 'f64'): void {
  const make = (n: number): FloatArray => (inArena ? g.alloc(n) : element === 'f32' ? new Float32Array(n) : new Float64Array(n));
  for (const [m, n, k, transA, transB] of SHAPES) {
    const a = filled(make(m * k), m);
    const b = filled(make(k * n), n);
    const bias = filled(make(n), k);
    const mask = filled(make(m * n), m + n);
    for (const relu of [false, true]) {
      const want = make(m * n);
      g.gemm({ m, n, k, a, b, c: want, transA, transB });
      scalarVectorOps.addRowVector(want, m, n, bias);
      if (relu) scalarVectorOps.relu(want, want, m * n);
      const got = make(m * n);
      g.gemm({ m, n, k, a, b, c: got, transA, transB, bias, relu });
      expect(sameBits(got, want), `${element} ${m}×${n}×${k} bias${relu ? '+relu' : ''} in arena ${inArena}`).toBe(true);
    }
    const want = make(m * n);
    g.gemm({ m, n, k, a, b, c: want, transA, transB });
    scalarVectorOps.reluBackward(want, mask, want, m * n);
    const got = make(m * n);
    g.gemm({ m, n, k, a, b, c: got, transA, transB, mask });
    expect(sameBits(got, want), `${element} ${m}×${n}×${k} mask in arena ${inArena}`).toBe(true);
  }
}

describe('gemm epilogues', () => {
  for (const element of ['f32', 'f64'] as const) {
    it(`should add the bias, apply ReLU and the backward mask exactly as the separate passes (${element}, in and out of the arena)`, () => {
      const g = createGemm({ element });
      check(g, true, element);
      check(g, false, element);
    });
  }

  it('should refuse a mask combined with a bias', () => {
    const g = createGemm({ element: 'f32' });
    const x = g.alloc(4);
    expect(() => g.gemm({ m: 2, n: 2, k: 1, a: x, b: x, c: g.alloc(4), bias: x, mask: x })).toThrow(/mask/);
  });
});

describe.runIf(workerScript() !== undefined)('gemm epilogues on two threads', async () => {
  const pool = await createGemmPool({ threads: 2, shapes: [DEFAULT_SHAPES.f32], adaptive: false });
  afterAll(async () => pool.close());
  it('should give the same bits as the separate passes when the columns are split between threads', () => {
    check(createGemm({ element: 'f32', pool }), true, 'f32');
  });
});
