/**
 * A symbolic reduction to 0 may lean on guards answered "yes, assuming
 * u > 0" (exp(log u) = u, log(u v) = log u + log v). Such a reduction proves
 * the claim only where its assumptions hold. The checker accepts it as a
 * proof of the claim on its domain only when every positivity assumption
 * holds at every sampled point where both sides are defined (and within
 * the assumptions the user stated); one point of the domain where u ≤ 0
 * and the "proof" is not used.
 *
 *     const used = positivityAssumptions(derivation.steps);   // [a, b] for log(a b) = log a + log b
 *     assumptionsHoldOnDomain(lhs, rhs, used, { assumptions, points: 24, seed: 1 })
 */
import { add, call, mul, neg, num, sub } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import { checkEqualNumeric, type CheckOptions } from '../numeric/index.js';
import type { Step } from '../proof/step.js';
import { ASSUMED_COUNT, ASSUMED_IN_RANGE, ASSUMED_NONZERO, ASSUMED_POSITIVE } from '../rewrite/guards.js';
import { toPlain } from '../expr/to-plain.js';

/** The u of every "assuming u > 0" note on the steps, without repeats. */
export function positivityAssumptions(steps: readonly Step[]): Expr[] {
  const out: Expr[] = [];
  for (const s of steps) {
    for (const n of s.notes) {
      if (n.template !== ASSUMED_POSITIVE) continue;
      const u = n.values.get('0');
      if (u !== undefined && !out.some((x) => equal(x, u))) out.push(u);
    }
  }
  return out;
}

export type DomainCheck = { readonly ok: true; readonly points: number } | { readonly ok: false; readonly why: string };

/**
 * Does u > 0 hold wherever lhs and rhs are both defined? Sampled: the
 * difference lhs − rhs plus step(−u) is compared with lhs − rhs, so any
 * point of the common domain where u < 0 shows up as a disagreement of 1.
 */
export function assumptionsHoldOnDomain(lhs: Expr, rhs: Expr, positive: readonly Expr[], opts: CheckOptions): DomainCheck {
  const difference = sub(lhs, rhs);
  // The fewest points any assumption was checked at (each samples on its own).
  let points = Infinity;
  for (const u of positive) {
    const v = checkEqualNumeric(add(difference, call('step', [neg(u)])), difference, opts);
    if (v.verdict === 'fails') return { ok: false, why: `the rules assumed ${toPlain(u)} > 0, which is false at some points where both sides are defined` };
    if (v.verdict === 'undecided') return { ok: false, why: `the rules assumed ${toPlain(u)} > 0, which could not be checked: ${v.reason}` };
    points = Math.min(points, v.points);
  }
  return { ok: true, points: Number.isFinite(points) ? points : 0 };
}

/**
 * A side condition a rewrite relied on: u > 0 (exp(log u) = u), u ≠ 0
 * (u/u = 1) or lo ≤ j ≤ hi for an index (Σ_k δ_kj u_k = u_j).
 */
export type Condition =
  | { readonly kind: 'positive' | 'nonzero'; readonly u: Expr }
  | { readonly kind: 'in-range'; readonly u: Expr; readonly lo: Expr; readonly hi: Expr };

/**
 * Every condition stated by a guard's "assuming …" note on the steps, without repeats.
 *
 *     stepConditions(simplify(engine, parsePlain('x/x')).steps)   // [{ kind: 'nonzero', u: x }]
 */
export function stepConditions(steps: readonly Step[]): Condition[] {
  const out: Condition[] = [];
  for (const s of steps) {
    for (const n of s.notes) {
      const u = n.values.get('0');
      if (u === undefined) continue;
      let c: Condition | undefined;
      if (n.template === ASSUMED_POSITIVE) c = { kind: 'positive', u };
      else if (n.template === ASSUMED_NONZERO) c = { kind: 'nonzero', u };
      else if (n.template === ASSUMED_COUNT) {
        // b ≥ a − 1 for integers: b is in a − 1..b.
        const hi = n.values.get('1');
        if (hi !== undefined) c = { kind: 'in-range', u: hi, lo: sub(u, num(1)), hi };
      } else if (n.template === ASSUMED_IN_RANGE) {
        const lo = n.values.get('1');
        const hi = n.values.get('2');
        if (lo !== undefined && hi !== undefined) c = { kind: 'in-range', u, lo, hi };
      }
      if (c !== undefined && !out.some((x) => sameCondition(x, c))) out.push(c);
    }
  }
  return out;
}

