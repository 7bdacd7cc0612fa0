/**
 * Networks of threshold units (perceptrons) and linear units as data:
 * each unit reads the inputs and earlier units with rational weights and a
 * bias. The step convention at 0 is part of the network, because a unit that
 * lands exactly on its threshold answers differently under the two.
 */
import { ratAdd, ratMul, type Rational } from '../expr/rational.js';
import { int } from './rational-text.js';

/** The value of step(0): 0 for "fires when z > 0", 1 for "fires when z ≥ 0". */
export type StepAtZero = 0 | 1;

export interface Unit {
  readonly name: string;
  /** step(w·x + b) or the affine value w·x + b itself (an output that only sums). */
  readonly kind: 'step' | 'linear';
  /** Weights by the name they read (an input or an earlier unit), in print order. */
  readonly weights: readonly (readonly [string, Rational])[];
  readonly bias: Rational;
}

export interface Network {
  readonly inputs: readonly string[];
  /** In evaluation order: a unit reads only inputs and units before it. The last one is the output. */
  readonly units: readonly Unit[];
  readonly stepAtZero: StepAtZero;
}

/** The convention in words, as every verdict states it. */
export const stepConvention = (s: StepAtZero): string => (s === 0 ? 'step(z) = 1 if z > 0, 0 if z ≤ 0' : 'step(z) = 1 if z ≥ 0, 0 if z < 0');

export function step(z: Rational, atZero: StepAtZero): Rational {
  return int(z.n > 0n ? 1 : z.n < 0n ? 0 : atZero);
}

/** w·x + b of one unit, given the values it reads. */
export function preActivation(unit: Unit, values: ReadonlyMap<string, Rational>): Rational {
  let z = unit.bias;
  for (const [name, w] of unit.weights) {
    const v = values.get(name);
    if (v === undefined) throw new RangeError(`unit ${unit.name} reads ${name}, which is neither an input nor an earlier unit`);
    z = ratAdd(z, ratMul(w, v));
  }
  return z;
}

/**
 * Every unit's value at one input, exactly; the output is the last unit's.
 *
 *     evaluateNetwork(andNot, [int(1), int(0)]).get('y')   // 1
 */
export function evaluateNetwork(net: Network, input: readonly Rational[]): Map<string, Rational> {
  const values = new Map<string, Rational>();
  net.inputs.forEach((name, i) => values.set(name, input[i] as Rational));
  for (const u of net.units) {
    const z = preActivation(u, values);
    values.set(u.name, u.kind === 'step' ? step(z, net.stepAtZero) : z);
  }
  return values;
}

/**
 * The same network with units renamed where a name is taken by an input or an
 * earlier unit ('y' when the inputs are x and y), references updated.
 */
export function withFreshNames(net: Network): Network {
  const taken = new Set(net.inputs);
  const renamed = new Map<string, string>();
  const units = net.units.map((u) => {
    let name = u.name;
    for (let k = 1; taken.has(name); k++) name = u.name === 'y' && k === 1 ? 'out' : `${u.name}_${k}`;
    taken.add(name);
    renamed.set(u.name, name);
    return { ...u, name, weights: u.weights.map(([n, w]) => [net.inputs.includes(n) ? n : (renamed.get(n) ?? n), w] as const) };
  });
  return { ...net, units };
}

/** The output unit (the last one). */
export function outputUnit(net: Network): Unit {
  const u = net.units[net.units.length - 1];
  if (u === undefined) throw new RangeError('a network needs at least one unit');
  return u;
}
