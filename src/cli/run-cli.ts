/**
 * The program: options every command shares, dispatch to the commands
 * given, exit codes. main.ts runs it with the lazy list of every command;
 * the start-up snapshot (snapshot-entry.ts) with the commands in its heap.
 */
import { Command, CommanderError } from 'commander';
import { EXIT, type Io } from './io.js';
import { errorMessage } from './file-outcome.js';
import type { CommandModule } from './command.js';
import { packageVersion } from './package-version.js';

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

/**
 * Runs the CLI with `argv` (without node and script) and resolves to the
 * exit code, registering the commands `commandsFor` gives for the
 * (protected) arguments.
 */
export async function runCliWith(argv: readonly string[], io: Io, commandsFor: (args: readonly string[]) => Promise<readonly CommandModule[]>): Promise<number> {
  let exit: number = EXIT.ok;
  const program = new Command('gradtex')
    .description('Derivations, checks and typeset documents for the mathematics of deep learning.')
    .version(packageVersion(), '-V, --version', 'print the version of gradtex')
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
