/**
 * Two details of the command line as a process: `gradtex … | head -1`
 * closes the pipe early, which must end gradtex quietly (exit 141, as a tool
 * killed by SIGPIPE; never 0, since the verdict was not delivered) instead
 * of crashing on EPIPE with a stack trace; and `gradtex --version` prints
 * the package's version.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, cli, cliProcess } from './run.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The bin a user runs: a shell script starting node from the start-up snapshot, or on BIN. */
const userBin = join(root, 'dist', 'cli', 'gradtex');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** Runs a command whose standard output is closed before it writes anything (the reader went away). */
function withClosedStdout(program: string, args: readonly string[], stdin: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => undefined); // it may exit before reading all of it
    child.stdin.end(stdin);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stderr }));
  });
}

const batch = Array.from({ length: 40 }, (_, k) => JSON.stringify({ id: `r${k}`, expr: `x^${k + 2}`, wrt: ['x'] })).join('\n') + '\n';

describe('a closed pipe on standard output', () => {
  for (const [name, program, args] of [
    ['the bundle, diff', process.execPath, [BIN, 'diff', 'x^2', '--wrt', 'x']],
    ['the bundle, diff --batch', process.execPath, [BIN, 'diff', '--batch', '-', '--jobs', '1']],
    ['the bin, diff (snapshot)', userBin, ['diff', 'sigma(x)', '--wrt', 'x']],
    ['the bin, rules (the bundle)', userBin, ['rules']],
  ] as const) {
    it(`should end ${name} quietly with exit 141`, async () => {
      const r = await withClosedStdout(program, args, batch);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(141);
    });
  }
});

describe('gradtex --version', () => {
  it('should print the version of package.json', async () => {
    expect(await cli(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await cli(['-V'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(cliProcess(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('should be listed in the help', async () => {
    expect((await cli(['--help'])).stdout).toContain('-V, --version');
  });
});
