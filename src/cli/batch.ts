/**
 * JSON Lines batches (`diff --batch`, `equal --batch`) with a time budget per
 * request. Each line is answered in a worker thread; a request that is not
 * answered within the budget (or exhausts the worker's memory) gets its own
 * error line, the worker is replaced, and the next lines are answered as
 * usual: one pathological request cannot stall the rest. The engine's work
 * is synchronous (nerdamer cannot be interrupted), so only a thread that can
 * be terminated gives a real bound.
 *
 *     const failed = await runBatch(text, io, { command: 'diff', flags, budgetMs: 10_000, local: () => handler });
 *
 * Run from the TypeScript sources (the tests' in-process CLI) there is no
 * compiled worker script; the lines are then answered in this thread,
 * without the time budget.
 */
import { InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError, type Io } from './io.js';
import { runInOrder } from './jobs.js';
import { tuneTieringFor } from './tiering.js';

/** One answered line: the JSON text to print, and whether a check in it failed. */
export interface BatchAnswer {
  readonly out: string;
  readonly failed: boolean;
}

/** Answers one line (0-based index), or undefined for a blank line. Never throws. */
export type LineHandler = (line: string, index: number) => BatchAnswer | undefined;

export type BatchCommand = 'diff' | 'equal';

/** What the worker needs to build the same handler: the command and its (plain, cloneable) flags. */
export interface BatchJob {
  readonly command: BatchCommand;
  readonly flags: unknown;
}

/** Seconds each request may take by default (`--timeout`). */
export const DEFAULT_BATCH_TIMEOUT_S = 10;
/** Heap of one worker: a request that needs more gets an error line instead of taking the machine. */
const WORKER_HEAP_MB = 1024;

/** `--timeout 2.5` -> 2.5 (seconds). */
export function parseTimeoutSeconds(v: string): number {
  const s = Number(v);
  if (!Number.isFinite(s) || s <= 0 || s > 86_400) throw new InvalidArgumentError('expected a number of seconds, more than 0 and at most 86400');
  return s;
}

/** The fields of a request line the runner reads itself, or {} when it is not a JSON object. */
function requestFields(line: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(line);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // Not JSON: the handler says so on its own line.
  }
  return {};
}

/**
 * One request line of `diff --batch` or `equal --batch`: a JSON object with
 * an "id" (string or number); otherwise a UserError saying what is wrong.
 *
 *     readRequestObject('{"id": 1, "expr": "x^2"}')   // { id: '1', fields: { id: 1, expr: 'x^2' } }
 */
export function readRequestObject(line: string): { readonly id: string; readonly fields: Readonly<Record<string, unknown>> } {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new UserError('not valid JSON');
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new UserError('expected a JSON object');
  const fields = v as Record<string, unknown>;
  const id = fields['id'];
  if (typeof id !== 'string' && typeof id !== 'number') throw new UserError('missing "id" (a string)');
  return { id: String(id), fields };
}

