import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('gradtex diff --shape', () => {
  it('should derive d(W x + b)/dx = W by the matrix-calculus rules, each step named and checked, with its size', async () => {
    // --detail full: one rule per line, named by its id (the default merges bookkeeping into lines, see diff-detail.test.ts)
    const r = await cli(['diff', 'W*x + b', '--wrt', 'x', '--shape', 'W: m x n, x: n, b: m', '--detail', 'full']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  = d(W*x, x) + d(b, x)    [mat.jacobian-sum: Sum rule for Jacobians; checked entry by entry]\n');
    expect(r.stdout).toContain('[mat.jacobian-linear-map: The Jacobian of a linear map is its matrix; checked entry by entry]');
    expect(r.stdout).toContain('\nresult: W\nsize: m×n (the Jacobian of m entries by x (n entries): numerator layout');
    expect(r.stdout).toMatch(/\ncheck: holds: both sides are m×n; all \d+ entries agree .* over sizes \{m = 2, n = 2\}/);
    expect(r.stdout).toMatch(/\nfinite differences: holds: 12 entries agree with central differences on random matrices at sizes \{m = 2, n = 3\}, \{m = 3, n = 2\}/);
  });

  it('should derive the gradient of the quadratic form x^T A x as (A + A^T) x, never 2 A x', async () => {
    const r = await cli(['diff', 'x^T*A*x', '--wrt', 'x', '--shape', 'A: n x n, x: n', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { result: string; size: string; steps: { rule: string; check: string }[]; verification: { verdict: string } };
    expect(j).toMatchObject({ result: '(A + A^T)*x', size: 'n', verification: { verdict: 'holds' } });
    expect(j.steps.map((s) => s.rule)).toContain('mat.vjp-product-3');
    expect(j.steps.at(-1)?.rule).toBe('mat.factor-right');
    expect(j.steps.every((s) => s.check === 'holds')).toBe(true);
  });

  it('should derive least squares as 2 X^T (X w - y) of size d, and the sigmoid layer as (σ ⊙ (1 - σ)) x^T of size m×n', async () => {
    const r = await cli(['diff', 'transpose(X*w - y)*(X*w - y)', '--wrt', 'w', '--shape', 'X: n x d, w: d, y: n']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nresult: 2*X^T*(X*w - y)\nsize: d (the gradient of a scalar by w (d), shaped like w: denominator layout)\nlayout: denominator\n');
    const s = await cli(['diff', 'sum(sigma(W*x + b))', '--wrt', 'W', '--shape', 'W: m x n, x: n, b: m', '--format', 'latex']);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('= \\left(\\sigma(W x + b) \\odot \\left(1 - \\sigma(W x + b)\\right)\\right) x^\\top\n% size: m×n (the gradient of a scalar by W (m×n), shaped like W: denominator layout)');
  });

  it('should state the other layout when asked: the gradient of a scalar as a row, 1×d', async () => {
    const r = await cli(['diff', 'transpose(X*w - y)*(X*w - y)', '--wrt', 'w', '--shape', 'X: n x d, w: d, y: n', '--layout', 'numerator']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\nresult: 2*(X*w - y)^T*X\nsize: 1×d (the derivative of a scalar by w (d) as the transpose of w\'s shape: numerator layout)');
    expect((await cli(['diff', 'W*x', '--wrt', 'x', '--shape', 'W: m x n, x: n', '--layout', 'sideways'])).code).toBe(2);
  });

  it('should derive sums and scalar multiples of linear forms and maps, in LaTeX', async () => {
    const r = await cli(['diff', '\\mathbf{x}^\\top A \\mathbf{x} + 2 b^T x - 3', '--wrt', 'x', '--shape', 'A: n x n, x: n, b: n', '--format', 'latex']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('= \\left(A + A^\\top\\right) x + 2 b\n% size: n');
    const m = await cli(['diff', '(A*B)*x/2 - b', '--wrt', 'x', '--shape', 'A: m x p, B: p x n, x: n, b: m']);
    expect(m.stdout).toMatch(/\nresult: .*A\*B.*\nsize: m×n/);
    expect(m.code).toBe(0);
  });

  it('should refuse in one line (exit 3) what the rules do not cover, naming the term, never reading it with scalars', async () => {
    for (const [expr, wrt, shape, what] of [
      ['sin(W*x)', 'x', 'W: m x n, x: n', 'no matrix-calculus rule applies to sin(W*x)'],
      ['W*x', 'W', 'W: m x n, x: n', 'W*x is m and W is m×n'],
      ['sum(abs(x))', 'x', 'x: n', 'no matrix-calculus rule applies to abs(x)'],
      ['sum(cos(W))', 'W', 'W: m x n', 'no matrix-calculus rule applies to cos(W)'],
      ['W*x', 'alpha', 'W: m x n, x: n', 'not a declared vector'],
    ] as const) {
      const r = await cli(['diff', expr, '--wrt', wrt, '--shape', shape]);
      expect(r.code, expr).toBe(3);
      expect(r.stdout).toContain('not derived under shapes');
      expect(r.stdout).toContain(what);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
    }
  });

  it('should refuse x^2 of a vector as bad input (exit 2), naming both readings', async () => {
    const r = await cli(['diff', 'sum(x^2)', '--wrt', 'x', '--shape', 'x: n']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no powers of vectors: x (n) ^ 2 could mean x^T x or each entry squared; write transpose(x)*x, or epow(x, 2) for the entrywise power');
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
