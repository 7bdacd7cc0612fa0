/**
 * The thread that loads nerdamer ahead of its first question
 * (nerdamer-thread.ts): it signals that it runs, loads nerdamer, then
 * answers each expression it is sent with nerdamer's text (or its error
 * message), and wakes the asking thread, which waits synchronously.
 */
import { createRequire } from 'node:module';
import { workerData, type MessagePort } from 'node:worker_threads';
import { NERDAMER_ANSWERED, NERDAMER_RUNNING, type NerdamerAnswer, type NerdamerThreadData } from './nerdamer-thread.js';

interface NerdamerExpression {
  text(): string;
}
type Nerdamer = ((expression: string) => NerdamerExpression) & { flush(): unknown };

const { port, flags } = workerData as NerdamerThreadData & { port: MessagePort };
Atomics.store(flags, NERDAMER_RUNNING, 1);
Atomics.notify(flags, NERDAMER_RUNNING);

const require = createRequire(import.meta.url);
let nerdamer: Nerdamer | undefined;
let loadError: string | undefined;
try {
  nerdamer = require('nerdamer') as Nerdamer;
  require('nerdamer/Calculus.js');
  require('nerdamer/Algebra.js');
} catch (e) {
  loadError = e instanceof Error ? e.message : String(e);
}

function answer(expression: string): NerdamerAnswer {
  if (nerdamer === undefined) return { error: loadError ?? 'nerdamer did not load' };
  try {
    const text = nerdamer(expression).text();
    nerdamer.flush();
    return { text };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

port.on('message', (expression: string) => {
  // The answer is posted before the wake-up, so the asking thread finds it on the port.
  port.postMessage(answer(expression));
  Atomics.store(flags, NERDAMER_ANSWERED, 1);
  Atomics.notify(flags, NERDAMER_ANSWERED);
});
