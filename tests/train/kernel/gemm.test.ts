import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createGemm, DEFAULT_KC } from '../../../src/train/kernel/gemm.js';
import { naiveGemm } from '../../../src/train/kernel/gemm-naive.js';
import { createGemmPool, workerScript } from '../../../src/train/kernel/gemm-pool.js';
import { DEFAULT_SHAPES } from '../../../src/train/kernel/gemm.js';
import { createRng } from '../../../src/numeric/rng.js';
import { ARG, CHUNK_ARGS, MAX_CHUNKS, chunkCount, runChunk, tag, untag } from '../../../src/train/kernel/gemm-control.js';
import { requireOrSkip } from '../../document/tools.js';

const SEED = 20240611;

function filled<T extends Float32Array | Float64Array>(x: T, seed: number): T {
  const rng = createRng(seed);
  for (let i = 0; i < x.length; i++) x[i] = rng.uniform(-1, 1);
  return x;
}

/** Max |got - want| / (1 + |want|) over all entries. */
function maxError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < want.length; i++) e = Math.max(e, Math.abs((got[i] ?? NaN) - (want[i] ?? NaN)) / (1 + Math.abs(want[i] ?? 0)));
  return Number.isNaN(e) ? Infinity : e;
}

const dims = fc.record({
  m: fc.integer({ min: 1, max: 37 }),
  n: fc.integer({ min: 1, max: 37 }),
  k: fc.integer({ min: 1, max: 41 }),
  transA: fc.boolean(),
  transB: fc.boolean(),
  accumulate: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

describe('gemm kernel', () => {
  for (const element of ['f32', 'f64'] as const) {
    const tol = element === 'f32' ? 1e-5 : 1e-13;
    const g = createGemm({ element });
    const make = (n: number): Float32Array | Float64Array => (element === 'f32' ? new Float32Array(n) : new Float64Array(n));

    it(`should match the naive product for random ${element} shapes, transposes and accumulation (edges not multiples of the tile)`, () => {
      fc.assert(
        fc.property(dims, ({ m, n, k, transA, transB, accumulate, seed }) => {
          const a = filled(make(m * k), seed);
          const b = filled(make(k * n), seed + 1);
          const c0 = filled(make(m * n), seed + 2);
          const c = c0.slice();
          const want = naiveGemm({ m, n, k, a, b, transA, transB });
          if (accumulate) for (let i = 0; i < want.length; i++) want[i] = (want[i] ?? 0) + (c0[i] ?? 0);
          g.gemm({ m, n, k, a, b, c, transA, transB, accumulate });
          return maxError(c, want) < tol * Math.sqrt(k + 1);
        }),
        { seed: SEED, numRuns: 150 },
      );
    });

    it(`should match the naive product in ${element} when K spans several kc blocks and operands live in the arena`, () => {
      const m = 13;
      const n = 21;
      const k = DEFAULT_KC * 2 + 7;
      const a = filled(g.alloc(m * k), 1);
      const b = filled(g.alloc(k * n), 2);
      const c = g.alloc(m * n);
      g.gemm({ m, n, k, a, b, c, transB: false });
      expect(maxError(c, naiveGemm({ m, n, k, a, b }))).toBeLessThan(tol * Math.sqrt(k));
    });
  }

  it('should leave C untouched when n or m is 0 and zero it when k is 0', () => {
    const g = createGemm({ element: 'f64' });
    const c = Float64Array.of(5, 5);
    g.gemm({ m: 2, n: 1, k: 0, a: new Float64Array(0), b: new Float64Array(0), c });
    expect(Array.from(c)).toEqual([0, 0]);
    const d = Float64Array.of(5);
    g.gemm({ m: 1, n: 1, k: 0, a: new Float64Array(0), b: new Float64Array(0), c: d, accumulate: true });
    expect(Array.from(d)).toEqual([5]);
  });

  it('should cut the column panels into chunks that cover every panel once, in order', () => {
    for (let panels = 1; panels < 30; panels++) {
      for (let chunk = 1; chunk < 8; chunk++) {
        const args = new Int32Array(CHUNK_ARGS);
        args[ARG.panels] = panels;
        args[ARG.chunk] = chunk;
        args[ARG.nr] = 8;
        const seen: number[] = [];
        const kernel = {
          macro: (_ap: number, _b: number, _ldb: number, _c: number, _ldc: number, _m: number, _k: number, j0: number, j1: number) => {
            for (let j = j0; j < j1; j++) seen.push(j);
          },
          packA: () => undefined,
          packB: () => undefined,
        };
        for (let i = 0; i < chunkCount(args); i++) runChunk(kernel, args, i);
        expect(seen).toEqual(Array.from({ length: panels }, (_, j) => j));
      }
    }
  });

  it('should pack every row panel of A once in the first chunks, and multiply only after waiting for them', () => {
    const mr = 4;
    const k = 3;
    for (const m of [1, 4, 7, 8, 30, 128]) {
      const mPanels = Math.ceil(m / mr);
      for (let packChunks = 1; packChunks <= Math.min(mPanels, 5); packChunks++) {
        const args = new Int32Array(CHUNK_ARGS);
        Object.entries({ panels: 5, chunk: 2, nr: 8, k, bytes: 4, ap: 1000, a: 64, als: 4 * k, aks: 4, m, mr, packChunks, packPanels: Math.ceil(mPanels / packChunks) }).forEach(([key, v]) => {
          args[ARG[key as keyof typeof ARG]] = v;
        });
        const events: string[] = [];
        const rows: number[] = [];
        const kernel = {
          macro: (_ap: number, _b: number, _ldb: number, _c: number, _ldc: number, _m: number, _k: number, j0: number) => events.push(`macro ${j0}`),
          packA: (src: number, _ls: number, _ks: number, extent: number, _k: number, dst: number) => {
            // source row and destination panel agree: row r at a + r·als, its panel at ap + (r/MR)·k·MR·4
            const row = (src - 64) / (4 * k);
            expect(dst).toBe(1000 + (row / mr) * k * mr * 4);
            for (let r = row; r < row + extent; r++) rows.push(r);
          },
          packB: () => events.push('packB'),
        };
        let packed = 0;
        const barrier = {
          done: () => {
            packed++;
          },
          wait: (chunks: number) => {
            expect(chunks).toBe(packChunks);
            events.push(`wait ${packed}`);
          },
        };
        expect(chunkCount(args)).toBe(packChunks + 3);
        for (let i = 0; i < chunkCount(args); i++) runChunk(kernel, args, i, barrier);
        expect(rows).toEqual(Array.from({ length: m }, (_, r) => r));
        expect(events).toEqual([0, 2, 4].flatMap((j) => ['packB', `wait ${packChunks}`, `macro ${j}`]));
      }
    }
  });

  it('should round-trip the claim word for every product tag and chunk', () => {
    for (const sequence of [0, 1, 511, 512, 1023, 1024, 70000]) {
      for (const [chunks, chunk] of [[1, 0], [8, 3], [MAX_CHUNKS, MAX_CHUNKS - 1], [MAX_CHUNKS, MAX_CHUNKS]]) {
        const word = tag(sequence, chunks ?? 0, chunk ?? 0);
        expect(untag(word)).toEqual({ sequence: sequence & 0x3ff, chunks, chunk });
        // a claim is +1 on the word (Atomics.add / compareExchange)
        expect(untag(new Int32Array([word + 1])[0] ?? 0).chunk).toBe((chunk ?? 0) + 1);
      }
    }
  });
});

const script = workerScript();
it('should find the compiled gemm worker for the two-thread tests (required in CI; skipped elsewhere)', (ctx) => {
  requireOrSkip(ctx, script !== undefined, 'the compiled gemm worker (npm run build)');
});
describe.runIf(script !== undefined)('gemm kernel on two threads', async () => {
  const pool = await createGemmPool({ threads: 2, shapes: [DEFAULT_SHAPES.f32, DEFAULT_SHAPES.f64], adaptive: false });
  afterAll(async () => pool.close());

  it('should match the naive product when the work is split between threads', () => {
    const g = createGemm({ element: 'f32', pool });
    const rng = createRng(SEED);
    for (let trial = 0; trial < 12; trial++) {
      // Edge sizes (not multiples of the 4×8 tile), both transposes, accumulation.
      const m = 64 + rng.int(0, 40);
      const n = 64 + rng.int(0, 90);
      const k = 64 + rng.int(0, 300);
      const transA = rng.next() < 0.5;
      const transB = rng.next() < 0.5;
      const accumulate = trial % 3 === 2;
      const a = filled(g.alloc(m * k), trial);
      const b = filled(g.alloc(k * n), trial + 100);
      const c = filled(g.alloc(m * n), trial + 200);
      const want = naiveGemm({ m, n, k, a, b, transA, transB });
      if (accumulate) for (let i = 0; i < want.length; i++) want[i] = (want[i] ?? 0) + (c[i] ?? 0);
      expect(pool.worthSplitting(m, n, k)).toBe(true);
      g.gemm({ m, n, k, a, b, c, transA, transB, accumulate });
      expect(maxError(c, want)).toBeLessThan(1e-5 * Math.sqrt(k));
    }
  });

  it('should give bit-identical products on one thread and on two (each C entry is summed by one thread in the same order)', () => {
    const shared = createGemm({ element: 'f32', pool });
    const alone = createGemm({ element: 'f32', arena: pool.arena });
    // The MLP's products at batch 128, both transposes.
    for (const [m, n, k, transA, transB] of [[128, 256, 784, false, false], [784, 256, 128, true, false], [128, 256, 128, false, true], [128, 64, 128, false, false]] as const) {
      const a = filled(shared.alloc(m * k), m + n);
      const b = filled(shared.alloc(k * n), k);
      const c1 = filled(shared.alloc(m * n), 3);
      const c2 = c1.slice();
      shared.gemm({ m, n, k, a, b, c: c1, transA, transB, accumulate: true });
      alone.gemm({ m, n, k, a, b, c: c2, transA, transB, accumulate: true });
      expect(c1.every((v, i) => v === c2[i])).toBe(true);
    }
  });

  it('should stay correct over many back-to-back products (claims never cross products)', () => {
    const g = createGemm({ element: 'f64', pool });
    const m = 96;
    const n = 200;
    const k = 130;
    const a = filled(g.alloc(m * k), 1);
    const b = filled(g.alloc(k * n), 2);
    const want = naiveGemm({ m, n, k, a, b });
    const c = g.alloc(m * n);
    for (let rep = 0; rep < 300; rep++) {
      // accumulate doubles any chunk done twice; overwrite hides none done
      c.fill(0);
      g.gemm({ m, n, k, a, b, c, accumulate: true });
      if (rep % 50 === 0 || rep === 299) expect(maxError(c, want)).toBeLessThan(1e-12);
    }
  });
});

/**
 * The fused multiply-add kernel needs relaxed SIMD, which Node 20 has behind
 * a V8 flag that relaxed-simd.ts sets at run time: checked in a fresh child
 * process started without any flag, on the compiled code (like the worker tests).
 */
describe.runIf(script !== undefined)('gemm kernel with relaxed SIMD (fused multiply-add)', () => {
  it('should match the naive product for random shapes, transposes and accumulation in f32 and f64', (ctx) => {
    const url = (p: string): string => new URL(p, script).href;
    const program = `
      import { createGemm } from '${url('./gemm.js')}';
      import { naiveGemm } from '${url('./gemm-naive.js')}';
      import { relaxedSimd } from '${url('./relaxed-simd.js')}';
      if (!relaxedSimd()) { console.log(JSON.stringify({ available: false })); process.exit(0); }
      let worst = 0;
      let seed = 7;
      const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
      for (const element of ['f32', 'f64']) {
        const g = createGemm({ element, shape: { element, mr: 4, vectors: 2, fma: true } });
        const tol = element === 'f32' ? 1e-5 : 1e-13;
        for (let t = 0; t < 60; t++) {
          const m = 1 + Math.floor(Math.abs(rand()) * 40), n = 1 + Math.floor(Math.abs(rand()) * 40), k = 1 + Math.floor(Math.abs(rand()) * 300);
          const transA = rand() > 0, transB = rand() > 0, accumulate = rand() > 0;
          const make = (len) => { const x = g.alloc(len); for (let i = 0; i < len; i++) x[i] = rand(); return x; };
          const a = make(m * k), b = make(k * n), c = make(m * n);
          const want = naiveGemm({ m, n, k, a, b, transA, transB });
          if (accumulate) for (let i = 0; i < want.length; i++) want[i] += c[i];
          g.gemm({ m, n, k, a, b, c, transA, transB, accumulate });
          for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(c[i] - want[i]) / (1 + Math.abs(want[i])) / tol / Math.sqrt(k + 1));
        }
      }
      console.log(JSON.stringify({ available: true, worst }));
    `;
    const run = (flags: string[]) => spawnSync(process.execPath, [...flags, '--input-type=module', '-e', program], { encoding: 'utf8', timeout: 60_000 });
    const r = run([]);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').slice(-1)[0] ?? '{}') as { available: boolean; worst?: number };
    if (!out.available) {
      ctx.skip('this runtime has no relaxed SIMD, even after setting --experimental-wasm-relaxed-simd');
      return;
    }
    console.log(`relaxed SIMD kernel: worst error ${out.worst} of the tolerance`);
    // worst is the error in units of the tolerance the default kernel is held to
    expect(out.worst).toBeLessThan(1);
  });
});
