/**
 * Checkpoints: a trained model saved and loaded back evaluates to the same
 * loss and accuracy bit for bit (f32 and f64); damaged files are DataErrors
 * naming the file; an existing file is never replaced without force.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import { CheckpointExistsError, encodeCheckpoint, loadCheckpoint, saveCheckpoint } from '../../src/train/checkpoint.js';
import { DataError } from '../../src/train/data/data-error.js';
import { toDataset } from '../../src/train/data/dataset.js';
import { syntheticImages } from '../../src/train/data/synthetic.js';
import { evaluate } from '../../src/train/evaluate.js';
import { createModel } from '../../src/train/models/models.js';
import { trainNetwork } from '../../src/train/train-loop.js';
import type { DType } from '../../src/train/tensor.js';

const meta = (dtype: DType) => ({ model: 'mlp', dtype, hyperparameters: { lr: 0.05, batch: 32, epochs: 1, alpha: 1e-4 }, dataset: 'synthetic', seed: 3 });

async function trained(dtype: DType) {
  const be = await createBackend({ dtype });
  const s = syntheticImages({ train: 300, test: 100, seed: 3 });
  const train = toDataset(s.train.images, s.train.labels, { dtype, images: 'train', labels: 'train' });
  const test = toDataset(s.test.images, s.test.labels, { dtype, images: 'test', labels: 'test' });
  const rng = createRng(3);
  const net = createModel(be, 'mlp', { inputs: 784, classes: 10 }, rng);
  trainNetwork(be, net, train, undefined, meta(dtype).hyperparameters, { rng });
  return { be, net, test };
}

describe('checkpoints', () => {
  for (const dtype of ['f32', 'f64'] as const) {
    it(`should load back a trained MLP (${dtype}) that evaluates to the same loss and accuracy`, async () => {
      const { be, net, test } = await trained(dtype);
      const before = evaluate(be, net, test);
      const file = join(mkdtempSync(join(tmpdir(), 'gradtex-ckpt-')), 'mlp.ckpt');
      saveCheckpoint(file, net, { ...meta(dtype), test: before });
      const be2 = await createBackend({ dtype });
      const loaded = loadCheckpoint(be2, file);
      expect(loaded.network.spec).toEqual(net.spec);
      expect(loaded.meta).toEqual({ ...meta(dtype), test: before });
      const after = evaluate(be2, loaded.network, test);
      expect(after).toEqual(before);
      loaded.network.parameters().forEach((p, i) => expect(Array.from(p.value.data)).toEqual(Array.from(net.parameters()[i]?.value.data ?? [])));
      await be.close();
      await be2.close();
    });
  }

  it('should refuse to replace an existing file unless forced', async () => {
    const be = await createBackend({ dtype: 'f64' });
    const net = createModel(be, 'softmax', { inputs: 4, classes: 3 }, createRng(1));
    const file = join(mkdtempSync(join(tmpdir(), 'gradtex-ckpt-')), 'mine.ckpt');
    writeFileSync(file, 'my notes');
    expect(() => saveCheckpoint(file, net, meta('f64'))).toThrow(CheckpointExistsError);
    expect(readFileSync(file, 'utf8')).toBe('my notes');
    saveCheckpoint(file, net, meta('f64'), { force: true });
    expect(loadCheckpoint(be, file).network.spec.outputs).toBe(3);
    await be.close();
  });

  it('should reject damaged files with a DataError naming the file', async () => {
    const be = await createBackend({ dtype: 'f64' });
    const net = createModel(be, 'softmax', { inputs: 4, classes: 3 }, createRng(1));
    const good = encodeCheckpoint(net, meta('f64'));
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-ckpt-'));
    const cases: [string, Uint8Array, RegExp][] = [
      ['not-a-checkpoint', new TextEncoder().encode('hello world, not a checkpoint'), /no GTXCKPT1 magic/],
      ['truncated', good.subarray(0, good.length - 8), /run past the end/],
      ['short-header', good.subarray(0, 40), /header says/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      expect(() => loadCheckpoint(be, file)).toThrow(DataError);
      expect(() => loadCheckpoint(be, file)).toThrow(message);
    }
    expect(() => loadCheckpoint(be, join(dir, 'missing'))).toThrow(/cannot read/);
    await be.close();
  });
});
