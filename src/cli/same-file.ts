/** Is an output path the input file, even through a symbolic link, a hard link or another spelling of the path? */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

/** sameFile('notes/../notes/a.md', 'notes/a.md') === true */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));
  if (real(a) === real(b)) return true;
  // Two names of one file (a hard link): writing either loses the other.
  if (!existsSync(a) || !existsSync(b)) return false;
  const [sa, sb] = [statSync(a), statSync(b)];
  return sa.dev === sb.dev && sa.ino === sb.ino;
}
