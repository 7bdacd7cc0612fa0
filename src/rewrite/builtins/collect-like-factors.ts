/**
 * The builtin `collect-like-factors`: x * x -> x^2, x^2 * x^{-1} -> x,
 * σ(x) σ(x) -> σ(x)^2. Only exact numeric exponents are added; e^a e^b is the
 * data rule alg.exp-product.
 */
import { mulAll, num } from '../../expr/build.js';
import { equal } from '../../expr/equal.js';
import type { Expr } from '../../expr/node.js';
import { ratAdd, type Rational } from '../../expr/rational.js';
import { joinPower, splitPower } from './coefficients.js';

export function collectLikeFactors(e: Expr): Expr | undefined {
  if (e.kind !== 'mul') return undefined;
  const groups: { base: Expr; exp: Rational; count: number; factor: Expr }[] = [];
  let merged = false;
  for (const f of e.args) {
    if (f.kind === 'num' || f.kind === 'float') {
      groups.push({ base: f, exp: { n: 1n, d: 1n }, count: 1, factor: f });
      continue;
    }
    const { base, exp } = splitPower(f);
    const g = groups.find((x) => x.base.kind !== 'num' && x.base.kind !== 'float' && equal(x.base, base));
    if (g === undefined) groups.push({ base, exp, count: 1, factor: f });
    else {
      g.exp = ratAdd(g.exp, exp);
      g.count++;
      merged = true;
    }
  }
  if (!merged) return undefined;
  const out: Expr[] = [];
  for (const g of groups) {
    if (g.count === 1) out.push(g.factor);
    else {
      const p = joinPower(g.base, g.exp);
      if (p !== undefined) out.push(p);
    }
  }
  return out.length === 0 ? num(1) : mulAll(out);
}
