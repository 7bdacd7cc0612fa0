/** Runs the CLI in-process with captured output (fast), or as a real process (exit codes, stdin, no stack traces). */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: readonly string[], stdin = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
    isTty: false,
  });
  return { code, stdout, stderr };
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built binary, the bundle the `gradtex` bin runs (npm test builds first: see the pretest script). */
export const BIN = join(root, 'dist', 'cli', 'gradtex.js');

export function cliProcess(args: readonly string[], stdin = ''): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { input: stdin, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
