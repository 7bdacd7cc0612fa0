/**
 * The `gradtex` bin (dist/cli/gradtex) starts node from a V8 start-up
 * snapshot that `npm run build` makes (dist/cli/gradtex-diff.blob for diff;
 * gradtex.blob for simplify, eval, equal; gradtex-check.blob for check),
 * else on the bundle dist/cli/gradtex.js. Whichever starts, the output, the errors and
 * the exit code must be the same: each case runs three ways, as real
 * processes (the build must have run; see the pretest script) —
 *   the bin, as a user runs it (it takes the snapshot here),
 *   `node --snapshot-blob dist/cli/gradtex.blob dist/cli/gradtex.js …`, the command the bin runs
 *   (with the command's blob, or gradtex.blob for the others, which hands them over to the bundle),
 *   `node dist/cli/gradtex.js …`, the bundle without the snapshot —
 * and then through the fallbacks: a copy of the package without the blob,
 * a copy with it (the snapshot's paths are the build's: it must hand over
 * to the bundle), and NODE_OPTIONS set (Node would refuse the blob).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliDir = join(root, 'dist', 'cli');
const bin = join(cliDir, 'gradtex');
const bundle = join(cliDir, 'gradtex.js');
const blob = join(cliDir, 'gradtex.blob');
const diffBlob = join(cliDir, 'gradtex-diff.blob');
const checkBlob = join(cliDir, 'gradtex-check.blob');
/** The blob the bin takes for `args` (for other commands, the one that must hand them over). */
const blobFor = (args: readonly string[]): string => (args[0] === 'check' ? checkBlob : args[0] === 'diff' ? diffBlob : blob);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** JSON reports give the milliseconds a derivation took: the one field that differs from run to run. */
const withoutTimes = (text: string): string => text.replace(/"ms":\s*[0-9.e+-]+/g, '"ms":0');

