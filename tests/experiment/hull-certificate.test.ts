import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hullCertificate, type HullCertificate } from '../../src/experiment/hull-certificate.js';
import { doubleToRational, doubleUnits } from '../../src/experiment/exact-double.js';

/** Exact rationals as [numerator, denominator] written here, independent of src/expr/rational. */
type Q = readonly [bigint, bigint];
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  const s = d < 0n ? -1n : 1n;
  const g = gcd(n, d) || 1n;
  return [(s * n) / g, (s * d) / g];
};
const add = (a: Q, b: Q): Q => q(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
const mul = (a: Q, b: Q): Q => q(a[0] * b[0], a[1] * b[1]);
/** The double as [m, 2^1074]: BigInt of an integer-valued double is exact, and every double is m · 2^-1074. */
const exactDouble = (x: number): Q => {
  if (Number.isInteger(x)) return q(BigInt(x));
  let m = x;
  let k = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  return q(BigInt(m), 1n << k);
};
const text = (r: { n: bigint; d: bigint }): string => (r.d === 1n ? `${r.n}` : `${r.n}/${r.d}`);
const summary = (c: HullCertificate): Record<string, unknown> => {
  if (c.kind === 'undecided') return { kind: c.kind };
  return {
    kind: c.kind,
    ...('u' in c ? { u: c.u.map(text), values: c.values.map(text) } : {}),
    ...('lambda' in c ? { lambda: c.lambda.map(text) } : {}),
  };
};

/** The certificate checked again from the points, in the arithmetic above. */
function recheck(points: readonly (readonly number[])[], c: HullCertificate): void {
  const xs = points.map((p) => p.map(exactDouble));
  const d = points[0]?.length ?? 0;
  if (c.kind === 'undecided') throw new Error('undecided');
  if (c.kind !== 'separated') {
    const l = c.lambda.map((r) => q(r.n, r.d));
    expect(l.every((v) => (c.kind === 'relative-interior' ? v[0] > 0n : v[0] >= 0n))).toBe(true);
    expect(l.reduce(add, q(0n))).toEqual(q(1n));
    for (let j = 0; j < d; j++) expect(l.reduce((s, v, i) => add(s, mul(v, xs[i]?.[j] ?? q(0n))), q(0n))).toEqual(q(0n));
  }
  if (c.kind !== 'relative-interior') {
    const u = c.u.map((r) => q(r.n, r.d));
    const values = xs.map((x) => x.reduce((s, v, j) => add(s, mul(v, u[j] ?? q(0n))), q(0n)));
    expect(values).toEqual(c.values.map((r) => q(r.n, r.d)));
    if (c.kind === 'separated') {
      expect(values.every((v) => v[0] >= v[1])).toBe(true);
      expect(values.some((v) => v[0] === v[1])).toBe(true);
    } else {
      expect(values.every((v) => v[0] >= 0n)).toBe(true);
      expect(values.some((v) => v[0] > 0n)).toBe(true);
    }
  }
}

describe('the exact value of a double', () => {
  it('should be an integer multiple of 2^-1074, the smallest subnormal exactly 1 unit', () => {
    expect(doubleUnits(2 ** -1074)).toBe(1n);
    expect(doubleUnits(-1)).toBe(-(1n << 1074n));
    expect(doubleToRational(0.1)).toEqual({ n: 3602879701896397n, d: 36028797018963968n });
    expect(doubleToRational(1e300)).toEqual({ n: BigInt(1e300), d: 1n });
    expect(() => doubleUnits(Infinity)).toThrow(RangeError);
  });
});

describe('where 0 lies with respect to the convex hull of the points', () => {
  it.each<[string, number[][], Record<string, unknown>]>([
    // The seed's two answers.
    ['(1,0), (-1,0): inside, equal weights', [[1, 0], [-1, 0]], { kind: 'relative-interior', lambda: ['1/2', '1/2'] }],
    ['(1,1), (2,3): outside, u = e1', [[1, 1], [2, 3]], { kind: 'separated', u: ['1', '0'], values: ['1', '2'] }],
    // 0 on the boundary of the hull: in it, yet (0, 1) has u·x ≥ 0 with one strict.
    ['(1,0), (-1,0), (0,1): on the boundary', [[1, 0], [-1, 0], [0, 1]], { kind: 'weakly-separated', u: ['0', '1'], values: ['0', '0', '1'], lambda: ['1/2', '1/2', '0'] }],
    // Collinear points.
    ['(1,1), (2,2), (-1,-1): inside a segment', [[1, 1], [2, 2], [-1, -1]], { kind: 'relative-interior', lambda: ['1/5', '1/5', '3/5'] }],
    ['(1,1), (2,2): outside', [[1, 1], [2, 2]], { kind: 'separated', u: ['1', '0'], values: ['1', '2'] }],
    ['(0,0), (1,1): 0 is a point, an end of the segment', [[0, 0], [1, 1]], { kind: 'weakly-separated', u: ['1', '0'], values: ['0', '1'], lambda: ['1', '0'] }],
    ['(2,0), (3,1): u scaled so that min u·x = 1', [[2, 0], [3, 1]], { kind: 'separated', u: ['1/2', '0'], values: ['1', '3/2'] }],
    // A single point.
    ['(1,2) alone', [[1, 2]], { kind: 'separated', u: ['1', '0'], values: ['1'] }],
    ['(0,0) alone', [[0, 0]], { kind: 'relative-interior', lambda: ['1'] }],
    ['-4 alone, in one dimension', [[-4]], { kind: 'separated', u: ['-1/4'], values: ['1'] }],
    ['(1,0), (-2,0): inside, unequal weights', [[1, 0], [-2, 0]], { kind: 'relative-interior', lambda: ['2/3', '1/3'] }],
    ['three dimensions, a simplex around 0', [[1, 0, 0], [0, 1, 0], [0, 0, 1], [-1, -1, -1]], { kind: 'relative-interior', lambda: ['1/4', '1/4', '1/4', '1/4'] }],
    // Tiny and huge coordinates, exactly: 5e-324 is 2^-1074, the smallest subnormal.
    ['(5e-324, 0), (-5e-324, 0)', [[5e-324, 0], [-5e-324, 0]], { kind: 'relative-interior', lambda: ['1/2', '1/2'] }],
    ['(5e-324, 1e300) alone', [[5e-324, 1e300]], { kind: 'separated', u: [`${1n << 1074n}`, '0'], values: ['1'] }],
    ['(1e300, 1), (-1e300, 1)', [[1e300, 1], [-1e300, 1]], { kind: 'separated', u: ['0', '1'], values: ['1', '1'] }],
    ['(1e300, 5e-324), (-1e300, 0)', [[1e300, 5e-324], [-1e300, 0]], { kind: 'separated', u: [`-1/${BigInt(1e300)}`, `${1n << 1075n}`], values: ['1', '1'] }],
    ['(1e300, 5e-324), (-1e300, 5e-324): the tiny second coordinate separates', [[1e300, 5e-324], [-1e300, 5e-324]], { kind: 'separated', u: ['0', `${1n << 1074n}`], values: ['1', '1'] }],
  ])('%s', (_, points, expected) => {
    const c = hullCertificate(points);
    expect(summary(c)).toEqual(expected);
    recheck(points, c);
  });

  it('should decide in exact arithmetic where doubles round: 1e20, 1, -1e20 do not sum to 0', () => {
    // In doubles the sum is 0 (equal weights would look right); exactly it is 1, and the weights must differ.
    const c = hullCertificate([[1e20], [1], [-1e20]]);
    expect(c.kind).toBe('relative-interior');
    recheck([[1e20], [1], [-1e20]], c);
    expect(summary(c)).not.toEqual({ kind: 'relative-interior', lambda: ['1/3', '1/3', '1/3'] });
  });

  it('should eliminate points on one ray once: 1000 points in one dimension are three rows', () => {
    const points = Array.from({ length: 1000 }, (_, i) => [(i % 7) - 2]);
    const c = hullCertificate(points);
    expect(c.kind).toBe('relative-interior');
    recheck(points, c);
  });

  it('should say undecided, with the bound, when the elimination would take too long', () => {
    // 20 points in general position in R^3 (Fourier–Motzkin grows doubly exponentially with the dimension).
    let s = 7;
    const r = (): number => ((s = (s * 1103515245 + 12345) % 2147483648), Math.round((s / 2147483648 - 0.5) * 20));
    const points = Array.from({ length: 20 }, () => [r(), r(), r()]);
    const c = hullCertificate(points);
    expect(c.kind).toBe('undecided');
    expect(c.kind === 'undecided' ? c.reason : '').toMatch(/more than 3000000 steps/);
  });

  it('should give a certificate that passes an independent check, for random small point sets', () => {
    const point = fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 2 });
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 6 }), (points) => {
        recheck(points, hullCertificate(points));
      }),
      { seed: 13, numRuns: 200 },
    );
  });
});
