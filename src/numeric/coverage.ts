/**
 * What a numeric check sampled, so that a `holds` says what it rests on:
 * the number of random and special points, the special points used, the
 * values the free indices took (and whether two coincided), the sizes, and
 * the integer domains. `samplingPlan` prepares the sampling of one relation
 * (index cycle, special points) and records this as it goes.
 *
 *     coverageText(c)   // 'at 24 random points and 9 special points (x = 0, x = 1, …); indices i, j ∈ 1..7 incl. i = j; sizes n ∈ 1..7'
 */
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { isIndexCondition, type Assumption } from './assumptions.js';
import { INDEX_MAX, SIZE_DRAW_MAX, SALT, indexPlan, indexRoles, type IndexRole } from './indexed.js';
import { createRng, type Rng } from './rng.js';
import { domainEnds, pointSampler } from './sample.js';
import { specialPoints } from './special-points.js';

export interface Coverage {
  /** Random points where both sides were defined and compared. */
  readonly random: number;
  /** Labels of the special points compared (0, ±1, domain ends, kinks, sign changes). */
  readonly special: readonly string[];
  /** Free indices: names, the smallest and largest values taken, and whether two of them were ever equal. */
  readonly indices?: { readonly names: readonly string[]; readonly min: number; readonly max: number; readonly coincident: boolean };
  /** Sizes (symbolic sum bounds): names and the values taken. */
  readonly sizes?: { readonly names: readonly string[]; readonly values: readonly number[] };
  /** Variables restricted to integers by the assumptions, with their range. */
  readonly integers?: readonly { readonly name: string; readonly lo: number; readonly hi: number }[];
  /** No variable to sample: both sides are numbers, and every "random point" was the same evaluation. */
  readonly constant?: true;
  /** The one line for people. */
  readonly text: string;
}

function range(lo: number, hi: number): string {
  const end = (v: number): string => (v === Infinity ? '∞' : v === -Infinity ? '-∞' : String(v));
  if (lo === -Infinity && hi === Infinity) return 'ℤ';
  return lo === hi ? `{${lo}}` : `${end(lo)}..${end(hi)}`;
}

/**
 * The line: "at 24 random points and 3 special points (x = 0, …); indices
 * i, j ∈ 1..7 incl. i = j; sizes n ∈ {1, 2, 3, 7}; x ∈ ℤ".
 */
export function coverageText(c: Omit<Coverage, 'text'>): string {
  const shown = [...new Set(c.special)];
  const list = shown.length > 6 ? `${shown.slice(0, 6).join('; ')}; …` : shown.join('; ');
  if (c.constant === true) return 'as numbers (no variable: evaluated once, in doubles)';
  const parts = [`at ${c.random} random points${c.special.length > 0 ? ` and ${c.special.length} special points (${list})` : ''}`];
  if (c.indices !== undefined) parts.push(`${c.indices.names.length === 1 ? 'index' : 'indices'} ${c.indices.names.join(', ')} ∈ ${range(c.indices.min, c.indices.max)}${c.indices.names.length > 1 ? (c.indices.coincident ? ` incl. ${c.indices.names.join(' = ')}` : ', never equal') : ''}`);
  if (c.sizes !== undefined) parts.push(`${c.sizes.names.length === 1 ? 'size' : 'sizes'} ${c.sizes.names.join(', ')} ∈ {${c.sizes.values.join(', ')}}`);
  for (const z of c.integers ?? []) parts.push(`${z.name} ∈ ${range(z.lo, z.hi)}`);
  return parts.join('; ');
}

export interface SamplingPlan {
  /** The caller's assumptions plus the ranges of indices, sizes and the salt. */
  readonly assumptions: readonly Assumption[];
  /** Random points with index values and sizes from the plan's cycle (undefined: the plain sampler). */
  readonly sampler?: (rng: Rng, draw?: (rng: Rng) => number) => Float64Array;
  readonly special: readonly { readonly p: Float64Array; readonly label: string }[];
  /**
   * Call at every point where both sides were defined and compared (random or special): the
   * index values and sizes the coverage prints are those of these points only, never of a point
   * drawn and then skipped (undefined there, or a special base point not kept).
   */
  readonly compared: (p: Float64Array) => void;
  /** The coverage of a check that compared `random` random points and the special points `special`. */
  readonly coverage: (random: number, special: readonly string[]) => Coverage;
}

/**
 * How to sample lhs = rhs over `vars`: index symbols and sizes follow
 * indexed.ts's plan (every point gets the next assignment of its cycle),
 * special points come from special-points.ts (none on kinks when `kinks`
 * is false, i.e. when a derivative is taken by finite differences).
 *
 *     samplingPlan([lhs, rhs], vars, true, [], true).special.length   // e.g. 12
 */
/** `j ≥ 1`, `j > 0`: an index's lower bound as a range without an upper end; [] for any other assumption. */
function indexLowerBound(a: Assumption): Assumption[] {
  if (a.kind === 'positive') return [{ sym: a.sym, kind: 'index-range', lo: 1 }];
  if (a.kind === 'nonnegative') return [{ sym: a.sym, kind: 'index-range', lo: 0 }];
  if (a.kind === 'interval' && a.hi === Infinity && Number.isFinite(a.lo)) return [{ sym: a.sym, kind: 'index-range', lo: Math.max(0, Math.ceil(a.lo - 1e-9) + (a.closed?.[0] === false && Number.isInteger(a.lo) ? 1 : 0)) }];
  return [];
}

