/**
 * erf's work is bounded (src/expr/error-function.ts): the cases that once
 * took 45 s and 17 s inside one judged step (erf of a BigNumber whose double
 * is 0; the continued fraction at 60 digits waiting for a factor closer to 1
 * than 60 digits hold) now end within the budget, counted in operations of
 * the number system, not in seconds; and where the budget does not suffice
 * the value is NaN (undefined: cannot decide), never a wrong number.
 */
import { describe, expect, it } from 'vitest';
import { digitsOf, erfReal, normalCdfReal, planErf, termsWithinBudget } from '../../src/expr/error-function.js';
import type { RealOps } from '../../src/expr/functions.js';
import { bigBoundedOps, type BigBounded } from '../../src/numeric/big-bounded.js';
import { bigOps } from '../../src/numeric/big-number.js';
import { FLOAT_OPS } from '../../src/numeric/float-ops.js';
import { jetOps } from '../../src/numeric/jet.js';

/** The same number system, counting its arithmetic operations. */
function counting<T>(o: RealOps<T>): { ops: RealOps<T>; count: () => number } {
  let n = 0;
  const tick = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => {
    n++;
    return f(...a);
  };
  const ops: RealOps<T> = { ...o, add: tick(o.add), sub: tick(o.sub), mul: tick(o.mul), div: tick(o.div), exp: tick(o.exp) };
  return { ops, count: () => n };
}

/** A BigBounded value from decimal strings. */
function bounded(value: string, error: string): BigBounded {
  const b = bigOps(60);
  const D = b.num(0).constructor as new (s: string) => BigBounded['value'];
  return { value: new D(value), error: new D(error) };
}

/** At most this many operations: every series term or fraction step costs at most 8, plus the prefactor and the precision probe. */
const opsBound = (digits: number): number => 8 * termsWithinBudget(digits) + 200;

describe('erf within a budget', () => {
  it('should find the digits of each number system (10^-400 is 0 in doubles, not in decimal)', () => {
    expect(digitsOf(FLOAT_OPS)).toBe(15);
    expect(digitsOf(bigOps(60))).toBe(59);
    expect(digitsOf(bigOps(1000))).toBe(999);
  });

  it('should plan few terms for a BigNumber below 1e-324, whose double is 0', () => {
    const plan = planErf(0, 59, { smooth: false, complement: false });
    expect(plan.method).toBe('series');
    expect(plan.method === 'series' && plan.terms).toBeLessThanOrEqual(3);
    const { ops, count } = counting(bigBoundedOps(60));
    const tiny = bounded('1e-400', '0');
    const v = erfReal(ops, tiny);
    // erf(u) = 2u/√π (1 - u²/3 + …): 1.1283791670955125738961589031215451716881012586580e-400.
    expect(v.value.toString().slice(0, 40)).toBe('1.12837916709551257389615890312154517168');
    expect(v.value.e).toBe(-400);
    expect(count()).toBeLessThan(100);
  });

  it('should end the continued fraction at 60 digits where it converges (4.6e40 with a rounding error: 20000 steps before)', () => {
    const { ops, count } = counting(bigBoundedOps(60));
    const v = erfReal(ops, bounded('4.60692740938407170703236352839029759389458320487497395462012e+40', '1.3e-16'));
    expect(v.value.toString()).toBe('1');
    expect(count()).toBeLessThan(100);
  });

  it('should stay within the budget, or answer NaN, far out and at 1000 digits', () => {
    for (const [digits, x] of [[60, '1e400'], [60, '-3.4e198'], [1000, '50'], [1000, '13.9'], [1000, '1'], [200, '1.6']] as const) {
      const { ops, count } = counting(bigBoundedOps(digits));
      const D = bigOps(digits).num(0).constructor as new (s: string) => BigBounded['value'];
      const v = erfReal(ops, { value: new D(x), error: bigOps(digits).num(0) });
      const cdf = normalCdfReal(ops, { value: new D(x).neg(), error: bigOps(digits).num(0) });
      expect(count(), `erf(${x}) and Φ(-${x}) at ${digits} digits`).toBeLessThanOrEqual(2 * opsBound(digits) + 400);
      // Either undefined or right: |erf| ≤ 1 and Φ in [0, 1].
      if (!v.value.isNaN()) expect(Math.abs(v.value.toNumber())).toBeLessThanOrEqual(1);
      if (!cdf.value.isNaN()) expect(cdf.value.toNumber()).toBeGreaterThanOrEqual(0);
    }
    expect(planErf(Number.NaN, 59, { smooth: false, complement: false }).method).toBe('none');
  });

  it('should give every Taylor coefficient of a jet at 0 (the series is counted at |x| + 1 there)', () => {
    const J = jetOps(FLOAT_OPS, 9);
    const c = erfReal(J, J.variable(0)).coefficients;
    // erf(x) = 2/√π (x - x³/3 + x⁵/10 - x⁷/42 + x⁹/216 - …)
    const k = 2 / Math.sqrt(Math.PI);
    const expected = [0, k, 0, -k / 3, 0, k / 10, 0, -k / 42, 0, k / 216];
    expected.forEach((e, i) => expect(c[i] ?? NaN, `coefficient ${i}`).toBeCloseTo(e, 14));
  });
});
