/**
 * `gradtex construct` as functions: a threshold unit for a truth table or
 * the certificate that none exists (then a two-layer network), a box from
 * step neurons, a user's network checked, KL asymmetry shown with exact
 * values. Every network is checked by exhaustion (src/finite/check-network.ts)
 * before it is reported as correct; the search and the checker share nothing
 * but the meaning of a network (src/finite/threshold-network.ts).
 */
import { normalise, type Rational } from '../expr/rational.js';
import { checkNetwork } from '../finite/check-network.js';
import { EXACT_OPS } from '../finite/exact-ops.js';
import { proveRelation } from '../finite/finite-claim.js';
import { axisGrid, booleanCube, productDomain, type FiniteDomain } from '../finite/finite-domain.js';
import { toPlain } from '../expr/to-plain.js';
import { evaluateReal } from '../numeric/real-evaluate.js';
import { parseClaim, parseOver } from './finite-claim-input.js';
import { ratText } from '../finite/rational-text.js';
import { evaluateNetwork, stepConvention, withFreshNames, type Network, type StepAtZero, type Unit } from '../finite/threshold-network.js';
import { boxTarget, boxText, isSymbolic, type BoxSpec } from './box-spec.js';
import type { ConstructionSection, ConstructReport, ConstructStatus, Section } from './construct-report.js';
import { ConstructError } from './construct-error.js';
import { symbolicBox } from './box-symbolic.js';
import { findBox } from './find-box.js';
import { findTwoLayer } from './find-network.js';
import { findUnit, MAX_WEIGHT } from './find-unit.js';
import { findKlCounterexample, klCompare } from './kl-counterexample.js';
import { rowInequalities, separationCertificate, solveRows, verifyCertificate } from './separation-certificate.js';
import { tableTarget, type TruthTable } from './truth-table.js';

/** The usual names of the functions of two inputs A, B, by their outputs on 00, 01, 10, 11. */
function twoInputNames(a: string, b: string): ReadonlyMap<string, string> {
  return new Map([
    ['0001', `${a} and ${b}`], ['0111', `${a} or ${b}`], ['1110', `not (${a} and ${b})`], ['1000', `not (${a} or ${b})`],
    ['0010', `${a} and not ${b}`], ['0100', `not ${a} and ${b}`], ['0110', `${a} xor ${b}`], ['1001', `not (${a} xor ${b})`],
    ['0011', a], ['0101', b], ['1100', `not ${a}`], ['1010', `not ${b}`], ['1011', `${a} or not ${b}`], ['1101', `not ${a} or ${b}`],
  ]);
}

/** For a network over two Boolean inputs: each unit's function in words (h1: A and B). */
function meaningsOf(net: Network): (readonly [string, string])[] | undefined {
  if (net.inputs.length !== 2 || net.units.length < 2) return undefined;
  const [a, b] = net.inputs as [string, string];
  const names = twoInputNames(a, b);
  const values = booleanCube(net.inputs).points.map((p) => evaluateNetwork(net, p));
  return net.units.flatMap((u) => {
    const name = names.get(values.map((v) => ((v.get(u.name) as Rational).n === 1n && (v.get(u.name) as Rational).d === 1n ? '1' : '0')).join(''));
    return name === undefined || values.some((v) => { const x = v.get(u.name) as Rational; return x.d !== 1n || (x.n !== 0n && x.n !== 1n); }) ? [] : [[u.name, name] as const];
  });
}

function construction(heading: string, found: Network, domain: FiniteDomain, target: (p: readonly Rational[]) => Rational): ConstructionSection {
  const network = withFreshNames(found);
  const meanings = domain.description.startsWith('{0,1}') ? meaningsOf(network) : undefined;
  return { kind: 'construction', heading, network, domain, targets: domain.points.map(target), verdict: checkNetwork(network, domain, target), ...(meanings === undefined || meanings.length === 0 ? {} : { meanings }) };
}

