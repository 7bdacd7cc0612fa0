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
import { saturationProbe } from './saturation.js';
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

/** Saturated points decided in high precision per check (each costs a BigNumber evaluation). */
const MAX_SATURATED_LOOKS = 6;

/** 'agree': the point counts as agreement; 'unknown': it says nothing; or a counterexample. */
export type RefereeCall = 'agree' | 'unknown' | HighPrecisionFailure;

/**
 * A referee for one check. `excused` says that the doubles differed beyond
 * the tolerance but within the rounding bound.
 */
export function highPrecisionReferee(sides: readonly [Expr, Expr], vars: readonly Sym[], indexed: boolean): (p: Float64Array, a: number, b: number, excused: boolean, wide?: boolean) => RefereeCall {
  let digits: number | undefined | null = null; // null: not yet computed
  const staticDigits = (): number | undefined => {
    if (digits === null) digits = highPrecisionDigits(sides);
    return digits;
  };
  const envOf = (p: ArrayLike<number>): Map<string, number> => new Map(vars.map((s, i) => [symKey(s), p[i] as number]));
  /** Extra decimal orders wanted at the point being decided (a saturated point, saturation.ts). */
  let extra = 0;
  const ask = (p: ArrayLike<number>): HighPrecisionOutcome => compareAtHighPrecision(sides, envOf(p), { digits: (staticDigits() ?? BASE_DIGITS) + extra, indexed });
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
  // Built on the first far-out point only: compiling the watched terms of every check (lowered matrix entries) cost
  // more than the checks themselves.
  let saturated: ((p: ArrayLike<number>) => number | undefined) | undefined | null = null;
  /** A coordinate far out or tiny: where doubles saturate (σ(45), x^2 + 1 at 10^8, sin(10^(-9))). */
  const farOut = (p: ArrayLike<number>): boolean => {
    for (let i = 0; i < p.length; i++) {
      const v = p[i] as number;
      if (Math.abs(v) > 20 || (v !== 0 && Math.abs(v) < 1e-7)) return true;
    }
    return false;
  };
  let saturatedLooks = 0;
  let saturatedAllAgreed = true;
  return (p, a, b, excused, wide = false) => {
    // Doubles flattened a function onto its asymptote (σ(45) = 1) or absorbed a term (1 + e^45): equal doubles say
    // nothing there. A few such points are decided in high precision; past that they count for nothing.
    // Once every look agreed, the rest are taken as before (the sides agree where high precision could tell).
    // Not at the wide probe points (|x| up to 10^6): saturated there for every check of σ or tanh, which would cost each a BigNumber load.
    if (!wide && saturated === null && farOut(p)) saturated = saturationProbe(sides, vars, indexed);
    const hidden = !wide && saturated !== null && farOut(p) && (saturatedLooks < MAX_SATURATED_LOOKS || !saturatedAllAgreed) ? saturated?.(p) : undefined;
    if (hidden !== undefined) {
      if (saturatedLooks >= MAX_SATURATED_LOOKS) return 'unknown';
      saturatedLooks++;
      extra = hidden;
      try {
        const call = decide(p);
        if (call !== 'agree') saturatedAllAgreed = false;
        return call;
      } finally {
        extra = 0;
      }
    }
    // A coordinate below 10^-7 (a tiny domain): doubles keep only the first-order terms there, so √(1 + x) and
    // 1 + x/2 agree to the last bit although they differ by x²/8. A few such points are decided in high precision,
    // with the digits the second-order terms need.
    let tiny = 0;
    if (!wide) for (const v of p) if (v !== 0 && Math.abs(v) < 1e-7) tiny = Math.max(tiny, Math.log10(1 / Math.abs(v)));
    if (tiny > 0 && saturatedLooks < MAX_SATURATED_LOOKS) {
      saturatedLooks++;
      extra = Math.ceil(3 * tiny);
      try {
        const call = decide(p);
        if (call !== 'agree') saturatedAllAgreed = false;
        return call;
      } finally {
        extra = 0;
      }
    }
    if (excused || staticDigits() !== undefined) return decide(p);
    // A few units in the last place: the final rounding of either side alone explains it.
    if (Math.abs(a - b) <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b))) return 'agree';
    // Below the tolerance: only a difference beyond rounding needs a second look.
    return Math.abs(a - b) > roundingSlack(sides, envOf(p), a, b, indexed) ? decide(p) : 'agree';
  };
}
