/**
 * The version `gradtex --version` prints: package.json's, read from the
 * package root (the folder holding rules/, found from this file in src/,
 * dist/src/cli/ or the bundle in dist/cli/), so it is never out of step
 * with the package that runs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defaultRulesDir } from '../rewrite/load-rules.js';

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(dirname(defaultRulesDir()), 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}