function sameCondition(a: Condition, b: Condition): boolean {
  if (a.kind !== b.kind || !equal(a.u, b.u)) return false;
  return a.kind !== 'in-range' || b.kind !== 'in-range' || (equal(a.lo, b.lo) && equal(a.hi, b.hi));
}

/** The condition as people read it: "x > 0", "x ≠ 0", "1 ≤ j ≤ n". */
export function conditionText(c: Condition): string {
  if (c.kind === 'in-range') return `${toPlain(c.lo)} ≤ ${toPlain(c.u)} ≤ ${toPlain(c.hi)}`;
  return c.kind === 'positive' ? `${toPlain(c.u)} > 0` : `${toPlain(c.u)} ≠ 0`;
}

/** The condition with every expression in it mapped (definitions, reparametrisations). */
export function mapCondition(c: Condition, f: (e: Expr) => Expr): Condition {
  return c.kind === 'in-range' ? { kind: 'in-range', u: f(c.u), lo: f(c.lo), hi: f(c.hi) } : { kind: c.kind, u: f(c.u) };
}

const HALF = num(1, 2);

/**
 * An expression that is 0 where the condition holds and at least 1/2 where
 * it fails: step(−u) for u > 0 (step(0) = 1/2), 1 − sign(u)² for u ≠ 0, and
 * step(lo − j − 1/2) + step(j − hi − 1/2) for an integer index j in lo..hi.
 */
function violation(c: Condition): Expr {
  if (c.kind === 'in-range') return add(call('step', [sub(sub(c.lo, c.u), HALF)]), call('step', [sub(sub(c.u, c.hi), HALF)]));
  if (c.kind === 'positive') return call('step', [neg(c.u)]);
  return sub(num(1), mul(call('sign', [c.u]), call('sign', [c.u])));
}

/**
 * Does every condition hold wherever lhs and rhs are both defined (and the
 * `anchors`, the functions whose derivatives were taken, are defined)?
 * Sampled like assumptionsHoldOnDomain: the difference plus the condition's
 * violation compared with the difference.
 *
 *     conditionsHoldOnDomain(parsePlain('x/x'), parsePlain('1'), [{ kind: 'nonzero', u: parsePlain('x') }], [], { points: 24, seed: 1 }).ok   // true
 */
export function conditionsHoldOnDomain(lhs: Expr, rhs: Expr, conditions: readonly Condition[], anchors: readonly Expr[], opts: CheckOptions): DomainCheck {
  // 0·f is 0 where f is defined and undefined where it is not: 1 + 0·(lhs − rhs) + 0·anchors is 1
  // exactly on the domain (a difference that is ~0 everywhere would be too small to compare with).
  const base = add(num(1), mul(num(0), sub(lhs, rhs)), ...anchors.map((f) => mul(num(0), f)));
  // "true at all N sampled points": N is the fewest any condition was checked at (each condition samples on its own).
  let points = Infinity;
  for (const c of conditions) {
    const v = checkEqualNumeric(add(base, violation(c)), base, opts);
    const text = conditionText(c);
    if (v.verdict === 'fails') return { ok: false, why: `the rules assumed ${text}, which is false at some points where both sides are defined` };
    if (v.verdict === 'undecided') return { ok: false, why: `the rules assumed ${text}, which could not be checked: ${v.reason}` };
    points = Math.min(points, v.points);
  }
  return { ok: true, points: Number.isFinite(points) ? points : 0 };
}
