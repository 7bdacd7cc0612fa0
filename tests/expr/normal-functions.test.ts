/**
 * erf, Φ and φ (src/expr/error-function.ts) against references computed
 * independently: the alternating Taylor series erf(x) = 2/√π Σ (-1)ⁿ
 * x^{2n+1} / (n! (2n+1)) in decimal.js at 250 digits (enough to absorb its
 * cancellation, about x²/ln 10 digits, for |x| ≤ 12), which shares no code or
 * expansion with the implementation (a positive series and a continued fraction).
 */
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { erf, erfReal, normalCdf, normalCdfReal, normalPdf } from '../../src/expr/error-function.js';
import { bigOps } from '../../src/numeric/big-number.js';

const H = Decimal.clone({ precision: 250 });

function erfReference(x: string): Decimal {
  const u = new H(x);
  const u2 = u.times(u);
  let power = u; // (-1)^n x^{2n+1} / n!
  let sum = new H(0);
  for (let n = 0; n < 5000; n++) {
    const term = power.div(2 * n + 1);
    sum = sum.plus(term);
    if (n > 10 && term.abs().lt(new H('1e-240'))) break;
    power = power.times(u2).neg().div(n + 1);
  }
  return sum.times(2).div(H.acos(-1).sqrt());
}
/** Φ(x) = (1 + erf(x/√2))/2. */
const phiReference = (x: string): Decimal => new H(1).plus(erfReference(new H(x).div(new H(2).sqrt()).toString())).div(2);

const POINTS = ['0.001', '-0.3', '0.5', '1', '-1.7', '2', '2.5', '-3', '3.7', '4.2', '-5', '6', '-7.5', '9'];

describe('erf and the standard normal CDF', () => {
  it('should match the 250-digit reference to 1e-14 relative in doubles, tails included', () => {
    for (const p of POINTS) {
      const ref = erfReference(p).toNumber();
      expect(Math.abs(erf(Number(p)) - ref), `erf(${p})`).toBeLessThanOrEqual(1e-14 * Math.abs(ref) + 1e-300);
    }
    for (const p of [...POINTS, '-8', '-10', '-12', '-15']) {
      if (Number(p) < -12) continue;
      const ref = phiReference(p).toNumber();
      // Relative, so the lower tail Φ(-12) ≈ 1.8e-33 is right too, not just ≈ 0.
      expect(Math.abs(normalCdf(Number(p)) - ref), `Phi(${p})`).toBeLessThanOrEqual(1e-13 * ref);
    }
  });

  it('should match the reference to 1e-50 at 60 digits and 1e-180 at 200 digits, or be NaN past the work budget', () => {
    const skipped: string[] = [];
    for (const [digits, tol] of [[60, '1e-50'], [200, '1e-180']] as const) {
      const o = bigOps(digits);
      for (const p of POINTS) {
        const got = new H(erfReal(o, o.num(Number(p))).toString());
        const gotPhi = new H(normalCdfReal(o, o.num(Number(p))).toString());
        // Past the budget (src/expr/error-function.ts) the value is NaN: undefined, never wrong.
        if (got.isNaN()) skipped.push(`erf(${p}) at ${digits}`);
        else expect(got.minus(erfReference(p)).abs().div(erfReference(p).abs()).lt(tol), `erf(${p}) at ${digits} digits`).toBe(true);
        if (gotPhi.isNaN()) skipped.push(`Phi(${p}) at ${digits}`);
        else expect(gotPhi.minus(phiReference(p)).abs().div(phiReference(p)).lt(tol), `Phi(${p}) at ${digits} digits`).toBe(true);
      }
    }
    // Every point tested fits the budget at 60 and at 200 digits.
    expect(skipped).toEqual([]);
  });

  it('should give exact values at 0 and the density', () => {
    expect(erf(0)).toBe(0);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 16);
    expect(normalPdf(1.5)).toBeCloseTo(Math.exp(-1.125) / Math.sqrt(2 * Math.PI), 16);
    expect(erf(40)).toBe(1);
    expect(normalCdf(-37)).toBeGreaterThan(0);
  });
});
