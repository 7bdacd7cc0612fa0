/**
 * Re-evaluating both sides of an equation at one point with 60 or more
 * significant digits (mathjs BigNumber, big-number.ts), where doubles cannot
 * decide: a difference smaller than 1e-9 relative but larger than rounding
 * explains (sin x = sin(x + 1e-9)), a difference that rounding could explain
 * (explainedByRounding), or constants whose difference doubles cannot see at
 * all (sqrt(2) = 131836323/93222358, x (1 + 1e-20) = x). The point is the
 * same as the doubles' (each coordinate's shortest decimal spelling), so a
 * difference found here is a reproducible counterexample.
 *
 * The high-precision values carry a first-order error bound (big-bounded.ts):
 * a difference counts only beyond it, agreement only when the bound is
 * below 1e-30 of the values; when cancellation ate the digits, the
 * evaluation is repeated once with as many more digits as were lost.
 *
 *     compareAtHighPrecision([parsePlain('sin(x)'), parsePlain('sin(x + 10^(-9))')], new Map([['x', 0.5]]), { digits: 60 })
 *     // { verdict: 'differ', lhs: '0.4794…', rhs: '0.4794…', difference: '-8.7758e-10', digits: 60 }
 */
import type { Expr } from '../expr/node.js';
import { children, some } from '../expr/traverse.js';
import { bigBoundedOps, type BigBounded } from './big-bounded.js';
import { bigOps, type BigDecimal } from './big-number.js';
import { EvaluationError } from './evaluation-error.js';
import { FLOAT_OPS } from './float-ops.js';
import { evaluateReal } from './real-evaluate.js';
import { isIntegerDelta } from './indexed.js';

/** The working precision, and the most a point may ask for (a constant such as e^(-5000) would ask for 2,200). */
export const BASE_DIGITS = 60;
export const MAX_DIGITS = 1000;

export type HighPrecisionOutcome =
  | { readonly verdict: 'differ'; readonly lhs: string; readonly rhs: string; readonly difference: string; readonly digits: number }
  | { readonly verdict: 'agree'; readonly digits: number }
  | { readonly verdict: 'unknown'; readonly reason: string };

export interface HighPrecisionOptions {
  readonly digits: number;
  readonly indexed?: boolean;
}

/** The most digits a value is printed with: past them the difference, printed beside, says it alone. */
const MAX_SHOWN_DIGITS = 60;

/**
 * Both values to 20 significant digits, or to as many more as it takes for
 * them to read differently (σ(100) against 1 differs in the 44th digit), up
 * to MAX_SHOWN_DIGITS and the working precision `p`.
 */
function showPair(l: BigDecimal, r: BigDecimal, difference: BigDecimal, p: number): [string, string] {
  const scale = l.abs().gt(r.abs()) ? l : r;
  const needed = difference.isZero() || scale.isZero() ? 20 : scale.e - difference.e + 3;
  const digits = Math.min(p, needed > MAX_SHOWN_DIGITS ? 20 : Math.max(20, needed));
  return [l.toSignificantDigits(digits).toString(), r.toSignificantDigits(digits).toString()];
}

/**
 * Are lhs and rhs different at the point `env` (symKey -> double)? 'agree'
 * means equal to the precision reached; 'unknown' when a side is undefined
 * or the precision did not suffice.
 */
export function compareAtHighPrecision(sides: readonly [Expr, Expr], env: ReadonlyMap<string, number>, opts: HighPrecisionOptions): HighPrecisionOutcome {
  let p = opts.digits;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (p > MAX_DIGITS) return { verdict: 'unknown', reason: `more than ${MAX_DIGITS} digits would be needed` };
    const ops = bigBoundedOps(p);
    const point = new Map<string, BigBounded>();
    for (const [k, v] of env) point.set(k, ops.num(v));
    let l: BigBounded;
    let r: BigBounded;
    try {
      l = evaluateReal(sides[0], ops, point, { indexed: opts.indexed ?? false });
      // The same tree on both sides evaluates to the same value (the values are immutable).
      r = sides[1] === sides[0] ? l : evaluateReal(sides[1], ops, point, { indexed: opts.indexed ?? false });
    } catch (e) {
      if (e instanceof EvaluationError) return { verdict: 'unknown', reason: e.message };
      throw e;
    }
    if (![l.value, r.value].every((v) => v.isFinite())) return { verdict: 'unknown', reason: 'a side is undefined in high precision' };
    const b = bigOps(p);
    // First-order bounds, with the same margin of 8 as for doubles; an unusable bound (NaN) decides nothing.
    const bound = b.mul(b.num(8), b.add(l.error, r.error));
    if (!bound.isFinite()) return { verdict: 'unknown', reason: 'no error bound in high precision' };
    const difference = b.sub(l.value, r.value);
    if (difference.abs().gt(bound)) {
      const [lhs, rhs] = showPair(l.value, r.value, difference, p);
      return { verdict: 'differ', lhs, rhs, difference: difference.toSignificantDigits(6).toString(), digits: p };
    }
    const scale = l.value.abs().gt(r.value.abs()) ? l.value.abs() : r.value.abs();
    // Agreement counts when the bound is below 1e-30 of the values (or both are exactly equal).
    if (bound.isZero() || (!scale.isZero() && !bound.gt(b.mul(scale, b.rational(1n, 10n ** 30n))))) return { verdict: 'agree', digits: p };
    // Both sides are zero to the working precision a second time, after more digits were added (an exact cancellation,
    // p_i - p_i Σ_j p_j = 0): a difference would have to be below 10^-p of the terms to hide, the blind spot the
    // 1e-30 rule above accepts for values; so they agree. (A real 1e-70 = (1 + 1e-70) - 1 shows at the second precision.)
    if (attempt === 1 && !l.value.abs().gt(bound) && !r.value.abs().gt(bound)) return { verdict: 'agree', digits: p };
    // Cancellation ate the digits: once more with as many more as were lost.
    const lost = scale.isZero() ? p : Math.max(1, bound.e - scale.e + 30);
    p += lost + 10;
  }
  return { verdict: 'unknown', reason: `${p} digits were not enough` };
}

