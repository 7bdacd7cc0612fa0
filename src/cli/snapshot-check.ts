/**
 * The entry of dist/cli/gradtex-check.blob, the start-up snapshot of
 * `check` (snapshot-entry.ts): the checker with the Markdown reader, and
 * decimal.js bundled in (a check compares sides in high precision where
 * doubles cannot tell them apart; required lazily while the snapshot is
 * built, it would make the blob fail at start).
 */
import Decimal from 'decimal.js';
import { checkCommand } from './commands/check.js';
import { snapshotOf } from './snapshot-entry.js';
import { useLoadedDecimal } from '../numeric/big-number.js';

useLoadedDecimal(Decimal);
snapshotOf(new Map([['check', checkCommand]]));
