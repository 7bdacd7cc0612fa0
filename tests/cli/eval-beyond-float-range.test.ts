/**
 * Numbers float64 cannot hold are values, not points outside the domain:
 * `gradtex eval '2^1025'` and `eval 'exp(1000)'` said "outside the domain of
 * 2^1025 (not a finite number there)", because the domain check evaluated
 * in doubles. Now the check asks exact arithmetic and high precision first,
 * and a value beyond float range is printed from high precision
 * (src/numeric/beyond-float-range.ts); a real domain error stays one.
 */
import { describe, expect, it } from 'vitest';
import { cli } from './run.js';

describe('eval beyond float range', () => {
  it('prints 2^1025 and 10^308 · 10 exactly', async () => {
    const r = await cli(['eval', '2^1025']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe((2n ** 1025n).toString());
    const t = await cli(['eval', '10^308*10']);
    expect(t.stdout.trim()).toBe(`1${'0'.repeat(309)}`);
  });
  it('prints e^1000, e^-1000 and σ(−1000) from high precision', async () => {
    for (const [expr, approx] of [
      ['exp(1000)', '≈ 1.9701e+434'],
      ['exp(-1000)', '≈ 5.076e-435'],
      ['sigma(-1000)', '≈ 5.076e-435'],
    ] as const) {
      const r = await cli(['eval', expr]);
      expect(r.code, `${expr}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(approx);
    }
  });
  it('says when the simplified value could not be checked in doubles (∞ − ∞ before simplifying)', async () => {
    const r = await cli(['eval', 'exp(1000) - exp(1000)']);
    expect(r.stdout.trim()).toBe('0');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('could not be checked in doubles');
  });
  it('keeps refusing points outside the domain', async () => {
    for (const expr of ['log(-1)', '1/0', 'sqrt(-4)']) {
      const r = await cli(['eval', expr]);
      expect(r.code, expr).toBe(2);
      expect(r.stderr, expr).toContain('outside the domain');
    }
  });
});
