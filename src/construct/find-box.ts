/**
 * Boxes from step neurons. Each end of each side gets one hidden unit
 * step(±(x − end)); the search tries the orientations (which side of the end
 * the unit fires on) and then
 * - on a line: an output that only sums its inputs (no nonlinearity), with
 *   weights solved exactly; first without an output bias, as the textbook
 *   asks, then with one;
 * - in 2 or 3 dimensions: an output threshold unit over the hidden codes
 *   (found by `findUnit`), scaled by the height.
 * The hidden units switch only at the box's ends, so the network and the box
 * are both constant on each piece of the grid cut there: checking one point
 * per piece (`axisGrid`) proves agreement everywhere.
 */
import type { Rational } from '../expr/rational.js';
import { ratNeg } from '../expr/rational.js';
import { axisGrid, realLineRepresentatives } from '../finite/finite-domain.js';
import { int, ratText } from '../finite/rational-text.js';
import { evaluateNetwork, type Network, type StepAtZero, type Unit } from '../finite/threshold-network.js';
import { boxTarget, type BoxSpec } from './box-spec.js';
import { findUnit } from './find-unit.js';
import { unitText } from './network-text.js';
import { solveLinear } from './solve-linear.js';

export interface BoxConstruction {
  readonly network: Network;
  /** Orientations tried before this one and why each failed, for the report. */
  readonly rejected: readonly string[];
  readonly outputBias: boolean;
}

/** step(x − e) fires right of e ('up'); step(e − x) fires left of it ('down'). */
function endUnit(name: string, axis: string, end: Rational, up: boolean): Unit {
  return { name, kind: 'step', weights: [[axis, int(up ? 1 : -1)]], bias: up ? ratNeg(end) : end };
}

function hiddenLayer(box: BoxSpec, orientation: number): Unit[] {
  return box.axes.flatMap((a, i) => [endUnit(`u${2 * i + 1}`, a.name, a.low.line, ((orientation >> (2 * i)) & 1) === 0), endUnit(`u${2 * i + 2}`, a.name, a.high.line, ((orientation >> (2 * i + 1)) & 1) === 1)]);
}


function sumOutput(box: BoxSpec, hidden: Unit[], stepAtZero: StepAtZero, withBias: boolean): Unit | string {
  const axis = box.axes[0];
  if (axis === undefined) return 'no axis';
  const points = realLineRepresentatives([axis.low.line, axis.high.line]);
  const target = boxTarget(box);
  const net: Network = { inputs: [axis.name], units: hidden, stepAtZero };
  const rows = points.map((x) => {
    const v = evaluateNetwork(net, [x]);
    return [...hidden.map((h) => v.get(h.name) as Rational), ...(withBias ? [int(1)] : [])];
  });
  const c = solveLinear(rows, points.map((x) => target([x])));
  if (c === undefined) return `${hidden.map(unitText).join(', ')}: no weights${withBias ? '' : ' without an output bias'} give the box at all of x = ${points.map(ratText).join(', ')}`;
  return { name: 'y', kind: 'linear', weights: hidden.map((h, i) => [h.name, c[i] as Rational] as const), bias: withBias ? (c[hidden.length] as Rational) : int(0) };
}

function intervalNetwork(box: BoxSpec, stepAtZero: StepAtZero): BoxConstruction | undefined {
  const rejected: string[] = [];
  for (const withBias of [false, true])
    for (let o = 0; o < 4; o++) {
      const hidden = hiddenLayer(box, o);
      const out = sumOutput(box, hidden, stepAtZero, withBias);
      if (typeof out === 'string') rejected.push(out);
      else return { network: { inputs: box.axes.map((a) => a.name), units: [...hidden, out], stepAtZero }, rejected, outputBias: withBias };
    }
  return undefined;
}

function rectangleNetwork(box: BoxSpec, stepAtZero: StepAtZero): BoxConstruction | undefined {
  const names = box.axes.map((a) => a.name);
  const grid = axisGrid(names, box.axes.map((a) => [a.low.line, a.high.line]));
  const target = boxTarget(box);
  const rejected: string[] = [];
  for (let o = 0; o < 4 ** box.axes.length; o++) {
    const hidden = hiddenLayer(box, o);
    const net: Network = { inputs: names, units: hidden, stepAtZero };
    const codes = new Map<string, { input: Rational[]; output: 0 | 1 }>();
    let consistent = true;
    for (const p of grid.points) {
      const v = evaluateNetwork(net, p);
      const code = hidden.map((h) => v.get(h.name) as Rational);
      const output = target(p).n === 0n ? 0 : 1;
      const key = code.map((c) => c.n).join('');
      if (codes.has(key) && codes.get(key)?.output !== output) consistent = false;
      codes.set(key, { input: code, output });
    }
    const out = consistent ? findUnit('r', hidden.map((h) => h.name), [...codes.values()], 1) : undefined;
    if (out === undefined) {
      rejected.push(`${hidden.map(unitText).join(', ')}: no output unit`);
      continue;
    }
    // A letter for the height keeps the last unit (y = h·r) even though its stand-in is 1.
    const isOne = box.height.n === box.height.d && box.heightSymbol === undefined;
    const units: Unit[] = isOne ? [...hidden, { ...out, name: 'y' }] : [...hidden, out, { name: 'y', kind: 'linear', weights: [['r', box.height]], bias: int(0) }];
    return { network: { inputs: names, units, stepAtZero }, rejected, outputBias: false };
  }
  return undefined;
}

/**
 * The network for a box, or undefined when no orientation works.
 *
 *     findBox(parseBox('0 < x < 1', '2'), 0)   // u1 = step(x), u2 = step(1 - x), y = 2 u1 + 2 u2 - 2
 */
export function findBox(box: BoxSpec, stepAtZero: StepAtZero): BoxConstruction | undefined {
  return box.axes.length === 1 ? intervalNetwork(box, stepAtZero) : rectangleNetwork(box, stepAtZero);
}
