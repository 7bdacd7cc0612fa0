/** What is known about a variable, used to draw random points from its domain. */
import type { Expr, Sym } from '../expr/node.js';

export type Assumption =
  | { readonly sym: Sym; readonly kind: 'positive' | 'nonnegative' | 'nonzero' | 'integer' }
  /** `closed`: which ends are known to belong to the domain ([0, 1] vs 0 < x < 1); unknown ends are treated as open by the special points. */
  | { readonly sym: Sym; readonly kind: 'interval'; readonly lo: number; readonly hi: number; readonly integer?: boolean; readonly closed?: readonly [boolean, boolean] }
  /**
   * Index conditions, for the index plan (src/numeric/indexed.ts) only: a
   * stated range `i ∈ {lo, …, hi}` (hi a number or a size symbol), and a
   * relation between two indices (k ≠ l, k < l). The index stays an index:
   * the plan draws it, inside the range and the relations. Without `hi`
   * (j ≥ 1 on an index) the range ends where the plan's ranges do (the
   * step's smallest size).
   */
  | { readonly sym: Sym; readonly kind: 'index-range'; readonly lo: number; readonly hi?: Expr }
  | { readonly sym: Sym; readonly kind: 'index-relation'; readonly rel: IndexRelation; readonly other: Sym };

/** How a first index relates to a second: k ≠ l, k < l, k ≤ l. */
export type IndexRelation = '!=' | '<' | '<=';

/** Is the assumption one of the index plan's (not a domain the point sampler draws from)? */
export function isIndexCondition(a: Assumption): a is Extract<Assumption, { kind: 'index-range' | 'index-relation' }> {
  return a.kind === 'index-range' || a.kind === 'index-relation';
}
