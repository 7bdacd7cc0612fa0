/**
 * The algorithmic rewrites that rule files may name with `builtin NAME`.
 * Each takes the subterm and returns its replacement (plus any assumption
 * made), or undefined when it does not apply there.
 */
import type { Expr } from '../../expr/node.js';
import { cancelCommonFactors } from './cancel-common-factors.js';
import { collectLikeFactors } from './collect-like-factors.js';
import { collectLikeTerms } from './collect-like-terms.js';
import { foldConstants } from './fold-constants.js';
import { derivativeOfSum } from './derivative-of-sum.js';
import { derivativeOfIndexed } from './derivative-of-indexed.js';
import { derivativeOfAbstract } from './derivative-of-abstract.js';
import { expandIfShorter } from './expand.js';
import { factorCommon } from './factor-common.js';
import { commonDenominatorIfShorter } from './common-denominator.js';

export interface BuiltinResult {
  readonly expr: Expr;
  /** Subterms assumed nonzero by this rewrite. */
  readonly assumedNonzero: readonly Expr[];
}

export interface BuiltinSpec {
  readonly description: string;
  /** Node kinds at which it can apply (for rule indexing). */
  readonly kinds: readonly Expr['kind'][];
  readonly apply: (e: Expr) => BuiltinResult | undefined;
}

const plain = (f: (e: Expr) => Expr | undefined) => (e: Expr): BuiltinResult | undefined => {
  const r = f(e);
  return r === undefined ? undefined : { expr: r, assumedNonzero: [] };
};

export const BUILTINS: ReadonlyMap<string, BuiltinSpec> = new Map<string, BuiltinSpec>([
  ['derivative-of-sum', { description: 'the derivative of a sum is the sum of the derivatives', kinds: ['deriv'], apply: plain(derivativeOfSum) }],
  ['derivative-of-indexed', { description: 'the derivative of one indexed variable by another is a product of Kronecker deltas', kinds: ['deriv'], apply: plain(derivativeOfIndexed) }],
  ['derivative-of-abstract', { description: "the chain rule for an unknown function: d(f(u), x) = f'(u) du/dx", kinds: ['deriv'], apply: plain(derivativeOfAbstract) }],
  ['fold-constants', { description: 'exact arithmetic on literal numbers', kinds: ['add', 'mul', 'div', 'pow', 'neg', 'call'], apply: plain(foldConstants) }],
  ['collect-like-terms', { description: 'a u + b u = (a + b) u for literal a, b', kinds: ['add'], apply: plain(collectLikeTerms) }],
  ['collect-like-factors', { description: 'u^a u^b = u^{a+b} for literal a, b', kinds: ['mul'], apply: plain(collectLikeFactors) }],
  ['expand-if-shorter', { description: 'multiply out and collect when the result is shorter', kinds: ['add'], apply: plain(expandIfShorter) }],
  ['factor-common', { description: 'take out the greatest common factor when the result is shorter', kinds: ['add'], apply: plain(factorCommon) }],
  ['common-denominator-if-shorter', { description: 'bring fractions to a common denominator when the result is shorter', kinds: ['add'], apply: plain(commonDenominatorIfShorter) }],
  [
    'cancel-common-factors',
    {
      description: 'a common factor of numerator and denominator cancels',
      kinds: ['div'],
      apply: (e) => {
        const r = cancelCommonFactors(e);
        return r === undefined ? undefined : { expr: r.expr, assumedNonzero: r.assumed };
      },
    },
  ],
]);
