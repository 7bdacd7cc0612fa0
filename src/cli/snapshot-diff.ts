/**
 * The entry of dist/cli/gradtex-diff.blob, the start-up snapshot of `diff`
 * (snapshot-entry.ts): the derivative and its checks alone, warmed up on
 * `diff` alone. Each run pays for the whole heap it starts from, and `diff`
 * is the command most often run on its own; the code only `simplify`,
 * `eval` and `equal` use (the equality judge, the data values) and their
 * warm-up's bytecode stay in gradtex.blob (snapshot-quick.ts).
 */
import { diffCommand } from './commands/diff.js';
import { snapshotOf } from './snapshot-entry.js';

snapshotOf(new Map([['diff', diffCommand]]));
