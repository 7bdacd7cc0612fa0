/**
 * Looking for a counterexample to `a ≤ b` (or `a < b`): random points of
 * the domain, then a local search that climbs (a − b) from the worst points
 * found, one coordinate at a time with shrinking steps, staying inside the
 * stated domain and a box of ±25. Either a violating point is found, or the
 * claim held at every point tried (which is `holds`, never `proved`).
 *
 *     searchViolation(parseLatex('x^2'), parseLatex('x'), false, [], {}).kind   // 'violation'
 */
import type { Expr, Sym } from '../expr/node.js';
import { some } from '../expr/traverse.js';
import { symKey } from '../expr/sym-key.js';
import { compile, createRng, EvaluationError, freeSymbols, type Assumption, type Compiled } from '../numeric/index.js';
import { SALT, needsIndexedMode } from '../numeric/indexed.js';
import { samplingPlan, type Coverage } from '../numeric/coverage.js';
import { BASE_DIGITS, compareAtHighPrecision } from '../numeric/high-precision.js';
import { drawPoint } from '../numeric/sample.js';
import { NearMisses } from './near-misses.js';

export type SearchResult =
  | {
      readonly kind: 'violation';
      readonly point: Record<string, number>;
      readonly lhs: number;
      readonly rhs: number;
      /** The sides (a, then b) in high precision, when doubles alone could not tell the reversal from rounding. */
      readonly precise?: { readonly digits: number; readonly a: string; readonly b: string };
    }
  /** No counterexample; `touching` is where a strict claim's sides met to within rounding (cannot be decided). */
  | { readonly kind: 'none'; readonly points: number; readonly closest: number; readonly touching?: Record<string, number>; readonly coverage?: Coverage }
  | { readonly kind: 'undecided'; readonly reason: string };

export interface SearchOptions {
  readonly points?: number;
  readonly seed?: number;
}

const BOX = 25;
const TOLERANCE = 1e-9;

/** How far the point is from satisfying a ≤ b (positive = violated), relative to the size of the values. */
function gap(a: number, b: number): number {
  return (a - b) / Math.max(Math.abs(a), Math.abs(b), 1);
}

/**
 * A genuine reversal a > b. Equality is not enough for a strict claim here:
 * sides that agree in floating point may only do so by rounding (tanh(20)
 * is exactly 1.0); see `meetsExactly` for the equality counterexample.
 */
function violates(a: number, b: number): boolean {
  return gap(a, b) > TOLERANCE;
}

function inDomain(x: number, rules: readonly Assumption[]): boolean {
  return Math.abs(x) <= BOX && satisfies(x, rules);
}

/** Does x satisfy the stated domain (without the search box: a special point may lie far out, |x - 100| > 0 at x = 100)? */
function satisfies(x: number, rules: readonly Assumption[]): boolean {
  if (!Number.isFinite(x)) return false;
  for (const r of rules) {
    if (r.kind === 'positive' && !(x > 0)) return false;
    if (r.kind === 'nonnegative' && !(x >= 0)) return false;
    if (r.kind === 'nonzero' && x === 0) return false;
    if (r.kind === 'interval' && (x < r.lo || x > r.hi)) return false;
  }
  return true;
}

/**
 * For strict claims: a point where the sides agree to within this (relative,
 * floor 1) is where they meet. Only interior points count (|x| <= 10 and away
 * from the ends of a stated domain), so sides that only meet in the limit
 * (e^{-x} > 0 as x grows, x > 0 as x shrinks to 0) are not reported.
 */
const APPROACH = 1e-8;

function interior(p: ArrayLike<number>, rulesFor: readonly (readonly Assumption[])[], frozen: readonly boolean[]): boolean {
  for (let i = 0; i < p.length; i++) {
    if (frozen[i] === true) continue;
    const x = p[i] as number;
    if (Math.abs(x) > 10) return false;
    for (const r of rulesFor[i] ?? []) {
      if ((r.kind === 'positive' || r.kind === 'nonnegative') && x < 1e-2) return false;
      if (r.kind === 'interval' && (x - r.lo < 1e-2 || r.hi - x < 1e-2)) return false;
    }
  }
  return true;
}

/** The point with free coordinates rounded to halves, if both sides are exactly equal there and not flat. */
function meetsExactly(p: Float64Array, f: Compiled, g: Compiled, rulesFor: readonly (readonly Assumption[])[], frozen: readonly boolean[]): Float64Array | undefined {
  const q = Float64Array.from(p, (x, i) => (frozen[i] === true ? x : Math.round(x * 2) / 2));
  if (!q.every((x, i) => frozen[i] === true || inDomain(x, rulesFor[i] ?? []))) return undefined;
  const a = f(q);
  const b = g(q);
  if (!Number.isFinite(a) || a !== b) return undefined;
  return notFlat(q, f, g, rulesFor, frozen) ? q : undefined;
}

