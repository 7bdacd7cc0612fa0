import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('gradtex equal --shape', () => {
  it('should verify (AB)^T = B^T A^T entry by entry at the declared sizes', async () => {
    const r = await cli(['equal', 'transpose(A*B)', 'transpose(B)*transpose(A)', '--shape', 'A=2x3', '--shape', 'B=3x4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('(A*B)^T = B^T*A^T\nholds: both sides are 4×2; all 8 entries agree at 32 random points (max relative error 0.00e+0); read as vectors and matrices (A: 2×3, B: 3×4), products in the order written\n');
  });

  it('should read LaTeX and symbolic sizes, several declarations in one flag', async () => {
    const r = await cli(['equal', '(A B)^\\top = B^\\top A^\\top', '--shape', 'A: n x p, B: p x q']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\(A\*B\)\^T = B\^T\*A\^T\nholds: both sides are q×n; all \d+ entries agree/);
  });

  it('should fail a wrong identity with a counterexample entry', async () => {
    const r = await cli(['equal', 'transpose(A*B)', 'transpose(A)*transpose(B)', '--shape', 'A: n x n', '--shape', 'B: n x n']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^fails: entry \(1, 1\) differs with n = 2: /m);
  });

  it('should fail sides of different shapes by naming them', async () => {
    const r = await cli(['equal', 'A', 'A^T', '--shape', 'A: n x p', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { verdict: string; evidence: { lhsShape: string; rhsShape: string } };
    expect(out.verdict).toBe('fails');
    expect(out.evidence).toMatchObject({ lhsShape: 'n×p', rhsShape: 'p×n' });
  });

  it('should fail a right side whose shapes never fit where the left side is defined, naming the product', async () => {
    const r = await cli(['equal', 'transpose(A*B)', 'transpose(A)*transpose(B)', '--shape', 'A=2x3', '--shape', 'B=3x4']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fails: the right side is not defined with the declared sizes where the left side is: cannot multiply A^T (3×2) by B^T (4×3): 2 columns against 4 rows');
  });

  it('should refuse a side it cannot read at all (exit 2)', async () => {
    const r = await cli(['equal', 'A*', 'A', '--shape', 'A: n x n']);
    expect(r.code).toBe(2);
  });

  it('should explain a shape declaration it cannot read (exit 2)', async () => {
    const r = await cli(['equal', 'A', 'A', '--shape', 'A: n by p']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gradtex: --shape: cannot read the size 'n by p'/);
  });

  describe('the product of issue 10: d(B*(A*x), x)', () => {
    const shapes = ['--shape', 'A: m x n, B: p x m, x: n'];

    it('should be undecided without shapes, never proved by commuting A and B', async () => {
      const r = await cli(['equal', 'd(B*(A*x), x)', 'A*B']);
      expect(r.stdout).toMatch(/^undecided: .*declare the shapes of A, B and x/m);
    });

    it('should fail A*B with shapes, listing every sampled entry and the sizes', async () => {
      const r = await cli(['equal', 'd(B*(A*x), x)', 'A*B', ...shapes, '--format', 'json']);
      expect(r.code).toBe(1);
      const out = JSON.parse(r.stdout) as { verdict: string; evidence: { summary: string; point: Record<string, number> } };
      expect(out.verdict).toBe('fails');
      expect(out.evidence.summary).toMatch(/^entry \(\d, \d\) differs with m = \d, n = \d, p = \d: /);
      for (const k of ['m', 'n', 'p', 'A_{1,1}', 'B_{1,1}']) expect(out.evidence.point).toHaveProperty([k]);
      expect(out.evidence.summary).toContain('A_{1,1} = ');
    });

    it('should hold for B*A with shapes, at several sizes', async () => {
      const r = await cli(['equal', 'd(B*(A*x), x)', 'B*A', ...shapes]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^holds: both sides are p×n; all \d+ entries agree .* over sizes \{m = 2, n = 2, p = 2\}/m);
    });
  });

  describe('the quadratic form x^T A x', () => {
    it('should hold d(x^T*A*x, x) = (A + A^T)*x and fail 2*A*x (A is not symmetric)', async () => {
      const good = await cli(['equal', 'd(x^T*A*x, x)', '(A + A^T)*x', '--shape', 'A: n x n, x: n']);
      expect(good.code).toBe(0);
      expect(good.stdout).toMatch(/^holds: both sides are n;/m);
      const bad = await cli(['equal', 'd(x^T*A*x, x)', '2*A*x', '--shape', 'A: n x n, x: n']);
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/^fails: entry \(\d, 1\) differs with n = \d/m);
    });

    it('should read x^\\top A x in LaTeX the same way', async () => {
      const r = await cli(['equal', '\\frac{\\partial}{\\partial x} x^\\top A x = (A + A^\\top) x', '--shape', 'A: n x n, x: n']);
      expect(r.stdout).toMatch(/^holds: /m);
    });
  });

  it('should take "shape" (a string or a list) in --batch requests, and --shape for all of them', async () => {
    const input = [
      '{"id":"1","lhs":"d(B*(A*x), x)","rhs":"B*A","shape":"A: m x n, B: p x m, x: n"}',
      '{"id":"2","lhs":"d(B*(A*x), x)","rhs":"A*B","shape":["A: m x n","B: p x m","x: n"]}',
      '{"id":"3","lhs":"d(B*(A*x), x)","rhs":"A*B"}',
    ].join('\n');
    const r = await cli(['equal', '--batch', '-'], input + '\n');
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { verdict: string }).verdict)).toEqual(['holds', 'fails', 'undecided']);
    const all = await cli(['equal', '--batch', '-', '--shape', 'A: n x n, B: n x n, x: n'], '{"id":"1","lhs":"transpose(A*B)","rhs":"transpose(B)*transpose(A)"}\n');
    expect(JSON.parse(all.stdout)).toMatchObject({ id: '1', verdict: 'holds', evidence: { shape: 'n×n' } });
  });
});
