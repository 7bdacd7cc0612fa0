/**
 * The list of subcommands, in the order `--help` shows them. Each entry loads
 * its module only when asked: `gradtex diff …` never loads the training core,
 * the Markdown stack or KaTeX, so start-up pays only for the command that runs.
 */
import type { CommandModule } from '../command.js';

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
  const first = argv.find((a) => !a.startsWith('-'));
  const named = COMMANDS.find((c) => c.name === first);
  const entries = named ? [named] : COMMANDS;
  return Promise.all(entries.map((c) => c.load()));
}
