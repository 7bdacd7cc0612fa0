import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FUNCTIONS } from '../../src/expr/functions.js';
import { dualFloatOps } from '../../src/numeric/dual-float.js';
import { FLOAT_OPS } from '../../src/numeric/float-ops.js';
import { generalJetOps, jetOps, type Jet, type JetOps } from '../../src/numeric/jet.js';

const DUAL = dualFloatOps();
const GENERAL = generalJetOps(FLOAT_OPS, 1);

/** Doubles with the awkward ones often: ±0, ±1, NaN, ±∞, tiny and huge. */
const double = fc.oneof(fc.double({ min: -5, max: 5 }), fc.constantFrom(0, -0, 1, -1, NaN, Infinity, -Infinity, 1e-300, -1e300, 0.5, 710));
const pair = fc.tuple(double, double);

function make(J: JetOps<number>, [a, b]: [number, number]): Jet<number> {
  // A jet with any two coefficients: a + b t.
  return J.add(J.constant(a), J.mul(J.constant(b), J.variable(0)));
}

const bits = (u: Jet<number>): string => u.coefficients.map((c) => (Object.is(c, -0) ? '-0' : String(c))).join(' ');

describe('dual numbers over doubles', () => {
  it('should be what jetOps gives for doubles at order 1', () => {
    expect(jetOps(FLOAT_OPS, 1)).toBe(DUAL);
    expect(jetOps(FLOAT_OPS, 2)).not.toBe(DUAL);
  });

  it('should compute every operation to the last bit (signs of zeros included) as the general recurrences do', () => {
    const unary = ['neg', 'exp', 'log', 'log1p', 'sqrt', 'sin', 'cos'] as const;
    const binary = ['add', 'sub', 'mul', 'div', 'agree'] as const;
    fc.assert(
      fc.property(pair, pair, (p, q) => {
        for (const op of unary) expect(bits(DUAL[op](make(DUAL, p))), `${op}(${p})`).toBe(bits(GENERAL[op](make(GENERAL, p))));
        for (const op of binary) {
          const [d, g] = [DUAL[op], GENERAL[op]];
          if (d === undefined || g === undefined) throw new Error(`${op} missing`);
          expect(bits(d(make(DUAL, p), make(DUAL, q))), `${op}(${p}, ${q})`).toBe(bits(g(make(GENERAL, p), make(GENERAL, q))));
        }
        expect(DUAL.sign(make(DUAL, p))).toBe(GENERAL.sign(make(GENERAL, p)));
        expect(DUAL.isConstant(make(DUAL, p))).toBe(GENERAL.isConstant(make(GENERAL, p)));
        expect(Object.is(DUAL.toNumber(make(DUAL, p)), GENERAL.toNumber(make(GENERAL, p)))).toBe(true);
      }),
      { seed: 7, numRuns: 3000 },
    );
    expect(bits(DUAL.variable(-0))).toBe(bits(GENERAL.variable(-0)));
    expect(bits(DUAL.rational(1n, 3n))).toBe(bits(GENERAL.rational(1n, 3n)));
    expect(bits(DUAL.pi())).toBe(bits(GENERAL.pi()));
    expect(bits(DUAL.nan())).toBe(bits(GENERAL.nan()));
  });

  it("should give every function of the table the general jets' values and derivatives", () => {
    const fns = FUNCTIONS.filter((f) => f.real !== undefined && f.binds === undefined);
    expect(fns.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(pair, pair, (p, q) => {
        for (const f of fns) {
          const real = f.real;
          if (real === undefined) continue;
          const n = Math.min(3, Math.max(1, f.minArgs));
          const args = (J: JetOps<number>): Jet<number>[] => [make(J, p), make(J, q), make(J, q)].slice(0, n);
          let d: string;
          let g: string;
          try {
            d = bits(real(DUAL, args(DUAL)));
          } catch (e) {
            d = String(e);
          }
          try {
            g = bits(real(GENERAL, args(GENERAL)));
          } catch (e) {
            g = String(e);
          }
          expect(d, `${f.name}(${p}, ${q})`).toBe(g);
        }
      }),
      { seed: 8, numRuns: 500 },
    );
  });
});
