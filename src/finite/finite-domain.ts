/**
 * Finite sets of points over which a claim can be proved by evaluating every
 * case: the Boolean cube {0,1}^n, the sign cube {-1,1}^n, and the pieces of
 * ℝ (or of an axis-aligned grid of ℝ^n) cut at finitely many points, where a
 * function that is constant on every piece is known from one point per piece.
 */
import { ratAdd, ratCompare, ratDiv, ratSub, type Rational } from '../expr/rational.js';
import { int, ratText } from './rational-text.js';

export interface FiniteDomain {
  /** The coordinate names, in the order of each point's entries. */
  readonly names: readonly string[];
  readonly points: readonly (readonly Rational[])[];
  /** What the points stand for, as printed in a verdict: `{0,1}^2 (4 inputs)`. */
  readonly description: string;
}

/** Beyond 2^16 cases exhaustion is no longer a small proof. */
export const MAX_CASES = 65536;

function cube(names: readonly string[], values: readonly Rational[], set: string): FiniteDomain {
  const size = values.length ** names.length;
  if (size > MAX_CASES) throw new RangeError(`${set}^${names.length} has ${size} points, more than the ${MAX_CASES} exhaustion handles`);
  let points: Rational[][] = [[]];
  for (let i = 0; i < names.length; i++) points = points.flatMap((p) => values.map((v) => [...p, v]));
  return { names, points, description: `${set}^${names.length} (${points.length} input${points.length === 1 ? '' : 's'})` };
}

/** booleanCube(['A', 'B']).points -> (0,0), (0,1), (1,0), (1,1): the rows of a truth table, in its usual order. */
export const booleanCube = (names: readonly string[]): FiniteDomain => cube(names, [int(0), int(1)], '{0,1}');

/** signCube(['y']).points -> (-1), (1): a case split over y ∈ {-1, 1}. */
export const signCube = (names: readonly string[]): FiniteDomain => cube(names, [int(-1), int(1)], '{-1,1}');

/**
 * One point of every piece of ℝ cut at the given points: each cut itself, the
 * midpoint of each gap, and one point beyond each end. A function built of
 * steps that switch only at the cuts is constant on each open piece, so it is
 * known everywhere from these values.
 *
 *     realLineRepresentatives([0, 1])   // -1, 0, 1/2, 1, 2
 */
export function realLineRepresentatives(cuts: readonly Rational[]): Rational[] {
  const sorted = [...cuts].sort(ratCompare).filter((c, i, a) => i === 0 || ratCompare(c, a[i - 1] as Rational) !== 0);
  if (sorted.length === 0) return [int(0)];
  const out: Rational[] = [ratSub(sorted[0] as Rational, int(1))];
  sorted.forEach((c, i) => {
    out.push(c);
    const next = sorted[i + 1];
    out.push(next === undefined ? ratAdd(c, int(1)) : ratDiv(ratAdd(c, next), int(2)));
  });
  return out;
}

/**
 * The pieces of ℝ^n cut by axis-parallel lines (cuts per coordinate): the
 * product of the representatives of each axis. Sound for functions whose every
 * switch happens on one of these lines (units that read one coordinate each).
 */
export function axisGrid(names: readonly string[], cuts: readonly (readonly Rational[])[]): FiniteDomain {
  const unique = cuts.map((c) => [...c].sort(ratCompare).filter((v, i, a) => i === 0 || ratCompare(v, a[i - 1] as Rational) !== 0));
  const axes = unique.map(realLineRepresentatives);
  const size = axes.reduce((s, a) => s * a.length, 1);
  if (size > MAX_CASES) throw new RangeError(`the grid has ${size} pieces, more than the ${MAX_CASES} exhaustion handles`);
  let points: Rational[][] = [[]];
  for (const axis of axes) points = points.flatMap((p) => axis.map((v) => [...p, v]));
  const space = names.length === 1 ? 'ℝ' : `ℝ^${names.length}`;
  const where = names.map((n, i) => `${n} = ${(unique[i] ?? []).map(ratText).join(', ') || 'nothing'}`).join(' and ');
  return { names, points, description: `the ${points.length} pieces of ${space} cut at ${where} (one point of each piece)` };
}

/**
 * Each variable over its own finite set: productDomain(['y', 'x'], [[-1, 1], [0, 1, 2]]) has 6 points,
 * described as `y ∈ {-1, 1}, x ∈ {0, 1, 2} (6 cases)`.
 */
export function productDomain(names: readonly string[], sets: readonly (readonly Rational[])[], shown: readonly string[] = names): FiniteDomain {
  const size = sets.reduce((s, a) => s * a.length, 1);
  if (size > MAX_CASES) throw new RangeError(`the set has ${size} points, more than the ${MAX_CASES} exhaustion handles`);
  let points: Rational[][] = [[]];
  for (const set of sets) points = points.flatMap((p) => set.map((v) => [...p, v]));
  const where = shown.map((n, i) => `${n} ∈ {${(sets[i] ?? []).map(ratText).join(', ')}}`).join(', ');
  return { names, points, description: `${where} (${points.length} case${points.length === 1 ? '' : 's'})` };
}
