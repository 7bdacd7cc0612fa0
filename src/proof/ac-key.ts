/**
 * A canonical text of an expression up to the laws every reader takes for
 * granted: sums and products are associative and commutative (operands
 * flattened and sorted), and the index a finite sum binds may be renamed
 * (Σ_k u_k and Σ_m u_m are the same sum). Two expressions with the same key
 * are equal as mathematical expressions; different keys say nothing.
 *
 * The step prover (step-proof.ts) compares a rule's instantiated sides with a
 * step's terms through this key, so it never relies on the rewriter's own
 * matcher.
 *
 *     acKey(parsePlain('b*a + sum(x_k, k, 1, n)')) === acKey(parsePlain('sum(x_m, m, 1, n) + a*b'))   // true
 */
import type { Expr } from '../expr/node.js';

/** Keys of subterms outside any sum's scope (nodes are immutable, so a key never goes stale). */
const cache = new WeakMap<Expr, string>();

/** The bound index of a sum is renamed to `#depth`, so two sums differing only by that name share a key. */
function key(e: Expr, bound: ReadonlyMap<string, string>, depth: number): string {
  if (bound.size !== 0) return uncached(e, bound, depth);
  const known = cache.get(e);
  if (known !== undefined) return known;
  const k = uncached(e, bound, depth);
  cache.set(e, k);
  return k;
}

function uncached(e: Expr, bound: ReadonlyMap<string, string>, depth: number): string {
  switch (e.kind) {
    case 'num':
      return e.d === 1n ? `${e.n}` : `${e.n}/${e.d}`;
    case 'float':
      return `f${e.value}`;
    case 'sym': {
      const plain = e.sub.length === 0 && e.sup.length === 0;
      if (plain) return bound.get(e.name) ?? e.name;
      return `${e.name}_[${e.sub.map((s) => key(s, bound, depth)).join(',')}]^[${e.sup.map((s) => key(s, bound, depth)).join(',')}]`;
    }
    case 'add':
    case 'mul': {
      const parts: string[] = [];
      const collect = (x: Expr): void => {
        if (x.kind === e.kind) x.args.forEach(collect);
        else parts.push(key(x, bound, depth));
      };
      e.args.forEach(collect);
      parts.sort();
      return `${e.kind === 'add' ? '+' : '*'}(${parts.join(';')})`;
    }
    case 'div':
      return `/(${key(e.num, bound, depth)};${key(e.den, bound, depth)})`;
    case 'pow':
      return `^(${key(e.base, bound, depth)};${key(e.exp, bound, depth)})`;
    case 'neg':
      return `-(${key(e.arg, bound, depth)})`;
    case 'deriv':
      return `d(${key(e.body, bound, depth)};${key(e.wrt, bound, depth)})`;
    case 'call': {
      const [body, index, lo, hi] = e.args;
      if (e.fn === 'sum' && e.args.length === 4 && body !== undefined && index?.kind === 'sym' && index.sub.length === 0 && index.sup.length === 0 && lo !== undefined && hi !== undefined) {
        // The range is outside the binder's scope; the body inside it.
        const inner = new Map(bound);
        inner.set(index.name, `#${depth}`);
        return `sum(${key(body, inner, depth + 1)};#${depth};${key(lo, bound, depth)};${key(hi, bound, depth)})`;
      }
      return `${e.fn}(${e.args.map((a) => key(a, bound, depth)).join(';')})`;
    }
  }
}

export function acKey(e: Expr): string {
  return key(e, new Map(), 0);
}

/** Equal up to associativity and commutativity of + and ·, and renaming of sum indices. */
export function acEqual(a: Expr, b: Expr): boolean {
  return a === b || acKey(a) === acKey(b);
}
