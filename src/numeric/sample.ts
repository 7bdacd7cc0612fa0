/**
 * Random points for numeric checks. Each coordinate is drawn at one of
 * several scales (most in [-3, 3], some near 0, some up to ±20) so that sign
 * and magnitude errors show, then adjusted to the variable's assumptions.
 * Points where an expression is undefined (log of a negative, a kink under a
 * finite difference) come back as NaN and are rejected by the caller.
 *
 * A few extra probe points (wideDraw) go far beyond that range and around the
 * constants of the expressions, so that a wrong identity which only shows
 * past a threshold (max(x, 20) = 20, step(x - 10) = 0) is still caught.
 */
import { symKey } from '../expr/sym-key.js';
import type { Sym } from '../expr/node.js';
import { isIndexCondition, type Assumption } from './assumptions.js';
import type { Rng } from './rng.js';

/** The ordinary scale mix: 60% in [-3, 3], 20% in [-0.5, 0.5], 15% in [-8, 8], 5% in [-20, 20]. ordinaryDraw(createRng(1)) */
export function ordinaryDraw(rng: Rng): number {
  const r = rng.next();
  if (r < 0.6) return rng.uniform(-3, 3);
  if (r < 0.8) return rng.uniform(-0.5, 0.5);
  if (r < 0.95) return rng.uniform(-8, 8);
  return rng.uniform(-20, 20);
}

/**
 * Probe scales: half the draws have a log-uniform magnitude in [1, 1e4], half
 * lie around one of `hints` (magnitudes of the expressions' constants), at
 * 0.5 to 2 times it. Signs follow a pattern rather than chance: for the
 * first four variables, successive points run through every combination of
 * signs (+ + , - +, + -, - -, …), so a region such as x > 10 and y > 10 is
 * visited by a quarter of the probes. The returned draw keeps count of its
 * calls and must be used with drawPoint for points of `varCount` variables.
 *
 *     const draw = wideDraw([20], 1); drawPoint([x], [], rng, draw)   // e.g. [31.7], then [-24.2], …
 */
export function wideDraw(hints: readonly number[], varCount: number): (rng: Rng) => number {
  let call = 0;
  return (rng) => {
    const point = Math.floor(call / Math.max(1, varCount));
    const coordinate = call % Math.max(1, varCount);
    call++;
    const sign = coordinate < 4 ? ((point >> coordinate) & 1 ? -1 : 1) : rng.next() < 0.5 ? -1 : 1;
    const hint = hints.length > 0 && rng.next() < 0.5 ? hints[rng.int(0, hints.length - 1)] : undefined;
    if (hint !== undefined) return sign * hint * rng.uniform(0.5, 2);
    return sign * 10 ** rng.uniform(0, 4);
  };
}

interface Constraints {
  positive: boolean;
  nonnegative: boolean;
  nonzero: boolean;
  integer: boolean;
  interval?: { lo: number; hi: number; integer: boolean; closed?: readonly [boolean, boolean] };
}

function constraintsOf(list: readonly Assumption[]): Constraints {
  const c: Constraints = { positive: false, nonnegative: false, nonzero: false, integer: false };
  for (const a of list) {
    if (a.kind === 'interval') {
      // Several intervals: their intersection.
      const lo = Math.max(a.lo, c.interval?.lo ?? -Infinity);
      const hi = Math.min(a.hi, c.interval?.hi ?? Infinity);
      // An end is known closed when the interval that sets it says so (both, when they share it).
      const end = (v: number, mine: number, theirs: number | undefined, k: 0 | 1): boolean =>
        (v === mine && a.closed?.[k] === true && (theirs !== v || c.interval?.closed?.[k] === true)) || (v !== mine && c.interval?.closed?.[k] === true);
      c.interval = { lo, hi, integer: a.integer === true || c.interval?.integer === true, closed: [end(lo, a.lo, c.interval?.lo, 0), end(hi, a.hi, c.interval?.hi, 1)] };
    } else if (!isIndexCondition(a)) c[a.kind] = true;
  }
  // A sign condition narrows an interval: x > 0 and x in [-1, 1] draw from [0, 1].
  if (c.interval !== undefined && (c.positive || c.nonnegative)) c.interval = { ...c.interval, lo: Math.max(c.interval.lo, 0) };
  return c;
}

/** Is v in the domain the constraints describe (exactly, without moving it)? */
function admitted(v: number, c: Constraints): boolean {
  return (
    Number.isFinite(v) &&
    (!c.positive || v > 0) &&
    (!c.nonnegative || v >= 0) &&
    (!c.nonzero || v !== 0) &&
    (!(c.integer || c.interval?.integer === true) || Number.isInteger(v)) &&
    (c.interval === undefined || (v >= c.interval.lo && v <= c.interval.hi))
  );
}

/**
 * x moved into the domain the constraints describe, whatever their order
 * (positive and integer: 1, 2, …, never 0); NaN when no value fits
 * (an interval without integers, or below 0 for a positive variable), which
 * the checker counts as a point outside the domain.
 */
