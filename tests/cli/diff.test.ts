import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { cli } from './run.js';

describe('gradtex diff', () => {
  it('should derive the sigmoid from its definition, ending in sigma(x)(1 - sigma(x))', async () => {
    const r = await cli(['diff', '1/(1+exp(-x))', '--wrt', 'x', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.result).toBe('sigma(x)*(1 - sigma(x))');
    expect(j.wrt).toEqual(['x']);
    expect(j.verification.verdict).toMatch(/^(proved|numeric)$/);
    expect(j.verification.points).toBeGreaterThan(0);
    expect(j.steps.length).toBeGreaterThan(3);
    for (const s of j.steps) {
      expect(s.rule).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
      expect(typeof s.name).toBe('string');
      expect(typeof s.before).toBe('string');
      expect(typeof s.after).toBe('string');
      expect(() => katex.renderToString(s.latex, { throwOnError: true })).not.toThrow();
    }
    expect(j.steps[j.steps.length - 1].after).toBe(j.result);
    expect(typeof j.ms).toBe('number');
  });

  it('should print a named-step LaTeX derivation that KaTeX accepts (inside aligned)', async () => {
    const r = await cli(['diff', '1/(1+exp(-x))', '--wrt', 'x', '--format', 'latex']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\\begin{align*}');
    expect(r.stdout).toContain('\\text{Reciprocal rule}');
    expect(r.stdout).toContain('\\sigma(x) \\left(1 - \\sigma(x)\\right)');
  });

  it('should differentiate sigma(x) given directly', async () => {
    const r = await cli(['diff', 'sigma(x)', '--wrt', 'x', '--format', 'json']);
    expect(JSON.parse(r.stdout).result).toBe('sigma(x)*(1 - sigma(x))');
  });

  it('should reach the textbook forms of tanh and softplus derivatives', async () => {
    const t = JSON.parse((await cli(['diff', '(exp(x) - exp(-x))/(exp(x) + exp(-x))', '--wrt', 'x', '--format', 'json'])).stdout);
    expect(t.result).toBe('1 - tanh(x)^2');
    const s = JSON.parse((await cli(['diff', 'log(1 + exp(x))', '--wrt', 'x', '--format', 'json'])).stdout);
    expect(s.result).toBe('sigma(x)');
  });

  it('should compute successive derivatives with repeated --wrt', async () => {
    const j = JSON.parse((await cli(['diff', 'x^2*y^3', '--wrt', 'x', '--wrt', 'y', '--format', 'json'])).stdout);
    expect(j.wrt).toEqual(['x', 'y']);
    expect(j.result).toBe('6*x*y^2');
  });

  it('should give the exact gradient of the problem-set function with the active branch of max', async () => {
    const r = await cli([
      'diff',
      'sigma(log(5*(max(x1, x2)*x3/x4 - (x5 + x6))) + 1/2)',
      '--grad',
      'x1,x2,x3,x4,x5,x6',
      '--at',
      'x1=-1,x2=3,x3=4,x4=5,x5=-5,x6=7',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.gradient).toHaveLength(6);
    const [g1, g2, g3, g4, g5, g6] = j.gradient;
    expect(g1.value).toBe('0');
    expect(g1.branches).toEqual(['max(x_1, x_2) = x_2 (-1 vs 3)']);
    // d/dx2 = σ'(u) * 5 * x3/x4 / (5 (max x3/x4 - x5 - x6)) = 2 σ'(u) at the point, u = log 2 + 1/2.
    const s = 1 / (1 + Math.exp(-(Math.log(2) + 0.5)));
    const sp = s * (1 - s);
    expect(g2.exact).toBe(true);
    expect(g2.approx).toBeCloseTo(2 * sp, 12);
    expect(g3.approx).toBeCloseTo(1.5 * sp, 12);
    expect(g4.approx).toBeCloseTo(-1.2 * sp, 12);
    expect(g5.approx).toBeCloseTo(-2.5 * sp, 12);
    expect(g6.approx).toBeCloseTo(-2.5 * sp, 12);
    for (const g of j.gradient) expect(g.verification.verdict).toMatch(/^(proved|numeric)$/);
  });

  it('should accept an expression that starts with a minus sign', async () => {
    const r = await cli(['diff', '-x^2', '--wrt', 'x', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).result).toBe('-2*x');
  });

  it('should differentiate a softmax entry by another logit into the Kronecker-delta form', async () => {
    const r = await cli(['diff', 'exp(z_i)/sum(exp(z_k), k, 1, c)', '--wrt', 'z_j', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.result).toBe('exp(z_i)*(delta(i, j)*sum(exp(z_k), k, 1, c) - exp(z_j))/sum(exp(z_k), k, 1, c)^2');
    expect(j.steps.map((s: { rule: string }) => s.rule)).toContain('sum.sift');
    expect(j.verification.verdict).toBe('numeric');
    expect(() => katex.renderToString(j.latex, { throwOnError: true })).not.toThrow();
  });

  it('should read the expression from standard input when EXPR is -', async () => {
    const r = await cli(['diff', '-', '--wrt', 'x', '--format', 'json'], 'x^2\n');
    expect(JSON.parse(r.stdout).result).toBe('2*x');
  });

  it('should answer a batch of JSON Lines, with an error object for a bad line', async () => {
    const input = ['{"id":"a","expr":"x^3","wrt":["x"]}', 'not json', '{"id":"c","expr":"(x+1","wrt":["x"]}', '{"id":"d","expr":"x*y","grad":["x","y"]}'].join('\n');
    const r = await cli(['diff', '--batch', '-'], input);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'a', result: '3*x^2' });
    expect(lines[1].error).toMatch(/line 2/);
    expect(lines[2]).toMatchObject({ id: 'c' });
    expect(lines[2].error).toMatch(/1:5/);
    expect(lines[3].gradient.map((g: { result: string }) => g.result)).toEqual(['y', 'x']);
    expect(r.code).toBe(0);
  });
});
