/**
 * Matrix operations are calls, not `mul`: the product node is commutative
 * (its operands are sorted by the simplifier and hashed as a multiset), and a
 * matrix product must keep its order. `matmul(A, B, …)` is the product in the
 * order written, `transpose(A)` is Aᵀ, `diag(v)` the diagonal matrix of a
 * vector. Elementwise functions are the ordinary calls (sigma(W*x)).
 *
 *     matmul(sym('W'), sym('x'))   // matmul(W, x), printed W*x and W x
 */
import { call } from '../expr/build.js';
import type { Call, Expr } from '../expr/node.js';

import { MATRIX_FUNCTIONS } from '../expr/functions.js';

/** The calls that are matrix operations, with their arity (n-ary matmul has at least 2): entries of the function table. */
export { MATRIX_FUNCTIONS };

export function isMatrixCall(e: Expr, fn?: string): e is Call {
  return e.kind === 'call' && MATRIX_FUNCTIONS.has(e.fn) && (fn === undefined || e.fn === fn);
}

export function matmul(factors: readonly Expr[]): Call {
  return call('matmul', factors);
}

export function transpose(a: Expr): Call {
  return call('transpose', [a]);
}

export function diag(v: Expr): Call {
  return call('diag', [v]);
}

/** entry(M, i, j): the scalar [M]_{ij}, printed \left[M\right]_{i j}; lower.ts turns it into components. */
export function entry(m: Expr, i: Expr, j: Expr): Call {
  return call('entry', [m, i, j]);
}
