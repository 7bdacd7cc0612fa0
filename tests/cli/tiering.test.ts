/**
 * tiering.ts: with jobs that fill the cores the bin raises V8's interrupt
 * budget unless the user chose one, and that changes only when code is
 * optimized, never the output (compared with a run at V8's own default).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERRUPT_BUDGET, jobsFillCores, setByUser, tuneTieringFor } from '../../src/cli/tiering.js';
import { BIN, cliProcess } from './run.js';

describe('tuneTieringFor', () => {
  it('should see a budget the user set on the command line or in NODE_OPTIONS, in either spelling', () => {
    expect(setByUser(['--interrupt-budget=1000'])).toBe(true);
    expect(setByUser(['--stack-size=900', '--interrupt_budget=1000'])).toBe(true);
    expect(setByUser(['--interrupt-budget', '1000'])).toBe(true);
    expect(setByUser(['--interrupt-budget-for-feedback-allocation=10', '--max-lazy'])).toBe(false);
    expect(setByUser([])).toBe(false);
  });

  it('should count the jobs as filling the cores only when fewer cores than jobs are left spare', () => {
    expect(jobsFillCores(1, 1)).toBe(false);
    expect(jobsFillCores(1, 2)).toBe(false);
    expect(jobsFillCores(2, 2)).toBe(true);
    expect(jobsFillCores(2, 4)).toBe(false);
    expect(jobsFillCores(3, 4)).toBe(true);
    expect(jobsFillCores(8, 2)).toBe(true);
  });

  it("should keep V8's budget for one job or spare cores and the user's budget, and raise it otherwise", () => {
    expect(tuneTieringFor(1, 2, [], '')).toBe(false);
    expect(tuneTieringFor(2, 8, [], '')).toBe(false);
    expect(tuneTieringFor(2, 2, ['--interrupt-budget=67584'], '')).toBe(false);
    expect(tuneTieringFor(2, 2, [], '--max-old-space-size=4096 --interrupt-budget=67584')).toBe(false);
    expect(tuneTieringFor(2, 2, [], '')).toBe(true);
    expect(INTERRUPT_BUDGET).toBeGreaterThan(67_584);
  });
});

describe('the bin with its budget and with V8 default', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradtex-tiering-'));
  // Enough relations that the hot functions are optimized in the run, at either budget.
  const files = Array.from({ length: 6 }, (_, k) => {
    const a = k + 2;
    const file = join(dir, `hw${k}.md`);
    writeFileSync(file, [`$$\\frac{d}{dx} \\sin(${a}x) = ${a}\\cos(${a}x)$$`, `$$(x + ${a})^2 = x^2 + ${2 * a}x + ${a * a}$$`, `$$\\frac{d}{dx} \\tanh(x) = 1 - \\tanh(x)^2 + ${k % 2 === 0 ? 'x' : '0'}$$`].join('\n\n') + '\n');
    return file;
  });
  const atV8Default = (args: readonly string[]): { code: number; stdout: string } => {
    const r = spawnSync(process.execPath, ['--interrupt-budget=67584', BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
    return { code: r.status ?? -1, stdout: r.stdout };
  };

  // --jobs 2 fills the cores of the CI machine and of most laptops' halves: the budget is raised there.
  it('should print the same check report with two jobs as at V8 default', () => {
    const args = ['check', ...files, '--format', 'json', '--jobs', '2'];
    const ours = cliProcess(args);
    expect(ours.stdout).toContain('"files"');
    expect({ code: ours.code, stdout: ours.stdout }).toEqual(atV8Default(args));
  });

  it('should answer a diff batch the same with two jobs as at V8 default', () => {
    const requests = join(dir, 'requests.jsonl');
    writeFileSync(requests, ['sigma(x)*(1-sigma(x))', 'tanh(3*x)^2', 'log(1+exp(x))', 'x^x', 'exp(-x^2/2)'].map((expr, id) => JSON.stringify({ id, expr, wrt: ['x'] })).join('\n') + '\n');
    const args = ['diff', '--batch', requests, '--jobs', '2'];
    // Each answer carries its time in ms, which differs from run to run.
    const timeless = (r: { code: number; stdout: string }): { code: number; stdout: string } => ({ code: r.code, stdout: r.stdout.replace(/"ms":[\d.e+-]+/g, '"ms":0') });
    const ours = timeless(cliProcess(args));
    expect(ours.stdout.split('\n').filter((l) => l.startsWith('{"id"') && !l.includes('"error"'))).toHaveLength(5);
    expect(ours).toEqual(timeless(atV8Default(args)));
  });
});
