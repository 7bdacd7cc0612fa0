/**
 * The entry of dist/cli/gradtex.blob, the start-up snapshot of `diff`,
 * `simplify`, `eval` and `equal` (snapshot-entry.ts; `check` has its own,
 * with the Markdown stack this one need not load on every run).
 */
import { diffCommand } from './commands/diff.js';
import { equalCommand } from './commands/equal.js';
import { evalCommand } from './commands/eval.js';
import { simplifyCommand } from './commands/simplify.js';
import { snapshotOf } from './snapshot-entry.js';

snapshotOf(
  new Map([
    ['diff', diffCommand],
    ['simplify', simplifyCommand],
    ['eval', evalCommand],
    ['equal', equalCommand],
  ]),
);
