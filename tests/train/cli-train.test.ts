/**
 * `gradtex train` and `gradtex experiment` end to end on the built-in
 * synthetic dataset: documented accuracies, reproducible for a seed,
 * divergence reported with exit 1 (the report still written), bad input as
 * one line with exit 2, search, checkpoints and never overwriting files.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../src/train/backend.js';
import { loadCheckpoint } from '../../src/train/checkpoint.js';
import { loadData } from '../../src/train/data/load-dir.js';
import { writeNpy } from '../../src/train/data/npy.js';
import { oneVsRest } from '../../src/train/data/one-vs-rest.js';
import { syntheticImages } from '../../src/train/data/synthetic.js';
import { evaluate } from '../../src/train/evaluate.js';
import { BIN, cli, cliProcess } from '../cli/run.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'gradtex-train-'));

/** The result lines without the timings, which differ between runs. */
function withoutTimes(stdout: string): string {
  return stdout.replace(/\s+\d+\.\d\ds$/gm, '').replace(/; [\d.e+-]+ s in all/, '');
}

function testAccuracy(stdout: string): number {
  const m = /accuracy (\d+\.\d+)%/.exec(stdout.split('\n').find((l) => l.startsWith('test:')) ?? '');
  return m === null ? NaN : Number(m[1]) / 100;
}

