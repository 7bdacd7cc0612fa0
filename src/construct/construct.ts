/**
 * `gradtex construct` for truth tables: a threshold unit, or the
 * certificate that none exists and then a two-layer network. Every network is checked by exhaustion (src/finite/check-network.ts)
 * before it is reported as correct; the search and the checker share nothing
 * but the meaning of a network (src/finite/threshold-network.ts).
 */
import { normalise, type Rational } from '../expr/rational.js';
import { booleanCube } from '../finite/finite-domain.js';
import { stepConvention, type StepAtZero, type Unit } from '../finite/threshold-network.js';
import type { ConstructReport, Section } from './construct-report.js';
import { findTwoLayer } from './find-network.js';
import { findUnit, MAX_WEIGHT } from './find-unit.js';
import { construction, statusOf } from './sections.js';
import { rowInequalities, separationCertificate, solveRows, verifyCertificate } from './separation-certificate.js';
import { tableTarget, type TruthTable } from './truth-table.js';

const other = (s: StepAtZero): StepAtZero => (s === 0 ? 1 : 0);

export interface TableOptions {
  readonly stepAtZero: StepAtZero;
  /** 1: one unit only; 2: a two-layer network even when one unit suffices; undefined: one unit, else two layers. */
  readonly layers?: 1 | 2;
}

/**
 * One unit for the table, or the certificate that none exists followed by a
 * two-layer network.
 *
 *     constructForTable(tableFromFormula('A xor B'), { stepAtZero: 0 }).summary
 *     // 'no single threshold unit computes A xor B (certificate checked); a two-layer network does: proved by exhaustion over {0,1}^2 (4 inputs)'
 */
export function constructForTable(table: TruthTable, options: TableOptions): ConstructReport {
  const domain = booleanCube(table.names);
  const target = tableTarget(table);
  const sections: Section[] = [{ kind: 'table', table }];
  const summary: string[] = [];
  let undecided = false;
  const unit = findUnit('y', table.names, table.rows);
  let solved: Unit | undefined;
  if (unit !== undefined) {
    const s = construction('One threshold unit', { inputs: table.names, units: [unit], stepAtZero: options.stepAtZero }, domain, target);
    sections.push(s);
    summary.push(`one threshold unit computes ${table.title}: ${s.verdict.text}`);
  } else {
    const inequalities = rowInequalities(table.rows, options.stepAtZero);
    const search = separationCertificate(inequalities);
    if (search.kind === 'infeasible') {
      const check = verifyCertificate(inequalities, search.multipliers);
      const both = verifyCertificate(rowInequalities(table.rows, other(options.stepAtZero)), search.multipliers).valid;
      sections.push({ kind: 'certificate', table, inequalities, multipliers: search.multipliers, sum: check.sum, valid: check.valid, bothConventions: both });
      summary.push(check.valid ? `no single threshold unit computes ${table.title} (proved: the certificate's combination was recomputed and gives 0 > 0)` : `internal error: the certificate did not check (${check.reason})`);
    } else if (search.kind === 'feasible' && (solved = unitByElimination(table, options.stepAtZero)) !== undefined) {
      const s = construction('One threshold unit (weights beyond the small search, found by Fourier–Motzkin elimination)', { inputs: table.names, units: [solved], stepAtZero: options.stepAtZero }, domain, target);
      sections.push(s);
      summary.push(`one threshold unit computes ${table.title}: ${s.verdict.text}`);
    } else {
      undecided = true;
      const why = search.kind === 'feasible' ? `some unit computes it (Fourier–Motzkin elimination finds no contradiction), but none with whole weights within ±${MAX_WEIGHT}` : search.reason;
      sections.push({ kind: 'note', text: `one unit: undecided: ${why}` });
      summary.push(`one unit for ${table.title}: undecided (${why})`);
    }
  }
  if (options.layers === 2 || (options.layers === undefined && unit === undefined && solved === undefined)) {
    const s = construction('Two layers of threshold units', findTwoLayer(table, options.stepAtZero), domain, target);
    sections.push(s);
    summary.push(`a two-layer network computes it: ${s.verdict.text}`);
  }
  return { title: `Threshold units for ${table.title}`, convention: stepConvention(options.stepAtZero), sections, status: statusOf(sections, undecided), summary: summary.join('; ') };
}

/** The unit from the elimination's solution, scaled to whole weights (a positive factor changes no sign). */
function unitByElimination(table: TruthTable, stepAtZero: StepAtZero): Unit | undefined {
  const v = solveRows(rowInequalities(table.rows, stepAtZero));
  if (v === undefined) return undefined;
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const scale = v.reduce((l, r) => (l / gcd(l, r.d)) * r.d, 1n);
  const whole = v.map((r) => normalise(r.n * (scale / r.d), 1n));
  const bias = whole[whole.length - 1] as Rational;
  return { name: 'y', kind: 'step', weights: table.names.map((n, i) => [n, whole[i] as Rational] as const).filter(([, w]) => w.n !== 0n), bias };
}
