/**
 * Reference equivalence: one epoch of minibatch SGD in gradtex (Float64)
 * against tests/reference/train_reference.py (NumPy) on the same data,
 * initial weights and batch order, written to a temp dir as .npy. The
 * weights after the epoch must agree to 1e-9 relative. Skipped, with a
 * message, when no python3 with NumPy is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import type { Dataset } from '../../src/train/data/dataset.js';
import { readNpy, writeNpy } from '../../src/train/data/npy.js';
import { permutation } from '../../src/train/data/split.js';
import { createModel, type ModelKind } from '../../src/train/models/models.js';
import { trainNetwork } from '../../src/train/train-loop.js';
import { findNumpyPython } from '../reference/python.js';
import { requireOrSkip } from '../document/tools.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'train_reference.py');
const python = findNumpyPython();
const itWithNumpy = python === undefined ? it.skip : it;

it('should find a python3 with NumPy for the reference (required in CI; skipped elsewhere)', (ctx) => {
  requireOrSkip(ctx, python !== undefined, 'python3 with NumPy (apt-get install python3-numpy)');
});

const be = await createBackend({ dtype: 'f64' });
afterAll(() => be.close());

/** Random pixels in [0, 1) and labels 0..9. */
function randomData(rows: number, features: number, seed: number): Dataset {
  const rng = createRng(seed);
  const x = new Float64Array(rows * features);
  for (let i = 0; i < x.length; i++) x[i] = rng.next();
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) labels[i] = rng.int(0, 9);
  return { n: rows, features, classes: 10, x, labels, scaling: 'random' };
}

/**
 * Largest |a − b| / max(|a|, |b|, floor) over the entries, floor = 1e-3 of the
 * largest |b|: a weight the epoch moved to near zero has no meaningful
 * relative error of its own (its rounding error is that of the terms that
 * cancelled: with a floor of 1e-6, one softmax weight of −3.7e-7 beside a
 * largest weight of 0.34 differed by 1e-16 absolute, "2.6e-10 relative").
 */
function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let top = 0;
  for (let i = 0; i < b.length; i++) top = Math.max(top, Math.abs(b[i] ?? 0));
  const floor = 1e-3 * top;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? NaN;
    const y = b[i] ?? NaN;
    const scale = Math.max(Math.abs(x), Math.abs(y), floor);
    const d = scale === 0 ? 0 : Math.abs(x - y) / scale;
    worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
  }
  return worst;
}

interface Case {
  readonly kind: ModelKind;
  readonly rows: number;
  readonly lr: number;
  readonly alpha: number;
  readonly batch: number;
}

/** Trains one epoch both ways; returns the max relative difference per parameter. */
function compare(c: Case, python: string): Map<string, number> {
  const features = 784;
  const data = randomData(c.rows, features, 11);
  const net = createModel(be, c.kind, { inputs: features, classes: 10 }, createRng(12));
  const order = permutation(c.rows, createRng(13));
  const dir = mkdtempSync(join(tmpdir(), 'gradtex-reference-'));
  try {
    writeFileSync(join(dir, 'x.npy'), writeNpy({ shape: [c.rows, features], dtype: 'f8', data: data.x }));
    writeFileSync(join(dir, 'y.npy'), writeNpy({ shape: [c.rows], dtype: 'i4', data: data.labels }));
    writeFileSync(join(dir, 'order.npy'), writeNpy({ shape: [c.rows], dtype: 'i4', data: order }));
    net.layers.forEach((layer, i) => {
      writeFileSync(join(dir, `W${i + 1}.npy`), writeNpy({ shape: [layer.inputs, layer.outputs], dtype: 'f8', data: layer.w.value.data }));
      writeFileSync(join(dir, `b${i + 1}.npy`), writeNpy({ shape: [layer.outputs], dtype: 'f8', data: layer.b.value.data }));
    });
    const run = spawnSync(python, [SCRIPT, 'train', dir, c.kind, String(c.lr), String(c.alpha), String(c.batch)], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`train_reference.py failed: ${run.stderr || run.error?.message}`);
    const result = trainNetwork(be, net, data, undefined, { lr: c.lr, batch: c.batch, epochs: 1, alpha: c.alpha }, { rng: createRng(14), order: () => order });
    expect(result.status).toBe('completed');
    const diffs = new Map<string, number>();
    net.layers.forEach((layer, i) => {
      for (const [name, p] of [[`W${i + 1}`, layer.w], [`b${i + 1}`, layer.b]] as const) {
        const want = readNpy(new Uint8Array(readFileSync(join(dir, `out_${name}.npy`))), name);
        expect(want.shape).toEqual(p === layer.b ? [layer.outputs] : [layer.inputs, layer.outputs]);
        diffs.set(name, maxRelDiff(p.value.data, want.data));
      }
    });
    return diffs;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('one epoch of SGD against the NumPy reference (Float64)', () => {
  const cases: { name: string; c: Case }[] = [
    // A batch that does not divide the rows checks the partial last batch (mean over its own size).
    { name: 'softmax regression 784→10 with a weight penalty', c: { kind: 'softmax', rows: 200, lr: 0.5, alpha: 0.01, batch: 32 } },
    { name: 'the MLP 784-256-128-64-10 with a weight penalty', c: { kind: 'mlp', rows: 200, lr: 0.05, alpha: 0.001, batch: 32 } },
  ];
  for (const { name, c } of cases) {
    itWithNumpy(`should leave the same weights as NumPy for ${name} (1e-9 relative)`, () => {
      if (python === undefined) return;
      const diffs = compare(c, python);
      const worst = Math.max(...diffs.values());
      console.log(`reference ${c.kind}: max relative difference ${worst.toExponential(2)} (${[...diffs].map(([k, v]) => `${k} ${v.toExponential(1)}`).join(', ')})`);
      expect(worst).toBeLessThan(1e-9);
    });
  }
});
