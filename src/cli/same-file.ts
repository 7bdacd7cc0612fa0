/** Is an output path the input file, even through a symbolic link or another spelling of the path? */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** sameFile('notes/../notes/a.md', 'notes/a.md') === true */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => (existsSync(p) ? realpathSync(p) : resolve(p));
  return real(a) === real(b);
}
