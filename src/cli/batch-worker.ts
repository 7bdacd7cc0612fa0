/**
 * The worker thread of a batch (batch.ts): builds the command's line handler
 * once, then answers each line it is sent. It runs the same code as the
 * main thread would; only the time budget differs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchJob, LineHandler, WorkerMessage } from './batch.js';
import { diffBatchHandler } from './commands/diff.js';
import { equalBatchHandler } from './commands/equal.js';

async function handlerFor(job: BatchJob): Promise<LineHandler> {
  // The flags were cloned from the command's own parsed options.
  return job.command === 'diff' ? diffBatchHandler(job.flags as Parameters<typeof diffBatchHandler>[0]) : equalBatchHandler(job.flags as Parameters<typeof equalBatchHandler>[0]);
}

const port = parentPort;
if (port !== null) {
  const handle = await handlerFor(workerData as BatchJob);
  const send = (m: WorkerMessage): void => port.postMessage(m);
  port.on('message', (m: { line: string; index: number }) => send({ kind: 'answer', answer: handle(m.line, m.index) }));
  send({ kind: 'ready' });
}
