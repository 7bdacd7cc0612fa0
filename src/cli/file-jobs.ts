/**
 * Files of `check FILE…` and `render SPEC…` worked on `--jobs` at a time,
 * each in a worker thread (file-worker.ts) that builds the command's
 * context once and then takes one file after another; the outcomes come
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
import { checkContext, checkFile, type CheckFileFlags } from './check-file.js';
import type { FileOutcome } from './file-outcome.js';
import { runInOrder } from './jobs.js';
import { renderContext, renderSpec, type RenderSpecFlags } from './render-spec.js';

/** What a worker needs to build the same context as the command: its name and (plain, cloneable) flags. */
export type FileJob = { readonly command: 'check'; readonly flags: CheckFileFlags } | { readonly command: 'render'; readonly flags: RenderSpecFlags };

/** The per-file function of a job, its context built once (throws what the context throws: a bad --assume, --shape or template). */
export function fileHandler(job: FileJob): (file: string) => FileOutcome<unknown> {
  if (job.command === 'check') {
    const ctx = checkContext(job.flags);
    return (file) => checkFile(ctx, file);
  }
  const ctx = renderContext(job.flags);
  return (file) => renderSpec(ctx, file);
}

/** Messages between a file worker and this thread. */
export type FileTask = { readonly index: number; readonly file: string };
export type FileReply = { readonly index: number; readonly outcome: FileOutcome<unknown> };

const WORKER_URL = new URL('./file-worker.js', import.meta.url);

/** One worker thread taking one file at a time; started on first use and again after it died. */
class FileWorker {
  private worker: Worker | undefined;
  private pending: ((o: FileOutcome<unknown>) => void) | undefined;

  constructor(private readonly job: FileJob) {}

  private start(): Worker {
    const w = new Worker(WORKER_URL, { workerData: this.job });
    this.worker = w;
    const lost = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.settle({ ok: false, message: why });
    };
    w.on('message', (m: FileReply) => this.settle(m.outcome));
    w.on('error', (e: Error) => lost(`internal error: ${e.message}`));
    w.on('exit', () => lost('internal error: the worker stopped'));
    return w;
  }

  private settle(o: FileOutcome<unknown>): void {
    const p = this.pending;
    this.pending = undefined;
    p?.(o);
  }

  work(file: string, index: number): Promise<FileOutcome<unknown>> {
    const w = this.worker ?? this.start();
    return new Promise((resolve) => {
      this.pending = resolve;
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
    const handle = fileHandler(job);
    files.forEach((f, i) => emit(i, handle(f)));
    return;
  }
  // The context is built here first, so that a bad --assume or template is one error, not one per file.
  fileHandler(job);
  const workers = Array.from({ length: Math.min(jobs, files.length) }, () => new FileWorker(job));
  try {
    await runInOrder(files.length, workers.length, (runner, i) => (workers[runner] as FileWorker).work(files[i] as string, i), emit);
  } finally {
    for (const w of workers) w.stop();
  }
}
