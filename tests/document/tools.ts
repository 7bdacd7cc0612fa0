/**
 * External programs the document tests use. CI installs them (.ci/run); on a
 * machine without them a test says so visibly and is skipped — except under
 * CI, where a missing tool is a failure, so a skip can never hide a broken
 * install step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export function hasCommand(cmd: string, args: readonly string[] = ['--version']): boolean {
  const r = spawnSync(cmd, [...args], { encoding: 'utf8' });
  return r.status === 0;
}

export const CHROMIUM = '/usr/bin/chromium';

/** Where tests leave files for people to look at (PDF page images, screenshots). */
export function artifactsDir(): string {
  const dir = join(import.meta.dirname, '..', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function requireOrSkip(available: boolean, what: string): boolean {
  if (available) return true;
  if (process.env['CI'] !== undefined && process.env['CI'] !== '') throw new Error(`${what} is required in CI (.ci/run installs it)`);
  console.warn(`SKIPPED: ${what} is not installed on this machine`);
  return false;
}

export { existsSync };