/** Whether a subtree is closed (no symbol but π, no derivative), remembered per node object (a function of the tree alone). */
function closed(e: Expr): boolean {
  const k = closedNodes.get(e);
  if (k !== undefined) return k;
  const v = e.kind === 'sym' ? e.name === 'pi' && children(e).every(closed) : e.kind !== 'deriv' && children(e).every(closed);
  closedNodes.set(e, v);
  return v;
}

const closedNodes = new WeakMap<Expr, boolean>();

/** Significant digits of a literal: 0.5403023058681398 has 16. */
function literalDigits(e: Expr): number {
  if (e.kind === 'float') return String(Math.abs(e.value)).replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length;
  if (e.kind === 'num') return Math.max(String(e.n < 0n ? -e.n : e.n).length, String(e.d).length);
  return 0;
}

/**
 * Whether the sides hold constants whose difference doubles may not see,
 * and how many digits a high-precision evaluation then needs; undefined when
 * they hold none. Such constants are literals of more than 8 significant
 * digits (an approximation such as 0.5403023058681398 or
 * 131836323/93222358) and constant subexpressions beyond 1e±8 (10^(-20),
 * e^(-1000), 10^30): a near-identity closer than doubles can resolve needs
 * one of them. The digits: 60 plus the decimal orders of magnitude of the
 * most extreme constant (1 + e^(-1000) needs 435 more).
 *
 *     highPrecisionDigits([parsePlain('x*(1 + 10^(-20))'), parsePlain('x')])   // 80
 *     highPrecisionDigits([parsePlain('x/2'), parsePlain('0.5*x')])             // undefined
 */
export function highPrecisionDigits(sides: readonly [Expr, Expr]): number | undefined {
  const [l, r] = sides.map(constantsIn) as [Constants, Constants];
  return l.suspicious || r.suspicious ? BASE_DIGITS + Math.max(l.orders, r.orders) : undefined;
}

/** What a subtree's constants ask of a high-precision evaluation: whether any is suspicious, and the most extreme magnitude's orders. */
interface Constants {
  readonly suspicious: boolean;
  readonly orders: number;
}

/**
 * The constants of e and of every subtree, remembered per node object: a
 * function of the tree alone, and joined by "or" and "max", so a subtree met
 * again (a lowered matrix entry repeats its terms dozens of times, and the
 * entries of one size share them) adds nothing the first visit did not.
 */
function constantsIn(e: Expr): Constants {
  const known = constantsOf.get(e);
  if (known !== undefined) return known;
  const fresh = constantsAfresh(e);
  constantsOf.set(e, fresh);
  return fresh;
}

const constantsOf = new WeakMap<Expr, Constants>();

function constantsAfresh(e: Expr): Constants {
  let suspicious = false;
  let orders = 0;
  const joinChildren = (): Constants => {
    for (const c of children(e)) {
      const k = constantsIn(c);
      if (k.suspicious) suspicious = true;
      orders = Math.max(orders, k.orders);
    }
    return { suspicious, orders };
  };
  if (!closed(e)) return joinChildren();
  if (literalDigits(e) > 8) suspicious = true;
  some(e, (n) => {
    if (literalDigits(n) > 8) suspicious = true;
    return false;
  });
  let v: number;
  try {
    v = Math.abs(evaluateReal(e, FLOAT_OPS, new Map()));
  } catch {
    return { suspicious, orders };
  }
  if (Number.isNaN(v)) return { suspicious, orders };
  let magnitude = v === 0 || !Number.isFinite(v) ? exponentOf(e) : Math.log10(v);
  if (magnitude === undefined) magnitude = 0;
  if (Math.abs(magnitude) > 8) {
    suspicious = true;
    orders = Math.max(orders, Math.ceil(Math.abs(magnitude)));
  }
  // Inner constants may be more extreme than the whole: 1 + e^(-1000) is 1.
  return joinChildren();
}

/** The decimal exponent of a constant that doubles cannot hold (e^(-1000) is 0 in doubles), at 30 digits. */
function exponentOf(e: Expr): number | undefined {
  if (e.kind === 'num' && e.n === 0n) return undefined;
  // A Kronecker delta of two different integers (delta(1, 2) in an entry written out) is exactly 0: no 30-digit evaluation needed.
  if (isIntegerDelta(e)) return undefined;
  const v = evaluateReal(e, bigOps(30), new Map());
  return v.isFinite() && !v.isZero() ? v.e : undefined;
}
