/**
 * The builtin `cancel-common-factors`: (5 a b) / (5 c b^2) -> a / (c b),
 * 6 a / 4 -> 3 a / 2. A cancelled factor must be nonzero: when that cannot be
 * read off the factor, the step says so ("assuming b ≠ 0").
 */
import { div, mulAll, num, rat } from '../../expr/build.js';
import { equal } from '../../expr/equal.js';
import type { Expr } from '../../expr/node.js';
import { normalise, ratCompare, ratMul, ratSub, type Rational } from '../../expr/rational.js';
import { checkGuard } from '../guards.js';
import { displayOrder, joinPower, splitPower } from './coefficients.js';

interface Factors {
  coef: Rational;
  powers: { base: Expr; exp: Rational }[];
}

function factorsOf(e: Expr): Factors {
  const list = e.kind === 'mul' ? e.args : [e];
  let coef: Rational = { n: 1n, d: 1n };
  const powers: { base: Expr; exp: Rational }[] = [];
  for (const f of list) {
    if (f.kind === 'num') coef = ratMul(coef, f);
    else powers.push(splitPower(f));
  }
  return { coef, powers };
}

function rebuild(f: Factors): Expr {
  const parts: Expr[] = [];
  if (!(f.coef.n === 1n && f.coef.d === 1n)) parts.push(rat(f.coef));
  for (const p of f.powers) {
    const x = joinPower(p.base, p.exp);
    if (x !== undefined) parts.push(x);
  }
  return parts.length === 0 ? num(1) : mulAll(displayOrder(parts));
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export interface Cancelled {
  readonly expr: Expr;
  /** Factors whose nonzero-ness was assumed. */
  readonly assumed: readonly Expr[];
}

export function cancelCommonFactors(e: Expr): Cancelled | undefined {
  if (e.kind !== 'div') return undefined;
  const n = factorsOf(e.num);
  const d = factorsOf(e.den);
  let changed = false;
  const assumed: Expr[] = [];
  // Integer coefficients: divide both by their gcd (6a/4 -> 3a/2); a fractional
  // coefficient moves across (the fold rule writes it exactly).
  if (n.coef.d === 1n && d.coef.d === 1n && d.coef.n !== 0n) {
    const g = gcd(n.coef.n, d.coef.n);
    if (g > 1n) {
      n.coef = normalise(n.coef.n / g, 1n);
      d.coef = normalise(d.coef.n / g, 1n);
      changed = true;
    }
  }
  for (const p of n.powers) {
    const q = d.powers.find((x) => equal(x.base, p.base));
    if (q === undefined) continue;
    const common = ratCompare(p.exp, q.exp) <= 0 ? p.exp : q.exp;
    if (common.n <= 0n) continue;
    p.exp = ratSub(p.exp, common);
    q.exp = ratSub(q.exp, common);
    changed = true;
    const answer = checkGuard('nonzero', [p.base]);
    if (!answer.ok || answer.assumption !== undefined) assumed.push(p.base);
  }
  if (!changed) return undefined;
  const top = rebuild(n);
  const bottom = rebuild(d);
  const expr = bottom.kind === 'num' && bottom.n === 1n && bottom.d === 1n ? top : div(top, bottom);
  return { expr, assumed };
}
