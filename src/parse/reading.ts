/**
 * A reading the parser chose where the notation allows more than one: `a(b+c)`
 * as a product, `f(x)` as an unknown function applied to x, `\sum_k` over an
 * unstated range 1..K, `x^T` as a transpose. Returned beside the expression
 * (parseLatexReadings, parseMath) so that output can say which reading was used.
 *
 *     { at: { start: 0, end: 6 }, kind: 'product', text: "a(b + c) is read as a times (b + c): a is not a function" }
 */
import type { Expr } from '../expr/node.js';
import type { Span } from './source.js';

export type ReadingKind = 'product' | 'unknown-function' | 'sum-range' | 'transpose' | 'indicator' | 'elementwise' | 'font' | 'cases' | 'norm' | 'function-argument' | 'operator-scope' | 'index-split' | 'primed-name';

export interface Reading {
  readonly at: Span;
  readonly kind: ReadingKind;
  /** One sentence for a person: what was read, and how to write the other reading. */
  readonly text: string;
  /** Cases that leave a split point out (1 if d < 0, 0 if d > 0): d, zero where the cases have no value, so a counterexample there is none. */
  readonly gap?: Expr;
}
