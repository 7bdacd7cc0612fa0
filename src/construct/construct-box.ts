/**
 * `gradtex construct --box`: a box from step neurons, checked on every piece
 * of the grid its ends cut; and a network the user wrote, checked against a
 * truth table or a box.
 */
import { normalise, type Rational } from '../expr/rational.js';
import { checkNetwork } from '../finite/check-network.js';
import { axisGrid, booleanCube, type FiniteDomain } from '../finite/finite-domain.js';
import { stepConvention, type Network, type StepAtZero } from '../finite/threshold-network.js';
import { boxTarget, boxText, isSymbolic, type BoxSpec } from './box-spec.js';
import { symbolicBox } from './box-symbolic.js';
import { ConstructError } from './construct-error.js';
import type { ConstructionSection, ConstructReport, Section } from './construct-report.js';
import { findBox } from './find-box.js';
import { construction, statusOf } from './sections.js';
import { tableTarget, type TruthTable } from './truth-table.js';
import { meaningsOf } from './unit-meanings.js';

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
