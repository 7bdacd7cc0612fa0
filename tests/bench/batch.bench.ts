/**
 * `npm run bench:batch`: throughput of `--jobs` as a user meets it, each
 * run a whole `gradtex` process on the bundle (start-up and worker start
 * included): `check` over a folder of small homework files (files/s) and
 * `diff --batch` over the derivative suite (requests/s), at 1 and 2 jobs
 * (and, as information only, `check` over four times as many files),
 * interleaved so that both see the same machine load. Prints the median of
 * the runs and the ratio of 2 jobs to 1; the number of cores and the load
 * average are printed too, because on a shared machine the second core may
 * not be free. On Linux each run's median CPU time (all its threads) is
 * printed beside its wall time, with the CPU time per file or request and
 * the cores the run kept busy on average (CPU / wall): one job already
 * keeps more than one core busy, because V8 compiles hot code in threads of
 * its own beside the job's, so two jobs on two cores cannot double it.
 *
 *     node dist/tests/bench/batch.bench.js        # BENCH_RUNS=5 for more runs (default 3)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, projectRoot, timeProcess } from './timing.js';

const root = projectRoot();
const bin = join(root, 'dist', 'cli', 'gradtex.js');
if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
const RUNS = Math.max(1, Number(process.env['BENCH_RUNS'] ?? 3));
const work = mkdtempSync(join(tmpdir(), 'gradtex-batch-bench-'));

// 48 homework files of 6 relations each: a derivative, an identity, a wrong step. Enough work
// that the start-up of a second thread (the engine and the rules, about 0.4 s of CPU) is small beside it.
const FILES = 48;
// The same files and more of them, for a line given as information only (a bigger course: start-up and warm-up
// weigh less there); the acceptance figure is the 48-file line.
const MORE_FILES = 192;
const allFiles = Array.from({ length: MORE_FILES }, (_, k) => {
  const a = k + 2;
  const text = [
    `# Homework ${k + 1}`,
    `$$\\frac{d}{dx} \\sin(${a}x) = ${a}\\cos(${a}x)$$`,
    `$$\\frac{d}{dx} e^{${a}x} x^2 = e^{${a}x}(${a}x^2 + 2x)$$`,
    `$$\\sigma(x)(1 - \\sigma(x)) = \\sigma(x) - \\sigma(x)^2$$`,
    `$$(x + ${a})^2 = x^2 + ${2 * a}x + ${a * a}$$`,
    `For $x > 0$: $$\\log(${a}x) = \\log(${a}) + \\log(x)$$`,
    `$$\\frac{d}{dx} \\tanh(x) = 1 - \\tanh(x)^2 + ${k % 3 === 0 ? 'x' : '0'}$$`,
  ].join('\n\n');
  const file = join(work, `hw${String(k + 1).padStart(2, '0')}.md`);
  writeFileSync(file, text + '\n');
  return file;
});
const files = allFiles.slice(0, FILES);

// The derivative suite, twice over, as diff --batch requests.
const suite = readFileSync(join(root, 'tests', 'fixtures', 'derive-suite', 'suite.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
const requests = [...suite, ...suite].map((l, i) => {
  const r = JSON.parse(l) as { expr: string; wrt: string[] };
  return JSON.stringify({ id: i, expr: r.expr, wrt: r.wrt });
});
const batch = join(work, 'requests.jsonl');
writeFileSync(batch, requests.join('\n') + '\n');

interface Case {
  readonly label: string;
  readonly unit: string;
  readonly count: number;
  readonly args: (jobs: number) => string[];
}

const cases: Case[] = [
  { label: `check ${FILES} files`, unit: 'files/s', count: FILES, args: (j) => ['check', ...files, '--jobs', String(j)] },
  // A generous time budget per request: on a busy machine the default 10 s would turn slow answers into error lines (and worker restarts).
  { label: `diff --batch ${requests.length} requests`, unit: 'requests/s', count: requests.length, args: (j) => ['diff', '--batch', batch, '--jobs', String(j), '--timeout', '600'] },
  { label: `(information, a bigger course) check ${MORE_FILES} files`, unit: 'files/s', count: MORE_FILES, args: (j) => ['check', ...allFiles, '--jobs', String(j)] },
];

const cpuTimes = new Map<string, number[]>();

/** One run: wall time in seconds, from spawn to exit (its CPU time noted in cpuTimes under `key`). */
function runOnce(args: string[], key: string): number {
  const { result: r, wallMs, cpuMs } = timeProcess([bin, ...args], root);
  if (cpuMs !== undefined) cpuTimes.set(key, [...(cpuTimes.get(key) ?? []), cpuMs / 1000]);
  // check exits 1 (some steps fail on purpose); anything else is a broken run, and so is a request answered with an error.
  if (r.status !== 0 && r.status !== 1) throw new Error(`gradtex ${args.slice(0, 2).join(' ')} exited with ${r.status ?? r.signal}: ${r.stderr}`);
  const errorLine = r.stdout.split('\n').find((l) => l.startsWith('{"id"') && l.includes('"error"'));
  if (errorLine !== undefined) throw new Error(`a request was answered with an error, the bench measures nothing: ${errorLine}`);
  return wallMs / 1000;
}

console.log(`batch throughput, median wall time of ${RUNS} interleaved runs (node ${process.version}, ${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start)`);
for (const c of cases) {
  const times = new Map<number, number[]>([
    [1, []],
    [2, []],
  ]);
  for (let r = 0; r < RUNS; r++) for (const j of r % 2 === 0 ? [1, 2] : [2, 1]) (times.get(j) as number[]).push(runOnce(c.args(j), `${c.label} ${j}`));
  const rate = (j: number): number => c.count / median(times.get(j) as number[]);
  const cpu = (j: number): string => {
    const t = cpuTimes.get(`${c.label} ${j}`);
    if (t === undefined || t.length !== RUNS) return '';
    const perUnit = (median(t) / c.count) * 1000;
    return ` (CPU ${median(t).toFixed(2)} s, ${perUnit.toFixed(0)} ms per ${c.unit.replace('/s', '').replace(/s$/, '')}, ${(median(t) / median(times.get(j) as number[])).toFixed(2)} cores busy)`;
  };
  const fmt = (j: number): string => `${j} job${j === 1 ? ' ' : 's'}: ${median(times.get(j) as number[]).toFixed(2)} s${cpu(j)}, ${rate(j).toFixed(1)} ${c.unit}`;
  console.log(`${c.label}: ${fmt(1)} | ${fmt(2)} | ratio ${(rate(2) / rate(1)).toFixed(2)}`);
}
rmSync(work, { recursive: true, force: true });
console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
// With the cores already busy, a second thread gets no second core (Linux shares CPU between sessions, not threads).
if ((loadavg()[0] ?? 0) >= availableParallelism()) console.log('note: the load average is at or above the number of cores: the second job had no idle core, so the ratio says little about --jobs');
