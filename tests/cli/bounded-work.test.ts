/**
 * Bounded work on every input (issue #9): each input below once ran for 30 s
 * to minutes, ran out of stack or answered wrongly. Each must now give a
 * result or one clear line with exit 2. These run the built binary (the
 * --batch time budget needs the compiled worker); the test timeout is only a
 * guard against a hang, not a timing assertion.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess } from './run.js';

function expectCleanError(r: { code: number; stderr: string }, pattern: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
}

function scratchFile(name: string, content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'gradtex-bounds-')), name);
  writeFileSync(file, content);
  return file;
}

const GUARD = 120_000;

describe('bounded work', () => {
  it(
    'should evaluate x^1000 at an 80-digit decimal without expanding a 266,000-bit fraction, and approximate the tiny value instead of printing 0',
    () => {
      const r = cliProcess(['eval', 'x^1000', '--at', `x=0.${'1'.repeat(80)}`]);
      expect(r.code).toBe(0);
      // 0.111… is 1/9 to 80 digits; (1/9)^1000 = 5.72124519…e-955 (50-digit decimal arithmetic).
      expect(r.stdout).toMatch(/≈ 5\.7212e-955/);
    },
    GUARD,
  );

  it(
    'should differentiate (123456789/987654320)^10000 x^2 keeping the constant unexpanded',
    () => {
      const r = cliProcess(['diff', '(123456789/987654320)^10000*x^2', '--wrt', 'x', '--format', 'json']);
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout) as { result: string; verification: { verdict: string } };
      expect(j.result).toContain('(123456789/987654320)^10000');
      expect(j.verification.verdict).not.toBe('failed');
    },
    GUARD,
  );

  it(
    'should never say that (1234567/7654321)^9000 x = 0 holds: the constant is tiny but not zero',
    () => {
      const r = cliProcess(['equal', '(1234567/7654321)^9000*x', '0', '--format', 'json']);
      expect(r.stderr).toBe('');
      const j = JSON.parse(r.stdout) as { verdict: string; evidence: { summary: string } };
      expect(['fails', 'undecided']).toContain(j.verdict);
    },
    GUARD,
  );

  it(
    'should not say that x^(10^9) = x^(10^9 + 1) holds: both sides are 0 or ∞ in floating point',
    () => {
      const r = cliProcess(['equal', 'x^(10^9)', 'x^(10^9 + 1)', '--format', 'json']);
      expect(['fails', 'undecided']).toContain((JSON.parse(r.stdout) as { verdict: string }).verdict);
    },
    GUARD,
  );

  it(
    'should refuse the derivative of 250 nested exp with the size it grew to',
    () => {
      const nested = `${'exp('.repeat(250)}x${')'.repeat(250)}`;
      expectCleanError(cliProcess(['diff', '-', '--wrt', 'x'], nested), /grew to [\d,]+ nodes, beyond the limit/);
    },
    GUARD,
  );

  it(
    'should refuse a tenth derivative with the order limit',
    () => {
      const wrt = Array.from({ length: 10 }, () => ['--wrt', 'x']).flat();
      expectCleanError(cliProcess(['diff', 'sin(x)', ...wrt]), /order 10 is beyond the limit of \d+ successive derivatives/);
    },
    GUARD,
  );

  it(
    'should refuse 2,000 nested Markdown quotes with file:line:col in md and in check, not overflow the stack',
    () => {
      const note = scratchFile('quotes.md', `${'> '.repeat(2000)}hello $x^2$\n`);
      const out = note.replace(/\.md$/, '.html');
      expectCleanError(cliProcess(['md', note, '-o', out]), /quotes\.md:1:\d+: block quotes and lists nested more than 100 levels deep/);
      expectCleanError(cliProcess(['check', note]), /quotes\.md:1:\d+: block quotes and lists nested more than 100 levels deep/);
    },
    GUARD,
  );

  it(
    'should refuse lists nested 1,000 deep before micromark spends minutes on them',
    () => {
      const note = scratchFile('lists.md', Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n'));
      expectCleanError(cliProcess(['check', note]), /lists\.md:101:\d+: block quotes and lists nested more than 100 levels deep/);
    },
    GUARD,
  );

  it(
    'should refuse a run of 20,000 emphasis markers, which micromark matches in quadratic time',
    () => {
      const note = scratchFile('stars.md', `${'*'.repeat(20000)}x${'*'.repeat(20000)}\n`);
      expectCleanError(cliProcess(['check', note]), /stars\.md:1:1: a run of more than 200 '\*' characters/);
    },
    GUARD,
  );

  it(
    'should answer every other request of a diff batch when one exceeds its time budget',
    () => {
      const requests = [
        '{"id":"a","expr":"x^3","wrt":["x"]}',
        // A fifth derivative takes far longer than 1 ms, whatever the machine.
        '{"id":"slow","expr":"tanh(x)^3*exp(sigma(x))","wrt":["x","x","x","x","x"],"timeout":0.001}',
        'not json',
        '{"id":"c","expr":"x*y","grad":["x","y"]}',
      ].join('\n');
      const r = cliProcess(['diff', '--batch', '-'], requests);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l['id'])).toEqual(['a', 'slow', 'line 3', 'c']);
      expect(lines[0]).toMatchObject({ result: '3*x^2' });
      expect(lines[1]?.['error']).toMatch(/^line 2: no answer within 0\.001 s, the time budget of one request/);
      expect(lines[2]?.['error']).toMatch(/^line 3: not valid JSON/);
      expect((lines[3]?.['gradient'] as { result: string }[]).map((g) => g.result)).toEqual(['y', 'x']);
      expect(r.code).toBe(0);
    },
    GUARD,
  );

  it(
    'should answer every other request of an equal batch when one exceeds its time budget',
    () => {
      const requests = [
        '{"id":"a","lhs":"x + x","rhs":"2*x"}',
        '{"id":"slow","lhs":"sigma(x)*(1 - sigma(x))*tanh(x)^2","rhs":"d(sigma(x), x)*(1 - tanh(x)^2)","timeout":0.001}',
        '{"id":"c","lhs":"x","rhs":"x + 1"}',
      ].join('\n');
      const r = cliProcess(['equal', '--batch', '-'], requests);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.map((l) => l['id'])).toEqual(['a', 'slow', 'c']);
      expect(lines[0]?.['verdict']).toBe('proved');
      expect(lines[1]?.['error']).toMatch(/^line 2: no answer within 0\.001 s/);
      expect(lines[2]?.['verdict']).toBe('fails');
      expect(r.code).toBe(1);
    },
    GUARD,
  );

  it(
    'should give a request that breaks the derivation limits its own error line in a batch',
    () => {
      const nested = `${'exp('.repeat(250)}x${')'.repeat(250)}`;
      const requests = [JSON.stringify({ id: 'deep', expr: nested, wrt: ['x'] }), '{"id":"b","expr":"x^2","wrt":["x"]}'].join('\n');
      const r = cliProcess(['diff', '--batch', '-'], requests);
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines[0]?.['error']).toMatch(/^line 1: the derivative grew to/);
      expect(lines[1]).toMatchObject({ id: 'b', result: '2*x' });
    },
    GUARD,
  );
});