function statusOf(sections: readonly Section[], undecided: boolean): ConstructStatus {
  const checks = sections.filter((s): s is ConstructionSection => s.kind === 'construction');
  if (checks.some((s) => s.verdict.verdict === 'fails') || sections.some((s) => s.kind === 'certificate' && !s.valid)) return 'fails';
  return undecided ? 'undecided' : 'proved';
}

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

/** The grid that proves a box: the box's ends and every threshold of a unit reading an input. */
function boxDomain(box: BoxSpec, net: Network): FiniteDomain {
  const names = box.axes.map((a) => a.name);
  const cuts: Rational[][] = box.axes.map((a) => [a.low.line, a.high.line]);
  for (const u of net.units) {
    const reads = u.weights.filter(([n, w]) => names.includes(n) && w.n !== 0n);
    if (reads.length === 0) continue;
    // A unit that passes x on linearly is not constant on the pieces: nothing below could be proved by one point a piece.
    if (u.kind !== 'step') throw new ConstructError(`unit ${u.name} reads ${reads[0]?.[0]} without a step: exhaustion over the pieces of the line needs every unit that reads an input to be a step unit`);
    if (reads.length > 1 || u.weights.some(([n, w]) => !names.includes(n) && w.n !== 0n))
      throw new ConstructError(`unit ${u.name} mixes ${u.weights.map(([n]) => n).join(' and ')}: exhaustion over the pieces of the grid needs each unit that reads an input to read that one input only`);
    const [[n, w]] = reads as [[string, Rational]];
    // w x + b = 0 at x = -b/w.
    cuts[names.indexOf(n)]?.push(normalise(-u.bias.n * w.d, u.bias.d * w.n));
  }
  return axisGrid(names, cuts);
}

/** A box (interval or rectangle) from step neurons, checked on every piece of the grid its ends cut. */
export function constructBox(box: BoxSpec, stepAtZero: StepAtZero): ConstructReport {
  const found = findBox(box, stepAtZero);
  const title = `A box from step neurons: ${boxText(box)}`;
  const sections: Section[] = [];
  if (found === undefined) {
    sections.push({ kind: 'note', text: 'no orientation of the hidden units gives the box exactly' });
    return { title, convention: stepConvention(stepAtZero), sections, status: 'undecided', summary: 'no network found' };
  }
  if (found.outputBias)
    sections.push({ kind: 'note', text: `Without an output bias, no sum of two step units at the ends equals the box at every x (all 4 orientations step(±(x - end)) were solved exactly at ${found.rejected[0]?.replace(/^.*at all of /, '') ?? 'the pieces'} and fail). With an output bias:` });
  const checked = construction(box.axes.length === 1 ? 'Two step neurons, output sums them' : 'Step neurons at the sides, an output unit that needs all of them', found.network, boxDomain(box, found.network), boxTarget(box));
  const symbolic = symbolicBox(box, checked.network);
  const s: ConstructionSection = symbolic === undefined ? checked : { ...checked, symbolic };
  sections.push(s);
  return { title, convention: stepConvention(stepAtZero), sections, status: statusOf(sections, false), summary: `the network equals the box at every real point: ${s.verdict.text}` };
}

