/**
 * Checks on the files `gradtex train` and `gradtex experiment` will write,
 * made before any training so that a mistake costs nothing: never replace a
 * file without --force, and say plainly when a path cannot be written.
 *
 *     checkReportDir('out', false); // throws a UserError if out/report.tex exists
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CheckpointExistsError } from '../../train/checkpoint.js';
import { ReportExistsError } from '../../train/report/write-report.js';
import { UserError } from '../io.js';

/** The report folder is a folder (or does not exist yet) and holds no report unless force. */
export function checkReportDir(dir: string, force: boolean): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UserError(`--report ${dir}: not a folder`);
  if (force) return;
  const existing = ['report.tex', 'report.html', 'report.pdf'].map((f) => join(dir, f)).filter((f) => existsSync(f));
  if (existing.length > 0) throw new UserError(new ReportExistsError(existing).message);
}

/** The checkpoint's folder exists, and the file does not unless force. */
export function checkCheckpointPath(file: string, force: boolean): void {
  const parent = dirname(file);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UserError(`--checkpoint ${file}: the folder ${parent} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new UserError(`--checkpoint ${file}: is a folder; give a file name`);
  if (!force && existsSync(file)) throw new UserError(new CheckpointExistsError(file).message);
}
