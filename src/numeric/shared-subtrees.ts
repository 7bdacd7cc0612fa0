/**
 * Subtrees an expression holds more than once, found before it is compiled,
 * so that the compiled closures (evaluate.ts, real-evaluate.ts) compute each
 * of them once per evaluation and share the value. A matrix entry written
 * out at a size repeats the same softmax denominator, logit or weighted sum
 * dozens of times: a lowered entry of 8,406 nodes holds 253 different ones.
 *
 * Two subtrees are the same here only when they are the same tree in the
 * same order (`sameTree`), not merely equal up to the order of a sum or
 * product (`equal`): floating-point addition is not associative, so
 * (a + b) + c and (a + c) + b may round differently, and sharing them would
 * change a value. The same tree in the same order computes the same
 * operations on the same inputs, hence the same value to the last bit.
 *
 *     const shared = sharedSubtrees(parsePlain('exp(x)/(1 + exp(x))'), false);
 *     shared.get(theFirstExp) === shared.get(theSecondExp)   // one representative for both
 */
import type { Expr } from '../expr/node.js';
import { children } from '../expr/traverse.js';
import { ExprInterner, sameTree } from '../expr/same-tree.js';

export { sameTree } from '../expr/same-tree.js';

/**
 * The node objects of a walk of `e` that are a repeat of a subtree met
 * before (or have a repeat later), each mapped to one representative node
 * object shared by all its occurrences; nodes that occur once are absent.
 * A repeat's own subtrees are not walked again (they are shared with it).
 * Leaves are left out, and so are indexed variables unless
 * `indexedLeaves` (in indexed mode their value is looked up by their index
 * values at every point, which is worth sharing).
 */
export function sharedSubtrees(e: Expr, indexedLeaves: boolean): ReadonlyMap<Expr, Expr> {
  // Expressions are immutable: one answer per expression and mode (a check compiles its sides for several number systems).
  const cache = indexedLeaves ? byIndexed : byPlain;
  const known = cache.get(e);
  if (known !== undefined) return known;
  const fresh = findShared(e, indexedLeaves);
  cache.set(e, fresh);
  return fresh;
}

const byPlain = new WeakMap<Expr, ReadonlyMap<Expr, Expr>>();
const byIndexed = new WeakMap<Expr, ReadonlyMap<Expr, Expr>>();

function findShared(e: Expr, indexedLeaves: boolean): ReadonlyMap<Expr, Expr> {
  const buckets = new Map<number, Expr[]>();
  const first = new Map<Expr, Expr>();
  const repeated = new Set<Expr>();
  const visit = (x: Expr): void => {
    const kids = children(x);
    const worth = kids.length > 0 && (x.kind !== 'sym' || indexedLeaves);
    if (worth) {
      const bucket = buckets.get(x.hash);
      const rep = bucket?.find((y) => sameTree(y, x));
      if (rep !== undefined) {
        first.set(x, rep);
        repeated.add(rep);
        return;
      }
      if (bucket === undefined) buckets.set(x.hash, [x]);
      else bucket.push(x);
      first.set(x, x);
    }
    for (const c of kids) visit(c);
  };
  visit(e);
  const out = new Map<Expr, Expr>();
  for (const [node, rep] of first) if (repeated.has(rep)) out.set(node, rep);
  return out;
}

/**
 * A set of subtrees up to `sameTree`: a walk whose contribution from a
 * subtree depends only on the subtree can skip a repeat of one it met.
 *
 *     const seen = new SubtreeSet();
 *     seen.add(parsePlain('x + 1'));   // true
 *     seen.add(parsePlain('x + 1'));   // false: met before
 */
export class SubtreeSet {
  private readonly buckets = new Map<number, Expr[]>();

  /** Adds e; false when the same tree (in the same order) was added before. */
  add(e: Expr): boolean {
    const bucket = this.buckets.get(e.hash);
    if (bucket === undefined) {
      this.buckets.set(e.hash, [e]);
      return true;
    }
    for (const y of bucket) if (sameTree(y, e)) return false;
    bucket.push(e);
    return true;
  }
}

/**
 * The expressions with every repeated subtree made one object (hash
 * consing): the same trees, node for node, so every value and verdict is
 * the same, but a walk that remembers what it met (SubtreeSet,
 * sharedSubtrees) compares a repeat by identity instead of node by node.
 *
 *     const [l, r] = internTrees([parsePlain('exp(x) + 1'), parsePlain('exp(x)')]);
 *     (l as Add).args[0] === r   // true
 */
export function internTrees(es: readonly Expr[]): Expr[] {
  const interner = new ExprInterner();
  return es.map((e) => interner.intern(e));
}