describe('gradtex train on the synthetic dataset', () => {
  it('should train softmax regression to the documented accuracy, the same numbers twice for a seed', async () => {
    const a = await cli(['train', 'softmax', '--seed', '1']);
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toContain('data: built-in synthetic dataset');
    expect(a.stdout).toContain('settings: lr 0.1, batch 64, epochs 10, α 1e-4, seed 1, f32');
    expect(a.stdout.match(/^ +\d+ /gm)).toHaveLength(10);
    // README, "Training": 94.40% with these defaults
    expect(testAccuracy(a.stdout)).toBeGreaterThanOrEqual(0.93);
    const b = await cli(['train', 'softmax', '--seed', '1']);
    expect(withoutTimes(b.stdout)).toBe(withoutTimes(a.stdout));
    const c = await cli(['train', 'softmax', '--seed', '2', '--epochs', '2']);
    expect(withoutTimes(c.stdout)).not.toBe(withoutTimes(a.stdout));
  });

  it('should train the MLP past softmax regression in a few epochs', async () => {
    const r = await cli(['train', 'mlp', '--epochs', '4']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('784-256-128-64-10, ReLU, softmax cross-entropy');
    expect(testAccuracy(r.stdout)).toBeGreaterThanOrEqual(0.9);
  });

  it('should train on the course\'s .npy files given with --data and say where the data came from', async () => {
    const dir = tmp();
    const s = syntheticImages({ train: 300, test: 100, seed: 5 });
    for (const [split, set] of [['train', s.train], ['test', s.test]] as const) {
      writeFileSync(join(dir, `fashion_mnist_${split}_images.npy`), writeNpy({ ...set.images, shape: [set.images.shape[0] ?? 0, 28, 28] }));
      writeFileSync(join(dir, `fashion_mnist_${split}_labels.npy`), writeNpy(set.labels));
    }
    const r = await cli(['train', 'softmax', '--data', dir, '--epochs', '3', '--batch', '32']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`data: .npy files in ${dir}\nsplit: 270 train / 30 validation / 100 test\n`);
    expect(r.stdout).not.toContain('synthetic');
    expect(testAccuracy(r.stdout)).toBeGreaterThan(0.5);
  });

  it('should stop a diverging run with exit 1, name the weights kept, and still write the report', async () => {
    const dir = tmp();
    const r = await cli(['train', 'softmax', '--lr', '1e300', '--epochs', '3', '--report', dir, '--checkpoint', join(dir, 'w.ckpt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gradtex: training diverged: the loss became (NaN|-?Infinity) in epoch 1, batch \d+ of \d+ \(learning rate 1e\+300\); kept the weights of the initialisation\. Try a smaller --lr\.$/m);
    expect(r.stderr).toContain('no checkpoint written, because training diverged');
    expect(existsSync(join(dir, 'w.ckpt'))).toBe(false);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('Training diverged');
    expect(existsSync(join(dir, 'report.tex'))).toBe(true);
  });

  it('should search a grid on the validation split, print the table and train the chosen setting', async () => {
    const dir = tmp();
    const r = await cli(['train', 'softmax', '--search', '--epochs', '2', '--batch', '128', '--report', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('search: 6 settings');
    const rows = r.stdout.split('\n').filter((l) => /^ +[\d.]+ +128 +2 /.test(l));
    expect(rows).toHaveLength(6);
    expect(rows.filter((l) => l.endsWith('<- chosen'))).toHaveLength(1);
    const chosen = /^chosen: lr ([\d.]+), batch 128, epochs 2, α (\S+), seed 1, f32$/m.exec(r.stdout);
    expect(chosen).not.toBeNull();
    // the chosen row is the one with the least validation loss
    const losses = rows.map((l) => Number(l.trim().split(/ +/)[4]));
    const best = rows[losses.indexOf(Math.min(...losses))] ?? '';
    expect(best.endsWith('<- chosen')).toBe(true);
    expect(best.trim().split(/ +/)[0]).toBe(chosen?.[1]);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Grid search: 6 settings');
    expect(html.match(/<tr class="chosen">/g)).toHaveLength(1);
  });

  it('should save a checkpoint that loads back to the printed test accuracy (logistic, one-vs-rest)', async () => {
    const file = join(tmp(), 'logistic.ckpt');
    const r = await cli(['train', 'logistic', '--epochs', '2', '--positive', '3', '--checkpoint', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('positive class: 3 (one-vs-rest; 10.00% of the test set is positive)');
    expect(r.stdout).toContain(`wrote ${file}`);
    const be = await createBackend({ dtype: 'f32' });
    const { network, meta } = loadCheckpoint(be, file);
    const test = oneVsRest(loadData({ dtype: 'f32', seed: 1 }).test, 3);
    const again = evaluate(be, network, test);
    expect(again).toEqual(meta.test);
    expect(Math.abs(again.accuracy - testAccuracy(r.stdout))).toBeLessThan(5e-5);
    await be.close();
  });

  it('should refuse to overwrite a checkpoint or a report without --force, before training', async () => {
    const dir = tmp();
    const file = join(dir, 'mine.ckpt');
    writeFileSync(file, 'keep me');
    const r = await cli(['train', 'softmax', '--epochs', '1', '--checkpoint', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`gradtex: ${file} exists; pass --force to replace it\n`);
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('keep me');
    writeFileSync(join(dir, 'report.tex'), 'my report');
    const s = await cli(['experiment', 'xor', '--report', dir]);
    expect(s.code).toBe(2);
    expect(readFileSync(join(dir, 'report.tex'), 'utf8')).toBe('my report');
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown model', ['train', 'perceptron'], /unknown model 'perceptron'; use one of softmax, mlp, logistic/],
    ['a negative learning rate', ['train', 'softmax', '--lr', '-1'], /--lr.*expected a number greater than 0/],
    ['a missing data folder', ['train', 'softmax', '--data', '/nonexistent/fashion'], /\/nonexistent\/fashion: no such directory/],
    ['--positive for softmax', ['train', 'softmax', '--positive', '1'], /--positive only applies to logistic regression/],
    ['a class that does not exist', ['train', 'logistic', '--positive', '12', '--epochs', '1'], /positive class 12 is not one of 0..9/],
    ['an unknown dtype', ['train', 'softmax', '--dtype', 'f16'], /expected f32 or f64/],
    ['an unknown experiment', ['experiment', 'parity'], /unknown experiment 'parity'; use one of all-positive, xor/],
    ['a checkpoint in a missing folder', ['train', 'softmax', '--checkpoint', '/nonexistent/dir/w.ckpt'], /--checkpoint \/nonexistent\/dir\/w\.ckpt: the folder \/nonexistent\/dir does not exist/],
    ['a report path that is a file', ['experiment', 'xor', '--report', import.meta.filename], /--report .*cli-train\.test\.ts: not a folder/],
  ];
  for (const [what, args, message] of bad) {
    it(`should reject ${what} with one line and exit 2`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n').filter((l) => !l.startsWith('(run with --help'))).toHaveLength(1);
      expect(r.stderr).not.toContain('internal error');
    });
  }

  it('should print no stack trace from the built binary', () => {
    if (!existsSync(BIN)) throw new Error(`build first (npm run build): ${BIN} is missing`);
    const r = cliProcess(['train', 'softmax', '--data', '/nonexistent/fashion']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gradtex: /nonexistent/fashion: no such directory\n');
  });
});

describe('gradtex experiment', () => {
  it('should print the all-positive tables with b growing and w = 0 for x = −1, 1', async () => {
    const r = await cli(['experiment', 'all-positive', '--epochs', '100']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('All labels 1, x = −1, 1');
    expect(r.stdout).toMatch(/^ +100 +0\.01011 +0 +4\.5892$/m);
  });

  it('should print the XOR comparison and write its report', async () => {
    const dir = tmp();
    const r = await cli(['experiment', 'xor', '--report', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ +linear model +0\.25 /m);
    expect(r.stdout).toMatch(/^2-4-1 tanh network +\S+ +100\.00% +0\.0000 +1\.0000 +1\.0000 +0\.0000$/m);
    for (const f of ['report.tex', 'report.html', 'xor-loss.svg', 'xor-loss.pgfplots.tex']) expect(existsSync(join(dir, f)), f).toBe(true);
  });
});
