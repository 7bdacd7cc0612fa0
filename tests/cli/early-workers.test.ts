/**
 * early-workers.ts: the bin starts the workers of `check --jobs` before
 * commander parses the command line, from its own reading of it; the
 * reading must agree with the check command's options, and a worker started
 * that way must take its job later and answer as the main thread does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/commands/check.js';
import { CHECK_FLAG_OPTIONS, CHECK_VALUE_OPTIONS, checkRunners } from '../../src/cli/early-workers.js';
import { defaultJobs } from '../../src/cli/job-count.js';

describe('checkRunners', () => {
  it('should count the files and the jobs of check, whatever the order of files and options', () => {
    expect(checkRunners(['check', 'a.md', 'b.md', '--jobs', '2'])).toBe(2);
    expect(checkRunners(['check', '--jobs=3', 'a.md', 'b.md', 'c.md', 'd.md'])).toBe(3);
    expect(checkRunners(['check', 'a.md', '--assume', 'x > 0', 'b.md', '--jobs', '2', '--verbose', '--format=json'])).toBe(2);
    expect(checkRunners(['check', 'a.md', '-o', 'out.html', '--format', 'html', 'b.md', '--jobs', '4'])).toBe(2);
    expect(checkRunners(['check', '--jobs', '2', '--', '-a.md', 'b.md'])).toBe(2);
    expect(checkRunners(['check', 'a.md', 'b.md', 'c.md'])).toBe(Math.min(defaultJobs(), 3));
  });

  it('should start nothing for one job or one file, another command, or a command line it does not know', () => {
    expect(checkRunners(['check', 'a.md', 'b.md', '--jobs', '1'])).toBe(1);
    expect(checkRunners(['check', 'a.md', '--jobs', '2'])).toBe(1);
    expect(checkRunners(['check', 'a.md', 'b.md', '--jobs', '0'])).toBe(1);
    expect(checkRunners(['check', 'a.md', 'b.md', '--jobs', 'two'])).toBe(1);
    expect(checkRunners(['check', 'a.md', 'b.md', '--jobs'])).toBe(1);
    expect(checkRunners(['check', 'a.md', 'b.md', '--help'])).toBe(1);
    expect(checkRunners(['check', 'a.md', 'b.md', '--nonsense'])).toBe(1);
    expect(checkRunners(['check', 'a.md', 'b.md', '--verbose=yes', '--jobs', '2'])).toBe(1);
    expect(checkRunners(['render', 'a.yaml', 'b.yaml', '--jobs', '2'])).toBe(1);
    expect(checkRunners(['--jobs', '2', 'check', 'a.md', 'b.md'])).toBe(1);
  });

  it("should know every option of the check command, and which of them take a value", () => {
    const program = new Command();
    checkCommand.register(program, { stdout: () => undefined, stderr: () => undefined, readStdin: async () => '', isTty: false }, () => undefined);
    const check = program.commands.find((c) => c.name() === 'check');
    const options = check?.options ?? [];
    expect(options.length).toBeGreaterThan(0);
    const names = (takesValue: boolean): string[] =>
      options
        .filter((o) => (o.required || o.optional) === takesValue)
        .flatMap((o) => [o.long, o.short].filter((n): n is string => n !== undefined))
        .sort();
    expect(names(true)).toEqual([...CHECK_VALUE_OPTIONS].sort());
    expect(names(false)).toEqual([...CHECK_FLAG_OPTIONS].sort());
  });
});

// A started worker runs the built worker script (dist/), as the bin does: each run is a fresh process with the built modules.
const root = join(import.meta.dirname, '..', '..');
const dist = (p: string): string => join(root, 'dist', 'src', p);
const built = existsSync(dist('cli/file-worker.js'));

describe('a worker started before the command line is parsed', () => {
  it.skipIf(!built)('should take its job as its first message, then answer each file as the main thread does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradtex-early-'));
    const file = join(dir, 'steps.md');
    writeFileSync(file, '$$(x+1)^2 = x^2 + 2x + 1$$\n\n$$\\frac{d}{dx} \\sin(2x) = 2\\cos(x)$$\n');
    const script = `
const early = await import(${JSON.stringify(dist('cli/early-workers.js'))});
const { checkContext, checkFile } = await import(${JSON.stringify(dist('cli/check-file.js'))});
early.startEarlyWorkers(['check', 'a.md', 'b.md', '--jobs', '2']);
const [worker, extra] = early.takeEarlyWorkers('check', 5);
// Taken over, a worker is ref'd again, as runFileJobs does (until then it does not keep the process alive).
const flags = { assume: [], shape: [] };
worker.ref();
worker.postMessage({ job: { command: 'check', flags } });
const messages = [];
await new Promise((resolve) => worker.on('message', (m) => {
  messages.push(m);
  if ('ready' in m) worker.postMessage({ index: 7, file: ${JSON.stringify(file)} });
  else resolve();
}));
await worker.terminate();
const here = checkFile(checkContext(flags), ${JSON.stringify(file)});
console.log(JSON.stringify({ taken: extra === undefined, messages, same: JSON.stringify(messages[1].outcome) === JSON.stringify(here), ok: here.ok }));
`;
    // A script file, not -e: a worker inherits node's flags, and --input-type breaks it.
    const scriptFile = join(dir, 'early.mjs');
    writeFileSync(scriptFile, script);
    const r = spawnSync(process.execPath, [scriptFile], { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(r.stderr);
    const out = JSON.parse(r.stdout) as { taken: boolean; messages: { ready?: true; index?: number }[]; same: boolean; ok: boolean };
    // One worker for two jobs (the main thread is the other), ready only once it had its job, then the file's outcome.
    expect(out.taken).toBe(true);
    expect(out.messages.map((m) => ('ready' in m ? 'ready' : m.index))).toEqual(['ready', 7]);
    expect(out.ok).toBe(true);
    expect(out.same).toBe(true);
  }, 60_000);
});
