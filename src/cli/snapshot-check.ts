/**
 * The entry of dist/cli/gradtex-check.blob, the start-up snapshot of
 * `check` (snapshot-entry.ts): the checker with the Markdown reader.
 */
import { checkCommand } from './commands/check.js';
import { snapshotOf } from './snapshot-entry.js';

snapshotOf(new Map([['check', checkCommand]]));
