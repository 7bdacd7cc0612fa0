import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'gradtex-check-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('gradtex check', () => {
  it('should report the failing step in compiler style with the counterexample, exit 1', async () => {
    const f = file('wrong.md', '# d/dx\n\nLet $u = x^3$.\n\n$$\n\\begin{aligned}\n\\frac{du}{dx} &= 3x^2 \\\\\n  &= 3x\n\\end{aligned}\n$$\n');
    const r = await cli(['check', f]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${f}:8:6: step 2 fails: 3x^2 = 3x`);
    expect(r.stdout).toMatch(/ {2}at x = [-\d.e]+: left side = [-\d.e]+, right side = [-\d.e]+/);
    expect(r.stdout).toContain(`${f}: 2 relations found: 1 proved, 0 hold, 1 fails, 0 undecided, 0 not read;`);
  });

  it('should exit 0 when every step holds, and list steps with --verbose', async () => {
    const f = file('right.tex', '\\begin{equation}\n(a + b)^2 = a^2 + 2ab + b^2\n\\end{equation}\n');
    const r = await cli(['check', f, '--verbose']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${f}:2:13: step 1 proved`);
  });

  it('should give JSON per file, chain and step', async () => {
    const f = file('json.md', 'For $x > 0$:\n\n$$\\ln x \\le x - 1 < x$$\n');
    const r = await cli(['check', f, '--format', 'json']);
    const j = JSON.parse(r.stdout) as { files: { file: string; summary: Record<string, number>; chains: { line: number; col: number; steps: Record<string, unknown>[] }[] }[] };
    const steps = j.files[0]?.chains[0]?.steps ?? [];
    expect(steps.map((s) => [s['line'], s['col'], s['lhs'], s['rel'], s['rhs'], s['verdict']])).toEqual([
      [3, 13, '\\ln x', '<=', 'x - 1', 'proved'],
      [3, 21, 'x - 1', '<', 'x', 'holds'],
    ]);
    expect(steps[0]?.['evidence']).toMatchObject({ method: 'lemma', lemmas: ['le.log-below-line'] });
    expect(j.files[0]?.summary).toEqual({ proved: 1, holds: 1, fails: 0, undecided: 0, notRead: 0, definitions: 0, assumptions: 1 });
  });

  it('should list unreadable math as not read at the parse error\'s line and column, never crash', async () => {
    const f = file('bad.md', 'Text.\n\n$$\na = \\frac{1}{\n$$\n\n$$\\foo{x} = 1$$\n');
    const r = await cli(['check', f]);
    // nothing failed, but nothing unreadable may pass a grading script: exit 3
    expect(r.code).toBe(3);
    expect((await cli(['check', f, '--allow-undecided'])).code).toBe(0);
    expect(r.stdout).toMatch(/bad\.md:4:\d+: not read: cannot read this math: .*: a = \\frac\{1\}\{\n/);
    expect(r.stdout).toMatch(/bad\.md:7:3: not read: cannot read this math: unknown command.*: \\foo\{x\} = 1\n/);
    expect(r.stdout).toContain(`${f}: 2 relations found: 0 proved, 0 hold, 0 fail, 0 undecided, 2 not read;`);
  });

  it('should say undecided for a derivative of a symbol the document never defines', async () => {
    const f = file('undefined.md', '$$\\frac{\\partial L}{\\partial w} = 2w$$\n');
    const r = await cli(['check', f]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('the derivative of L needs its definition');
  });

  it('should take assumptions from the command line', async () => {
    const f = file('assume.md', '$$\\sqrt{x^2} = x$$\n');
    expect((await cli(['check', f])).code).toBe(1);
    expect((await cli(['check', f, '--assume', 'x > 0'])).code).toBe(0);
  });

  it('should exit 2 for a file it cannot read', async () => {
    const r = await cli(['check', join(dir, 'missing.md')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gradtex: cannot read .*missing\.md/);
  });

  it('should finish a 5,000-line document with a report', async () => {
    const block = 'Some prose about $x > 0$ and $h = x^2$.\n\n$$\n\\begin{aligned}\nh &= x \\cdot x \\\\\n  &= x^2\n\\end{aligned}\n$$\n\n';
    const f = file('long.md', block.repeat(5000 / 10));
    const r = await cli(['check', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/long\.md: 1000 relations found: 1000 proved/);
  });
});