/** At a point where f = g: does f − g move when a free coordinate moves (so the equality is not flat rounding)? */
function notFlat(q: Float64Array, f: Compiled, g: Compiled, rulesFor: readonly (readonly Assumption[])[], frozen: readonly boolean[]): boolean {
  const a = f(q);
  const r = Float64Array.from(q);
  for (let i = 0; i < r.length; i++) {
    if (frozen[i] === true) continue;
    const x0 = r[i] as number;
    for (const h of [1e-3, -1e-3]) {
      if (!satisfies(x0 + h, rulesFor[i] ?? [])) continue;
      r[i] = x0 + h;
      const d = f(r) - g(r);
      r[i] = x0;
      if (Number.isFinite(d) && Math.abs(d) > 1e-12 * Math.max(Math.abs(a), 1)) return true;
    }
  }
  return false;
}

/**
 * Are the sides, equal as doubles at p, equal in truth (or reversed)? A value
 * that underflows to 0 (e^(-800)) makes relu(x - 20) + e^(-40x) and 0 meet at
 * x = 20 in doubles only: that is no counterexample to a strict claim.
 */
function meetsInTruth(a: Expr, b: Expr, vars: readonly Sym[], p: ArrayLike<number>, indexed: boolean): boolean {
  const env = new Map(vars.map((s, i) => [symKey(s), p[i] as number]));
  const o = compareAtHighPrecision([a, b], env, { digits: BASE_DIGITS, indexed });
  return o.verdict === 'agree' || (o.verdict === 'differ' && !o.difference.trim().startsWith('-'));
}

/** The sides in high precision where a > b there, else undefined: a reversal within rounding in doubles is a counterexample only then. */
function preciseReversal(a: Expr, b: Expr, vars: readonly Sym[], p: ArrayLike<number>, indexed: boolean): { digits: number; a: string; b: string } | undefined {
  const env = new Map(vars.map((s, i) => [symKey(s), p[i] as number]));
  const o = compareAtHighPrecision([a, b], env, { digits: BASE_DIGITS, indexed });
  return o.verdict === 'differ' && !o.difference.trim().startsWith('-') ? { digits: o.digits, a: o.lhs, b: o.rhs } : undefined;
}

/** Values past the search box to try: ±10^3, ±10^6, and ±2c, ±10c for each number c of the relation beyond it. */
function farValues(sides: readonly Expr[]): number[] {
  const out = new Set<number>([1e3, -1e3, 1e6, -1e6]);
  for (const e of sides) {
    some(e, (n) => {
      const c = n.kind === 'num' ? Math.abs(Number(n.n) / Number(n.d)) : n.kind === 'float' ? Math.abs(n.value) : NaN;
      if (Number.isFinite(c) && c > BOX / 2 && c < 1e15 && out.size < 24) for (const v of [2 * c, 10 * c]) out.add(v).add(-v);
      return false;
    });
  }
  return [...out];
}

/**
 * One climb of the local search: from `start`, each free coordinate moved by a step in either direction while
 * (a − b) grows, the steps halved when nothing improves, down to 1e-9; a move is tried only where `allowed`.
 * Stops at the first point where a > b by more than rounding (`violation`), or when the budget of evaluations is spent.
 * With `expand` (far out), a step that improved is doubled.
 */
