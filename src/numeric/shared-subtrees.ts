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
import { children, withChildren } from '../expr/traverse.js';

/**
 * Structural equality in order: `a + b` and `b + a` differ. Every field a
 * compiled closure reads is compared (a number's n and d, a float's bits, a
 * symbol's name and indices, a function's name).
 *
 *     sameTree(parsePlain('x + 1'), parsePlain('x + 1'))   // true
 *     sameTree(parsePlain('x + 1'), parsePlain('1 + x'))   // false
 */
export function sameTree(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.hash !== b.hash) return false;
  switch (a.kind) {
    case 'num':
      return b.kind === 'num' && a.n === b.n && a.d === b.d;
    case 'float':
      return b.kind === 'float' && Object.is(a.value, b.value);
    case 'sym':
      return b.kind === 'sym' && a.name === b.name && sameList(a.sub, b.sub) && sameList(a.sup, b.sup);
    case 'add':
    case 'mul':
      return b.kind === a.kind && sameList(a.args, b.args);
    case 'call':
      return b.kind === 'call' && a.fn === b.fn && sameList(a.args, b.args);
    case 'div':
      return b.kind === 'div' && sameTree(a.num, b.num) && sameTree(a.den, b.den);
    case 'pow':
      return b.kind === 'pow' && sameTree(a.base, b.base) && sameTree(a.exp, b.exp);
    case 'neg':
      return b.kind === 'neg' && sameTree(a.arg, b.arg);
    case 'deriv':
      return b.kind === 'deriv' && sameTree(a.wrt, b.wrt) && sameTree(a.body, b.body);
  }
}

function sameList(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameTree(a[i] as Expr, b[i] as Expr)) return false;
  return true;
}

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
  const buckets = new Map<number, Expr[]>();
  const done = new Map<Expr, Expr>();
  const intern = (x: Expr): Expr => {
    const known = done.get(x);
    if (known !== undefined) return known;
    const kids = children(x);
    let y = x;
    if (kids.length > 0) {
      const interned = kids.map(intern);
      if (interned.some((k, i) => k !== kids[i])) y = withChildren(x, interned);
    }
    const bucket = buckets.get(y.hash);
    // Children are interned already: a repeat is found by comparing them by identity.
    const rep = bucket?.find((z) => sameTree(z, y));
    const out = rep ?? y;
    if (rep === undefined) {
      if (bucket === undefined) buckets.set(y.hash, [y]);
      else bucket.push(y);
    }
    done.set(x, out);
    return out;
  };
  return es.map(intern);
}
