/**
 * `gradtex check` exit codes through the built binary (build first:
 * `npx tsc -p tsconfig.json`): 0 every relation proved or holds, 1 some
 * relation fails, 2 bad input, 3 nothing fails but something is undecided
 * or not read (`--allow-undecided` maps 3 to 0).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliProcess } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'gradtex-exit-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'accounting');

describe('gradtex check exit codes', () => {
  it('should exit 0 when every relation is proved or holds, premises aside', () => {
    const f = file('ok.md', 'Let $x > 0$ and $h = x^2$.\n\n$$\\frac{dh}{dx} = 2x$$\n\nSo $h \\ge 0$.\n');
    const r = cliProcess(['check', f]);
    expect(r.stdout).toContain(`${f}: 2 relations found: 2 proved, 0 hold, 0 fail, 0 undecided, 0 not read; 1 definition, 1 assumption`);
    expect(r.code).toBe(0);
  });

  it('should exit 1 when an inline claim fails, and name its line:col', () => {
    const r = cliProcess(['check', join(fixtures, 'neuron.md')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/neuron\.md:9:39: step 1 fails: \\frac\{\\partial a_1\}\{\\partial w\} = 1 - a_1\^2/);
    expect(r.stdout).toContain('neuron.md:13:10: not read: uses \\Rightarrow, an implication');
  });

  it('should exit 3 when only a relation not read is left, and 0 with --allow-undecided', () => {
    const f = file('proportional.tex', 'We have $y \\propto x^2$.\n');
    const r = cliProcess(['check', f]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(`${f}:1:10: not read: uses \\propto`);
    expect(r.stdout).toContain('0 undecided, 1 not read');
    expect(cliProcess(['check', f, '--allow-undecided']).code).toBe(0);
    const json = JSON.parse(cliProcess(['check', f, '--format', 'json']).stdout) as { files: { summary: Record<string, number>; notRead: unknown[] }[] };
    expect(json.files[0]?.summary['notRead']).toBe(1);
    expect(json.files[0]?.notRead).toHaveLength(1);
  });

  it('should exit 2 with file:line:col when an environment is never closed', () => {
    const f = file('open.tex', 'Intro.\n\\begin{align*}\na &= b\n');
    const r = cliProcess(['check', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${f}:2:1: \\begin{align*} is never closed`);
  });

  it('should read a plain-text file (.txt)', () => {
    const r = cliProcess(['check', join(fixtures, 'notes.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('notes.txt:6:11: step 1 fails: 2*x + 3 = 2*(x + 3)');
  });
});
