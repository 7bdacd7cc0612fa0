/**
 * `gradtex evaluate CHECKPOINT`: a model saved by `gradtex train --checkpoint`
 * scores exactly what training printed (softmax, MLP, logistic one-vs-rest,
 * synthetic data and a --data folder); checkpoints that are missing, not
 * checkpoints, damaged or do not fit the data are one-line errors with exit 2.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import { encodeCheckpoint } from '../../src/train/checkpoint.js';
import { writeNpy } from '../../src/train/data/npy.js';
import { syntheticImages } from '../../src/train/data/synthetic.js';
import { createModel } from '../../src/train/models/models.js';
import { cli, cliProcess } from '../cli/run.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'gradtex-evaluate-'));

/** The loss and accuracy as printed on the `test:` line. */
function testLine(stdout: string): { loss: string; accuracy: string } {
  const line = stdout.split('\n').find((l) => l.startsWith('test:')) ?? '';
  const m = /^test: (?:cross-entropy|log loss) (\S+), accuracy (\S+%)/.exec(line);
  return { loss: m?.[1] ?? `no test line in ${stdout}`, accuracy: m?.[2] ?? '' };
}

/** The course's .npy files for `s`, with images of side×side pixels. */
function npyFolder(side = 28, seed = 5): string {
  const dir = tmp();
  const s = syntheticImages({ train: 300, test: 100, seed });
  for (const [split, set] of [['train', s.train], ['test', s.test]] as const) {
    const n = set.images.shape[0] ?? 0;
    const images = side === 28 ? set.images : { dtype: 'f8' as const, data: new Float64Array(n * side * side).map((_, i) => (i % 7) / 7) };
    writeFileSync(join(dir, `fashion_mnist_${split}_images.npy`), writeNpy({ ...images, shape: [n, side, side] }));
    writeFileSync(join(dir, `fashion_mnist_${split}_labels.npy`), writeNpy(set.labels));
  }
  return dir;
}

