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
import { lookupFunction } from '../expr/functions.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';
import { needsIndexedMode } from '../numeric/indexed.js';
import { checkEqualNumeric, compile, createRng, EvaluationError, freeSymbols, type Assumption, type CheckOptions } from '../numeric/index.js';
import type { Sym } from '../expr/node.js';

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
  const atRoot = denominatorRoot(lhs, rhs, opts);
  if (atRoot !== undefined) return atRoot;
  // 0·lhs against 0·(lhs + rhs): equal (0) where both are defined, skipped where
  // lhs is not; a point where only the left of these is defined is exactly a
  // point where lhs is defined and rhs is not.
  const v = checkEqualNumeric(mul(num(0), lhs), mul(num(0), add(lhs, rhs)), opts);
  if (v.verdict !== 'holds' || v.oneSided === undefined) return undefined;
  const indexed = needsIndexedMode(lhs) || needsIndexedMode(rhs);
  const vars = freeSymbols(rhs, freeSymbols(lhs, [], indexed), indexed);
  const values = vars.map((s) => v.oneSided?.point[symKey(s)] ?? NaN);
  const value = (e: Expr): number => {
    try {
      return compile(e, vars, { indexed })(values);
    } catch (err) {
      if (err instanceof EvaluationError) return NaN;
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

/** Denominators of e as written: b in a/b, u in u^n for n < 0. */
function denominators(e: Expr, into: Expr[] = []): Expr[] {
  if (e.kind === 'div') into.push(e.den);
  if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.n < 0n) into.push(e.base);
  if (e.kind === 'call' && e.fn === 'sum') return into; // a bound index: no value of its own
  for (const c of children(e)) denominators(c, into);
  return into;
}

function satisfies(a: Assumption, v: number): boolean {
  switch (a.kind) {
    case 'positive':
      return v > 0;
    case 'nonnegative':
      return v >= 0;
    case 'nonzero':
      return v !== 0;
    case 'integer':
      return Number.isInteger(v);
    case 'interval':
      // An interval read from 0 < p < 1 may be open: its ends count only for integers.
      return a.integer === true ? v >= a.lo && v <= a.hi && Number.isInteger(v) : v > a.lo && v < a.hi;
    case 'index-range':
    case 'index-relation':
      // Conditions on indices, which the index plan draws inside them.
      return true;
  }
}

/**
 * Random points never hit the one value where a denominator of the right
 * side vanishes (1 = x/x at x = 0, x + 1 = (x^2 − 1)/(x − 1) at x = 1). For
 * each denominator that is linear in one of its variables, that root, with
 * the other variables at a few points of the domain: if the left side is
 * defined there, the right side is not (it divides by exactly 0).
 */
function denominatorRoot(lhs: Expr, rhs: Expr, opts: CheckOptions): LeftOnly | undefined {
  const dens = denominators(rhs);
  // Also the factors of what a square root or logarithm takes, on either side:
  // sqrt(x^2 y) is defined at x = 0 for every y, sqrt(y) is not.
  const guarded = [...rootedFactors(lhs), ...rootedFactors(rhs)].filter((u) => !dens.some((d) => d.hash === u.hash));
  const candidates = [...dens, ...guarded];
  if (candidates.length === 0) return undefined;
  const indexed = needsIndexedMode(lhs) || needsIndexedMode(rhs);
  if (indexed) return undefined;
  const vars = freeSymbols(rhs, freeSymbols(lhs));
  const assumptions = opts.assumptions ?? [];
  const allowed = (s: Sym, v: number): boolean => assumptions.every((a) => symKey(a.sym) !== symKey(s) || satisfies(a, v));
  const rng = createRng((opts.seed ?? 1) + 7919);
  const run = (e: Expr, values: readonly number[]): number => {
    try {
      return compile(e, vars)(values);
    } catch (err) {
      if (err instanceof EvaluationError) return NaN;
      throw err;
    }
  };
  for (const den of candidates) {
    const isDen = dens.includes(den);
    for (let trial = 0; trial < 4; trial++) {
      // Small integers first (exact), then draws in [-3, 3].
      const base = vars.map((s) => {
        for (let k = 0; k < 8; k++) {
          const v = trial === 0 ? rng.int(-3, 3) : Math.round(rng.uniform(-3, 3) * 64) / 64;
          if (allowed(s, v)) return v;
        }
        return NaN;
      });
      if (base.some((v) => Number.isNaN(v))) continue;
      for (let i = 0; i < vars.length; i++) {
        const at = (t: number): number => run(den, base.map((v, j) => (j === i ? t : v)));
        const [u0, u1, u2] = [at(0), at(1), at(2)];
        if (![u0, u1, u2].every(Number.isFinite) || u1 === u0 || Math.abs(u2 - 2 * u1 + u0) > 1e-12 * Math.max(1, Math.abs(u0), Math.abs(u1))) continue;
        const root = -u0 / (u1 - u0) + 0; // + 0 turns -0 into 0 for the report
        const s = vars[i] as Sym;
        if (!Number.isFinite(root) || !allowed(s, root) || at(root) !== 0) continue;
        const values = base.map((v, j) => (j === i ? root : v));
        const l = run(lhs, values);
        // The left side must be defined as written: every part finite and no denominator of its own 0
        // (1/(1/x) at x = 0, or 1/(1 + e^{-ln p}) at p = 0, are finite in floating point only through ∞).
        if (!Number.isFinite(l) || !finiteThroughout(lhs, (e) => run(e, values)) || denominators(lhs).some((d) => run(d, values) === 0)) continue;
        // The right side is undefined: it divides by this exact 0, or it is NaN from an operation on finite arguments.
        if (!isDen && !(Number.isNaN(run(rhs, values)) && undefinedOnFiniteArguments(rhs, (e) => run(e, values)))) continue;
        const point: Record<string, number> = {};
        vars.forEach((v, j) => (point[symKey(v)] = values[j] as number));
        return { point, lhs: l };
      }
    }
  }
  return undefined;
}

/** Factors (bases of positive integer powers included) of every argument of sqrt, log and a fractional power in e. */
function rootedFactors(e: Expr, into: Expr[] = []): Expr[] {
  const factors = (u: Expr): void => {
    if (u.kind === 'mul') u.args.forEach(factors);
    else if (u.kind === 'pow' && u.exp.kind === 'num' && u.exp.d === 1n && u.exp.n > 0n) factors(u.base);
    else if (u.kind !== 'num' && !into.some((x) => x.hash === u.hash)) into.push(u);
  };
  if (e.kind === 'call' && (lookupFunction(e.fn)?.domain ?? 'all') !== 'all' && e.args[0] !== undefined) factors(e.args[0]);
  if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.d !== 1n) factors(e.base);
  if (e.kind === 'call' && e.fn === 'sum') return into;
  for (const c of children(e)) rootedFactors(c, into);
  return into;
}

/** Is every part of e (outside sums, whose bodies have a bound index) finite? */
function finiteThroughout(e: Expr, value: (e: Expr) => number): boolean {
  if (!Number.isFinite(value(e))) return false;
  if (e.kind === 'call' && e.fn === 'sum') return true;
  return children(e).every((c) => finiteThroughout(c, value));
}
