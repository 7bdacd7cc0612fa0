/**
 * `npm run bench:cli`: start-up as a user meets it. Each command runs cold as
 * a whole process, the way the `gradtex` bin runs (node on the bundle
 * dist/cli/gradtex.js), interleaved with `node -e 0` in the same run so
 * that both see the same machine load. Prints the median wall time of each
 * and the ratio to `node -e 0`; the first line after `node -e 0` is the
 * acceptance figure (`gradtex diff 'x^2' --wrt x`).
 *
 *     node dist/tests/bench/cli.bench.js                  # diff, eval, equal, check; 21 runs each
 *     BENCH_RUNS=31 node dist/tests/bench/cli.bench.js --diff   # diff only
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './timing.js';

function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('cannot find the gradtex folder');
}

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  /** Exit codes that mean the command did its job (a check with a failing step exits 1). */
  readonly exits: readonly number[];
}

const root = projectRoot();
const bin = join(root, 'dist', 'cli', 'gradtex.js');
const RUNS = Math.max(15, Number(process.env['BENCH_RUNS'] ?? 21));
const all = !process.argv.includes('--diff');
/** A small document for `check`: one derivative step, one algebra step. */
const checkInput = join(mkdtempSync(join(tmpdir(), 'gradtex-bench-')), 'small.md');
writeFileSync(checkInput, '# A small check\n\n$$\\frac{d}{dx} x^2 = 2x$$\n\n$$(x+1)^2 = x^2 + 2x + 1$$\n');

const baseline: Case = { label: 'node -e 0', args: ['-e', '0'], exits: [0] };
const cases: Case[] = [
  { label: "gradtex diff 'x^2' --wrt x", args: [bin, 'diff', 'x^2', '--wrt', 'x'], exits: [0] },
  ...(all
    ? [
        { label: "gradtex eval 'sin(x)^2' --at x=0.3", args: [bin, 'eval', 'sin(x)^2', '--at', 'x=0.3'], exits: [0] },
        { label: "gradtex equal 'sigma(x)' '1/(1+exp(-x))'", args: [bin, 'equal', 'sigma(x)', '1/(1+exp(-x))'], exits: [0] },
        { label: 'gradtex check small.md (2 relations)', args: [bin, 'check', checkInput], exits: [0] },
      ]
    : []),
];

/** One cold run: wall time in ms, from spawn to exit. */
function runOnce(c: Case): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, c.args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status === null || !c.exits.includes(r.status)) {
    throw new Error(`${c.label} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  }
  return ms;
}

if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
const all_ = [baseline, ...cases];
// One warm-up of each: the file system cache, not the process, is what it warms.
for (const c of all_) runOnce(c);
const times = new Map<Case, number[]>(all_.map((c) => [c, []]));
for (let r = 0; r < RUNS; r++) {
  // Interleaved, starting with a different command each round, so that a burst of load hits all of them alike.
  for (let k = 0; k < all_.length; k++) {
    const c = all_[(r + k) % all_.length] as Case;
    (times.get(c) as number[]).push(runOnce(c));
  }
}

const base = median(times.get(baseline) as number[]);
const fmt = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
console.log(`cold start-up, median wall time of ${RUNS} interleaved runs each (node ${process.version})`);
console.log(`${baseline.label}: ${fmt(base)}`);
for (const c of cases) {
  const m = median(times.get(c) as number[]);
  console.log(`${c.label}: ${fmt(m)}  ratio ${(m / base).toFixed(2)}`);
}
