/**
 * One threshold unit per truth table, or a certificate that none exists. The
 * references are independent: each unit is re-evaluated here with plain
 * numbers, each certificate recombined here, and the counts are the known
 * ones (14 of the 16 Boolean functions of 2 inputs and 104 of the 256 of 3
 * inputs are linearly separable: Muroga, Threshold Logic, 1971).
 */
import { describe, expect, it } from 'vitest';
import { constructForTable } from '../../src/construct/construct.js';
import type { CertificateSection, ConstructionSection } from '../../src/construct/construct-report.js';
import { findUnit } from '../../src/construct/find-unit.js';
import { rowInequalities, separationCertificate, solveRows, verifyCertificate } from '../../src/construct/separation-certificate.js';
import { tableFromFormula, tableFromText, type TruthRow } from '../../src/construct/truth-table.js';
import { booleanCube } from '../../src/finite/finite-domain.js';
import type { Unit } from '../../src/finite/threshold-network.js';

const num = (r: { n: bigint; d: bigint }): number => Number(r.n) / Number(r.d);

/** The unit by hand: step(w·x + b) with step(0) = 0, in floating point (the weights are small dyadic numbers, exact in doubles). */
function fires(u: Unit, names: readonly string[], x: readonly number[]): number {
  const z = u.weights.reduce((s, [n, w]) => s + num(w) * (x[names.indexOf(n)] ?? NaN), num(u.bias));
  expect(z).not.toBe(0); // the search keeps every input off the threshold
  return z > 0 ? 1 : 0;
}

function allTables(n: number): TruthRow[][] {
  const inputs = booleanCube(Array.from({ length: n }, (_, i) => `x${i}`)).points;
  return Array.from({ length: 2 ** inputs.length }, (_, f) => inputs.map((input, i) => ({ input, output: ((f >> i) & 1) as 0 | 1 })));
}

describe('one threshold unit', () => {
  it('should find step(A - B - 1/2) for A AND NOT B and prove it by exhaustion', () => {
    const r = constructForTable(tableFromFormula('A and not B'), { stepAtZero: 0 });
    const s = r.sections.find((x): x is ConstructionSection => x.kind === 'construction');
    const unit = s?.network.units[0];
    expect(unit?.weights.map(([n, w]) => [n, num(w)])).toEqual([['A', 1], ['B', -1]]);
    expect(num(unit!.bias)).toBe(-0.5);
    expect([[0, 0], [0, 1], [1, 0], [1, 1]].map((x) => fires(unit!, ['A', 'B'], x))).toEqual([0, 0, 1, 0]);
    expect(r.status).toBe('proved');
    expect(r.summary).toContain('proved by exhaustion over {0,1}^2 (4 inputs)');
  });

  it('should find a NOR unit from a written table', () => {
    const r = constructForTable(tableFromText('00:1,01:0,10:0,11:0'), { stepAtZero: 1 });
    const unit = r.sections.find((x): x is ConstructionSection => x.kind === 'construction')?.network.units[0];
    expect([[0, 0], [0, 1], [1, 0], [1, 1]].map((x) => fires(unit!, ['A', 'B'], x))).toEqual([1, 0, 0, 0]);
    expect(r.status).toBe('proved');
  });

  it('should separate exactly the 14 threshold functions of 2 inputs and the 104 of 3', () => {
    for (const [n, expected] of [[2, 14], [3, 104]] as const) {
      const names = Array.from({ length: n }, (_, i) => `x${i}`);
      let found = 0;
      for (const rows of allTables(n)) {
        const u = findUnit('y', names, rows);
        if (u !== undefined) {
          found++;
          for (const r of rows) expect(fires(u, names, r.input.map(num))).toBe(r.output);
        } else {
          const ineq = rowInequalities(rows, 0);
          const c = separationCertificate(ineq);
          expect(c.kind).toBe('infeasible');
          if (c.kind === 'infeasible') expect(verifyCertificate(ineq, c.multipliers).valid).toBe(true);
        }
      }
      expect(found).toBe(expected);
    }
  });
});

describe('units beyond the small search', () => {
  it('should solve every separable table of 3 inputs by elimination too (checked here row by row)', () => {
    const names = ['x0', 'x1', 'x2'];
    let solved = 0;
    for (const rows of allTables(3)) {
      const v = solveRows(rowInequalities(rows, 0));
      if (v === undefined) continue;
      solved++;
      const u: Unit = { name: 'y', kind: 'step', weights: names.map((n, i) => [n, v[i]!] as const), bias: v[3]! };
      // step(0) = 0: a 0-row may land on the threshold, so evaluate with the convention instead of fires().
      for (const r of rows) {
        const z = u.weights.reduce((acc, [n, w]) => acc + num(w) * num(r.input[names.indexOf(n)]!), num(u.bias));
        expect(z > 0 ? 1 : 0).toBe(r.output);
      }
    }
    expect(solved).toBe(104);
  });

  it('should find A and (B or C or D or E), which needs a weight of at least 4, and prove it', () => {
    const r = constructForTable(tableFromFormula('A and (B or C or D or E)'), { stepAtZero: 0 });
    const s = r.sections.find((x): x is ConstructionSection => x.kind === 'construction');
    expect(s?.heading).toMatch(/Fourier–Motzkin/);
    expect(s?.verdict.text).toBe('proved by exhaustion over {0,1}^5 (32 inputs)');
    expect(r.status).toBe('proved');
  });
});

describe('the XOR certificate', () => {
  const table = tableFromFormula('A xor B');
  const r = constructForTable(table, { stepAtZero: 0 });
  const cert = r.sections.find((x): x is CertificateSection => x.kind === 'certificate');

  it('should combine the four row inequalities to 0 > 0 (recomputed here)', () => {
    expect(cert).toBeDefined();
    const lambda = cert!.multipliers.map(Number);
    expect(lambda.every((l) => l >= 0)).toBe(true);
    // Row (x, y): a 1-row needs w·x + b > 0, a 0-row needs -(w·x + b) ≥ 0; coefficients of (w_A, w_B, b).
    const rows = [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]];
    const sum = [0, 0, 0];
    rows.forEach(([a, b, out], i) => {
      const s = out === 1 ? 1 : -1;
      [a!, b!, 1].forEach((c, k) => (sum[k]! += (lambda[i] ?? 0) * s * c));
    });
    expect(sum).toEqual([0, 0, 0]);
    // Some strict row (an output-1 row under step(0) = 0) has a positive multiplier: the sum claims 0 > 0.
    expect(rows.some(([, , out], i) => out === 1 && (lambda[i] ?? 0) > 0)).toBe(true);
    expect(cert!.bothConventions).toBe(true);
  });

  it('should reject a tampered certificate', () => {
    const ineq = rowInequalities(table.rows, 0);
    expect(verifyCertificate(ineq, [1n, 1n, 2n, 1n]).valid).toBe(false);
    expect(verifyCertificate(ineq, [1n, 0n, 0n, 1n]).reason).toMatch(/not 0|0 ≥ 0/);
    expect(verifyCertificate(ineq, [-1n, 1n, 1n, -1n]).reason).toBe('a multiplier is negative');
  });

  it('should report one unit impossible for XOR and a two-layer network proved', () => {
    expect(r.status).toBe('proved');
    expect(r.summary).toMatch(/^no single threshold unit computes A xor B \(proved: .*\); a two-layer network computes it: proved by exhaustion over \{0,1\}\^2 \(4 inputs\)$/);
  });
});
