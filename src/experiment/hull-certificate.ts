/**
 * Where 0 lies with respect to the convex hull of the points, decided
 * exactly (each coordinate the exact rational its double is, no rounding),
 * with a certificate that is checked on its own before it is returned:
 *
 * - separated: 0 is not in the hull, shown by a direction u with
 *   u·x_i ≥ 1 for every i (Gordan's theorem: either such a u exists or 0 is
 *   a convex combination of the points, never both);
 * - weakly separated: 0 is in the hull (convex weights λ with Σ λ_i x_i = 0),
 *   but on its relative boundary, shown by a direction u with u·x_i ≥ 0 for
 *   every i and > 0 for some;
 * - relative interior: convex weights λ with every λ_i > 0 and
 *   Σ λ_i x_i = 0; then no direction of the kind above exists, since
 *   Σ λ_i (u·x_i) = 0 forces u·x_i = 0 for every i (Stiemke's lemma);
 * - undecided: the exact elimination grew past its bound (MAX_HULL_WORK).
 *
 * Both feasibility questions go to the one exact elimination of
 * src/construct (Fourier–Motzkin with Farkas multipliers): u·x_i > 0 for
 * every i, then u·x_i ≥ 0 for every i with u·Σ x_i > 0.
 *
 *     hullCertificate([[1, 1], [2, 3]])            // separated, u = (1, 0), u·x = (1, 2)
 *     hullCertificate([[1, 0], [-1, 0], [0, 1]])   // weakly separated, λ = (1/2, 1/2, 0), u = (0, 1)
 */
import { ratAdd, ratCompare, ratDiv, ratMul, normalise, type Rational } from '../expr/rational.js';
import { decideRows, type RowInequality } from '../construct/separation-certificate.js';
import { doubleToRational, doubleUnits } from './exact-double.js';

export type HullCertificate =
  | { readonly kind: 'separated'; readonly u: readonly Rational[]; readonly values: readonly Rational[] }
  | { readonly kind: 'weakly-separated'; readonly lambda: readonly Rational[]; readonly u: readonly Rational[]; readonly values: readonly Rational[] }
  | { readonly kind: 'relative-interior'; readonly lambda: readonly Rational[] }
  | { readonly kind: 'undecided'; readonly reason: string };

const ZERO: Rational = { n: 0n, d: 1n };
const ONE: Rational = { n: 1n, d: 1n };
const abs = (a: bigint): bigint => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** A whole-number vector divided by the gcd of its entries (a positive factor; 1 for the zero vector): the row of the same inequality, smaller. */
function primitive(v: readonly bigint[]): { row: bigint[]; factor: bigint } {
  const g = v.reduce(gcd, 0n);
  const factor = g === 0n ? 1n : g;
  return { row: v.map((c) => c / factor), factor };
}

const dot = (u: readonly Rational[], x: readonly Rational[]): Rational => u.reduce((s, c, j) => ratAdd(s, ratMul(c, x[j] ?? ZERO)), ZERO);

/** u scaled by a positive factor to coprime whole numbers: the same direction, written short. */
function wholeDirection(u: readonly Rational[]): Rational[] {
  const lcm = u.reduce((l, c) => (l * c.d) / gcd(l, c.d), 1n);
  const whole = u.map((c) => (c.n * lcm) / c.d);
  const g = whole.reduce(gcd, 0n);
  return whole.map((c) => ({ n: g === 0n ? c : c / g, d: 1n }));
}

/** λ_i ∝ weights_i, normalised to sum 1 (the weights are ≥ 0 with a positive sum). */
function convexWeights(weights: readonly Rational[]): Rational[] {
  const total = weights.reduce(ratAdd, ZERO);
  return weights.map((w) => ratDiv(w, total));
}

/** Σ λ_i x_i = 0 in every coordinate, λ ≥ 0 (> 0 when `strictly`), Σ λ = 1: the certificate checked on its own. */
export function isConvexZero(lambda: readonly Rational[], xs: readonly (readonly Rational[])[], strictly: boolean): boolean {
  if (lambda.length !== xs.length || lambda.some((l) => l.n < 0n || (strictly && l.n === 0n))) return false;
  if (ratCompare(lambda.reduce(ratAdd, ZERO), ONE) !== 0) return false;
  const d = xs[0]?.length ?? 0;
  return Array.from({ length: d }, (_, j) => lambda.reduce((s, l, i) => ratAdd(s, ratMul(l, xs[i]?.[j] ?? ZERO)), ZERO)).every((c) => c.n === 0n);
}

/** A certificate that failed its own check is never printed as one. */
const unchecked = (what: string): HullCertificate => ({ kind: 'undecided', reason: `${what} found did not pass its exact check` });

/**
 * The elimination's bound, in combined row entries: about a second on this
 * machine. Two points in the plane take a few dozen; 100 points in the plane
 * or 12 in ℝ⁴ fit, 20 points in general position in ℝ³ do not (Fourier–Motzkin
 * grows doubly exponentially with the dimension), and are left undecided.
 */
