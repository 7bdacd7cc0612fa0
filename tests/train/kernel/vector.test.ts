import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/numeric/rng.js';
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
