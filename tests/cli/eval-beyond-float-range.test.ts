/**
 * Numbers float64 cannot hold are values, not points outside the domain:
 * `gradtex eval '2^1025'` and `eval 'exp(1000)'` said "outside the domain of
 * 2^1025 (not a finite number there)", because the domain check evaluated
 * in doubles. Now the check asks exact arithmetic and high precision first,
 * and a value beyond float range is printed from high precision
 * (src/numeric/beyond-float-range.ts), from the expression as written; a
 * real domain error stays one.
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
  it('reads in high precision what doubles lose on the way (e^1000/e^999 is ∞/∞, √(e^1000) overflows inside)', async () => {
    for (const [expr, approx] of [
      ['exp(1000)/exp(999)', '≈ 2.7183'],
      ['sqrt(exp(1000))', '≈ 1.4036e+217'],
    ] as const) {
      const r = await cli(['eval', expr]);
      expect(r.code, `${expr}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(approx);
    }
    // Simplified to 0; the expression as written is 0 at 30 digits too (in doubles it is ∞ − ∞).
    const r = await cli(['eval', 'exp(1000) - exp(1000)']);
    expect(r.stdout.trim()).toBe('0');
    expect(r.code, r.stderr).toBe(0);
  });
  it('keeps refusing points outside the domain', async () => {
    for (const expr of ['log(-1)', '1/0', 'sqrt(-4)']) {
      const r = await cli(['eval', expr]);
      expect(r.code, expr).toBe(2);
      expect(r.stderr, expr).toContain('outside the domain');
    }
  });
});