export const MAX_HULL_WORK = 3_000_000;

/** A coordinate direction ±e_j with every x_ij of one strict sign: the simple case, tried first for the shortest certificate. */
function coordinateDirection(units: readonly (readonly bigint[])[]): Rational[] | undefined {
  const d = units[0]?.length ?? 0;
  for (let j = 0; j < d; j++) {
    for (const sign of [1n, -1n]) if (units.every((x) => sign * (x[j] ?? 0n) > 0n)) return Array.from({ length: d }, (_, k) => ({ n: k === j ? sign : 0n, d: 1n }));
  }
  return undefined;
}

/** The decision and its certificate, for points given as doubles (every one finite, all of one dimension). */
export function hullCertificate(points: readonly (readonly number[])[]): HullCertificate {
  const units = points.map((p) => p.map(doubleUnits));
  const exact = points.map((p) => p.map(doubleToRational));
  const n = points.length;
  const sum = units.reduce((s, p) => s.map((c, j) => c + (p[j] ?? 0n)));
  // Σ x_i = 0: equal weights; no direction can have u·x_i > 0 for one i without u·x_k < 0 for another.
  if (sum.every((c) => c === 0n)) {
    const uniform = points.map(() => normalise(1n, BigInt(n)));
    return isConvexZero(uniform, exact, true) ? { kind: 'relative-interior', lambda: uniform } : unchecked('equal weights');
  }
  const reduced = units.map(primitive);
  // Row i says u·x_i > 0 (or ≥ 0), divided by a positive factor: the same inequality. Points on one ray
  // give one row, eliminated once (in one dimension at most three rows remain); `first[k]` is the point
  // that stands for row k, and the others get weight 0 from it.
  const rowOf = new Map<string, number>();
  const first: number[] = [];
  reduced.forEach((r, i) => {
    const key = r.row.join(',');
    if (!rowOf.has(key)) {
      rowOf.set(key, first.length);
      first.push(i);
    }
  });
  const distinct = first.map((i) => reduced[i] as { row: bigint[]; factor: bigint });
  const strictRows: RowInequality[] = distinct.map((r) => ({ coef: r.row, strict: true }));
  /** Per point, the multiplier of its row divided by its factor when it stands for the row, else 0. */
  const standsFor = new Map(first.map((i, k) => [i, k]));
  const perPoint = (multipliers: readonly bigint[]): Rational[] =>
    points.map((_, i) => {
      const k = standsFor.get(i);
      return k === undefined ? ZERO : normalise(multipliers[k] ?? 0n, reduced[i]?.factor ?? 1n);
    });
  const simple = coordinateDirection(units);
  const gordan = simple !== undefined ? { kind: 'feasible' as const, solution: simple } : decideRows(strictRows, MAX_HULL_WORK);
  if (gordan.kind === 'too-large') return { kind: 'undecided', reason: gordan.reason };
  if (gordan.kind === 'feasible') {
    const direction = wholeDirection(gordan.solution);
    const values = exact.map((x) => dot(direction, x));
    if (values.some((v) => v.n <= 0n)) return unchecked('the separating direction');
    const least = values.reduce((a, b) => (ratCompare(b, a) < 0 ? b : a));
    return { kind: 'separated', u: direction.map((c) => ratDiv(c, least)), values: values.map((v) => ratDiv(v, least)) };
  }
  // Σ μ_k r_k = 0 with r_k = M_i / g_i for the point i standing for row k, and x_i = M_i / 2^1074: λ_i ∝ μ_k / g_i.
  const lambda = convexWeights(perPoint(gordan.multipliers));
  if (!isConvexZero(lambda, exact, false)) return unchecked('the convex weights');

  const s = primitive(sum);
  const weakRows: RowInequality[] = [...distinct.map((r) => ({ coef: r.row, strict: false })), { coef: s.row, strict: true }];
  const weak = decideRows(weakRows, MAX_HULL_WORK);
  if (weak.kind === 'too-large') return { kind: 'undecided', reason: weak.reason };
  if (weak.kind === 'feasible') {
    const direction = wholeDirection(weak.solution);
    const values = exact.map((x) => dot(direction, x));
    if (values.some((v) => v.n < 0n) || values.every((v) => v.n === 0n)) return unchecked('the weakly separating direction');
    return { kind: 'weakly-separated', lambda, u: direction, values };
  }
  // Σ_k μ_k r_k + ν S/g_S = 0 with S = Σ M_i: λ_i ∝ (μ_k/g_i where i stands for row k) + ν/g_S, each > 0 since ν > 0.
  const nu = normalise(weak.multipliers[distinct.length] ?? 0n, s.factor);
  const positive = convexWeights(perPoint(weak.multipliers).map((m) => ratAdd(m, nu)));
  return isConvexZero(positive, exact, true) ? { kind: 'relative-interior', lambda: positive } : unchecked('the positive weights');
}
