/** `gradtex construct` on the command line: formats, exit codes, one-line errors, KaTeX-clean LaTeX. */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

/** Every \[ … \] and $ … $ of a fragment, each rendered by KaTeX with throwOnError. */
function renderAll(latex: string): number {
  const pieces = [...latex.matchAll(/\\\[([^]*?)\\\]|\$([^$]+)\$/g)].map((m) => m[1] ?? m[2] ?? '');
  for (const p of pieces) expect(() => katex.renderToString(p, { throwOnError: true, displayMode: true }), p).not.toThrow();
  return pieces.length;
}

describe('gradtex construct', () => {
  it('should find the AND-NOT perceptron', async () => {
    const r = await cli(['construct', '--truth', 'A and not B']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  y = step(A - B - 1/2)\n');
    expect(r.stdout).toContain('(step(z) = 1 if z > 0, 0 if z ≤ 0)');
    expect(r.stdout).toContain('proved: one threshold unit computes A and not B: proved by exhaustion over {0,1}^2 (4 inputs)');
  });

  it('should print the XOR certificate a student can follow, then the network', async () => {
    const r = await cli(['construct', '--truth', 'A xor B']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  (A, B) = (0, 0) -> 0:  b ≤ 0, i.e. -b ≥ 0\n');
    expect(r.stdout).toContain('  (A, B) = (1, 0) -> 1:  w_A + b > 0\n');
    expect(r.stdout).toContain('  1*(-b) + 1*(w_B + b) + 1*(w_A + b) + 1*(-w_A - w_B - b) = 0\n');
    expect(r.stdout).toContain('Two layers of threshold units:');
    expect(r.stdout).toContain('  h1 = step(A + B - 3/2)    (A and B)\n');
    expect(r.stdout).toMatch(/no single threshold unit computes A xor B .*; a two-layer network computes it: proved by exhaustion over \{0,1\}\^2 \(4 inputs\)/);
  });

  it('should stop at one unit with --layers 1 and build two layers on request', async () => {
    expect((await cli(['construct', '--truth', 'A xor B', '--layers', '1'])).stdout).not.toContain('Two layers');
    expect((await cli(['construct', '--table', '00:0,01:1,10:1,11:1', '--layers', '2'])).stdout).toContain('Two layers');
  });

  it('should give JSON with exact numbers as strings', async () => {
    const r = await cli(['construct', '--truth', 'A xor B', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { status: string; sections: { kind: string; multipliers?: string[]; valid?: boolean; network?: { units: { bias: string }[] } }[] };
    expect(j.status).toBe('proved');
    const cert = j.sections.find((s) => s.kind === 'certificate');
    expect(cert?.multipliers).toEqual(['1', '1', '1', '1']);
    expect(cert?.valid).toBe(true);
    expect(j.sections.find((s) => s.kind === 'construction')?.network?.units.map((u) => u.bias)).toEqual(['-3/2', '-1/2', '-1/2']);
  });

  it('should write LaTeX that KaTeX renders with throwOnError', async () => {
    for (const args of [['--truth', 'A xor B'], ['--truth', 'x and not y'], ['--box', '0 < x < 1', '--height', '2'], ['--box', '0 < x_1 < 1, 0 <= x_2 <= 1/2'], ['--box', '0 < x < delta', '--height', 'h'], ['--box', '-1 < x < b, 0 <= y <= 2', '--height', 'h'], ['--counterexample', 'KL(p,q) = KL(q,p)'], ['--claim', 'x_1 (1 - x_1) = 0', '--over', 'x_1 in {0, 1}']]) {
      const r = await cli(['construct', ...args, '--format', 'latex']);
      expect(r.code, r.stderr).toBe(0);
      expect(renderAll(r.stdout)).toBeGreaterThan(1);
      expect(r.stdout).not.toMatch(/(?<!\\)[#%&](?![^[]*\\\])/);
    }
  });

  it('should find the box network and show the KL counterexample', async () => {
    const box = await cli(['construct', '--box', '0 < x < 1', '--height', '2']);
    expect(box.code, box.stderr).toBe(0);
    expect(box.stdout).toContain('  y = 2*u1 + 2*u2 - 2\n');
    const kl = await cli(['construct', '--counterexample', 'KL(p,q) = KL(q,p)']);
    expect(kl.code).toBe(0);
    expect(kl.stdout).toContain('  4*KL(p, q) = ln(16/9) and 4*KL(q, p) = ln(27/16)\n');
  });

  it('should refute a wrong construction with the failing input, exit 1', async () => {
    const r = await cli(['construct', '--truth', 'A and not B', '--check', 'y = step(A - B)']);
    expect(r.code).toBe(0); // step(A - B) is right under step(0) = 0: (1, 1) gives step(0) = 0
    const wrong = await cli(['construct', '--truth', 'A and not B', '--check', 'y = step(A - B)', '--step-at-zero', '1']);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('fails at (A, B) = (0, 0): the network gives y = 1, the target is 0');
  });

  it('should say in one line what is wrong with the input, exit 2', async () => {
    for (const [args, message] of [
      [['--truth', 'A and'], /^gradtex: expected a variable at the end of the formula 'A and'\n$/],
      [['--table', '00:0,01:1'], /does not give the output for 10, 11/],
      [['--truth', 'A', '--box', '0 < x < 1'], /exactly one of/],
      [['--box', '1 < x < 0'], /left end below its right end/],
      [['--truth', 'A xor B', '--check', 'y = step(A + C)'], /reads C, which is neither an input nor a unit defined before it/],
      [['--counterexample', 'H(p) = H(q)'], /KL\(p,q\) = KL\(q,p\)' only/],
      [['--box', '0 < x < 1', '--check', 'y = step(x)*2'], /name the inner step first \(u = step\(x\); y = 2\*u\)/],
    ] as const) {
      const r = await cli(['construct', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    // Option values are refused by commander, in the form every command uses.
    const bad = await cli(['construct', '--step-at-zero', '2', '--truth', 'A']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("argument '2' is invalid. expected 0");
  });
});
