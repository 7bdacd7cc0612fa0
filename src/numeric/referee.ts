/**
 * The checker's referee for points that doubles cannot decide: a point
 * where the sides agree to 1e-9 yet differ by more than rounding explains,
 * a point whose difference rounding could explain, or any point when the
 * sides hold constants doubles cannot resolve (high-precision.ts) is
 * re-evaluated with 60 or more digits. A real difference there is a
 * counterexample, reported at a short decimal point (rounded coordinates,
 * re-checked) so that it can be typed back in.
 *
 *     const refer = highPrecisionReferee([l, r], [x], false);
 *     refer(Float64Array.of(0.5), a, b, false)   // 'agree', 'unknown' or a failed verdict
 */
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { roundingSlack } from './error-bound.js';
import { BASE_DIGITS, compareAtHighPrecision, highPrecisionDigits, type HighPrecisionOutcome } from './high-precision.js';

/** A counterexample found in high precision: the values as doubles, and as decimals with their difference. */
export interface HighPrecisionFailure {
  readonly verdict: 'fails';
  readonly point: Record<string, number>;
  readonly lhs: number;
  readonly rhs: number;
  readonly relError: number;
  readonly highPrecision: { readonly lhs: string; readonly rhs: string; readonly difference: string; readonly digits: number };
}

/** 'agree': the point counts as agreement; 'unknown': it says nothing; or a counterexample. */
export type RefereeCall = 'agree' | 'unknown' | HighPrecisionFailure;

/**
 * A referee for one check. `excused` says that the doubles differed beyond
 * the tolerance but within the rounding bound.
 */
export function highPrecisionReferee(sides: readonly [Expr, Expr], vars: readonly Sym[], indexed: boolean): (p: Float64Array, a: number, b: number, excused: boolean) => RefereeCall {
  let digits: number | undefined | null = null; // null: not yet computed
  const staticDigits = (): number | undefined => {
    if (digits === null) digits = highPrecisionDigits(sides);
    return digits;
  };
  const envOf = (p: ArrayLike<number>): Map<string, number> => new Map(vars.map((s, i) => [symKey(s), p[i] as number]));
  const ask = (p: ArrayLike<number>): HighPrecisionOutcome => compareAtHighPrecision(sides, envOf(p), { digits: staticDigits() ?? BASE_DIGITS, indexed });
  const failure = (p: Float64Array, first: Extract<HighPrecisionOutcome, { verdict: 'differ' }>): HighPrecisionFailure => {
    // A short decimal point that still shows the difference: it can be typed back in.
    let at: ArrayLike<number> = p;
    let found = first;
    for (const k of [2, 3, 6]) {
      const q = Array.from(p, (v) => (Number.isInteger(v) ? v : Number(v.toPrecision(k))));
      const o = ask(q);
      if (o.verdict === 'differ') {
        at = q;
        found = o;
        break;
      }
    }
    const l = Number(found.lhs);
    const r = Number(found.rhs);
    const point: Record<string, number> = {};
    vars.forEach((s, i) => (point[symKey(s)] = at[i] as number));
    const rel = Math.abs(Number(found.difference)) / Math.max(Math.abs(l), Math.abs(r), 1);
    return { verdict: 'fails', point, lhs: l, rhs: r, relError: rel, highPrecision: { lhs: found.lhs, rhs: found.rhs, difference: found.difference, digits: found.digits } };
  };
  const decide = (p: Float64Array): RefereeCall => {
    const o = ask(p);
    return o.verdict === 'differ' ? failure(p, o) : o.verdict;
  };
  return (p, a, b, excused) => {
    if (excused || staticDigits() !== undefined) return decide(p);
    // A few units in the last place: the final rounding of either side alone explains it.
    if (Math.abs(a - b) <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b))) return 'agree';
    // Below the tolerance: only a difference beyond rounding needs a second look.
    return Math.abs(a - b) > roundingSlack(sides, envOf(p), a, b, indexed) ? decide(p) : 'agree';
  };
}
