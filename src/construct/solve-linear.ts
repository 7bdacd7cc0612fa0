/**
 * Exact Gaussian elimination for a small, possibly overdetermined system
 * A c = t over the rationals: a solution (free unknowns set to 0) or
 * undefined when the equations contradict each other.
 */
import { ratDiv, ratMul, ratSub, type Rational } from '../expr/rational.js';
import { int } from '../finite/rational-text.js';

/** solveLinear([[1, 0], [1, 1]], [2, 2]) -> [2, 0] (as rationals) */
export function solveLinear(a: readonly (readonly Rational[])[], t: readonly Rational[]): Rational[] | undefined {
  const cols = a[0]?.length ?? 0;
  const m = a.map((row, i) => [...row, t[i] as Rational]);
  const pivotCols: number[] = [];
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((row, i) => i >= r && (row[c] as Rational).n !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p] as Rational[], m[r] as Rational[]];
    const pivotRow = m[r] as Rational[];
    const pv = pivotRow[c] as Rational;
    for (let k = 0; k <= cols; k++) pivotRow[k] = ratDiv(pivotRow[k] as Rational, pv);
    for (let i = 0; i < m.length; i++) {
      const row = m[i] as Rational[];
      if (i === r || (row[c] as Rational).n === 0n) continue;
      const f = row[c] as Rational;
      for (let k = 0; k <= cols; k++) row[k] = ratSub(row[k] as Rational, ratMul(f, pivotRow[k] as Rational));
    }
    pivotCols.push(c);
    r++;
  }
  // A row 0 = t with t ≠ 0 is a contradiction.
  if (m.slice(r).some((row) => (row[cols] as Rational).n !== 0n)) return undefined;
  const c: Rational[] = Array.from({ length: cols }, () => int(0));
  pivotCols.forEach((col, i) => (c[col] = (m[i] as Rational[])[cols] as Rational));
  return c;
}
