#!/usr/bin/env node
/**
 * gradtex's command line: argument parsing and dispatch only. Each subcommand
 * lives in commands/<name>.ts.
 */
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { exitQuietlyOnBrokenPipe, processIo, type Io } from './io.js';
import { commandsFor } from './commands/index.js';
import { runCliWith } from './run-cli.js';

export { protectNegativeExpressions } from './run-cli.js';

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  return runCliWith(argv, io, commandsFor);
}

function isMain(): boolean {
  const entry = process.argv[1];
  if (entry === undefined) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  exitQuietlyOnBrokenPipe();
  const code = await runCli(process.argv.slice(2), processIo());
  process.exitCode = code;
}
