import type { Command } from 'commander';
import type { Io } from './io.js';

/**
 * One subcommand: `register` adds it to the program. The action must resolve
 * to an exit code by calling `setExit`, never call process.exit itself.
 */
export interface CommandModule {
  readonly register: (program: Command, io: Io, setExit: (code: number) => void) => void;
}
