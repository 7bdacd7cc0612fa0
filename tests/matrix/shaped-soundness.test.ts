/**
 * The shaped judge against an independent reference: products of square
 * matrices and a vector, written as text, compared with a copy whose factors
 * are reordered or transposed. The truth comes from plain matrix arithmetic
 * at size 3 with fixed random entries (no gradtex code), so a verdict
 * stronger than the truth shows up as a disagreement.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeShaped } from '../../src/check/judge-shaped.js';
import { shapeContext } from '../../src/matrix/shape.js';

type Mat = number[][];
const N = 3;
const NAMES = ['A', 'B', 'C'] as const;

function randomMatrix(seed: number, cols = N): Mat {
  let s = seed;
  const next = (): number => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
  return Array.from({ length: N }, () => Array.from({ length: cols }, next));
}

const VALUES: Record<string, Mat> = { A: randomMatrix(1), B: randomMatrix(2), C: randomMatrix(3), x: randomMatrix(4, 1) };

function mul(a: Mat, b: Mat): Mat {
  return a.map((row) => (b[0] as number[]).map((_, j) => row.reduce((acc, v, k) => acc + v * ((b[k] as number[])[j] as number), 0)));
}
function tr(a: Mat): Mat {
  return (a[0] as number[]).map((_, j) => a.map((row) => row[j] as number));
}

interface Factor {
  readonly name: (typeof NAMES)[number];
  readonly transposed: boolean;
}

function text(fs: readonly Factor[]): string {
  return [...fs.map((f) => (f.transposed ? `${f.name}^T` : f.name)), 'x'].join('*');
}
function value(fs: readonly Factor[]): Mat {
  return fs.reduceRight((acc, f) => mul(f.transposed ? tr(VALUES[f.name] as Mat) : (VALUES[f.name] as Mat), acc), VALUES['x'] as Mat);
}
function close(a: Mat, b: Mat): boolean {
  return a.every((row, i) => row.every((v, j) => Math.abs(v - ((b[i] as number[])[j] as number)) < 1e-9));
}

const factor = fc.record({ name: fc.constantFrom(...NAMES), transposed: fc.boolean() });
const ctx = shapeContext(['A: n x n, B: n x n, C: n x n, x: n']);

describe('the shaped judge against plain matrix arithmetic', () => {
  it('should never hold or prove a reordered or transposed product that differs, nor fail one that agrees', () => {
    fc.assert(
      fc.property(fc.array(factor, { minLength: 1, maxLength: 3 }), fc.nat(), fc.boolean(), (fs, k, flip) => {
        const other = [...fs];
        const i = k % fs.length;
        if (flip) other[i] = { ...(other[i] as Factor), transposed: !(other[i] as Factor).transposed };
        else other.reverse();
        const truth = close(value(fs), value(other));
        const j = judgeShaped(text(fs), '=', text(other), ctx, { points: 2 });
        if (truth) expect(j.verdict).not.toBe('fails');
        else expect(['fails', 'undecided']).toContain(j.verdict);
      }),
      { seed: 20261204, numRuns: 25 },
    );
  });
});
