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
import { add, call, neg, sub } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import { checkEqualNumeric, type CheckOptions } from '../numeric/index.js';
import type { Step } from '../proof/step.js';
import { ASSUMED_POSITIVE } from '../rewrite/guards.js';
import { toPlain } from '../render/to-plain.js';

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
  let points = 0;
  for (const u of positive) {
    const v = checkEqualNumeric(add(difference, call('step', [neg(u)])), difference, opts);
    if (v.verdict === 'failed') return { ok: false, why: `the rules assumed ${toPlain(u)} > 0, which is false at some points where both sides are defined` };
    if (v.verdict === 'undecided') return { ok: false, why: `the rules assumed ${toPlain(u)} > 0, which could not be checked: ${v.reason}` };
    points = Math.max(points, v.points);
  }
  return { ok: true, points };
}
