/**
 * Lowered entries at instantiated sizes hold sums with numeric ranges,
 * sum(A_{1,k}*B_{k,1}, k, 1, 3). Written out term by term, every entry of
 * every matrix is an ordinary symbol (A_{1,2}), so a counterexample names
 * each sampled entry and its value, and reproduces by hand.
 *
 *     unrollSums(parsePlain('sum(A_{1,k}*x_k, k, 1, 2)'))   // A_{1,1}*x_1 + A_{1,2}*x_2
 */
import { add, call, num } from '../expr/build.js';
import type { Expr, Num } from '../expr/node.js';
import type { ExprInterner } from '../expr/same-tree.js';
import { children, mapBottomUp, withChildren } from '../expr/traverse.js';

/** Longer ranges stay sums (the sampler handles them as index families). */
export const MAX_UNROLLED_TERMS = 64;

function replaceIndex(e: Expr, k: string, v: Expr): Expr {
  return mapBottomUp(e, (x) => (x.kind === 'sym' && x.name === k && x.sub.length === 0 && x.sup.length === 0 ? v : x));
}

/** One sum or maxover written out (its body unrolled already), or x as it is; `replace` puts a value in for the index. */
function unrollOne(x: Expr, replace: (body: Expr, k: string, v: Num) => Expr): Expr {
  if (x.kind !== 'call' || (x.fn !== 'sum' && x.fn !== 'maxover') || x.args.length !== 4) return x;
  const [body, k, lo, hi] = x.args as [Expr, Expr, Expr, Expr];
  if (k.kind !== 'sym' || lo.kind !== 'num' || hi.kind !== 'num' || lo.d !== 1n || hi.d !== 1n) return x;
  const a = Number(lo.n);
  const b = Number(hi.n);
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b - a + 1 > MAX_UNROLLED_TERMS) return x;
  if (b < a) return x.fn === 'sum' ? num(0) : x;
  const terms: Expr[] = [];
  for (let i = a; i <= b; i++) terms.push(replace(body, k.name, num(i)));
  if (x.fn === 'maxover') return terms.reduceRight((rest, t) => call('max', [t, rest]));
  return terms.length === 1 ? (terms[0] as Expr) : add(...terms);
}

/**
 * Every sum with integer bounds and at most MAX_UNROLLED_TERMS terms written
 * out, innermost first; a maximum over an index (maxover, the shift of a
 * lowered softmax) becomes nested max(a, max(b, …)) the same way, and stays
 * as it is over an empty range (where it has no value).
 */
export function unrollSums(e: Expr): Expr {
  return mapBottomUp(e, (x) => unrollOne(x, replaceIndex));
}

/**
 * mapBottomUp(e, f) for a function f of the node's tree alone, with every
 * node it returns interned: a node object met again (an interned tree is
 * one object per subtree) is mapped once.
 */
function mapInterned(e: Expr, f: (x: Expr) => Expr, interner: ExprInterner, memo: Map<Expr, Expr>): Expr {
  const known = memo.get(e);
  if (known !== undefined) return known;
  const kids = children(e);
  let y = e;
  if (kids.length > 0) {
    let changed = false;
    const next = kids.map((k) => {
      const m = mapInterned(k, f, interner, memo);
      if (m !== k) changed = true;
      return m;
    });
    if (changed) y = withChildren(e, next);
  }
  const out = interner.intern(f(interner.canonical(y)));
  memo.set(e, out);
  return out;
}

/**
 * unrollSums with its results interned: the same trees, node for node, but
 * a subtree repeated (the softmax denominator of a row in every term of a
 * lowered entry) is one object, written out once. One instance serves many
 * entries (the work on a node met again is remembered).
 *
 *     const u = new InternedUnrolling(new ExprInterner());
 *     u.unroll(parsePlain('sum(exp(z_1)*x_k, k, 1, 2)'))   // exp(z_1)*x_1 + exp(z_1)*x_2, one exp(z_1)
 */
export class InternedUnrolling {
  private readonly unrolled = new Map<Expr, Expr>();
  /** By index name and value: nodes with the value put in for the index. */
  private readonly replaced = new Map<string, Map<Expr, Expr>>();
  /** By index name: whether an (interned) node holds the bare symbol. */
  private readonly mentions = new Map<string, Map<Expr, boolean>>();

  constructor(private readonly interner: ExprInterner) {}

  unroll(e: Expr): Expr {
    return mapInterned(e, (x) => unrollOne(x, (body, k, v) => this.replace(body, k, v)), this.interner, this.unrolled);
  }

  /** body with v for the bare symbol k; body is interned, and so is the result. */
  private replace(body: Expr, k: string, v: Num): Expr {
    const key = `${k}=${v.n}/${v.d}`;
    let memo = this.replaced.get(key);
    if (memo === undefined) {
      memo = new Map();
      this.replaced.set(key, memo);
    }
    let seen = this.mentions.get(k);
    if (seen === undefined) {
      seen = new Map();
      this.mentions.set(k, seen);
    }
    const has = seen;
    const holds = (x: Expr): boolean => {
      const known = has.get(x);
      if (known !== undefined) return known;
      const answer = x.kind === 'sym' && x.name === k && x.sub.length === 0 && x.sup.length === 0 ? true : children(x).some(holds);
      has.set(x, answer);
      return answer;
    };
    const value = this.interner.intern(v);
    const go = (x: Expr): Expr => {
      if (!holds(x)) return x;
      const known = (memo as Map<Expr, Expr>).get(x);
      if (known !== undefined) return known;
      const out = x.kind === 'sym' && x.name === k && x.sub.length === 0 && x.sup.length === 0 ? value : this.interner.canonical(withChildren(x, children(x).map(go)));
      (memo as Map<Expr, Expr>).set(x, out);
      return out;
    };
    return go(body);
  }
}
