/**
 * Exhaustion as a verdict: a claim over a finite set is proved by evaluating
 * every case exactly (rational arithmetic, no rounding), and refuted by the
 * first case where it is false. Nothing is sampled, so `proved` here is a
 * proof: "proved by exhaustion over {0,1}^2 (4 inputs)".
 */
import type { Rational } from '../expr/rational.js';
import type { FiniteDomain } from './finite-domain.js';
import { ratText } from './rational-text.js';

export type ExhaustionVerdict =
  | { readonly verdict: 'proved'; readonly cases: number; readonly text: string }
  | { readonly verdict: 'fails'; readonly point: readonly Rational[]; readonly reason: string; readonly text: string };

/** A claim at one point: true, or the reason it is false there. */
export type CaseClaim = (point: readonly Rational[]) => true | string;

/** `(A, B) = (1, 0)`, or `x = 1/2` for one coordinate. */
export function pointText(names: readonly string[], point: readonly Rational[]): string {
  if (names.length === 1) return `${names[0]} = ${ratText(point[0] as Rational)}`;
  return `(${names.join(', ')}) = (${point.map(ratText).join(', ')})`;
}

/**
 * Evaluates the claim at every point of the domain.
 *
 *     proveByExhaustion(booleanCube(['A']), ([a]) => a.n * a.n === a.n || 'a² ≠ a')
 *     // { verdict: 'proved', cases: 2, text: 'proved by exhaustion over {0,1}^1 (2 inputs)' }
 */
export function proveByExhaustion(domain: FiniteDomain, claim: CaseClaim): ExhaustionVerdict {
  for (const point of domain.points) {
    const r = claim(point);
    if (r !== true) return { verdict: 'fails', point, reason: r, text: `fails at ${pointText(domain.names, point)}: ${r}` };
  }
  return { verdict: 'proved', cases: domain.points.length, text: `proved by exhaustion over ${domain.description}` };
}
