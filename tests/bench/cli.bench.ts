/**
 * `npm run bench:cli`: start-up as a user meets it. Each command runs cold as
 * a whole process through the `gradtex` bin (dist/cli/gradtex: the shell
 * script that starts node from the V8 start-up snapshot when it can, else
 * on the bundle), interleaved with `node -e 0` in the same run so that both
 * see the same machine load. Prints the median wall time of each and the
 * ratio to `node -e 0`; the first line after `node -e 0` is the acceptance
 * figure (`gradtex diff 'x^2' --wrt x`).
 *
 *     node dist/tests/bench/cli.bench.js                  # diff, eval, equal, check; 21 runs each
 *     BENCH_RUNS=31 node dist/tests/bench/cli.bench.js --diff   # diff only
 *     node dist/tests/bench/cli.bench.js --diff --bundle         # also diff on the bundle without the snapshot
 *     node dist/tests/bench/cli.bench.js --diff --unbundled      # also diff on dist/src, without the bundle
 *     node dist/tests/bench/cli.bench.js --no-extra-ca           # every process without NODE_EXTRA_CA_CERTS
 *
 * NODE_EXTRA_CA_CERTS (set on some machines for proxies) makes Node 20 build
 * its whole certificate store at each start, before any script: its own
 * root certificates and those of the file, 288 in all on the machine of
 * session 10, where that cost `node -e 0` about 40 ms of CPU, more than the
 * rest of its start-up. Both sides pay
 * it, so it shrinks the ratio without saying anything about gradtex; the
 * bench says when it is set, and `--no-extra-ca` runs every process
 * without it (the ratio most machines see).
 *
 * On Linux the median CPU time (user + system) of each is printed beside
 * the wall time: on a machine busy with other work, the wall time measures
 * the queue as much as gradtex.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenCpuMs, median, projectRoot } from './timing.js';

interface Case {
  readonly label: string;
  readonly args: readonly string[];
  /** Exit codes that mean the command did its job (a check with a failing step exits 1). */
  readonly exits: readonly number[];
  /** The program to start: node unless said (the bin is a shell script that starts node itself). */
  readonly program?: string;
}

const root = projectRoot();
/** The bin a user runs (package.json "bin"), and the bundle it runs. */
const bin = join(root, 'dist', 'cli', 'gradtex');
const bundle = join(root, 'dist', 'cli', 'gradtex.js');
const RUNS = Math.max(15, Number(process.env['BENCH_RUNS'] ?? 21));
// The spawned processes inherit this environment (see the top of the file).
if (process.argv.includes('--no-extra-ca')) delete process.env['NODE_EXTRA_CA_CERTS'];
const extraCa = process.env['NODE_EXTRA_CA_CERTS'];
const all = !process.argv.includes('--diff');
/** A small document for `check`: one derivative step, one algebra step. */
const checkInput = join(mkdtempSync(join(tmpdir(), 'gradtex-bench-')), 'small.md');
writeFileSync(checkInput, '# A small check\n\n$$\\frac{d}{dx} x^2 = 2x$$\n\n$$(x+1)^2 = x^2 + 2x + 1$$\n');

const baseline: Case = { label: 'node -e 0', args: ['-e', '0'], exits: [0] };
const cases: Case[] = [
  { label: "gradtex diff 'x^2' --wrt x", program: bin, args: ['diff', 'x^2', '--wrt', 'x'], exits: [0] },
  ...(all
    ? [
        { label: "gradtex eval 'sin(x)^2' --at x=0.3", program: bin, args: ['eval', 'sin(x)^2', '--at', 'x=0.3'], exits: [0] },
        { label: "gradtex equal 'sigma(x)' '1/(1+exp(-x))'", program: bin, args: ['equal', 'sigma(x)', '1/(1+exp(-x))'], exits: [0] },
        { label: 'gradtex check small.md (2 relations)', program: bin, args: ['check', checkInput], exits: [0] },
      ]
    : []),
  // The same diff on the bundle alone, without the snapshot: what the snapshot saves.
  ...(process.argv.includes('--bundle') ? [{ label: "bundle: node dist/cli/gradtex.js diff 'x^2' --wrt x", args: [bundle, 'diff', 'x^2', '--wrt', 'x'], exits: [0] }] : []),
  // The same diff on the modules tsc writes, unbundled (146 ES modules): what the bundle saves.
  ...(process.argv.includes('--unbundled') ? [{ label: "unbundled: node dist/src/cli/main.js diff 'x^2' --wrt x", args: [join(root, 'dist', 'src', 'cli', 'main.js'), 'diff', 'x^2', '--wrt', 'x'], exits: [0] }] : []),
];

/** One cold run: wall time and CPU time (when known) in ms, from spawn to exit. */
function runOnce(c: Case): { wall: number; cpu: number | undefined } {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(c.program ?? process.execPath, c.args, { cwd: root, encoding: 'utf8' });
  const wall = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  if (r.status === null || !c.exits.includes(r.status)) {
    throw new Error(`${c.label} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  }
  return { wall, cpu: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
// The bin runs the node on PATH: the baseline must be that node too.
if (spawnSync('node', ['-p', 'process.execPath'], { encoding: 'utf8' }).stdout.trim() !== process.execPath) {
  console.warn(`note: the node on PATH is not ${process.execPath}; node -e 0 is timed with the latter`);
}
const snapshot = existsSync(join(root, 'dist', 'cli', 'gradtex.blob')) ? 'from the start-up snapshot' : 'WITHOUT the start-up snapshot (dist/cli/gradtex.blob missing)';
const all_ = [baseline, ...cases];
// One warm-up of each: the file system cache, not the process, is what it warms.
for (const c of all_) runOnce(c);
const times = new Map<Case, number[]>(all_.map((c) => [c, []]));
const cpus = new Map<Case, number[]>(all_.map((c) => [c, []]));
for (let r = 0; r < RUNS; r++) {
  // Interleaved, starting with a different command each round, so that a burst of load hits all of them alike.
  for (let k = 0; k < all_.length; k++) {
    const c = all_[(r + k) % all_.length] as Case;
    const t = runOnce(c);
    (times.get(c) as number[]).push(t.wall);
    if (t.cpu !== undefined) (cpus.get(c) as number[]).push(t.cpu);
  }
}

const base = median(times.get(baseline) as number[]);
const cpuOf = (c: Case): number | undefined => ((cpus.get(c) as number[]).length === RUNS ? median(cpus.get(c) as number[]) : undefined);
const baseCpu = cpuOf(baseline);
const fmt = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
const cpuText = (c: Case): string => {
  const cpu = cpuOf(c);
  return cpu === undefined || baseCpu === undefined ? '' : `   (CPU ${fmt(cpu)}${c === baseline ? '' : `, ratio ${(cpu / baseCpu).toFixed(2)}`})`;
};
console.log(`cold start-up of the gradtex bin ${snapshot}, median wall time of ${RUNS} interleaved runs each (node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
if (extraCa !== undefined && extraCa !== '') console.log(`note: NODE_EXTRA_CA_CERTS=${extraCa}: every node here, node -e 0 included, parses those certificates at start (--no-extra-ca runs without)`);
console.log(`${baseline.label}: ${fmt(base)}${cpuText(baseline)}`);
for (const c of cases) {
  const m = median(times.get(c) as number[]);
  console.log(`${c.label}: ${fmt(m)}  ratio ${(m / base).toFixed(2)}${cpuText(c)}`);
}
