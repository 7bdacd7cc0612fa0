/**
 * The file workers of `check FILE… --jobs N`, started by the bin's first
 * lines, before the command's own code loads. runFileJobs (file-jobs.ts)
 * used to start them only once the main thread had loaded the CLI, the
 * check engine and commander, had parsed the command line and was about to
 * check its first file: on two cores that load ran alone, and the second
 * job's own start-up (the same modules, the rules) came after it. Started
 * here, the two start-ups overlap, and the second job takes files sooner.
 * A worker started here knows only its command: runFileJobs hands it the
 * job (the parsed flags) when it takes it over (file-worker.ts waits for it).
 *
 * The command line is read here only to count the jobs (`--jobs`, else one
 * per core) and the files; anything this reading does not know (--help, an
 * unknown option, a bad --jobs) starts nothing, and commander then parses
 * the command line as always. The guess costs nothing in correctness: a
 * worker is only taken over by runFileJobs, which decides from the parsed
 * flags; one it does not take is stopped. Not taken over, the workers do not
 * keep the process alive (unref).
 *
 *     startEarlyWorkers(process.argv.slice(2));   // the bin, first thing
 *     const [w] = takeEarlyWorkers('check', 1);   // runFileJobs: a started Worker, or none
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileWorkerData } from './file-jobs.js';
import { defaultJobs, MAX_JOBS } from './job-count.js';
import { tuneTieringFor } from './tiering.js';

/** The options of `check` that take a value (commands/check.ts); the others it has take none. */
export const CHECK_VALUE_OPTIONS: ReadonlySet<string> = new Set(['--format', '-o', '--output', '--points', '--seed', '--assume', '--shape', '--jobs']);
export const CHECK_FLAG_OPTIONS: ReadonlySet<string> = new Set(['--verbose', '--allow-undecided']);

/**
 * How many jobs `argv` (without node and the script) will run files on: the
 * smaller of --jobs (default one per core) and the number of files, for
 * `check` named first; 1 when it is another command or the reading is not
 * sure (an option it does not know, --help, a bad --jobs).
 */
export function checkRunners(argv: readonly string[]): number {
  if (argv[0] !== 'check') return 1;
  let files = 0;
  let jobs = defaultJobs();
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      files += argv.length - i - 1;
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      files++;
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq < 0 ? a : a.slice(0, eq);
    if (eq < 0 && CHECK_FLAG_OPTIONS.has(name)) continue;
    if (!CHECK_VALUE_OPTIONS.has(name)) return 1;
    const value = eq < 0 ? argv[++i] : a.slice(eq + 1);
    if (value === undefined) return 1;
    if (name === '--jobs') {
      if (!/^\s*\d+\s*$/.test(value) || Number(value) < 1 || Number(value) > MAX_JOBS) return 1;
      jobs = Number(value);
    }
  }
  return Math.min(jobs, files);
}

/** A worker started here, and whether it is still running (it may die before it is taken over). */
interface Early {
  readonly worker: Worker;
  alive: boolean;
}

// The workers started for this process's command (a process-wide resource, like the module cache).
let early: Early[] = [];

const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * Starts a file worker for every job but the first (the main thread is
 * one), when `argv` is `check` over files with more than one job; nothing
 * where the worker script is missing (running from the TypeScript sources).
 * V8's tiering is set for jobs that fill the cores first (tiering.ts), as
 * runFileJobs would.
 */
export function startEarlyWorkers(argv: readonly string[]): void {
  const runners = checkRunners(argv);
  if (runners < 2 || early.length > 0 || !existsSync(fileURLToPath(WORKER_URL))) return;
  tuneTieringFor(runners);
  for (let k = 0; k < runners - 1; k++) {
    const data: FileWorkerData = { command: 'check' };
    const worker = new Worker(WORKER_URL, { workerData: data });
    const e: Early = { worker, alive: true };
    // Until taken over, a failure only means the worker is not taken (runFileJobs starts its own).
    worker.on('error', () => (e.alive = false));
    worker.on('exit', () => (e.alive = false));
    worker.unref();
    early.push(e);
  }
}

/**
 * Up to `count` running workers started for `command`, for the caller to
 * hand each its job (and ref); every other one started here is stopped.
 */
export function takeEarlyWorkers(command: FileWorkerData['command'], count: number): Worker[] {
  const all = early;
  early = [];
  const taken: Worker[] = [];
  for (const e of all) {
    if (e.alive && taken.length < count && command === 'check') {
      e.worker.removeAllListeners();
      taken.push(e.worker);
    } else void e.worker.terminate();
  }
  return taken;
}