function constrain(x: number, c: Constraints, rng: Rng): number {
  let v = x;
  if (c.interval !== undefined && !(Number.isFinite(c.interval.lo) && Number.isFinite(c.interval.hi))) {
    // An unbounded interval (ℤ, ℕ): the draw itself, reflected into it, keeps the scale mix (0, ±1 often, up to ±20, far out for probes).
    const { lo, hi } = c.interval;
    if (v < lo) v = lo + (lo - v);
    if (v > hi) v = hi - (v - hi);
    if (c.interval.integer) v = Math.round(v);
  } else if (c.interval !== undefined) v = c.interval.integer ? rng.int(Math.ceil(c.interval.lo), Math.floor(c.interval.hi)) : rng.uniform(c.interval.lo, c.interval.hi);
  else if (c.positive) v = Math.abs(v) + 1e-3;
  else if (c.nonnegative) v = Math.abs(v);
  if (c.integer) v = Math.round(v);
  if (c.nonzero && v === 0) v = c.interval === undefined || c.interval.hi >= 1 ? 1 : -1;
  if (c.positive && v <= 0) v = c.integer ? 1 : 1e-3;
  if (c.nonnegative && v < 0) v = 0;
  return admitted(v, c) ? v : NaN;
}

/**
 * A sampler for points of `vars` under `assumptions`, prepared once so that
 * drawing a point does no lookups: each coordinate comes from `draw`
 * (called exactly once per variable, in order) and is then moved into the
 * variable's domain.
 *
 *     const sample = pointSampler([x], [{ sym: x, kind: 'positive' }]); sample(rng)   // e.g. [2.31]
 */
export function pointSampler(vars: readonly Sym[], assumptions: readonly Assumption[]): (rng: Rng, draw?: (rng: Rng) => number) => Float64Array {
  const constraints = constraintsFor(vars, assumptions);
  return (rng, draw = ordinaryDraw) => {
    const out = new Float64Array(vars.length);
    for (let i = 0; i < out.length; i++) {
      const x = draw(rng);
      const c = constraints[i];
      out[i] = c === undefined ? x : constrain(x, c, rng);
    }
    return out;
  };
}

/**
 * One point: a value per variable at the scales of `draw`, then made to
 * satisfy the assumptions (see pointSampler, which avoids re-reading the
 * assumptions for every point).
 *
 *     drawPoint([x, n], [{ sym: n, kind: 'integer' }], createRng(1))   // e.g. [0.83, -2]
 */
export function drawPoint(vars: readonly Sym[], assumptions: readonly Assumption[], rng: Rng, draw: (rng: Rng) => number = ordinaryDraw): Float64Array {
  return pointSampler(vars, assumptions)(rng, draw);
}

/** The constraints of each variable (undefined: any real), read once. */
function constraintsFor(vars: readonly Sym[], assumptions: readonly Assumption[]): (Constraints | undefined)[] {
  const byKey = new Map<string, Assumption[]>();
  for (const a of assumptions) {
    const k = symKey(a.sym);
    const list = byKey.get(k);
    if (list === undefined) byKey.set(k, [a]);
    else list.push(a);
  }
  return vars.map((s) => {
    const list = byKey.get(symKey(s));
    return list === undefined ? undefined : constraintsOf(list);
  });
}

/**
 * Does value v of vars[i] satisfy that variable's assumptions as it is
 * (special points are used only where they lie in the domain)?
 *
 *     admits([x], [{ sym: x, kind: 'positive' }])(0, 0)   // false
 */
export function admits(vars: readonly Sym[], assumptions: readonly Assumption[]): (i: number, v: number) => boolean {
  const constraints = constraintsFor(vars, assumptions);
  return (i, v) => {
    const c = constraints[i];
    return c === undefined ? Number.isFinite(v) : admitted(v, c);
  };
}

/**
 * The bounds a variable's assumptions give it, for special points at the ends
 * of its domain: { lo, hi, integer } (infinite where unbounded, lo = 0 for
 * x > 0 or x >= 0).
 *
 *     domainEnds([x], [{ sym: x, kind: 'interval', lo: 0, hi: 1 }])[0]   // { lo: 0, hi: 1, integer: false }
 */
export function domainEnds(vars: readonly Sym[], assumptions: readonly Assumption[]): { lo: number; hi: number; integer: boolean; loClosed: boolean; hiClosed: boolean }[] {
  return constraintsFor(vars, assumptions).map((c) => {
    if (c === undefined) return { lo: -Infinity, hi: Infinity, integer: false, loClosed: false, hiClosed: false };
    const integer = c.integer || c.interval?.integer === true;
    const lo = Math.max(c.interval?.lo ?? -Infinity, c.positive || c.nonnegative ? 0 : -Infinity);
    // Known to be in the domain: an integer end, or 0 for x >= 0 (an interval's ends may be open ends).
    const stated = c.interval !== undefined && c.interval.lo === lo && c.interval.closed?.[0] === true && !(c.positive && lo === 0);
    const loClosed = integer || stated || (c.nonnegative && !c.positive && (c.interval?.lo ?? -Infinity) <= 0);
    return { lo, hi: c.interval?.hi ?? Infinity, integer, loClosed, hiClosed: integer || c.interval?.closed?.[1] === true };
  });
}
