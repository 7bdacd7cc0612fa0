import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

describe('gradtex equal', () => {
  it('should prove an identity and exit 0', async () => {
    const r = await cli(['equal', '(x+1)^2', 'x^2 + 2*x + 1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^proved: /m);
  });

  it('should fail a wrong step with the point and both values, exit 1', async () => {
    const r = await cli(['equal', '\\frac{d}{dx} x^3', '3x', '--format', 'json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as { verdict: string; evidence: { point: Record<string, number>; lhsValue: number; rhsValue: number } };
    expect(j.verdict).toBe('fails');
    const x = j.evidence.point['x'] ?? NaN;
    expect(j.evidence.lhsValue).toBeCloseTo(3 * x * x, 6);
    expect(j.evidence.rhsValue).toBeCloseTo(3 * x, 6);
  });

  it('should read one relation with an inequality and assumptions', async () => {
    const proved = await cli(['equal', 'ln(x) <= x - 1', '--assume', 'x > 0']);
    expect(proved.stdout).toMatch(/^proved: instance of le\.log-below-line/m);
    const held = await cli(['equal', 'x^4 + 1', '2*x^2', '--rel', '>=']);
    expect(held.stdout).toMatch(/^holds: no counterexample/m);
  });

  it('should judge JSON Lines in batch mode and report bad lines without stopping', async () => {
    const input = [
      JSON.stringify({ id: 'a', lhs: 'sigma(x)*(1 - sigma(x))', rhs: 'exp(-x)/(1 + exp(-x))^2' }),
      JSON.stringify({ id: 'b', lhs: 'log(a*b)', rhs: 'log(a)*log(b)', assume: 'a > 0, b > 0' }),
      '{"id": "c", "lhs": "x +"}',
      JSON.stringify({ id: 'd', lhs: 'p_1', rhs: '1 - p_2', assume: ['p_1 + p_2 = 1'] }),
    ].join('\n');
    const r = await cli(['equal', '--batch', '-'], input);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; verdict?: string; error?: string });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(['proved', 'holds']).toContain(lines[0]?.verdict);
    expect(lines[1]?.verdict).toBe('fails');
    expect(lines[2]?.error).toMatch(/line 3/);
    expect(['proved', 'holds']).toContain(lines[3]?.verdict);
    expect(r.code).toBe(1);
  });

  it('should refuse unreadable input with one line and exit 2', async () => {
    const r = await cli(['equal', 'x +', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await cli(['equal', 'x', 'x', '--assume', 'blah blah']);
    expect(bad.code).toBe(2);
  });
});
