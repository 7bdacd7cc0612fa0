/**
 * The worker thread of `check FILE…` and `render SPEC…` with `--jobs`
 * (file-jobs.ts): builds the command's context once (from its job, in its
 * workerData or, when it was started early, its first message), then works
 * on each file it is sent and posts back its outcome. It runs the same code as the
 * command's own thread would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage, type FileOutcome } from './file-outcome.js';
import { fileHandler, preloadHandler, type FileJob, type FileReply, type FileStart, type FileTask, type FileWorkerData, type FileWorkerReady } from './file-jobs.js';

const port = parentPort;
if (port !== null) {
  const data = workerData as FileWorkerData;
  let job = data.job;
  if (job === undefined) {
    // Started before the command line was parsed (early-workers.ts): the command's modules load while the job is on its way.
    preloadHandler(data.command).catch(() => undefined);
    job = await new Promise<FileJob>((resolve) => port.once('message', (m: FileStart) => resolve(m.job)));
  }
  let handle: (file: string) => FileOutcome<unknown>;
  try {
    handle = await fileHandler(job);
  } catch (e) {
    // The main thread built the same context first; this is only a safety net.
    const message = errorMessage(e);
    handle = () => ({ ok: false, message });
  }
  port.on('message', (m: FileTask) => port.postMessage({ index: m.index, outcome: handle(m.file) } satisfies FileReply));
  // Files are handed to this worker only from now on (file-jobs.ts): until then the main thread takes them.
  port.postMessage({ ready: true } satisfies FileWorkerReady);
}
