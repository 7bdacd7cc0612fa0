#!/usr/bin/env node
/**
 * The `gradtex` bin: the entry point of the bundle (dist/cli/gradtex.js,
 * written by write-bundle.ts). It starts the threads the command will need
 * (the jobs' workers of `check --jobs`, nerdamer for `diff`) before anything else loads, so that they start up
 * while the command's code does; then it runs the CLI. main.ts holds the
 * dispatch, and still runs on its own as dist/src/cli/main.js.
 */
import { prepareFor } from './commands/index.js';
import { startEarlyWorkers } from './early-workers.js';
import { exitQuietlyOnBrokenPipe } from './io.js';

exitQuietlyOnBrokenPipe();
// The jobs' workers of check --jobs first: their start-up overlaps this thread's loading of the command.
startEarlyWorkers(process.argv.slice(2));
prepareFor(process.argv.slice(2));
const [{ runCli }, { processIo }] = await Promise.all([import('./main.js'), import('./io.js')]);
process.exitCode = await runCli(process.argv.slice(2), processIo());
