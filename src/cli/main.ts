#!/usr/bin/env node
/**
 * gradtex's command line: argument parsing and dispatch only. Each subcommand
 * lives in commands/<name>.ts.
 */
import { Command, CommanderError } from 'commander';
import { fileURLToPath } from 'node:url';
import { realpathSync } from 'node:fs';
import { EXIT, processIo, type Io } from './io.js';
import { commandsFor } from './commands/index.js';
import { errorMessage } from './file-outcome.js';

/** The only single-dash options gradtex has; everything else is math. */
const SHORT_OPTIONS = new Set(['-h', '-V', '-o']);

/**
 * An expression such as `-(y*log(p))` or `-x^2` starts with '-', which an
 * argument parser reads as an option. gradtex has no short options besides
 * -h, -V and -o, so such an argument is math: a leading space makes it positional (the
 * expression parsers skip white space). `-` alone still means standard input.
 */
export function protectNegativeExpressions(argv: readonly string[]): string[] {
  return argv.map((a) => (a.length > 1 && a.startsWith('-') && !a.startsWith('--') && !SHORT_OPTIONS.has(a) ? ` ${a}` : a));
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit code. */
export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  let exit: number = EXIT.ok;
  const program = new Command('gradtex')
    .description('Derivations, checks and typeset documents for the mathematics of deep learning.')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    })
    .showHelpAfterError('(run with --help for usage)');
  const args = protectNegativeExpressions(argv);
  for (const c of await commandsFor(args)) c.register(program, io, (code) => (exit = code));
  for (const sub of program.commands) sub.exitOverride();
  try {
    await program.parseAsync(args, { from: 'user' });
    return exit;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version requests end here too, with exit code 0.
      return err.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    // Errors in what the user wrote: one line, exit 2, no stack trace. A bug
    // in gradtex, not in the user's input: still one line, but it says so.
    io.stderr(`gradtex: ${errorMessage(err)}\n`);
    return EXIT.badInput;
  }
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
  const code = await runCli(process.argv.slice(2), processIo());
  process.exitCode = code;
}