function climb(
  start: Float64Array,
  m0: number,
  f: Compiled,
  g: Compiled,
  allowed: (i: number, x: number) => boolean,
  frozen: readonly boolean[],
  budget: number,
  nearMisses: NearMisses | undefined,
  expand = false,
): { p: Float64Array; best: number; evaluations: number; compared: number; violation?: { lhs: number; rhs: number } } {
  const p = Float64Array.from(start);
  let best = m0;
  let evaluations = 0;
  let compared = 0;
  const steps = Array.from(p, (x) => 0.5 * Math.max(Math.abs(x), 0.1));
  /** Where the last iteration that improved started: the next one first goes on in the direction it went. */
  let previous: Float64Array | undefined;
  for (let iter = 0; iter < 60 && evaluations < budget; iter++) {
    let improved = false;
    const iterationStart = Float64Array.from(p);
    // Hooke–Jeeves pattern move: as far again as the last improving iteration went, which grows while it keeps
    // improving. Moves of one coordinate at a time cannot follow a narrow diagonal valley ((x − 2y)^2 + (y − 1.7)^4 ≥
    // 10^-9 held, false near (3.4, 1.7)).
    if (previous !== undefined) {
      const from = previous;
      const q = Float64Array.from(p, (x, i) => (frozen[i] === true ? x : 2 * x - (from[i] as number)));
      if (q.every((x, i) => frozen[i] === true || allowed(i, x))) {
        const x = f(q);
        const y = g(q);
        evaluations++;
        if (Number.isFinite(x) && Number.isFinite(y)) {
          compared++;
          if (violates(x, y)) return { p: q, best, evaluations, compared, violation: { lhs: x, rhs: y } };
          const m = gap(x, y);
          nearMisses?.offer(q, m);
          if (m > best) {
            best = m;
            improved = true;
            p.set(q);
          }
        }
      }
    }
    for (let i = 0; i < p.length; i++) {
      if (frozen[i] === true) continue;
      const x0 = p[i] as number;
      for (const dir of [1, -1]) {
        const x1 = x0 + dir * (steps[i] as number);
        if (!allowed(i, x1)) continue;
        p[i] = x1;
        const x = f(p);
        const y = g(p);
        evaluations++;
        if (Number.isFinite(x) && Number.isFinite(y)) {
          compared++;
          if (violates(x, y)) return { p, best, evaluations, compared, violation: { lhs: x, rhs: y } };
          const m = gap(x, y);
          nearMisses?.offer(p, m);
          if (m > best) {
            best = m;
            improved = true;
            // Far out the steps also grow after a success: the reversal may be orders of magnitude away.
            if (expand) steps[i] = 2 * (steps[i] as number);
            break;
          }
        }
        p[i] = x0;
      }
    }
    previous = improved ? iterationStart : undefined;
    if (!improved) {
      for (let i = 0; i < steps.length; i++) steps[i] = (steps[i] as number) / 2;
      if (steps.every((s) => s < 1e-9)) break;
    }
  }
  return { p, best, evaluations, compared };
}

function record(vars: readonly Sym[], p: ArrayLike<number>): Record<string, number> {
  const r: Record<string, number> = {};
  vars.forEach((s, i) => (r[symKey(s)] = p[i] as number));
  return r;
}

