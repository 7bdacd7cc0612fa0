/**
 * Files of `check FILE…` and `render SPEC…` worked on `--jobs` at a time:
 * one in this thread, the others each in a worker thread (file-worker.ts)
 * that builds the command's context once and then takes one file after
 * another; the outcomes come
 * back in input order, the same as in one thread. A worker that dies (out
 * of memory) costs only the file it was working on: that file gets an
 * error, and a new worker takes the next one.
 *
 *     await runFileJobs({ command: 'check', flags }, files, 2, (i, outcome) => …);
 *
 * With one job or one file, or run from the TypeScript sources (no
 * compiled worker script), the files are worked on in this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckFileFlags } from './check-file.js';
import { takeEarlyWorkers } from './early-workers.js';
import type { FileOutcome } from './file-outcome.js';
import { runInOrder } from './jobs.js';
import type { RenderSpecFlags } from './render-spec.js';
import { tuneTieringFor } from './tiering.js';

/** What a worker needs to build the same context as the command: its name and (plain, cloneable) flags. */
export type FileJob = { readonly command: 'check'; readonly flags: CheckFileFlags } | { readonly command: 'render'; readonly flags: RenderSpecFlags };

/**
 * The per-file function of a job, its context built once (throws what the
 * context throws: a bad --assume, --shape or template). Each command's code
 * loads only for that command: `check` never loads the document writers.
 */
export async function fileHandler(job: FileJob): Promise<(file: string) => FileOutcome<unknown>> {
  if (job.command === 'check') {
    const { checkContext, checkFile } = await import('./check-file.js');
    const ctx = checkContext(job.flags);
    return (file) => checkFile(ctx, file);
  }
  const { renderContext, renderSpec } = await import('./render-spec.js');
  const ctx = renderContext(job.flags);
  return (file) => renderSpec(ctx, file);
}

/** Loads the modules fileHandler loads for `command`: a worker started before its job is known loads them meanwhile. */
export function preloadHandler(command: FileJob['command']): Promise<unknown> {
  return command === 'check' ? import('./check-file.js') : import('./render-spec.js');
}

/**
 * A file worker's workerData: its command, and its job when it is known at
 * its start (a worker started early, early-workers.ts, gets the job as its
 * first message, FileStart).
 */
export interface FileWorkerData {
  readonly command: FileJob['command'];
  readonly job?: FileJob;
}

/** Messages between a file worker and this thread. */
export type FileStart = { readonly job: FileJob };
export type FileTask = { readonly index: number; readonly file: string };
export type FileReply = { readonly index: number; readonly outcome: FileOutcome<unknown> };
/** Sent once by a worker when its context is built and it takes files. */
export type FileWorkerReady = { readonly ready: true };

const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * One worker thread working on the files it is sent, in the order sent; up
 * to two at a time are outstanding, so that it has its next file while this
 * thread is busy with one of its own. Started at once (ready()) and again after
 * it died (the files it held get an error).
 */
class FileWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, (o: FileOutcome<unknown>) => void>();
  /** Resolves when the current worker takes files (or has died: work() then starts another). */
  private started: Promise<void> = Promise.resolve();

  /** `early`: a worker already started for this command (early-workers.ts), taken over on the first start. */
  constructor(
    private readonly job: FileJob,
    private early?: Worker,
  ) {}

  /** Starts the worker if none runs; resolves once it has built its context and takes files. */
  ready(): Promise<void> {
    if (this.worker === undefined) this.start();
    return this.started;
  }

  private start(): Worker {
    const early = this.early;
    this.early = undefined;
    const w = early ?? new Worker(WORKER_URL, { workerData: { command: this.job.command, job: this.job } satisfies FileWorkerData });
    this.worker = w;
    let booted: () => void = () => undefined;
    this.started = new Promise((resolve) => (booted = resolve));
    const lost = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = undefined;
      booted();
      for (const [index, settle] of [...this.pending]) {
        this.pending.delete(index);
        settle({ ok: false, message: why });
      }
    };
    w.on('message', (m: FileReply | FileWorkerReady) => {
      if ('ready' in m) return booted();
      const settle = this.pending.get(m.index);
      this.pending.delete(m.index);
      settle?.(m.outcome);
    });
    w.on('error', (e: Error) => lost(`internal error: ${e.message}`));
    w.on('exit', () => lost('internal error: the worker stopped'));
    if (early !== undefined) {
      early.ref();
      early.postMessage({ job: this.job } satisfies FileStart);
    }
    return w;
  }

  work(file: string, index: number): Promise<FileOutcome<unknown>> {
    const w = this.worker ?? this.start();
    return new Promise((resolve) => {
      this.pending.set(index, resolve);
      w.postMessage({ index, file } satisfies FileTask);
    });
  }

  stop(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w !== undefined) void w.terminate();
  }
}

/**
 * Works on every file, `jobs` at a time, and hands each outcome to `emit`
 * in input order. The outcomes are what `fileHandler(job)` returns for the
 * job's command (CheckedFile, RenderedSpec), cloned from the worker.
 */
export async function runFileJobs(job: FileJob, files: readonly string[], jobs: number, emit: (index: number, outcome: FileOutcome<unknown>) => void): Promise<void> {
  if (jobs <= 1 || files.length <= 1 || !existsSync(fileURLToPath(WORKER_URL))) {
    takeEarlyWorkers(job.command, 0);
    const handle = await fileHandler(job);
    files.forEach((f, i) => emit(i, handle(f)));
    return;
  }
  const runners = Math.min(jobs, files.length);
  // Before this thread's hot code and the workers: with no spare core, V8 optimizes less (tiering.ts).
  tuneTieringFor(runners);
  // This thread is one of the runners, and jobs − 1 workers the others (one start-up fewer to pay).
  // The workers the bin started first thing, before this thread loaded the command (early-workers.ts).
  const early = takeEarlyWorkers(job.command, runners - 1);
  const workers = Array.from({ length: runners - 1 }, (_, k) => new FileWorker(job, early[k]));
  // Runner 0 is this thread; runners 2k+1 and 2k+2 share worker k (two files outstanding each).
  const worker = (runner: number): FileWorker => workers[(runner - 1) >> 1] as FileWorker;
  try {
    // The workers start first, so that their start-up overlaps this thread's. A worker takes files only once
    // it has started (about 0.3 s of CPU): this thread takes them meanwhile, so that a short run is not left
    // waiting on files held by a worker still loading the engine.
    for (const w of workers) void w.ready();
    // The context is built here too, so that a bad --assume or template is one error, not one per file.
    const handle = await fileHandler(job);
    const here = async (file: string): Promise<FileOutcome<unknown>> => {
      // Let the workers' answers in (and hand them their next file) before this thread blocks on its own.
      await new Promise((resolve) => setImmediate(resolve));
      return handle(file);
    };
    const ready = (runner: number): Promise<void> => (runner === 0 ? Promise.resolve() : worker(runner).ready());
    await runInOrder(files.length, 1 + 2 * workers.length, (runner, i) => (runner === 0 ? here(files[i] as string) : worker(runner).work(files[i] as string, i)), emit, ready);
  } finally {
    for (const w of workers) w.stop();
  }
}
