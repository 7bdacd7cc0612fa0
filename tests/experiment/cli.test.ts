import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSpec, SpecError } from '../../src/document/spec.js';
import { solveSpec } from '../../src/document/solve.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { cli } from '../cli/run.js';

describe('gradtex experiment --points', () => {
  it('should sweep the learning rates and say what each parameter did, exit 0 when every run is read', async () => {
    const r = await cli(['experiment', '--points', '(1,0),(-1,0)', '--lr', '0.1,1', '--steps', '2000']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('proved: w stays exactly 0 at every step, for every learning rate');
    expect(r.stdout).toMatch(/observed: learning rate 1, after 2000 steps: w1 settles at 0; w2 settles at 0; b moves like/);
    expect(r.stdout).toContain('an observation of the steps run, not a proof');
  });

  it('should exit 3 when a run is still moving (undecided), and print JSON on request', async () => {
    const r = await cli(['experiment', '--points', '(1,1),(2,3)', '--lr', '10', '--steps', '10000', '--format', 'json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as { paragraphs: { kind: string; verdict?: string }[] };
    expect(report.paragraphs.some((p) => p.verdict === 'undecided')).toBe(true);
  });

  it('should read a CSV file with a y column, and run least squares', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-exp-'));
    const file = join(dir, 'data.csv');
    writeFileSync(file, 'x,y\n1,2\n2,4\n3,7\n');
    const r = await cli(['experiment', '--data', file, '--model', 'linear', '--lr', '0.1,0.2', '--steps', '1000']);
    expect(r.stdout).toMatch(/learning rate 0\.1, after 1000 steps: w settles at 2\.5; b settles at -0\.66667/);
    expect(r.stdout).toMatch(/learning rate 0\.2, after 1000 steps: w blows up/);
  });

  it.each([
    [['experiment'], /name an experiment \(all-positive, xor\) or give data/],
    [['experiment', 'xor', '--points', '(1,0)'], /leave out 'xor'/],
    [['experiment', '--points', '(1,0),(2)', '--lr', '1'], /point 2 has 1 coordinate/],
    [['experiment', '--points', '(1,0)', '--lr', '1', '--model', 'svm'], /--model is one of logistic, linear/],
    [['experiment', '--points', '(1,0)', '--lr', '0,1'], /a learning rate must be a positive number, not 0/],
    [['experiment', '--points', '(1,0)', '--lr', '1', '--epochs', '5'], /--epochs goes with the named experiments/],
    [['experiment', 'all-positive', '--steps', '5'], /--steps goes with --points or --data/],
    [['experiment', '--data', '/nonexistent/d.csv', '--lr', '1'], /--data \/nonexistent\/d.csv: cannot read it/],
  ])('should refuse %j with one line and exit 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('experiment: and exhaustion: tasks in a spec', () => {
  const solve = (yaml: string): unknown => solveSpec(createEngine(), 'spec.yaml', parseSpec('spec.yaml', yaml));
  it('should name the line of a bad experiment or an unknown claim', () => {
    expect(() => solve('title: t\nproblems:\n  - title: p\n    tasks:\n      - experiment: logistic\n        points: (1,0),(x,0)\n        lr: 1\n')).toThrow(/spec.yaml:5:9.*experiment: points: 'x' is not a number/);
    expect(() => solve('title: t\nproblems:\n  - title: p\n    tasks:\n      - exhaustion: graphs-are-trees\n')).toThrow(/unknown claim 'graphs-are-trees'; known: dag-topological-order/);
    expect(() => solve('title: t\nproblems:\n  - title: p\n    tasks:\n      - exhaustion: dag-topological-order\n        up-to: 9\n')).toThrow(SpecError);
    expect(() => parseSpec('s.yaml', 'title: t\nproblems:\n  - title: p\n    tasks:\n      - experiment: logistic\n        points: (1,0)\n        rate: 1\n')).toThrow(/has no 'rate'; it takes: experiment, points, labels, lr, steps/);
  });

  it('should evaluate on data in a spec: a sum over vectors as a value, softmax and let-lines as a table', () => {
    const solved = solve([
      'title: t', 'problems:', '  - title: p', '    tasks:',
      "      - evaluate: 'sum((y_i - w*x_i)^2, i, 1, n)'", "        at: 'x=[1,2,3], y=[2,4,7], w=2'",
      "      - evaluate: 'softmax(z)'", "        at: 'z=[2, 4.5, 1, 3.5]'",
      "      - evaluate: 'sigma(u)'", "        at: 'w=2, x=3, b=-1'", '        let: [u = w*x + b]', '',
    ].join('\n')) as { problems: { results: { kind: string; approx?: number; report?: { paragraphs: { kind: string; rows?: string[][]; values?: number[][] }[] } }[] }[] };
    const [sum, softmax, lets] = solved.problems[0]?.results ?? [];
    expect(sum).toMatchObject({ kind: 'value', approx: 1 });
    const table = (r: typeof sum): { rows?: string[][]; values?: number[][] } | undefined => r?.report?.paragraphs.find((p) => p.kind === 'table');
    // NumPy: np.exp(z) / np.exp(z).sum() for z = [2, 4.5, 1, 3.5].
    const numpy = [0.055456773263789345, 0.6756018053662155, 0.020401406757454207, 0.24854001461254088];
    table(softmax)?.values?.forEach((row, j) => expect(Math.abs((row[3] ?? NaN) - (numpy[j] ?? NaN))).toBeLessThan(1e-9));
    expect(table(lets)?.rows?.map((r) => r.slice(0, 3))).toEqual([['u', 'w*x + b', '5'], ['value', 'sigma(u)', 'sigma(5)']]);
  });
});
