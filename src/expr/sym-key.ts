/**
 * A symbol's identity as a string, used as a key in environments and maps:
 * `x`, `x_{1}`, `W_{i,j}`, `w^{(1)}`, `y_{k}^{(i)}`. Two symbols have the same
 * key exactly when they are structurally equal.
 */
import type { Expr, Sym } from './node.js';

function indexKey(e: Expr): string {
  switch (e.kind) {
    case 'num':
      return e.d === 1n ? e.n.toString() : `${e.n}/${e.d}`;
    case 'sym':
      return symKey(e);
    default:
      // Composite indices (i+1) are rare; the hash keeps keys distinct.
      return `#${e.kind}${e.hash.toString(16)}`;
  }
}

/** Keys of indexed symbols, spelled once per node: nodes are immutable, and a lowered matrix entry spells W_{2,3} at every use. */
const spelled = new WeakMap<Sym, string>();

export function symKey(s: Sym): string {
  if (s.sub.length === 0 && s.sup.length === 0) return s.name;
  const known = spelled.get(s);
  if (known !== undefined) return known;
  let k = s.name;
  if (s.sub.length > 0) k += `_{${s.sub.map(indexKey).join(',')}}`;
  if (s.sup.length > 0) k += `^{(${s.sup.map(indexKey).join(',')})}`;
  spelled.set(s, k);
  return k;
}
