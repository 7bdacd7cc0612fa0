/**
 * Splitting terms into coefficient × body and factors into base ^ exponent:
 * the views that collecting like terms, combining powers and cancelling
 * fractions share.
 */
import { mul, mulAll, neg, num, pow, rat } from '../../expr/build.js';
import type { Expr } from '../../expr/node.js';
import { ratMul, ratNeg, type Rational } from '../../expr/rational.js';

const ONE: Rational = { n: 1n, d: 1n };

/** 3*x*y -> { coef: 3, body: x*y }; -x -> { coef: -1, body: x }; 5 -> { coef: 5, body: undefined }. */
export function splitTerm(e: Expr): { coef: Rational; body: Expr | undefined } {
  if (e.kind === 'num') return { coef: e, body: undefined };
  if (e.kind === 'neg') {
    const inner = splitTerm(e.arg);
    return { coef: ratNeg(inner.coef), body: inner.body };
  }
  if (e.kind === 'mul') {
    let coef = ONE;
    const rest: Expr[] = [];
    for (const a of e.args) {
      if (a.kind === 'num') coef = ratMul(coef, a);
      else rest.push(a);
    }
    return { coef, body: rest.length === 0 ? undefined : mulAll(rest) };
  }
  return { coef: ONE, body: e };
}

/** Inverse of splitTerm, in textbook shape: -(2 x) rather than (-2) x; undefined for a zero term. */
export function joinTerm(coef: Rational, body: Expr | undefined): Expr | undefined {
  if (coef.n === 0n) return undefined;
  if (body === undefined) return rat(coef);
  if (coef.n < 0n) {
    const pos = joinTerm(ratNeg(coef), body);
    return pos === undefined ? undefined : neg(pos);
  }
  if (coef.n === 1n && coef.d === 1n) return body;
  return mul(rat(coef), body);
}

/** x^3 -> { base: x, exp: 3 }; x -> { base: x, exp: 1 }. Only exact numeric exponents count. */
export function splitPower(e: Expr): { base: Expr; exp: Rational } {
  if (e.kind === 'pow' && e.exp.kind === 'num') return { base: e.base, exp: e.exp };
  return { base: e, exp: ONE };
}

export function joinPower(base: Expr, exp: Rational): Expr | undefined {
  if (exp.n === 0n) return undefined;
  if (exp.n === 1n && exp.d === 1n) return base;
  return pow(base, rat(exp));
}

export const ONE_EXPR = num(1);

/**
 * The order a textbook writes factors in: numbers, symbols, function
 * values, powers, then bracketed sums: 2 x σ(x) (1 - σ(x)). Stable, so
 * factors of the same rank keep their order.
 */
export function displayOrder(factors: readonly Expr[]): Expr[] {
  const rank = (e: Expr): number => {
    switch (e.kind) {
      case 'num':
      case 'float':
        return 0;
      case 'sym':
        return 1;
      case 'call':
        return 2;
      case 'pow':
        return e.base.kind === 'add' ? 4 : 3;
      case 'add':
        return 4;
      default:
        return 5;
    }
  };
  return factors.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.f);
}
