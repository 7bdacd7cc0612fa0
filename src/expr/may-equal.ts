/**
 * Could two symbols denote the same variable? z_k and z_j could (k may equal
 * j), z_1 and z_2 cannot, x and y cannot. Differentiation needs this: ∂z_k/∂z_j
 * is δ_kj, not 0, so z_k is not "free of" z_j.
 */
import { equal } from './equal.js';
import type { Expr, Sym } from './node.js';

/** An index that is a literal integer is definitely itself; anything else may take any value. */
function indicesMayMatch(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i] as Expr;
    if (equal(x, y)) return true;
    return !(x.kind === 'num' && y.kind === 'num');
  });
}

export function mayEqualSymbol(a: Sym, b: Sym): boolean {
  if (a.name !== b.name) return false;
  if (a.sub.length === 0 && a.sup.length === 0 && b.sub.length === 0 && b.sup.length === 0) return true;
  return indicesMayMatch(a.sub, b.sub) && indicesMayMatch(a.sup, b.sup);
}
