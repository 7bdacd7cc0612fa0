/**
 * Domain shrinking: a point of the stated domain where the left side is
 * defined and the right side is not (log(x^2) = 2 log x at x = -1, the
 * classic student error). There the relation is not an identity, so such a
 * point refutes it. The reverse (the right side defined where the left is
 * not, as in x/x = 1) keeps the convention that a relation is judged on the
 * left side's domain.
 *
 *     leftOnlyPoint(parsePlain('log(x^2)'), parsePlain('2*log(x)'), { points: 24, seed: 1 })   // { point: { x: -1.7… }, lhs: 1.06… }
 */
import { add, mul, num } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';
import { needsIndexedMode } from '../numeric/indexed.js';
import { checkEqualNumeric, compile, EvalError, freeSymbols, type CheckOptions } from '../numeric/index.js';

export interface LeftOnly {
  /** The sampled point (keys as symKey of the sampled symbols). */
  readonly point: Readonly<Record<string, number>>;
  /** The left side's value there. */
  readonly lhs: number;
}

/**
 * A point where lhs is defined and rhs is not, or undefined when sampling
 * finds none. Sides with a derivative node are not examined (a finite
 * difference is undefined at every kink). "Not defined" means an operation
 * outside its domain on finite arguments (log of a negative, 0/0, a square
 * root of a negative): a NaN that comes from an overflow (∞ − ∞) is not taken
 * as a gap in the domain.
 */
export function leftOnlyPoint(lhs: Expr, rhs: Expr, opts: CheckOptions): LeftOnly | undefined {
  if (some(lhs, (x) => x.kind === 'deriv') || some(rhs, (x) => x.kind === 'deriv')) return undefined;
  // 0·lhs against 0·(lhs + rhs): equal (0) where both are defined, skipped where
  // lhs is not; a point where only the left of these is defined is exactly a
  // point where lhs is defined and rhs is not.
  const v = checkEqualNumeric(mul(num(0), lhs), mul(num(0), add(lhs, rhs)), opts);
  if (v.verdict !== 'numeric' || v.oneSided === undefined) return undefined;
  const indexed = needsIndexedMode(lhs) || needsIndexedMode(rhs);
  const vars = freeSymbols(rhs, freeSymbols(lhs, [], indexed), indexed);
  const values = vars.map((s) => v.oneSided?.point[symKey(s)] ?? NaN);
  const value = (e: Expr): number => {
    try {
      return compile(e, vars, { indexed })(values);
    } catch (err) {
      if (err instanceof EvalError) return NaN;
      throw err;
    }
  };
  const l = value(lhs);
  if (!Number.isFinite(l) || !Number.isNaN(value(rhs)) || !undefinedOnFiniteArguments(rhs, value)) return undefined;
  return { point: v.oneSided.point, lhs: l };
}

/**
 * Does the NaN of e start at an operation whose arguments are all finite?
 * Walks down through NaN children; a sum is taken as it is (its body has a
 * bound index and no value of its own).
 */
function undefinedOnFiniteArguments(e: Expr, value: (e: Expr) => number): boolean {
  if (e.kind === 'call' && e.fn === 'sum') return true;
  const kids = children(e).map((c) => [c, value(c)] as const);
  const nan = kids.find(([, x]) => Number.isNaN(x));
  if (nan !== undefined) return undefinedOnFiniteArguments(nan[0], value);
  return kids.every(([, x]) => Number.isFinite(x));
}