/** The "id" of a request line if it has one, else "line N": an error line must say which request it answers. */
export function requestId(line: string, index: number): string {
  const id = requestFields(line)['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : `line ${index + 1}`;
}

/** A request's own "timeout" (seconds, 0 < t <= 86400) in ms, else the batch's budget. */
function requestBudgetMs(line: string, fallbackMs: number): number {
  const t = requestFields(line)['timeout'];
  return typeof t === 'number' && t > 0 && t <= 86_400 ? t * 1000 : fallbackMs;
}

/** The error line for request `index`. */
export function errorLine(line: string, index: number, message: string): BatchAnswer {
  return { out: JSON.stringify({ id: requestId(line, index), error: `line ${index + 1}: ${message}` }) + '\n', failed: false };
}

/**
 * A handler that never throws: errors in the request (`expected`, e.g.
 * UserError) become its error line with their message, anything else an
 * error line that says it is an internal error. One bad request never ends
 * the batch.
 */
export function guardedHandler(answer: (line: string, index: number) => BatchAnswer, expected: (e: unknown) => boolean): LineHandler {
  return (line, index) => {
    if (line.trim() === '') return undefined;
    try {
      return answer(line, index);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return errorLine(line, index, expected(e) ? message : `internal error: ${message}`);
    }
  };
}

const WORKER_URL = new URL('./batch-worker.js', import.meta.url);

type Reply = { readonly kind: 'answer'; readonly answer: BatchAnswer | undefined } | { readonly kind: 'lost'; readonly why: string };

/** A worker that answers one line at a time; replaced after a timeout or a crash. */
/** Messages from the worker: it is ready (rules loaded), or the answer to the line it was sent. */
export type WorkerMessage = { readonly kind: 'ready' } | { readonly kind: 'answer'; readonly answer: BatchAnswer | undefined };

/**
 * A worker that answers one line at a time; replaced after a timeout or a
 * crash. The budget of a request starts when the worker is ready, so loading
 * the rules is not charged to the first request.
 */
class LineWorker {
  private worker: Worker | undefined;
  /** Resolves when the worker is ready, to undefined, or to why it died first. */
  private ready: Promise<string | undefined> = Promise.resolve(undefined);
  private pending: ((r: Reply) => void) | undefined;

  constructor(private readonly job: BatchJob) {}

  private start(): void {
    const w = new Worker(WORKER_URL, { workerData: this.job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker = w;
    // Events of a worker already replaced (terminated after a timeout) answer nothing.
    const current = (): boolean => this.worker === w;
    let booted: (why: string | undefined) => void = () => undefined;
    this.ready = new Promise((resolve) => (booted = resolve));
    const lost = (why: string): void => {
      if (!current()) return;
      booted(why);
      this.settle({ kind: 'lost', why });
    };
    w.on('message', (m: WorkerMessage) => {
      if (!current()) return;
      if (m.kind === 'ready') booted(undefined);
      else this.settle({ kind: 'answer', answer: m.answer });
    });
    w.on('error', (e: Error) => {
      const oom = (e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(e.message);
      lost(oom ? `ran out of memory (a request may use ${WORKER_HEAP_MB} MB)` : `internal error: ${e.message}`);
    });
    w.on('exit', () => lost('internal error: the worker stopped'));
  }

  private settle(r: Reply): void {
    const p = this.pending;
    this.pending = undefined;
    p?.(r);
  }

  async answer(line: string, index: number, budgetMs: number): Promise<Reply | 'timeout'> {
    if (this.worker === undefined) this.start();
    const w = this.worker;
    const died = await this.ready;
    if (w === undefined || died !== undefined) {
      this.stop();
      return { kind: 'lost', why: died ?? 'internal error: no worker' };
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.stop();
        resolve('timeout');
      }, budgetMs);
      this.pending = (r) => {
        clearTimeout(timer);
        if (r.kind === 'lost') this.stop();
        resolve(r);
      };
      w.postMessage({ line, index });
    });
  }

  stop(): void {
    const w = this.worker;
    this.worker = undefined;
    if (w !== undefined) void w.terminate();
  }
}

/**
 * Answers every line of `text`, printing one JSON line per request in input
 * order; resolves to true when some check failed. With `jobs` > 1 that many
 * workers answer lines at once (each with its own time budget per request);
 * the output is the same as with one.
 */
export async function runBatch(text: string, io: Io, opts: { job: BatchJob; budgetMs: number; jobs: number; local: () => LineHandler | Promise<LineHandler> }): Promise<boolean> {
  const lines = text.split(/\r?\n/);
  let failed = false;
  const print = (a: BatchAnswer | undefined): void => {
    if (a === undefined) return;
    if (a.failed) failed = true;
    io.stdout(a.out);
  };
  if (!existsSync(fileURLToPath(WORKER_URL))) {
    const handle = await opts.local();
    lines.forEach((line, i) => print(handle(line, i)));
    return failed;
  }
  const requests = [...lines.entries()].filter(([, line]) => line.trim() !== '');
  const jobs = Math.max(1, Math.min(opts.jobs, requests.length));
  // Before the workers start: with no spare core, V8 optimizes less (tiering.ts).
  tuneTieringFor(jobs);
  const workers = Array.from({ length: jobs }, () => new LineWorker(opts.job));
  try {
    await runInOrder(
      requests.length,
      workers.length,
      async (runner, k) => {
        const [i, line] = requests[k] as [number, string];
        const budgetMs = requestBudgetMs(line, opts.budgetMs);
        const r = await (workers[runner] as LineWorker).answer(line, i, budgetMs);
        return r === 'timeout'
          ? errorLine(line, i, `no answer within ${budgetMs / 1000} s, the time budget of one request (--timeout, or "timeout" in the request); the other requests are answered`)
          : r.kind === 'lost'
            ? errorLine(line, i, r.why)
            : r.answer;
      },
      (_k, a) => print(a),
    );
  } finally {
    for (const w of workers) w.stop();
  }
  return failed;
}
