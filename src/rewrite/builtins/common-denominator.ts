/**
 * The builtin `common-denominator-if-shorter`: a/b - c/d -> (a d - c b)/(b d),
 * multiplied out and collected, kept only when the result is smaller:
 * (1 - y)/(1 - p) - y/p -> (p - y)/((1 - p) p).
 */
import { addAll, div, mulAll, neg } from '../../expr/build.js';
import type { Expr } from '../../expr/node.js';
import { size } from '../../expr/traverse.js';
import { expandIfShorter, expandTerms } from './expand.js';
import { collectLikeTerms } from './collect-like-terms.js';

function asFraction(t: Expr): { num: Expr; den: Expr | undefined; negative: boolean } {
  if (t.kind === 'neg') {
    const inner = asFraction(t.arg);
    return { ...inner, negative: !inner.negative };
  }
  if (t.kind === 'div') return { num: t.num, den: t.den, negative: false };
  return { num: t, den: undefined, negative: false };
}

export function commonDenominatorIfShorter(e: Expr): Expr | undefined {
  if (e.kind !== 'add') return undefined;
  const parts = e.args.map(asFraction);
  const dens = parts.flatMap((p) => (p.den === undefined ? [] : [p.den]));
  if (dens.length < 2 || dens.length > 4) return undefined;
  const numerators = parts.map((p, i) => {
    const others = parts.filter((q, j) => j !== i && q.den !== undefined).map((q) => q.den as Expr);
    const n = mulAll([p.num, ...others]);
    return p.negative ? neg(n) : n;
  });
  const summed = addAll(numerators);
  const terms = expandTerms(summed);
  if (terms === undefined) return undefined;
  const expanded = addAll(terms);
  const numerator = collectLikeTerms(expanded) ?? expandIfShorter(expanded) ?? expanded;
  const result = div(numerator, mulAll(dens));
  return size(result) < size(e) ? result : undefined;
}
