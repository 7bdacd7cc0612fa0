import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../src/numeric/rng.js';
import { DEFAULT_SHAPES } from '../../../src/train/kernel/gemm.js';
import { createGemmPool, workerScript } from '../../../src/train/kernel/gemm-pool.js';
import { createVectorOps, scalarVectorOps } from '../../../src/train/kernel/vector-ops.js';
import { createArena } from '../../../src/train/kernel/wasm-arena.js';

const arena = createArena(16);
// Sizes around the vector width (4 f32 / 2 f64 lanes) so every tail length occurs.
const SIZES = [1, 2, 3, 4, 5, 7, 8, 9, 10, 17, 64, 255];

describe('elementwise SIMD kernels', () => {
  for (const element of ['f32', 'f64'] as const) {
    const ops = createVectorOps(element, arena);
    const make = (n: number): Float32Array | Float64Array => (element === 'f32' ? arena.f32(n) : arena.f64(n));
    const round = element === 'f32' ? Math.fround : (x: number): number => x;
    const random = (n: number, seed: number): Float32Array | Float64Array => {
      const rng = createRng(seed);
      const a = make(n);
      for (let i = 0; i < n; i++) a[i] = rng.uniform(-2, 2);
      return a;
    };

    it(`should add a row vector and sum columns exactly as the scalar loops (${element}, every tail length)`, () => {
      for (const cols of SIZES) {
        for (const rows of [1, 3, 5]) {
          const y = random(rows * cols, cols);
          const b = random(cols, cols + 1);
          const want = y.slice();
          scalarVectorOps.addRowVector(want, rows, cols, b);
          ops.addRowVector(y, rows, cols, b);
          expect([...y]).toEqual([...want]);
          const g = random(cols, cols + 2);
          const gWant = g.slice();
          scalarVectorOps.addColumnSums(gWant, y, rows, cols);
          ops.addColumnSums(g, y, rows, cols);
          expect([...g]).toEqual([...gWant]);
        }
      }
    });

    it(`should apply ReLU and its backward mask exactly, −0 and NaN giving +0 (${element})`, () => {
      for (const n of SIZES) {
        const x = random(n, n);
        x[0] = -0;
        if (n > 2) x[2] = NaN;
        const y = make(n);
        const want = new Float64Array(n);
        scalarVectorOps.relu(want, x, n);
        ops.relu(y, x, n);
        expect([...y]).toEqual([...want]);
        expect(Object.is(y[0], 0)).toBe(true);
        const dy = random(n, n + 1);
        const dx = make(n);
        const dxWant = new Float64Array(n);
        scalarVectorOps.reluBackward(dxWant, y, dy, n);
        ops.reluBackward(dx, y, dy, n);
        expect([...dx]).toEqual([...dxWant]);
      }
    });

    it(`should do the SGD step v − lr·(g + α·v) in ${element} arithmetic and return Σv² before it`, () => {
      for (const n of SIZES) {
        const v = random(n, 3 * n);
        const g = random(n, 3 * n + 1);
        const lr = 0.1;
        const alpha = 0.003;
        const before = Float64Array.from(v);
        const squares = ops.sgd(v, g, lr, alpha);
        let s = 0;
        for (let i = 0; i < n; i++) {
          const w = before[i] ?? 0;
          s += w * w;
          const want = round(w - round(round(lr) * round((g[i] ?? 0) + round(round(alpha) * w))));
          expect(v[i]).toBe(want);
        }
        expect(squares).toBeCloseTo(s, 12);
      }
    });
  }

  it('should fall back to the scalar loops for arrays outside the arena', () => {
    const ops = createVectorOps('f64', arena);
    const v = Float64Array.of(1, 2, 3);
    expect(ops.sgd(v, Float64Array.of(1, 1, 1), 0.5, 0)).toBe(14);
    expect([...v]).toEqual([0.5, 1.5, 2.5]);
    const y = new Float64Array(3);
    ops.relu(y, Float64Array.of(-1, 0, 2), 3);
    expect([...y]).toEqual([0, 0, 2]);
  });
});

