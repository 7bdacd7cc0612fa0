/**
 * Discharging the conditions a rule could only assume (the guards that
 * answer "yes, assuming …" in src/rewrite/guards.ts), so that a step citing
 * the rule is proved rather than proved-if. A condition is discharged when
 *
 * - the step's left side is undefined without it: u ≠ 0 for a u the left
 *   side divides by, u > 0 (and u ≠ 0) for a u under a logarithm; the step is
 *   then true wherever its left side is defined, which is what `proved` claims;
 * - the signs of the parts decide it, after writing out the derivation's
 *   definitions: e^u, σ(u), 1 − σ(u), 1 ± tanh(u), sums and products of
 *   positive terms, a finite sum of positive terms from 1 to a size (a size
 *   is at least 1: the sampler draws sizes 1, 2, 3, 7, …);
 * - for an index, the derivation states its range (`IndexRange`): the p of
 *   ∂C/∂W_pq runs over the rows of W.
 *
 * Anything else stays an assumption and the step is not proved.
 *
 *     dischargeCondition('positive', [u], parsePlain('d(log(u), x)'), (e) => e, [])   // undefined: discharged
 */
import { equal } from '../expr/equal.js';
import { lookupFunction } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import { some } from '../expr/traverse.js';
import { acKey } from './ac-key.js';

/** `lo ≤ index ≤ hi`, stated by a derivation for a free index. */
export interface IndexRange {
  readonly index: Expr;
  readonly lo: Expr;
  readonly hi: Expr;
  /** Where the range comes from, for people: "W_{pq} is an entry of W, whose first index runs from 1 to m". */
  readonly why: string;
}

/** A size: a bare symbol (n, c, m), or a positive integer. */
function isSize(e: Expr): boolean {
  return (e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0) || (e.kind === 'num' && e.d === 1n && e.n >= 1n);
}

const isOne = (e: Expr): boolean => e.kind === 'num' && e.n === 1n && e.d === 1n;

/** 1 − f(u) or 1 + f(u) for an f whose values stay inside (−1, 1) or (0, 1). */
function oneMinusBounded(e: Expr): boolean {
  if (e.kind !== 'add' || e.args.length !== 2) return false;
  const [p, q] = e.args as [Expr, Expr];
  const [one, other] = isOne(p) ? [p, q] : [q, p];
  if (!isOne(one)) return false;
  const inner = other.kind === 'neg' ? other.arg : other;
  if (inner.kind !== 'call') return false;
  if (inner.fn === 'tanh') return true;
  // 1 − σ(u) > 0 since σ(u) < 1; 1 + σ(u) > 0 trivially.
  return inner.fn === 'sigma';
}

/** Positive whatever the variables are (a weaker answer than the truth is fine). */
export function surelyPositive(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
      return e.n > 0n;
    case 'float':
      return e.value > 0;
    case 'call': {
      if (e.fn === 'sum' && e.args.length === 4) {
        const [body, , lo, hi] = e.args as [Expr, Expr, Expr, Expr];
        return isOne(lo) && isSize(hi) && surelyPositive(body);
      }
      return lookupFunction(e.fn)?.positivity === 'always';
    }
    case 'add':
      return e.args.every(surelyPositive) || oneMinusBounded(e);
    case 'mul':
      return e.args.every(surelyPositive);
    case 'div':
      return surelyPositive(e.num) && surelyPositive(e.den);
    case 'pow':
      return surelyPositive(e.base);
    default:
      return false;
  }
}

function surelyNonzero(e: Expr): boolean {
  if (surelyPositive(e)) return true;
  if (e.kind === 'neg') return surelyNonzero(e.arg);
  if (e.kind === 'mul') return e.args.every(surelyNonzero);
  if (e.kind === 'div') return surelyNonzero(e.num) && surelyNonzero(e.den);
  if (e.kind === 'num') return e.n !== 0n;
  return false;
}

/** The factors of u (u v w²: u, v, w). */
function factors(e: Expr): Expr[] {
  if (e.kind === 'mul') return e.args.flatMap(factors);
  if (e.kind === 'neg') return factors(e.arg);
  if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.d === 1n && e.exp.n > 0n) return factors(e.base);
  return [e];
}

/** What the left side divides by and takes the logarithm of: each must be nonzero (log: positive) for it to be defined. */
function definedOnlyWhere(redex: Expr): { divisors: Set<string>; logs: Set<string> } {
  const divisors = new Set<string>();
  const logs = new Set<string>();
  some(redex, (x) => {
    if (x.kind === 'div') factors(x.den).forEach((f) => divisors.add(acKey(f)));
    if (x.kind === 'pow' && x.exp.kind === 'num' && x.exp.n < 0n) factors(x.base).forEach((f) => divisors.add(acKey(f)));
    if (x.kind === 'call' && x.fn === 'log' && x.args.length === 1) logs.add(acKey(x.args[0] as Expr));
    return false;
  });
  return { divisors, logs };
}

/**
 * Undefined when the condition `name(args)` is discharged for a step whose
 * left side is `redex`; else the condition in words, left as an assumption.
 */
export function dischargeCondition(name: string, args: readonly Expr[], redex: Expr, unfold: (e: Expr) => Expr, ranges: readonly IndexRange[]): string | undefined {
  const [u, lo, hi] = args;
  if (u === undefined) return `${name}: no argument`;
  if (name === 'positive' || name === 'nonzero') {
    const { divisors, logs } = definedOnlyWhere(redex);
    const k = acKey(u);
    if (logs.has(k)) return undefined;
    if (name === 'nonzero' && factors(u).every((f) => divisors.has(acKey(f)) || logs.has(acKey(f)) || surelyNonzero(unfold(f)))) return undefined;
    const open = unfold(u);
    if (name === 'positive' ? surelyPositive(open) : surelyNonzero(open)) return undefined;
    return `it assumes ${name === 'positive' ? 'a positive' : 'a nonzero'} value that the derivation does not establish`;
  }
  if (name === 'inrange' && lo !== undefined && hi !== undefined) {
    const stated = ranges.some((r) => equal(r.index, u) && equal(r.lo, lo) && equal(r.hi, hi));
    return stated ? undefined : 'it assumes an index range that the derivation does not state';
  }
  if (name === 'counts' && lo !== undefined) {
    // counts(a, b): b − a + 1 ≥ 0; a stated range lo ≤ j ≤ hi gives it for a = j, b = hi and for a = lo, b = j.
    const [a, b] = [u, lo];
    const stated = ranges.some((r) => (equal(r.index, a) && equal(r.hi, b)) || (equal(r.lo, a) && equal(r.index, b)));
    return stated ? undefined : 'it assumes a sum range that the derivation does not state';
  }
  return `it assumes a condition (${name}) that is not discharged`;
}
