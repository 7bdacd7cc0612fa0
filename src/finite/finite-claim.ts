/**
 * A relation between two expressions over a finite set, judged by evaluating
 * both sides exactly at every point (EXACT_OPS): `proved by exhaustion` when
 * it holds at each, `fails` at the first point where it does not, and
 * `undecided` when a side is not an exact rational somewhere (e^1, ln 2) or
 * names a variable the set does not give. `≠` claims the sides are not
 * identically equal, so one point where they differ proves it.
 */
import { lookupFunction } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import { some } from '../expr/traverse.js';
import type { Rational } from '../expr/rational.js';
import { ratCompare } from '../expr/rational.js';
import { toPlain } from '../expr/to-plain.js';
import { EvaluationError } from '../numeric/evaluation-error.js';
import { evaluateReal } from '../numeric/real-evaluate.js';
import { EXACT_OPS, type Exact } from './exact-ops.js';
import { pointText, type ExhaustionVerdict } from './exhaustion.js';
import type { FiniteDomain } from './finite-domain.js';
import { ratText } from './rational-text.js';

export type FiniteRelation = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type FiniteClaimVerdict = ExhaustionVerdict | { readonly verdict: 'undecided'; readonly text: string };

function holds(rel: FiniteRelation, c: number): boolean {
  switch (rel) {
    case '=':
      return c === 0;
    case '!=':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

function valueAt(e: Expr, env: ReadonlyMap<string, Exact>): Exact | string {
  try {
    return evaluateReal(e, EXACT_OPS, env);
  } catch (err) {
    if (err instanceof EvaluationError) return err.message;
    throw err;
  }
}

/**
 * Judges `left rel right` at every point of the domain; the domain's names are symbol keys (`x`, `x_{1}`).
 *
 *     proveRelation(parse('y^2'), '=', parse('1'), productDomain(['y'], [[-1, 1]]))
 *     // { verdict: 'proved', text: 'proved by exhaustion over y ∈ {-1, 1} (2 cases)' }
 */
export function proveRelation(left: Expr, rel: FiniteRelation, right: Expr, domain: FiniteDomain): FiniteClaimVerdict {
  const claim = `${toPlain(left)} ${rel} ${toPlain(right)}`;
  // An unknown function f(y) has no value: the evaluator's stand-in for it is a sample, never a case.
  const unknown = [left, right].flatMap((e) => (some(e, (n) => n.kind === 'call' && lookupFunction(n.fn) === undefined) ? [e] : []));
  if (unknown.length > 0) return { verdict: 'undecided', text: `undecided: ${toPlain(unknown[0] as Expr)} uses a function that is not defined, so it has no value to evaluate` };
  let witness: { point: readonly Rational[]; l: Rational; r: Rational } | undefined;
  for (const point of domain.points) {
    const env = new Map<string, Exact>(domain.names.map((n, i) => [n, point[i]]));
    const l = valueAt(left, env);
    const r = valueAt(right, env);
    for (const [side, v] of [['left', l], ['right', r]] as const) {
      if (typeof v === 'string') return { verdict: 'undecided', text: `undecided: the ${side} side cannot be evaluated at ${pointText(domain.names, point)}: ${v}` };
      if (v === undefined) return { verdict: 'undecided', text: `undecided: the ${side} side is not an exact rational at ${pointText(domain.names, point)} (or not defined there), so exhaustion cannot compare it` };
    }
    const c = ratCompare(l as Rational, r as Rational);
    if (rel === '!=') {
      if (c !== 0) witness ??= { point, l: l as Rational, r: r as Rational };
      continue;
    }
    if (!holds(rel, c)) return { verdict: 'fails', point, reason: `the left side is ${ratText(l as Rational)}, the right side ${ratText(r as Rational)}`, text: `fails at ${pointText(domain.names, point)}: the left side is ${ratText(l as Rational)}, the right side ${ratText(r as Rational)}` };
  }
  if (rel === '!=') {
    if (witness === undefined) return { verdict: 'fails', point: domain.points[0] ?? [], reason: 'the sides are equal at every point', text: `fails: ${claim} claims the sides differ somewhere, but they are equal at every point of ${domain.description}` };
    return { verdict: 'proved', cases: 1, text: `proved at ${pointText(domain.names, witness.point)}: the left side is ${ratText(witness.l)}, the right side ${ratText(witness.r)}` };
  }
  return { verdict: 'proved', cases: domain.points.length, text: `proved by exhaustion over ${domain.description}` };
}
