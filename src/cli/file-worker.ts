/**
 * The worker thread of `check FILE…` and `render SPEC…` with `--jobs`
 * (file-jobs.ts): builds the command's context once, then works on each
 * file it is sent and posts back its outcome. It runs the same code as the
 * command's own thread would.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage, type FileOutcome } from './file-outcome.js';
import { fileHandler, type FileJob, type FileReply, type FileTask, type FileWorkerReady } from './file-jobs.js';

const port = parentPort;
if (port !== null) {
  let handle: (file: string) => FileOutcome<unknown>;
  try {
    handle = await fileHandler(workerData as FileJob);
  } catch (e) {
    // The main thread built the same context first; this is only a safety net.
    const message = errorMessage(e);
    handle = () => ({ ok: false, message });
  }
  port.on('message', (m: FileTask) => port.postMessage({ index: m.index, outcome: handle(m.file) } satisfies FileReply));
  // Files are handed to this worker only from now on (file-jobs.ts): until then the main thread takes them.
  port.postMessage({ ready: true } satisfies FileWorkerReady);
}
