/**
 * Exact constants in the closed form a key prints (#13 item 4): decimals in
 * the expression are exact like those of --at, kinked functions of numbers
 * take their branch (max of two equal numbers too), and the sigmoid and tanh
 * at the logarithm of a number fold: σ(ln 2 + ½) = 2e^{1/2}/(1 + 2e^{1/2}).
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

type EvalJson = { value: string; exact: boolean; approx: number; steps: { rule: string }[] };

async function evaluate(expr: string, ...at: string[]): Promise<EvalJson> {
  const r = await cli(['eval', expr, '--format', 'json', ...at.flatMap((a) => ['--at', a])]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as EvalJson;
}

describe('eval: exact constants', () => {
  it.each([
    ['6 + max(0, 0)', '6', 'pw.max-equal'],
    ['step(-0.5)', '0', 'pw.step-negative'],
    ['relu(-0.5) + relu(0.25)', '1/4', 'pw.relu-positive'],
    ['sigma(log(2))', '2/3', 'sv.sigma-log'],
    ['tanh(log(2))', '3/5', 'sv.tanh-log'],
    ['sigma(log(2) + 0.5)', '2*exp(1/2)/(1 + 2*exp(1/2))', 'sv.sigma-log-shift'],
  ])('%s = %s exactly, by %s', async (expr, value, rule) => {
    const j = await evaluate(expr);
    expect(j.value).toBe(value);
    expect(j.exact).toBe(true);
    expect(j.steps.map((s) => s.rule)).toContain(rule);
  });

  it('keeps the decimal value right: σ(ln 2 + 0.5) ≈ 0.76730346238110, the same as the float computation', async () => {
    const j = await evaluate('sigma(log(2) + 0.5)');
    expect(j.approx).toBeCloseTo(1 / (1 + Math.exp(-(Math.log(2) + 0.5))), 14);
  });

  it('a quotient by a decimal step is exact: (f(x + 0.001) − f(x))/0.001 at x = 1 for f = x²', async () => {
    const j = await evaluate('((x + 0.001)^2 - x^2)/0.001', 'x=1');
    expect(j).toMatchObject({ value: '2001/1000', exact: true });
  });

  it('does not fold σ(ln a) for a ≤ 0 (no logarithm there): the point is refused', async () => {
    const r = await cli(['eval', 'sigma(log(-2))']);
    expect(r.code).not.toBe(0);
  });
});
