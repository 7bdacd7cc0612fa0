import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('gradtex diff --shape', () => {
  it('should derive d(W x + b)/dx = W with its size, checked entry by entry', async () => {
    const r = await cli(['diff', 'W*x + b', '--wrt', 'x', '--shape', 'W: m x n, x: n, b: m']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  = W    [mat.jacobian-linear-map: W*x; mat.constant: b]\nresult: W\nsize: m×n (the Jacobian of m entries by x (n entries), numerator layout');
    expect(r.stdout).toMatch(/\ncheck: holds: both sides are m×n; all \d+ entries agree .* over sizes \{m = 2, n = 2\}/);
  });

  it('should derive the gradient of the quadratic form x^T A x as (A + A^T) x, never 2 A x', async () => {
    const r = await cli(['diff', 'x^T*A*x', '--wrt', 'x', '--shape', 'A: n x n, x: n', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { result: string; size: string; steps: { rule: string }[]; verification: { verdict: string } };
    expect(j).toMatchObject({ result: '(A + A^T)*x', size: 'n', verification: { verdict: 'holds' } });
    expect(j.steps.map((s) => s.rule)).toEqual(['mat.grad-quadratic-form']);
  });

  it('should derive sums and scalar multiples of linear forms and maps, in LaTeX', async () => {
    const r = await cli(['diff', '\\mathbf{x}^\\top A \\mathbf{x} + 2 b^T x - 3', '--wrt', 'x', '--shape', 'A: n x n, x: n, b: n', '--format', 'latex']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('= \\left(A + A^\\top\\right) x + 2 b\n% size: n');
    const m = await cli(['diff', '(A*B)*x/2 - b', '--wrt', 'x', '--shape', 'A: m x p, B: p x n, x: n, b: m']);
    expect(m.stdout).toMatch(/\nresult: .*A\*B.*\nsize: m×n/);
    expect(m.code).toBe(0);
  });

  it('should refuse in one line (exit 3) what it cannot derive soundly, never reading it with scalars', async () => {
    for (const [expr, wrt, shape, what] of [
      ['sigma(W*x)', 'x', 'W: m x n, x: n', 'x inside a function'],
      ['W*x', 'W', 'W: m x n, x: n', 'derivatives by the matrix W'],
      ['x^T*x*x^T*x', 'x', 'x: n', 'x in more than one factor'],
      ['W*x', 'alpha', 'W: m x n, x: n', 'not a declared vector'],
    ] as const) {
      const r = await cli(['diff', expr, '--wrt', wrt, '--shape', shape]);
      expect(r.code).toBe(3);
      expect(r.stdout).toContain('not derived under shapes');
      expect(r.stdout).toContain(what);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
    }
  });

  it('should refuse --grad and --at with --shape as bad input (exit 2)', async () => {
    expect((await cli(['diff', 'W*x', '--grad', 'x', '--shape', 'W: m x n, x: n'])).code).toBe(2);
    expect((await cli(['diff', 'W*x', '--wrt', 'x', '--at', 'x=1', '--shape', 'W: m x n, x: n'])).code).toBe(2);
  });

  it('should take "shape" in --batch requests', async () => {
    const r = await cli(['diff', '--batch', '-'], '{"id":"a","expr":"W*x + b","wrt":["x"],"shape":"W: m x n, x: n, b: m"}\n{"id":"b","expr":"x^2","wrt":["x"]}\n');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ id: 'a', result: 'W', size: 'm×n', verification: { verdict: 'holds' } });
    expect(lines[1]).toMatchObject({ id: 'b', result: '2*x' });
  });
});

describe('gradtex diff without shapes on matrix-looking products', () => {
  it('should refuse B*(A*x) and x^T*A*x (exit 3) instead of commuting them, and keep capitals alone scalars', async () => {
    for (const expr of ['B*(A*x)', 'x^T*A*x']) {
      const r = await cli(['diff', expr, '--wrt', 'x']);
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(/^not derived: .* is read as matrices and vectors .* declare the shapes of A/);
    }
    const k = await cli(['diff', 'K*x^2 + C', '--wrt', 'x']);
    expect(k.code).toBe(0);
    expect(k.stdout).toContain('result: K*2*x');
  });

  it('should answer a batch request with the refusal, not an error', async () => {
    const r = await cli(['diff', '--batch', '-'], '{"id":"a","expr":"B*(A*x)","wrt":["x"]}\n');
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'a', verdict: 'undecided' });
  });
});
