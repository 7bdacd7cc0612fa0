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
import type { FileOutcome } from './file-outcome.js';
import { runInOrder } from './jobs.js';
import type { RenderSpecFlags } from './render-spec.js';

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

/** Messages between a file worker and this thread. */
export type FileTask = { readonly index: number; readonly file: string };
export type FileReply = { readonly index: number; readonly outcome: FileOutcome<unknown> };

const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/**
 * One worker thread working on the files it is sent, in the order sent; up
 * to two at a time are outstanding, so that it has its next file while this
 * thread is busy with one of its own. Started on first use and again after
 * it died (the files it held get an error).
 */
class FileWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, (o: FileOutcome<unknown>) => void>();

  constructor(private readonly job: FileJob) {}

  private start(): Worker {
    const w = new Worker(WORKER_URL, { workerData: this.job });
    this.worker = w;
    const lost = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = undefined;
      for (const [index, settle] of [...this.pending]) {
        this.pending.delete(index);
        settle({ ok: false, message: why });
      }
    };
    w.on('message', (m: FileReply) => {
      const settle = this.pending.get(m.index);
      this.pending.delete(m.index);
      settle?.(m.outcome);
    });
    w.on('error', (e: Error) => lost(`internal error: ${e.message}`));
    w.on('exit', () => lost('internal error: the worker stopped'));
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
    const handle = await fileHandler(job);
    files.forEach((f, i) => emit(i, handle(f)));
    return;
  }
  // The context is built here first, so that a bad --assume or template is one error, not one per file;
  // this thread is then one of the runners, and jobs − 1 workers the others (one start-up fewer to pay).
  const handle = await fileHandler(job);
  const runners = Math.min(jobs, files.length);
  const workers = Array.from({ length: runners - 1 }, () => new FileWorker(job));
  const here = async (file: string): Promise<FileOutcome<unknown>> => {
    // Let the workers' answers in (and hand them their next file) before this thread blocks on its own.
    await new Promise((resolve) => setImmediate(resolve));
    return handle(file);
  };
  // Runner 0 is this thread; runners 2k+1 and 2k+2 share worker k (two files outstanding each).
  const worker = (runner: number): FileWorker => workers[(runner - 1) >> 1] as FileWorker;
  try {
    await runInOrder(files.length, 1 + 2 * workers.length, (runner, i) => (runner === 0 ? here(files[i] as string) : worker(runner).work(files[i] as string, i)), emit);
  } finally {
    for (const w of workers) w.stop();
  }
}
