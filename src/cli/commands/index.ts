/**
 * The list of subcommands, in the order `--help` shows them. Each entry loads
 * its module only when asked: `gradtex diff …` never loads the training core,
 * the Markdown stack or KaTeX, so start-up pays only for the command that runs.
 */
import type { CommandModule } from '../command.js';
import { hasIdleCore, startNerdamerThread } from '../../numeric/nerdamer-thread.js';

export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'diff', load: async () => (await import('./diff.js')).diffCommand },
  { name: 'simplify', load: async () => (await import('./simplify.js')).simplifyCommand },
  { name: 'eval', load: async () => (await import('./eval.js')).evalCommand },
  { name: 'rules', load: async () => (await import('./rules.js')).rulesCommand },
  { name: 'render', load: async () => (await import('./render.js')).renderCommand },
  { name: 'md', load: async () => (await import('./md.js')).mdCommand },
  { name: 'derive', load: async () => (await import('./derive.js')).deriveCommand },
  { name: 'equal', load: async () => (await import('./equal.js')).equalCommand },
  { name: 'check', load: async () => (await import('./check.js')).checkCommand },
  { name: 'graph', load: async () => (await import('./graph.js')).graphCommand },
  { name: 'construct', load: async () => (await import('./construct.js')).constructCommand },
  { name: 'exhaust', load: async () => (await import('./exhaust.js')).exhaustCommand },
  { name: 'train', load: async () => (await import('./train.js')).trainCommand },
  { name: 'score', load: async () => (await import('./score.js')).scoreCommand },
  { name: 'experiment', load: async () => (await import('./experiment.js')).experimentCommand },
];

/**
 * The commands to register for `argv`: only the named one when the first
 * word names a command (its own `--help` and errors still work), all of them
 * otherwise (the top-level help, and commander's "did you mean" for a typo).
 */
export async function commandsFor(argv: readonly string[]): Promise<CommandModule[]> {
  const named = namedCommand(argv);
  const entries = named ? [named] : COMMANDS;
  prepareFor(argv);
  return Promise.all(entries.map((c) => c.load()));
}

/** The command the first word of `argv` names, if any. */
function namedCommand(argv: readonly string[]): CommandEntry | undefined {
  const first = argv.find((a) => !a.startsWith('-'));
  return COMMANDS.find((c) => c.name === first);
}

/**
 * Starts what `argv` will need from a thread of its own, before the
 * command's modules load (the bin calls it first thing; commandsFor again,
 * which does nothing the second time). `diff EXPR` asks nerdamer for a
 * second opinion on nearly every answer, and loading nerdamer costs about as
 * much as starting Node: it loads in its own thread meanwhile, if a core is
 * idle. (--batch answers in worker threads of its own; --shape never asks.)
 */
export function prepareFor(argv: readonly string[]): void {
  if (namedCommand(argv)?.name === 'diff' && !argv.some((a) => a === '--batch' || a === '--shape' || a === '--help' || a === '-h') && hasIdleCore()) startNerdamerThread();
}