/** Searches for a point where a ≤ b (a < b when strict) is false. */
export function searchViolation(a: Expr, b: Expr, strict: boolean, assumptions: readonly Assumption[], opts: SearchOptions = {}): SearchResult {
  const indexed = needsIndexedMode(a) || needsIndexedMode(b);
  const vars = freeSymbols(b, freeSymbols(a, [], indexed), indexed);
  // Index values, sizes and special points as for equalities (numeric/coverage.ts).
  const plan = samplingPlan([a, b], vars, indexed, assumptions, true, opts.seed ?? 1);
  const all = plan.assumptions;
  let f: Compiled;
  let g: Compiled;
  try {
    f = compile(a, vars, { indexed });
    g = compile(b, vars, { indexed });
  } catch (e) {
    if (e instanceof EvaluationError) return { kind: 'undecided', reason: e.message };
    throw e;
  }
  const rng = createRng(opts.seed ?? 1);
  const wanted = (opts.points ?? 24) * 4;
  const sampled: { p: Float64Array; m: number }[] = [];
  /** Points where a > b in doubles by no more than rounding could explain: decided in high precision at the end. */
  const nearMisses = new NearMisses(3);
  /** The far points tried, for the far climb. */
  const farSeen: { p: Float64Array; m: number }[] = [];
  let tried = 0;
  while (sampled.length < wanted && tried < wanted * 25) {
    tried++;
    const p = plan.sampler !== undefined ? plan.sampler(rng) : drawPoint(vars, all, rng);
    const x = f(p);
    const y = g(p);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (violates(x, y)) return { kind: 'violation', point: record(vars, p), lhs: x, rhs: y };
    plan.compared(p);
    sampled.push({ p, m: gap(x, y) });
    nearMisses.offer(p, gap(x, y));
  }
  if (sampled.length < Math.min(wanted, 24)) return { kind: 'undecided', reason: `only ${sampled.length} of ${tried} sampled points were in the domain of both sides` };
  const random = sampled.length;
  const rulesFor = vars.map((s) => all.filter((r) => symKey(r.sym) === symKey(s)));
  const frozen = vars.map((s, i) => indexed || (rulesFor[i] ?? []).some((r) => r.kind === 'integer' || (r.kind === 'interval' && r.integer === true)) || symKey(s) === symKey(SALT));
  const pinned = vars.map((s) => indexed || symKey(s) === symKey(SALT));
  // Special points (0, ±1, domain ends, kinks, sign changes): a reversal there, or for a strict
  // claim an exact equality that is not flat rounding, is a counterexample; they also seed the local search.
  const special: string[] = [];
  /** A special point where the sides are equal as doubles but not in truth: the claim is not decided there. */
  let equalAt: Record<string, number> | undefined;
  for (const { p, label } of plan.special) {
    const x = f(p);
    const y = g(p);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (violates(x, y)) return { kind: 'violation', point: record(vars, p), lhs: x, rhs: y };
    // Integer variables are moved too for this test (only to see that the equality is not flat rounding).
    if (strict && x === y && notFlat(p, f, g, rulesFor, pinned)) {
      if (meetsInTruth(a, b, vars, p, indexed)) return { kind: 'violation', point: record(vars, p), lhs: x, rhs: y };
      equalAt ??= record(vars, p);
    }
    plan.compared(p);
    special.push(label);
    sampled.push({ p, m: gap(x, y) });
    nearMisses.offer(p, gap(x, y));
  }
  // Far out, past the search box (x ≤ 100 held for every x in ±25): each free coordinate of the points closest to
  // violating set to large values and to multiples of the relation's own numbers. Doubles lose digits out there
  // ((x + 1)^2 − x^2 at 10^12), so a reversal counts only when high precision confirms it.
  sampled.sort((u, v) => v.m - u.m);
  const far = farValues([a, b]);
  for (const start of indexed ? [] : sampled.slice(0, 3)) {
    for (let i = 0; i < vars.length; i++) {
      if (frozen[i] === true) continue;
      for (const v of far) {
        if (!satisfies(v, rulesFor[i] ?? [])) continue;
        const p = Float64Array.from(start.p);
        p[i] = v;
        const x = f(p);
        const y = g(p);
        if (Number.isFinite(x) && Number.isFinite(y)) farSeen.push({ p, m: gap(x, y) });
        // Sides within rounding of each other are asked too: out there doubles round (σ(10^3) and 1 − 10^{-30}
        // are both 1.0, e^{-10^3} is 0), and σ(x) < 1 − 10^{-30} held.
        if (!Number.isFinite(x) || !Number.isFinite(y) || gap(x, y) < -TOLERANCE) continue;
        const precise = preciseReversal(a, b, vars, p, false);
        if (precise !== undefined) return { kind: 'violation', point: record(vars, p), lhs: x, rhs: y, ...(violates(x, y) ? {} : { precise }) };
      }
    }
  }
  // Local search from the points closest to violating the claim.
  let closest = sampled[0]?.m ?? -Infinity;
  let touching: Record<string, number> | undefined = equalAt;
  let evaluations = sampled.length;
  // Points where both sides were defined and compared: what "no counterexample among N points" may count
  // (`evaluations` also counts moves off the domain, and bounds the work).
  let compared = sampled.length;
  for (const start of sampled.slice(0, 4)) {
    const c = climb(start.p, start.m, f, g, (i, x) => inDomain(x, rulesFor[i] ?? []), frozen, 6000 - evaluations, nearMisses);
    evaluations += c.evaluations;
    compared += c.compared;
    const p = c.p;
    if (c.violation !== undefined) return { kind: 'violation', point: record(vars, p), lhs: c.violation.lhs, rhs: c.violation.rhs };
    const best = c.best;
    closest = Math.max(closest, best);
    if (strict && best > -APPROACH && interior(p, rulesFor, frozen)) {
      // The sides meet inside the domain (ln x and x - 1 at x = 1)? Try the
      // nearby simple point; equality there that is not flat rounding
      // (the difference moves when a coordinate moves) refutes a strict claim.
      const q = meetsExactly(p, f, g, rulesFor, frozen);
      if (q !== undefined && meetsInTruth(a, b, vars, q, indexed)) return { kind: 'violation', point: record(vars, q), lhs: f(q), rhs: g(q) };
      touching ??= record(vars, p);
    }
  }
  // Far out, from the far points closest to violating: the same climb without the box (x^4 − 1000x^3 ≥ −10^11
  // fails only near x = 750, between the far values tried); a reversal there counts only when high precision confirms it.
  farSeen.sort((u, v) => v.m - u.m);
  for (const start of farSeen.slice(0, 2)) {
    const c = climb(start.p, start.m, f, g, (i, x) => Math.abs(x) < 1e15 && satisfies(x, rulesFor[i] ?? []), frozen, 600, undefined, true);
    evaluations += c.evaluations;
    const precise = c.violation === undefined ? undefined : preciseReversal(a, b, vars, c.p, false);
    if (c.violation !== undefined && precise !== undefined) return { kind: 'violation', point: record(vars, c.p), lhs: c.violation.lhs, rhs: c.violation.rhs, precise };
  }
  // Reversals smaller than the rounding tolerance (x^2 − 2.000001x + 1.000001 ≥ 0 is false only on (1, 1.000001), by
  // 2.5e-13; e^x ≥ 1 + x + 10^{-12} at x = 0): the closest are decided in high precision, and a confirmed one is a counterexample.
  for (const near of nearMisses.points()) {
    const precise = preciseReversal(a, b, vars, near.p, indexed);
    if (precise !== undefined) return { kind: 'violation', point: record(vars, near.p), lhs: f(near.p), rhs: g(near.p), precise };
  }
  return { kind: 'none', points: compared, closest, coverage: plan.coverage(random, special), ...(touching !== undefined ? { touching } : {}) };
}
