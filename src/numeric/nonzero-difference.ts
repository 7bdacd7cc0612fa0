/**
 * Refuting lhs = rhs through its simplified difference. When lhs - rhs
 * simplifies to a single term that is visibly nonzero somewhere (10^(-20) x,
 * e^(-1000), -e^(-10000 (x - 0.3)^2)), sampling in doubles may never see it:
 * the term is absorbed or underflows at every random point. Such a term is
 * only a hint (the simplification is not trusted): the sides themselves are
 * evaluated at a few simple points, and at the constants of the term, with
 * as many digits as the term's size demands (up to MAX_DIGITS); a
 * difference found there is the counterexample.
 *
 *     refuteByDifference(parsePlain('-exp(-10000*(x - 0.3)^2)'), parsePlain('x^2'), parsePlain('x^2 + exp(-10000*(x - 0.3)^2)'), [])
 *     // { verdict: 'fails', point: { x: 0.3 }, … }
 */
import type { Expr } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import { symKey } from '../expr/sym-key.js';
import { some } from '../expr/traverse.js';
import type { Assumption } from './assumptions.js';
import { bigOps } from './big-number.js';
import { EvaluationError } from './evaluation-error.js';
import { freeSymbols } from './evaluate.js';
import { BASE_DIGITS, MAX_DIGITS, compareAtHighPrecision } from './high-precision.js';
import { needsIndexedMode } from './indexed.js';
import { evaluateReal } from './real-evaluate.js';
import type { HighPrecisionFailure } from './referee.js';
import { createRng } from './rng.js';
import { pointSampler } from './sample.js';

/** A product of factors none of which is a sum of variable terms: nonzero wherever its factors are, which is almost everywhere. */
function isSingleTerm(e: Expr): boolean {
  const closed = !some(e, (n) => n.kind === 'sym' || n.kind === 'deriv');
  switch (e.kind) {
    case 'num':
      return e.n !== 0n;
    case 'float':
      return e.value !== 0;
    case 'sym':
      return true;
    case 'neg':
      return isSingleTerm(e.arg);
    case 'mul':
      return e.args.every(isSingleTerm);
    case 'div':
      return isSingleTerm(e.num);
    case 'pow':
      return isSingleTerm(e.base) || closed;
    case 'call':
    {
      const spec = lookupFunction(e.fn);
      return closed || spec?.positivity === 'always' || (spec?.zeroOnlyAtZero === true && e.args.every(isSingleTerm));
    }
    case 'add':
      return closed;
    default:
      return false;
  }
}

/** The literal numbers of e, both signs: where a localised term (a bump at x = 0.3) is largest. */
function literals(e: Expr): number[] {
  const out: number[] = [];
  some(e, (n) => {
    const v = n.kind === 'num' ? Number(n.n) / Number(n.d) : n.kind === 'float' ? n.value : NaN;
    if (Number.isFinite(v) && v !== 0 && out.length < 8) out.push(v, -v);
    return false;
  });
  return out;
}

/**
 * A counterexample to lhs = rhs found at a point suggested by their
 * simplified `difference`, or undefined (the difference is not a single
 * nonzero-looking term, or no point showed it).
 */
export function refuteByDifference(difference: Expr, lhs: Expr, rhs: Expr, assumptions: readonly Assumption[]): HighPrecisionFailure | undefined {
  if (!isSingleTerm(difference) || needsIndexedMode(lhs) || needsIndexedMode(rhs)) return undefined;
  const vars = freeSymbols(rhs, freeSymbols(lhs));
  const sample = pointSampler(vars, assumptions);
  const rng = createRng(7);
  const candidates = [...new Set([...literals(difference), 1, 0.5, 2, -1, 1.5, 3])];
  const probe = bigOps(30);
  for (const c of candidates) {
    const p = sample(rng, () => c);
    if (p.some((v) => !Number.isFinite(v))) continue;
    const env = new Map(vars.map((s, i) => [symKey(s), p[i] as number]));
    const big = new Map([...env].map(([k, v]) => [k, probe.num(v)] as const));
    let digits = BASE_DIGITS;
    try {
      // As many digits as the difference is below the sides: 1 + e^(-1000) needs 435 more.
      const d = evaluateReal(difference, probe, big).abs();
      const scale = evaluateReal(lhs, probe, big).abs();
      if (d.isZero() && vars.length === 0 && scale.isFinite()) {
        // A constant difference below 30 digits (σ(100) − 1 is −3.7·10^-44, tanh(1000) − 1 is −10^-869): the sides
        // themselves compared at more digits, up to MAX_DIGITS (a few evaluations, once: the relation has no variables).
        const deeper = constantDifference(lhs, rhs);
        if (deeper !== undefined) return deeper;
        continue;
      }
      if (!d.isFinite() || d.isZero() || !scale.isFinite()) continue;
      digits += Math.max(0, (scale.isZero() ? 0 : scale.e) - d.e);
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
    }
    if (digits > digitLimit([lhs, rhs])) continue;
    const o = compareAtHighPrecision([lhs, rhs], env, { digits });
    if (o.verdict !== 'differ') continue;
    const point: Record<string, number> = {};
    vars.forEach((s, i) => (point[symKey(s)] = p[i] as number));
    const [l, r] = [Number(o.lhs), Number(o.rhs)];
    return { verdict: 'fails', point, lhs: l, rhs: r, relError: Math.abs(Number(o.difference)) / Math.max(Math.abs(l), Math.abs(r), 1), highPrecision: { lhs: o.lhs, rhs: o.rhs, difference: o.difference, digits: o.digits } };
  }
  return undefined;
}

/** The most digits the functions in `exprs` may be evaluated at (MAX_DIGITS, or less where the function table says so). */
function digitLimit(exprs: readonly Expr[]): number {
  let limit = MAX_DIGITS;
  for (const e of exprs) {
    some(e, (n) => {
      const own = n.kind === 'call' ? lookupFunction(n.fn)?.maxHighPrecisionDigits : undefined;
      if (own !== undefined) limit = Math.min(limit, own);
      return false;
    });
  }
  return limit;
}

/** lhs = rhs without variables, compared at 120, 400 and MAX_DIGITS digits (no more than its functions allow): the first difference found, or undefined. */
function constantDifference(lhs: Expr, rhs: Expr): HighPrecisionFailure | undefined {
  const limit = digitLimit([lhs, rhs]);
  for (const digits of [120, 400, MAX_DIGITS].filter((d) => d <= limit)) {
    const o = compareAtHighPrecision([lhs, rhs], new Map(), { digits });
    if (o.verdict !== 'differ') continue;
    const [l, r] = [Number(o.lhs), Number(o.rhs)];
    return { verdict: 'fails', point: {}, lhs: l, rhs: r, relError: Math.abs(Number(o.difference)) / Math.max(Math.abs(l), Math.abs(r), 1), highPrecision: { lhs: o.lhs, rhs: o.rhs, difference: o.difference, digits: o.digits } };
  }
  return undefined;
}
