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

/** What a test needs of vitest's context to be skipped. */
export interface Skippable {
  skip(note?: string): void;
}

/**
 * A test that needs a system tool: under CI a missing tool fails the test;
 * elsewhere the test is reported as skipped (never as passed), with the reason.
 *
 *     it('…', (ctx) => { requireOrSkip(ctx, hasCommand('pdflatex'), 'pdflatex'); … })
 */
export function requireOrSkip(ctx: Skippable, available: boolean, what: string): void {
  if (available) return;
  if (isCi()) throw new Error(`${what} is required in CI (.ci/run installs it)`);
  ctx.skip(`${what} is not installed on this machine`);
}

/** Running under CI (.ci/run sets CI=true): every tool a test needs must be there. */
export function isCi(): boolean {
  return process.env['CI'] !== undefined && process.env['CI'] !== '';
}

export { existsSync };