describe('gradtex score', () => {
  it('should print the test numbers gradtex train printed, on the synthetic data of the checkpoint\'s seed', async () => {
    const file = join(tmp(), 'softmax.ckpt');
    const t = await cli(['train', 'softmax', '--epochs', '1', '--seed', '4', '--checkpoint', file]);
    expect(t.code, t.stderr).toBe(0);
    const e = await cli(['score', file]);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stderr).toBe('');
    expect(testLine(e.stdout)).toEqual(testLine(t.stdout));
    expect(e.stdout).toContain("data: built-in synthetic dataset (1000 test images, 10 classes) made from the checkpoint's seed 4\n");
    expect(e.stdout).toContain('(1000 rows, f32; as saved with the checkpoint)');
    const j = await cli(['score', file, '--format', 'json']);
    expect(j.code, j.stderr).toBe(0);
    const out = JSON.parse(j.stdout) as { test: { loss: number; accuracy: number }; trained: { test: { loss: number; accuracy: number } }; data: { synthetic: boolean; seed: number } };
    // bit for bit the evaluation training recorded
    expect({ loss: out.test.loss, accuracy: out.test.accuracy }).toEqual(out.trained.test);
    expect(out.data).toMatchObject({ synthetic: true, seed: 4, testRows: 1000 });
    // the old name still works for one release, with a note on stderr
    const old = await cli(['evaluate', file]);
    expect(old.code, old.stderr).toBe(0);
    expect(old.stderr).toContain('`gradtex evaluate` is now `gradtex score`');
    expect(old.stdout).toBe(e.stdout);
  });

  for (const [model, extra] of [
    ['mlp', ['--epochs', '1']],
    ['logistic', ['--epochs', '2', '--positive', '3']],
  ] as const) {
    it(`should print the test numbers gradtex train printed for the same ${model} model and --data`, async () => {
      const data = npyFolder();
      const file = join(tmp(), `${model}.ckpt`);
      const t = await cli(['train', model, '--data', data, '--batch', '32', ...extra, '--checkpoint', file]);
      expect(t.code, t.stderr).toBe(0);
      const e = await cli(['score', file, '--data', data]);
      expect(e.code, e.stderr).toBe(0);
      expect(e.stderr).toBe('');
      expect(e.stdout).toContain(`data: .npy files in ${data}\n`);
      expect(testLine(e.stdout)).toEqual(testLine(t.stdout));
      expect(e.stdout).toContain('(100 rows, f32; as saved with the checkpoint)');
      if (model === 'logistic') {
        expect(e.stdout).toContain('test: log loss ');
        expect(e.stdout).toMatch(/^positive class: 3 \(one-vs-rest; [\d.]+% of the test set is positive\)$/m);
      }
    });
  }

  it('should evaluate on the test split of --data, and in another dtype on request', async () => {
    const data = npyFolder();
    const file = join(tmp(), 'npy.ckpt');
    const t = await cli(['train', 'softmax', '--data', data, '--epochs', '2', '--batch', '32', '--checkpoint', file]);
    expect(t.code, t.stderr).toBe(0);
    const e = await cli(['score', file, '--data', data]);
    expect(e.code, e.stderr).toBe(0);
    expect(e.stdout).toContain(`data: .npy files in ${data}\n`);
    expect(e.stdout).toContain('(100 rows, f32; as saved with the checkpoint)');
    expect(testLine(e.stdout)).toEqual(testLine(t.stdout));
    // trained on files, evaluated without them: said on stderr, and the saved result is shown beside
    const s = await cli(['score', file]);
    expect(s.code, s.stderr).toBe(0);
    expect(s.stderr).toBe(`gradtex: note: ${file} was trained on .npy files in ${data}, but no --data was given: evaluating on the built-in synthetic dataset\n`);
    expect(s.stdout).toContain(`saved with the checkpoint: cross-entropy ${testLine(t.stdout).loss}, accuracy ${testLine(t.stdout).accuracy} (on .npy files in ${data}, f32)`);
    const d = await cli(['score', file, '--data', data, '--dtype', 'f64']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain("f64, converted from the checkpoint's f32");
  });

  it('should reject files that are missing, not checkpoints or damaged: one line naming the file, exit 2, no stack trace', async () => {
    const dir = tmp();
    const good = join(dir, 'good.ckpt');
    expect((await cli(['train', 'softmax', '--data', npyFolder(), '--epochs', '1', '--checkpoint', good])).code).toBe(0);
    const bytes = readFileSync(good);
    const n = bytes.readUInt32LE(8);
    const header = bytes.subarray(12, 12 + n).toString('utf8');
    const broken = header.replace('"seed":1,', '"seed" 1,');
    expect(broken).not.toBe(header);
    // The yaml parser places the damage at the value that lacks its ':'.
    const col = broken.indexOf('"seed" 1') + '"seed" '.length + 1;
    const damaged = Buffer.concat([bytes.subarray(0, 12), Buffer.from(broken), bytes.subarray(12 + n)]);
    writeFileSync(join(dir, 'damaged.ckpt'), damaged);
    writeFileSync(join(dir, 'truncated.ckpt'), bytes.subarray(0, bytes.length - 100));
    writeFileSync(join(dir, 'notes.txt'), 'my notes, not a checkpoint\n');
    writeFileSync(join(dir, 'header.json'), header);
    mkdirSync(join(dir, 'folder'));
    const cases: [string, string][] = [
      ['missing.ckpt', 'cannot read: no such file'],
      ['folder', 'cannot read: is a folder, not a checkpoint file'],
      ['notes.txt', '(byte 0): not a gradtex checkpoint (no GTXCKPT1 magic)'],
      ['header.json', '(byte 0): not a gradtex checkpoint (no GTXCKPT1 magic)'],
      ['damaged.ckpt', `: the JSON header is damaged at header line 1:${col}: Missing , or : between flow map items`],
      ['truncated.ckpt', 'the values of layer1.W run past the end of the file'],
    ];
    for (const [name, message] of cases) {
      const file = join(dir, name);
      // the built binary for two of them (no stack trace on a real process), in-process for the rest
      const r = name === 'damaged.ckpt' || name === 'folder' ? cliProcess(['score', file]) : await cli(['score', file]);
      expect(r.code, `${name}: ${r.stderr}`).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split("\n"), r.stderr).toHaveLength(2);
      expect(r.stderr.startsWith(`gradtex: ${file}`), r.stderr).toBe(true);
      expect(r.stderr).toContain(message);
    }
  });

  it('should reject a checkpoint whose input size or classes do not fit the data', async () => {
    const be = await createBackend({ dtype: 'f64' });
    const dir = tmp();
    const meta = { model: 'softmax', dtype: 'f64' as const, hyperparameters: { lr: 0.1, batch: 8, epochs: 1, alpha: 0 }, dataset: 'somewhere', seed: 1, synthetic: true };
    const small = join(dir, 'small.ckpt');
    writeFileSync(small, encodeCheckpoint(createModel(be, 'softmax', { inputs: 4, classes: 10 }, createRng(1)), meta));
    const three = join(dir, 'three.ckpt');
    writeFileSync(three, encodeCheckpoint(createModel(be, 'softmax', { inputs: 784, classes: 3 }, createRng(1)), meta));
    const logistic = join(dir, 'logistic.ckpt');
    writeFileSync(logistic, encodeCheckpoint(createModel(be, 'logistic', { inputs: 784, classes: 10 }, createRng(1)), { ...meta, model: 'logistic', positiveClass: 12 }));
    const older = join(dir, 'older.ckpt');
    writeFileSync(older, encodeCheckpoint(createModel(be, 'logistic', { inputs: 784, classes: 10 }, createRng(1)), { ...meta, model: 'logistic' }));
    await be.close();
    // a logistic checkpoint saved before the positive class was recorded: class 0, said so
    const o = await cli(['score', older]);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).toBe(`gradtex: note: ${older} does not record its positive class (saved by an older gradtex); assuming class 0\n`);
    expect(o.stdout).toContain('positive class: 0 (one-vs-rest;');
    // zero weights: σ(0) = 1/2 everywhere, log loss ln 2
    expect(o.stdout).toContain('test: log loss 0.6931, accuracy ');
    const a = await cli(['score', small]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(`gradtex: ${small}: the model takes 4 inputs, but the images of the synthetic dataset of seed 1 have 784 values per row; this checkpoint was trained on somewhere\n`);
    const b = await cli(['score', three]);
    expect(b.code).toBe(2);
    expect(b.stderr).toBe(`gradtex: ${three}: the model has 3 output classes, but the synthetic dataset of seed 1 has 10\n`);
    const c = await cli(['score', logistic]);
    expect(c.code).toBe(2);
    expect(c.stderr).toBe(`gradtex: ${logistic}: the model's positive class is 12, but the synthetic dataset of seed 1 has only classes 0 to 9\n`);
    // a 28×28 model on 10×10 images
    const data = npyFolder(10);
    const trainedOn = npyFolder();
    const file = join(tmp(), 'softmax.ckpt');
    expect((await cli(['train', 'softmax', '--data', trainedOn, '--epochs', '1', '--checkpoint', file])).code).toBe(0);
    const d = await cli(['score', file, '--data', data]);
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(`gradtex: ${file}: the model takes 784 inputs, but the images of .npy files in ${data} have 100 values per row; this checkpoint was trained on .npy files in ${trainedOn}\n`);
  });
});
