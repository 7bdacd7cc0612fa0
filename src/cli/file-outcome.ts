/**
 * What became of one file of `check FILE…` or `render SPEC…`: its result,
 * or the one-line message of what was wrong with it. A bad file is reported
 * and the others are still worked on and written.
 *
 *     outcomeOf(() => readFileSync('missing.md', 'utf8'))   // { ok: false, message: 'internal error: ENOENT …' }
 */
import { DerivationLimitError } from '../derive/limits.js';
import { PointError } from '../derive/point.js';
import { FileError } from '../parse/file-error.js';
import { UserError } from './io.js';

export type FileOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/** Errors in what the user wrote (printed as one line, exit 2), as opposed to a bug in gradtex. */
export function isUserError(err: unknown): boolean {
  return err instanceof UserError || err instanceof PointError || err instanceof FileError || err instanceof DerivationLimitError;
}

/** The line printed after `gradtex: ` for an error: its message, marked as internal when it is a bug of gradtex. */
export function errorMessage(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return isUserError(err) ? msg : `internal error: ${msg}`;
}

/** Runs `work`, turning what it throws into a failed outcome. */
export function outcomeOf<T>(work: () => T): FileOutcome<T> {
  try {
    return { ok: true, value: work() };
  } catch (e) {
    return { ok: false, message: errorMessage(e) };
  }
}
