/**
 * The builtin `factor-common`: take the greatest common factor out of a sum,
 * or out of the terms of a sum that share one, when that makes it shorter:
 *   σ(1 - σ)^2 - σ^2(1 - σ)      -> σ(1 - σ)((1 - σ) - σ)
 *   2a + 2b                      -> 2(a + b)
 *   y_2 e^{z}/S - y_1 + y_1 e^{z}/S -> (y_2 + y_1) e^{z}/S - y_1
 * A quotient counts as its numerator's factors times its denominator's
 * factors to the power -1, so common denominators are found too. Common
 * factors are taken with their smallest exponent; integer coefficients
 * contribute their gcd.
 */
import { addAll, div, mulAll, num } from '../../expr/build.js';
import { equal } from '../../expr/equal.js';
import type { Expr } from '../../expr/node.js';
import { ratCompare, ratNeg, ratSub, type Rational } from '../../expr/rational.js';
import { size } from '../../expr/traverse.js';
import { displayOrder, joinPower, joinTerm, splitPower, splitTerm } from './coefficients.js';

interface Power {
  base: Expr;
  exp: Rational;
}

interface Monomial {
  coef: Rational;
  powers: Power[];
}

function factorsOf(e: Expr): Expr[] {
  return e.kind === 'mul' ? [...e.args] : [e];
}

function monomial(t: Expr): Monomial {
  const { coef, body } = splitTerm(t);
  if (body === undefined) return { coef, powers: [] };
  if (body.kind === 'div') {
    const top = splitTerm(body.num);
    const powers = [...(top.body === undefined ? [] : factorsOf(top.body).map(splitPower)), ...factorsOf(body.den).map((f) => {
      const p = splitPower(f);
      return { base: p.base, exp: ratNeg(p.exp) };
    })];
    return { coef: { n: coef.n * top.coef.n, d: coef.d * top.coef.d }, powers };
  }
  return { coef, powers: factorsOf(body).map(splitPower) };
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Factors with positive exponents over those with negative ones, as one product or quotient. */
function fromPowers(factors: readonly Power[], extra: readonly Expr[] = []): Expr {
  const top: Expr[] = [...extra];
  const bottom: Expr[] = [];
  for (const p of factors) {
    if (p.exp.n > 0n) {
      const f = joinPower(p.base, p.exp);
      if (f !== undefined) top.push(f);
    } else if (p.exp.n < 0n) {
      const f = joinPower(p.base, ratNeg(p.exp));
      if (f !== undefined) bottom.push(f);
    }
  }
  const numerator = top.length === 0 ? num(1) : mulAll(displayOrder(top));
  return bottom.length === 0 ? numerator : div(numerator, mulAll(displayOrder(bottom)));
}

/** Same sign of a nonzero exponent. */
const sameSign = (a: Rational, b: Rational): boolean => (a.n > 0n && b.n > 0n) || (a.n < 0n && b.n < 0n);

/** Factor the terms' common part out: common * (sum of cofactors), or undefined if none. */
function factorTerms(ms: readonly Monomial[]): Expr | undefined {
  const [first, ...rest] = ms;
  if (first === undefined || rest.length === 0) return undefined;
  const common: Power[] = [];
  for (const p of first.powers) {
    if (p.exp.n === 0n || common.some((c) => equal(c.base, p.base))) continue;
    let exp = p.exp;
    let everywhere = true;
    for (const m of rest) {
      const q = m.powers.find((x) => equal(x.base, p.base));
      if (q === undefined || !sameSign(q.exp, p.exp)) {
        everywhere = false;
        break;
      }
      // The smallest power in absolute value is common to all.
      if (p.exp.n > 0n ? ratCompare(q.exp, exp) < 0 : ratCompare(q.exp, exp) > 0) exp = q.exp;
    }
    if (everywhere) common.push({ base: p.base, exp });
  }
  let g = 0n;
  if (ms.every((m) => m.coef.d === 1n)) for (const m of ms) g = gcd(g, m.coef.n);
  const numeric = g > 1n ? g : 1n;
  if (common.length === 0 && numeric === 1n) return undefined;
  const inner: Expr[] = [];
  for (const m of ms) {
    const coef: Rational = { n: m.coef.n / numeric, d: m.coef.d };
    const left: Power[] = m.powers.map((p) => {
      const c = common.find((x) => equal(x.base, p.base));
      return c === undefined ? p : { base: p.base, exp: ratSub(p.exp, c.exp) };
    });
    const body = left.some((p) => p.exp.n !== 0n) ? fromPowers(left) : undefined;
    const t = joinTerm(coef, body);
    if (t !== undefined) inner.push(t);
  }
  const sum = inner.length === 0 ? num(0) : addAll(inner);
  return fromPowers(common, numeric !== 1n ? [num(numeric), sum] : [sum]);
}

export function factorCommon(e: Expr): Expr | undefined {
  if (e.kind !== 'add') return undefined;
  const ms = e.args.map(monomial);
  // A term with coefficient 0 is left by the other rules only when its body may be undefined (0/0): factoring
  // would rebuild it as 0·(1/0) and fold it to 0, so 0/0 − 2 became −2.
  if (ms.some((m) => m.coef.n === 0n)) return undefined;
  const whole = factorTerms(ms);
  // Factoring the whole sum: not longer is enough (2a(…) + 2b(…) -> 2(…) lets a later 2 cancel).
  if (whole !== undefined && size(whole) <= size(e)) return whole;
  // Otherwise the terms that share a base: (y_2 + y_1) e^{z}/S - y_1.
  let best: Expr | undefined;
  const seen: Expr[] = [];
  for (const m of ms) {
    for (const p of m.powers) {
      if (seen.some((s) => equal(s, p.base))) continue;
      seen.push(p.base);
      const members = ms.map((x, i) => ({ x, i })).filter(({ x }) => x.powers.some((q) => equal(q.base, p.base) && sameSign(q.exp, p.exp)));
      if (members.length < 2 || members.length === ms.length) continue;
      const factored = factorTerms(members.map((mm) => mm.x));
      if (factored === undefined) continue;
      const others = e.args.filter((_t, i) => !members.some((mm) => mm.i === i));
      const candidate = addAll([factored, ...others]);
      if (size(candidate) < size(e) && (best === undefined || size(candidate) < size(best))) best = candidate;
    }
  }
  return best;
}