export function samplingPlan(sides: readonly Expr[], vars: readonly Sym[], indexed: boolean, given: readonly Assumption[], kinks: boolean, seed = 1): SamplingPlan {
  // Index conditions (i ∈ {1, …, K}, k ≠ l) leave the index to the plan, which draws it inside them.
  const roles = indexed ? new Map<string, IndexRole>() : undefined;
  if (roles !== undefined) for (const e of sides) indexRoles(e, roles, sides);
  // A lower bound on an index ("for $j \ge 1$" with w_j summed to n) is a range of it, drawn by the plan up to
  // the step's size: as a number j ≥ 1 it was drawn past n (j = 5 with n = 1), where w_j is no term of the sum.
  const lowerBounds = given.flatMap((a): Assumption[] => (roles?.get(symKey(a.sym)) === 'index' ? indexLowerBound(a) : []));
  const bounded = new Set(lowerBounds.map((a) => symKey(a.sym)));
  const userKeys = new Set(given.filter((a) => !isIndexCondition(a) && !bounded.has(symKey(a.sym))).map((a) => symKey(a.sym)));
  const plan = indexed ? indexPlan(sides, vars, userKeys, [...given.filter(isIndexCondition), ...lowerBounds], roles) : undefined;
  const [ilo, ihi] = plan?.indexRange ?? [1, INDEX_MAX];
  const ranges: Assumption[] = vars.flatMap((s): Assumption[] => {
    const role = roles?.get(symKey(s));
    if (role === 'bound') return [{ sym: s, kind: 'interval', lo: 1, hi: SIZE_DRAW_MAX, integer: true }];
    if (role === 'index') return [{ sym: s, kind: 'interval', lo: ilo, hi: ihi, integer: true }];
    if (symKey(s) === symKey(SALT)) return [{ sym: s, kind: 'interval', lo: 0, hi: 1 }];
    return [];
  });
  const assumptions = [...ranges, ...given];
  const base = pointSampler(vars, assumptions);
  // What the index coordinates were, over the points compared (see `compared`).
  const stats = { min: Infinity, max: -Infinity, coincident: false, sizes: new Set<number>() };
  const record = (p: Float64Array): void => {
    if (plan === undefined) return;
    const seen = new Set<number>();
    for (const slot of plan.indices) {
      const v = p[slot] as number;
      stats.min = Math.min(stats.min, v);
      stats.max = Math.max(stats.max, v);
      if (seen.has(v)) stats.coincident = true;
      seen.add(v);
    }
    for (const slot of plan.sizes) stats.sizes.add(p[slot] as number);
  };
  let k = 0;
  const sampler =
    plan === undefined
      ? undefined
      : (rng: Rng, draw?: (rng: Rng) => number): Float64Array => {
          const p = base(rng, draw);
          plan.assign(p, k++);
          return p;
        };
  const fixed = new Set<number>([...(plan?.indices ?? []), ...(plan?.sizes ?? [])]);
  vars.forEach((s, i) => {
    if (symKey(s) === symKey(SALT) || roles?.has(symKey(s)) === true) fixed.add(i);
  });
  let j = 1000;
  const baseRng = createRng((seed ^ 0x2545f491) >>> 0);
  const special = specialPoints(sides, vars, assumptions, {
    fixed,
    indexed,
    avoidKinks: !kinks,
    seed,
    // Index notation is costly to evaluate (nested sums): fewer special points there.
    ...(indexed ? { max: 6 } : {}),
    // Without index notation nothing is fixed: the default base (zeros) will do.
    ...(fixed.size === 0 ? {} : { base: () => {
      const p = base(baseRng);
      if (plan !== undefined) plan.assign(p, j++);
      // A salt of its own for each special point: indexed values differ between them.
      vars.forEach((s, i) => {
        if (symKey(s) === symKey(SALT)) p[i] = ((j * 0.6180339887498949) % 1 + 1) % 1;
      });
      return p;
    } }),
  });
  const ends = domainEnds(vars, given);
  const integers = vars.flatMap((s, i) => {
    const e = ends[i];
    return e !== undefined && e.integer && !fixed.has(i) ? [{ name: symKey(s), lo: e.lo, hi: e.hi }] : [];
  });
  const names = (slots: readonly number[]): string[] => slots.map((i) => symKey(vars[i] as Sym)).sort();
  return {
    assumptions,
    ...(sampler !== undefined ? { sampler } : {}),
    special: special.points.map((p, i) => ({ p, label: special.labels[i] as string })),
    compared: record,
    coverage: (random, used) => {
      const c: Omit<Coverage, 'text'> = {
        random,
        special: used,
        ...(plan !== undefined && plan.indices.length > 0 && stats.min <= stats.max ? { indices: { names: names(plan.indices), min: stats.min, max: stats.max, coincident: stats.coincident } } : {}),
        ...(plan !== undefined && plan.sizes.length > 0 && stats.sizes.size > 0 ? { sizes: { names: names(plan.sizes), values: [...stats.sizes].sort((a, b) => a - b) } } : {}),
        ...(integers.length > 0 ? { integers } : {}),
        ...(vars.every((s) => symKey(s) === symKey(SALT)) ? { constant: true as const } : {}),
      };
      return { ...c, text: coverageText(c) };
    },
  };
}
