/**
 * The entry of dist/cli/gradtex.blob, the start-up snapshot of `simplify`,
 * `eval` and `equal` (snapshot-entry.ts; `diff` has its own, smaller one:
 * snapshot-diff.ts, and `check` its own, with the Markdown stack this one
 * need not load on every run).
 */
import { equalCommand } from './commands/equal.js';
import { evalCommand } from './commands/eval.js';
import { simplifyCommand } from './commands/simplify.js';
import { snapshotOf } from './snapshot-entry.js';

snapshotOf(
  new Map([
    ['simplify', simplifyCommand],
    ['eval', evalCommand],
    ['equal', equalCommand],
  ]),
);
