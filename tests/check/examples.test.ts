/** The examples in examples/check do what their README says. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

const dir = join(import.meta.dirname, '..', '..', 'examples', 'check');

describe('examples/check', () => {
  it('should report the one error of backprop-homework.md at line 22 with a counterexample', async () => {
    const f = join(dir, 'backprop-homework.md');
    const r = await cli(['check', f]);
    expect(r.code).toBe(1);
    const failing = r.stdout.split('\n').filter((l) => l.includes(' fails: '));
    expect(failing[0]).toContain(`${f}:22:6: step 3 fails:`);
    expect(r.stdout).toMatch(/at .*x = .*: left side = .*, right side = /);
  });

  it('should check softmax-gradient.tex with no failure (exit 0), deciding values too small for doubles in high precision', async () => {
    const r = await cli(['check', join(dir, 'softmax-gradient.tex'), '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { files: { summary: Record<string, number> }[] };
    expect(j.files[0]?.summary['fails']).toBe(0);
    // Σ ∂L/∂z_k = 0: every value is below 1e-6; both sides stay zero at 60 digits and again at more (an exact cancellation)
    expect(j.files[0]?.summary['undecided']).toBe(0);
  });

  it('should judge linear-layer.md under the shapes its prose states: only x W + b fails, K stays a number', async () => {
    const f = join(dir, 'linear-layer.md');
    const r = await cli(['check', f, '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { files: { chains: { steps: { line: number; verdict: string }[] }[] }[] };
    const steps = j.files[0]?.chains.flatMap((c) => c.steps) ?? [];
    expect(steps.map((s) => `${s.line}: ${s.verdict}`)).toEqual(['8: proved', '12: fails', '16: holds', '20: holds', '26: holds', '28: holds', '34: proved']);
  });

  it('should give the expected verdict for every relation in steps.jsonl', async () => {
    const text = readFileSync(join(dir, 'steps.jsonl'), 'utf8');
    const want = new Map(text.trim().split('\n').map((l) => { const o = JSON.parse(l) as { id: string; expect: string }; return [o.id, o.expect]; }));
    const r = await cli(['equal', '--batch', join(dir, 'steps.jsonl')]);
    const got = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; verdict: string });
    expect(got.map((g) => [g.id, g.verdict])).toEqual([...want]);
  });
});
