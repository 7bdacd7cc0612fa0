import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('gradtex equal --shape', () => {
  it('should verify (AB)^T = B^T A^T entry by entry at the declared sizes', async () => {
    const r = await cli(['equal', 'transpose(A*B)', 'transpose(B)*transpose(A)', '--shape', 'A=2x3', '--shape', 'B=3x4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('(A*B)^T = B^T*A^T\nholds: both sides are 4×2; all 8 entries agree at 32 random points (max relative error 0.00e+0)\n');
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

  it('should refuse a product whose shapes do not fit, with line:column (exit 2)', async () => {
    const r = await cli(['equal', 'transpose(A*B)', 'transpose(A)*transpose(B)', '--shape', 'A=2x3', '--shape', 'B=3x4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('gradtex: right side: 1:14: cannot multiply A^T (3×2) by B^T (4×3): 2 columns against 4 rows\n');
  });

  it('should explain a shape declaration it cannot read (exit 2)', async () => {
    const r = await cli(['equal', 'A', 'A', '--shape', 'A: n by p']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^gradtex: --shape: cannot read the size 'n by p'/);
  });
});
