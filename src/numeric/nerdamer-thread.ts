/**
 * nerdamer in a thread of its own, started early so that its load (700 kB
 * of code and a prime table, about as long as starting Node) overlaps the
 * rest of the start-up instead of adding to it: `gradtex diff` starts it
 * before loading its modules and rules, and the bridge then asks it
 * synchronously (nerdamer-bridge.ts). Without a started thread, or when the
 * thread cannot start, the bridge loads nerdamer in its own thread, as
 * before: the answers are the same either way.
 *
 *     if (hasIdleCore()) startNerdamerThread();   // in the CLI, before the command's modules load
 *     askNerdamerThread('diff(v0^2,v0)')   // { text: '2*v0' }, or undefined without a thread
 */
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';

/** Slots of the shared flags: the thread runs; an answer is waiting on the port. */
export const NERDAMER_RUNNING = 0;
export const NERDAMER_ANSWERED = 1;

export interface NerdamerThreadData {
  readonly flags: Int32Array;
}

export type NerdamerAnswer = { readonly text: string } | { readonly error: string };

/** How long to wait for the thread to start running before loading nerdamer here instead (it starts in milliseconds). */
const START_TIMEOUT_MS = 3_000;
/**
 * How long to wait for an answer: longer than nerdamer takes on what the
 * bridge sends it (seconds at most). Past it, the thread is taken for dead
 * (out of memory) and the bridge asks nerdamer in its own thread, as
 * without a thread.
 */
const ANSWER_TIMEOUT_MS = 120_000;

interface NerdamerThread {
  readonly port: MessagePort;
  readonly flags: Int32Array;
  /** False once it failed to start or to answer: the bridge then loads nerdamer itself. */
  usable: boolean;
}

// The one thread of this process, if the CLI started it (a process-wide resource, like the module cache).
let thread: NerdamerThread | undefined;

const WORKER_URL = new URL('./nerdamer-worker.js', import.meta.url);

/**
 * A core to spare: the thread only helps when it runs beside the main one;
 * on a machine already busy it would add its own start-up (measured: +0.08 s
 * of CPU) to the queue. loadavg() is all zeros where it is not known (Windows).
 */
export const hasIdleCore = (): boolean => (loadavg()[0] ?? 0) + 1 <= availableParallelism();

/**
 * Starts the thread (once); does nothing where the worker file is missing
 * (running from the TypeScript sources). The caller decides whether it is
 * worth it (hasIdleCore).
 */
export function startNerdamerThread(): void {
  if (thread !== undefined || !existsSync(fileURLToPath(WORKER_URL))) return;
  const flags = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    // No inherited Node flags: some break a worker (--input-type under -e), and nerdamer needs none.
    worker = new Worker(WORKER_URL, { workerData: { flags, port: port2 }, transferList: [port2], execArgv: [] });
  } catch {
    return;
  }
  // Neither keeps the process alive: it exits when the command is done, the thread with it.
  worker.unref();
  port1.unref();
  worker.on('error', () => {
    if (thread !== undefined) thread.usable = false;
  });
  thread = { port: port1, flags, usable: true };
}

/**
 * Blocks until the thread sets flag `slot` (true), or `limitMs` passed
 * (false). A thread that died cannot be seen from here while blocked (its
 * 'exit' event waits for this thread), hence the limits.
 */
const waitFor = (t: NerdamerThread, slot: number, limitMs: number): boolean => Atomics.wait(t.flags, slot, 0, limitMs) !== 'timed-out';

/**
 * nerdamer's answer to `expression` from the thread, waiting for it
 * synchronously (nerdamer's own calls are synchronous too); undefined when
 * no thread was started, or it did not start or answer in time.
 */
export function askNerdamerThread(expression: string): NerdamerAnswer | undefined {
  const t = thread;
  if (t === undefined || !t.usable) return undefined;
  if (!waitFor(t, NERDAMER_RUNNING, START_TIMEOUT_MS)) {
    t.usable = false;
    return undefined;
  }
  Atomics.store(t.flags, NERDAMER_ANSWERED, 0);
  t.port.postMessage(expression);
  if (!waitFor(t, NERDAMER_ANSWERED, ANSWER_TIMEOUT_MS)) {
    t.usable = false;
    return undefined;
  }
  const reply = receiveMessageOnPort(t.port);
  if (reply === undefined) {
    t.usable = false;
    return undefined;
  }
  return reply.message as NerdamerAnswer;
}