describe('elementwise steps new in the threaded backend', () => {
  it('should zero an array and gather rows by index exactly as the scalar loops (f32 and f64, every tail length)', () => {
    for (const element of ['f32', 'f64'] as const) {
      const ops = createVectorOps(element, arena);
      const make = (n: number): Float32Array | Float64Array => (element === 'f32' ? arena.f32(n) : arena.f64(n));
      for (const cols of SIZES) {
        const src = make(6 * cols);
        const rng = createRng(cols);
        for (let i = 0; i < src.length; i++) src[i] = rng.uniform(-1, 1);
        const order = arena.i32(4);
        order.set([5, 0, 3, 3]);
        const dst = make(4 * cols);
        const want = new Float64Array(4 * cols);
        scalarVectorOps.gatherRows(want, src, order, 4, cols);
        ops.gatherRows(dst, src, order, 4, cols);
        expect([...dst]).toEqual([...want]);
        ops.zero(dst);
        expect(dst.every((v) => Object.is(v, 0))).toBe(true);
      }
    }
  });
});

const script = workerScript();
describe.runIf(script !== undefined)('elementwise steps split between two threads', async () => {
  const pool = await createGemmPool({ threads: 2, shapes: [DEFAULT_SHAPES.f32, DEFAULT_SHAPES.f64], adaptive: false });
  afterAll(async () => pool.close());

  for (const element of ['f32', 'f64'] as const) {
    it(`should give bit-identical results and Σv² on one thread and on two (${element}, sizes above the sharing threshold)`, () => {
      const shared = createVectorOps(element, pool.arena, pool);
      const alone = createVectorOps(element, pool.arena);
      const make = (n: number, seed: number): Float32Array | Float64Array => {
        const x = element === 'f32' ? pool.arena.f32(n) : pool.arena.f64(n);
        const rng = createRng(seed);
        for (let i = 0; i < n; i++) x[i] = rng.uniform(-2, 2);
        return x;
      };
      const same = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));
      // 784×256 + 3: an odd tail; 128×256 activations; bias rows of 257 columns.
      const n = 784 * 256 + 3;
      expect(pool.worthSharingElements(n)).toBe(true);
      const v1 = make(n, 1);
      const v2 = v1.slice();
      const v2a = element === 'f32' ? pool.arena.f32(n) : pool.arena.f64(n);
      v2a.set(v2);
      const g = make(n, 2);
      expect(shared.sgd(v1, g, 0.1, 1e-3)).toBe(alone.sgd(v2a, g, 0.1, 1e-3));
      expect(same(v1, v2a)).toBe(true);

      const rows = 128;
      const cols = 257;
      const x = make(rows * cols, 3);
      const y1 = make(rows * cols, 4);
      const y2 = y1.slice();
      const y2a = make(rows * cols, 0);
      y2a.set(y2);
      const b = make(cols, 5);
      shared.addRowVector(y1, rows, cols, b);
      alone.addRowVector(y2a, rows, cols, b);
      expect(same(y1, y2a)).toBe(true);
      const gb1 = make(cols, 6);
      const gb2 = make(cols, 6);
      shared.addColumnSums(gb1, x, rows, cols);
      alone.addColumnSums(gb2, x, rows, cols);
      expect(same(gb1, gb2)).toBe(true);
      shared.relu(y1, x, rows * cols);
      alone.relu(y2a, x, rows * cols);
      expect(same(y1, y2a)).toBe(true);
      const dy = make(rows * cols, 7);
      shared.reluBackward(y1, x, dy, rows * cols);
      alone.reluBackward(y2a, x, dy, rows * cols);
      expect(same(y1, y2a)).toBe(true);

      const data = make(300 * cols, 8);
      const order = pool.arena.i32(rows);
      for (let r = 0; r < rows; r++) order[r] = (r * 37) % 300;
      shared.gatherRows(y1, data, order, rows, cols);
      alone.gatherRows(y2a, data, order, rows, cols);
      expect(same(y1, y2a)).toBe(true);
      expect(same(y1.subarray(cols, 2 * cols), data.subarray(37 * cols, 38 * cols))).toBe(true);
      shared.zero(y1);
      expect(y1.every((v) => Object.is(v, 0))).toBe(true);
    });
  }
});
