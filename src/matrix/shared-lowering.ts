/**
 * Entries of matrix expressions at one set of sizes, written out (lower.ts,
 * unroll-sums.ts) so that their repeats are shared: the same trees, node for
 * node, as entryOf followed by unrollSums gives, but every subtree is one
 * object (interned), a node lowered again at the same entry is the entry
 * made the first time, and a subtree is written out once. A gradient's
 * entries d(F, W_ij) lower the whole loss F once, not once per entry, and
 * the row sums of a softmax written out are one object in every term.
 *
 * Reusing a lowered node reuses the bound index names it chose, so two sums
 * may then bind the same name; once every sum is written out no bound name
 * is left and the entry is exactly what lowering each node afresh gives.
 * `entry` checks that and answers undefined when a bound name survived (a
 * sum too long to write out): the caller lowers the old way then.
 *
 *     const lower = new SharedLowering([l, r], ctx);
 *     lower.entry(l, num(1), num(2))   // unrollSums(entryOf(l, 1, 2, ctx, fresh)), interned
 */
import type { Expr } from '../expr/node.js';
import { ExprInterner } from '../expr/same-tree.js';
import { children } from '../expr/traverse.js';
import { entryOf, FreshIndices } from './lower.js';
import type { ShapeContext } from './shape.js';
import { InternedUnrolling } from './unroll-sums.js';

export class SharedLowering {
  private readonly interner = new ExprInterner();
  private readonly fresh: FreshIndices;
  private readonly meant = new Map<Expr, Expr>();
  private readonly unrolling = new InternedUnrolling(this.interner);
  /** Interned nodes that hold no bound index name (a node made later cannot hold a name handed out after it). */
  private readonly clean = new Set<Expr>();

  /**
   * `exprs`: every expression whose entries will be asked (their names are
   * not used for bound indices); `meaning`: applied to each lowered entry
   * before it is written out (a function of the tree alone).
   */
  constructor(
    exprs: readonly Expr[],
    private readonly ctx: ShapeContext,
    private readonly meaning: (e: Expr) => Expr = (e) => e,
  ) {
    this.fresh = new FreshIndices(exprs, ctx, { reuse: true });
  }

  /**
   * Whether entries of `exprs` may be asked too (one lowering kept for
   * several checks at the same sizes): not when they use a bound index name
   * handed out already; else their names are avoided from now on.
   */
  admits(exprs: readonly Expr[], meaning: (e: Expr) => Expr): boolean {
    return meaning === this.meaning && this.fresh.avoid(exprs);
  }

  /** Entry (i, j) of e written out and interned, or undefined when a bound index name is left in it. */
  entry(e: Expr, i: Expr, j: Expr): Expr | undefined {
    // Interned first: a subtree lowered before (in this expression, or in another asked of this lowering) is lowered once.
    const lowered = entryOf(this.interner.intern(e), i, j, this.ctx, this.fresh);
    let meant = this.meant.get(lowered);
    if (meant === undefined) {
      meant = this.meaning(lowered);
      this.meant.set(lowered, meant);
    }
    const out = this.unrolling.unroll(meant);
    return this.holdsNoBoundName(out) ? out : undefined;
  }

  private holdsNoBoundName(e: Expr): boolean {
    if (this.clean.has(e)) return true;
    if (e.kind === 'sym' && this.fresh.issued.has(e.name)) return false;
    for (const c of children(e)) if (!this.holdsNoBoundName(c)) return false;
    this.clean.add(e);
    return true;
  }
}
