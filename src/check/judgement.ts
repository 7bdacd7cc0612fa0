/**
 * The verdict on one step, never more confident than the evidence:
 * `proved` (symbolic: the difference reduces to 0, or a lemma instance),
 * `holds` (agrees at N sampled points of the domain), `fails` (a
 * counterexample point with both sides' values), `undecided` (with why).
 *
 *     { verdict: 'fails', evidence: { method: 'sampling', summary: 'at x = 2: 4 vs 5', point: { x: 2 }, lhsValue: 4, rhsValue: 5 } }
 */
import type { Coverage } from '../numeric/coverage.js';
import { formatNumber } from '../numeric/format-number.js';

export type { Verdict } from '../numeric/verdict.js';
import type { Verdict } from '../numeric/verdict.js';

export interface Evidence {
  /** How the verdict was reached. */
  readonly method: 'identical' | 'simplify' | 'nerdamer' | 'lemma' | 'sampling' | 'search' | 'definition' | 'parse' | 'none';
  /** One line a person reads. */
  readonly summary: string;
  readonly points?: number;
  readonly maxRelError?: number;
  readonly point?: Readonly<Record<string, number>>;
  readonly lhsValue?: number;
  readonly rhsValue?: number;
  /** Lemma ids used (method 'lemma'). */
  readonly lemmas?: readonly string[];
  /** Derivatives were replaced by the engine's own derivative before comparing. */
  readonly engineDerivative?: boolean;
  /** What sampling covered: points, special points, index values, sizes, integer domains (see numeric/coverage.ts). */
  readonly coverage?: Coverage;
  /** A proved relation's conditions for its left side to be defined ("x ≠ 1"): it is proved where they hold. */
  readonly definedWhere?: readonly string[];
}

export interface Judgement {
  readonly verdict: Verdict;
  readonly evidence: Evidence;
}


/** "x = 0.5, y = -2" */
export function formatPoint(p: Readonly<Record<string, number>>): string {
  return Object.entries(p)
    .filter(([k]) => !k.startsWith('#'))
    .map(([k, v]) => `${k} = ${formatNumber(v)}`)
    .join(', ');
}