function run(program: string, args: readonly string[], stdin = '', env: NodeJS.ProcessEnv = {}): Run {
  const base = { ...process.env };
  delete base['NODE_OPTIONS'];
  delete base['GRADTEX_NO_SNAPSHOT'];
  const r = spawnSync(program, args, { input: stdin, encoding: 'utf8', env: { ...base, ...env }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  return { code: r.status, stdout: withoutTimes(r.stdout), stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'gradtex-snapshot-'));
const doc = join(dir, 'notes.md');
writeFileSync(
  doc,
  [
    '# Notes',
    '',
    'Let $s = \\sigma(x)$.',
    '',
    '$$\\frac{d}{dx} \\sigma(x) = \\sigma(x)(1 - \\sigma(x))$$',
    '',
    '$$(x+1)^2 = x^2 + x + 1$$',
    '',
    '$$\\log(x^2) = 2\\log(x)$$',
    '',
    '$$e^x \\ge 1 + x$$',
    '',
  ].join('\n'),
);
const other = join(dir, 'other.tex');
writeFileSync(other, '\\[ \\tanh(x) = 2\\sigma(2x) - 1 \\]\n');
/** Sets written as ℝ and ℕ: read by regular expressions the snapshot's bundle holds escaped (src/cli/latin1-source.ts). */
const sets = join(dir, 'sets.md');
writeFileSync(sets, '# Sets\n\nLet $x \\in ℝ$ and $n \\in ℕ$ with $n \\ge 1$.\n\n$$\\sqrt{x^2} = |x|$$\n\n$$x^{2n} \\ge 0$$\n');

/** Commands the snapshot holds, commands it hands over to the bundle, errors, standard input, worker threads. */
const CASES: readonly { readonly args: readonly string[]; readonly stdin?: string }[] = [
  { args: ['diff', 'x^2', '--wrt', 'x'] },
  { args: ['diff', 'sigma(w*x + b)*log(x)', '--wrt', 'x', '--format', 'json'] },
  { args: ['diff', '\\frac{1}{1+e^{-x}}', '--wrt', 'x', '--format', 'latex'] },
  { args: ['diff', 'relu(x) + abs(x)', '--wrt', 'x', '--at', 'x=0'] },
  { args: ['diff', '-', '--wrt', 'x'], stdin: 'tanh(x)^2\n' },
  { args: ['diff', 'x^', '--wrt', 'x'] },
  { args: ['diff', '--batch', '-', '--jobs', '2'], stdin: '{"id":"a","expr":"x^3","wrt":["x"]}\n{"id":"b","expr":"exp(2*x)","wrt":["x"]}\n' },
  { args: ['diff', '--help'] },
  { args: ['simplify', '(x+1)^2 - x^2'] },
  { args: ['eval', 'sin(x)^2', '--at', 'x=0.3'] },
  { args: ['equal', 'sigma(x)', '1/(1+exp(-x))'] },
  { args: ['equal', '(x+1)^2', 'x^2 + 1'] },
  { args: ['check', doc] },
  { args: ['check', doc, '--format', 'json'] },
  { args: ['check', doc, other, '--jobs', '2'] },
  { args: ['check', sets] },
  { args: ['--version'] },
  { args: ['derive', '--list'] },
  { args: ['nonsense'] },
];

const label = (c: { args: readonly string[] }): string => c.args.join(' ');

describe('the gradtex bin and its start-up snapshot', () => {
  it('should have snapshots that this node accepts (npm run build made them)', () => {
    for (const [b, args] of [
      [diffBlob, ['diff', 'x', '--wrt', 'x']],
      [blob, ['eval', 'x', '--at', 'x=1']],
      [checkBlob, ['check', doc]],
    ] as const) {
      expect(existsSync(b), `${b} is missing: the build could not make the start-up snapshot`).toBe(true);
      expect(run(bin, args, '', { GRADTEX_SHOW_START: '1' }).stderr).toContain(`starting from the snapshot ${b}\n`);
    }
    expect(run(bin, ['--version'], '', { GRADTEX_SHOW_START: '1' }).stderr).toContain('starting the bundle');
  });

  for (const c of CASES) {
    it(`should print the same with and without the snapshot: ${label(c)}`, () => {
      const plain = run(process.execPath, [bundle, ...c.args], c.stdin);
      const viaBin = run(bin, c.args, c.stdin);
      const viaBlob = run(process.execPath, ['--snapshot-blob', blobFor(c.args), bundle, ...c.args], c.stdin);
      expect(viaBin).toEqual(plain);
      expect(viaBlob).toEqual(plain);
    });
  }

  it('should hand a command over to the bundle, with the same output, from a blob that does not hold it', () => {
    for (const [b, args] of [
      [diffBlob, ['eval', 'sin(x)^2', '--at', 'x=0.3']],
      [diffBlob, ['equal', 'sigma(x)', '1/(1+exp(-x))']],
      [blob, ['diff', 'x^2', '--wrt', 'x']],
      [checkBlob, ['diff', 'x^2', '--wrt', 'x']],
    ] as const) {
      expect(run(process.execPath, ['--snapshot-blob', b, bundle, ...args]), `${b} ${args.join(' ')}`).toEqual(run(process.execPath, [bundle, ...args]));
    }
  });
});

/** A package folder of its own holding a copy of dist/cli (with or without the blob); rules, templates and packages linked. */
function copiedPackage(withBlob: boolean): string {
  const pkg = mkdtempSync(join(tmpdir(), 'gradtex-copy-'));
  for (const name of ['package.json']) copyFileSync(join(root, name), join(pkg, name));
  for (const name of ['rules', 'templates', 'node_modules']) symlinkSync(join(root, name), join(pkg, name));
  const to = join(pkg, 'dist', 'cli');
  mkdirSync(to, { recursive: true });
  for (const f of readdirSync(cliDir)) {
    if (f.endsWith('.map') || (!withBlob && f.includes('.blob'))) continue;
    // The blob keeps its file time and its stamp stays a link to node: the bin takes the snapshot, which must hand over.
    cpSync(join(cliDir, f), join(to, f), { preserveTimestamps: true, verbatimSymlinks: true });
  }
  return join(to, 'gradtex');
}

describe('the gradtex bin without its snapshot', () => {
  // A few of the quick commands (each case starts two processes; the machine may be shared).
  const quick = [CASES[1], CASES[4], CASES[11], CASES[12]] as NonNullable<(typeof CASES)[number]>[];
  const SLOW = 240_000;

  it('should run the bundle, with the same output, where the blob is missing', () => {
    const copy = copiedPackage(false);
    expect(run(copy, ['eval', 'x', '--at', 'x=1'], '', { GRADTEX_SHOW_START: '1' }).stderr).toContain('starting the bundle');
    for (const c of quick) expect(run(copy, c.args, c.stdin), label(c)).toEqual(run(process.execPath, [bundle, ...c.args], c.stdin));
  }, SLOW);

  it('should hand over to the bundle, with the same output, where the package moved since the build', () => {
    const copy = copiedPackage(true);
    expect(run(copy, ['eval', 'x', '--at', 'x=1'], '', { GRADTEX_SHOW_START: '1' }).stderr).toContain('starting from the snapshot');
    for (const c of quick) expect(run(copy, c.args, c.stdin), label(c)).toEqual(run(process.execPath, [bundle, ...c.args], c.stdin));
  }, SLOW);

  it('should run the bundle where NODE_OPTIONS is set (node refuses a snapshot under other V8 flags)', () => {
    const env = { NODE_OPTIONS: '--max-old-space-size=3000', GRADTEX_SHOW_START: '1' };
    const r = run(bin, ['diff', 'x^2', '--wrt', 'x'], '', env);
    expect(r.stderr).toBe(`gradtex: starting the bundle ${cliDir}/gradtex.js\n`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(run(process.execPath, [bundle, 'diff', 'x^2', '--wrt', 'x']).stdout);
  });
});