/** A user's network checked against a table or a box. */
export function checkUserNetwork(network: Network, against: { table: TruthTable } | { box: BoxSpec }): ConstructReport {
  const isTable = 'table' in against;
  // A network is written in numbers: checked against stand-ins for letters it would be proved for one choice of them only.
  if (!isTable && isSymbolic(against.box)) throw new ConstructError('a network to check is written in numbers: give the box in numbers too (0 < x < 1, --height 2)');
  const domain = isTable ? booleanCube(against.table.names) : boxDomain(against.box, network);
  const target = isTable ? tableTarget(against.table) : boxTarget(against.box);
  const what = isTable ? against.table.title : boxText(against.box);
  const meanings = isTable ? meaningsOf(network) : undefined;
  const s: ConstructionSection = { kind: 'construction', heading: 'Your network', network, domain, targets: domain.points.map(target), verdict: checkNetwork(network, domain, target), ...(meanings === undefined || meanings.length === 0 ? {} : { meanings }) };
  const sections: Section[] = isTable ? [{ kind: 'table', table: against.table }, s] : [s];
  return { title: `Checking a network for ${what}`, convention: stepConvention(network.stepAtZero), sections, status: s.verdict.verdict === 'proved' ? 'proved' : 'fails', summary: `your network ${s.verdict.verdict === 'proved' ? 'computes' : 'does not compute'} ${what}: ${s.verdict.text}` };
}

/** KL(p, q) ≠ KL(q, p): the given p, q or the first small pair found. */
export function klAsymmetry(p?: readonly Rational[], q?: readonly Rational[]): ConstructReport {
  if ((p === undefined) !== (q === undefined)) throw new ConstructError('give both --p and --q, or neither');
  if (p !== undefined && q !== undefined && p.length !== q.length) throw new ConstructError(`--p has ${p.length} entries and --q has ${q.length}`);
  const result = p !== undefined && q !== undefined ? klCompare(p, q) : findKlCounterexample();
  if (result === undefined) return { title: 'KL(p, q) = KL(q, p)', sections: [], status: 'undecided', summary: 'no counterexample among the candidates' };
  const at = `p = (${result.p.map(ratText).join(', ')}), q = (${result.q.map(ratText).join(', ')})`;
  return {
    title: 'Is KL(p, q) = KL(q, p)?',
    sections: [{ kind: 'kl', result }],
    status: result.differ ? 'proved' : 'undecided',
    summary: result.differ ? `KL(p, q) = KL(q, p) fails at ${at} (exact: the sides are logarithms of different rationals)` : `at ${at} the two sides are equal: not a counterexample`,
  };
}


/** Above this many cases the report shows the verdict without the table of values. */
const MAX_ROWS_SHOWN = 64;

function exactText(e: Parameters<typeof evaluateReal>[0], env: ReadonlyMap<string, Rational | undefined>): string {
  try {
    const v = evaluateReal(e, EXACT_OPS, env);
    return v === undefined ? 'not rational' : ratText(v);
  } catch {
    return 'no value';
  }
}

/**
 * A relation proved (or refuted) by evaluating it at every point of a finite set.
 *
 *     proveFiniteClaim('y^2 = 1', 'y in {-1, 1}').summary   // 'y^2 = 1: proved by exhaustion over y ∈ {-1, 1} (2 cases)'
 */
export function proveFiniteClaim(claimText: string, overText: string): ConstructReport {
  const { left, rel, right } = parseClaim(claimText);
  const over = parseOver(overText);
  const domain = productDomain(over.keys, over.sets, over.shown);
  const verdict = proveRelation(left, rel, right, domain);
  const rows =
    domain.points.length > MAX_ROWS_SHOWN
      ? []
      : domain.points.map((point) => {
          const env = new Map(domain.names.map((n, i) => [n, point[i]]));
          return { point, left: exactText(left, env), right: exactText(right, env) };
        });
  const claim = `${toPlain(left)} ${rel} ${toPlain(right)}`;
  const status: ConstructStatus = verdict.verdict;
  const sections: Section[] = [{ kind: 'claim', claim, domain: { ...domain, names: over.shown }, rows, verdict }];
  // The function table's step has step(0) = 1/2; a reader used to networks' step(0) = 0 should not be surprised.
  if (/\bstep\(/.test(claim)) sections.push({ kind: 'note', text: 'step here is the function-table Heaviside step, with step(0) = 1/2 (networks take --step-at-zero instead)' });
  return { title: `A claim over a finite set: ${claim}`, sections, status, summary: `${claim}: ${verdict.text}` };
}
