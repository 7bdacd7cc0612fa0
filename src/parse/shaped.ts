/**
 * The parsers' side of declared shapes (src/matrix): a product of matrices
 * becomes matmul(…) in the order written, and a shape mismatch becomes a
 * ParseError at the factor or term that does not fit:
 *
 *     W*x        W: h x n, x: m
 *       ^        1:3: cannot multiply W (h×n) by x (m): n columns against m rows
 */
import { mul } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { inferShape } from '../matrix/infer-shape.js';
import { ShapeError, type ShapeContext } from '../matrix/shape.js';
import { shapedProduct } from '../matrix/shaped-product.js';
import type { Span } from './source.js';

export type Fail = (message: string, at: Span) => never;

function join(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** mul(…factors) without shapes; with them, matmul for the matrix factors (spans[k] is factor k's source). */
export function product(factors: readonly Expr[], spans: readonly Span[], shapes: ShapeContext | undefined, fail: Fail): Expr {
  if (shapes === undefined) return mul(...factors);
  try {
    return shapedProduct(factors, shapes);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    const first = spans[0] as Span;
    const at = e.factor === undefined ? first : (spans[e.factor] ?? first);
    return fail(e.message, e.factor === undefined ? join(first, spans[spans.length - 1] ?? first) : at);
  }
}

/** Throws through `fail` when e has no shape under the declared shapes (a sum of different shapes, …). */
export function checkShape(e: Expr, span: Span, shapes: ShapeContext | undefined, fail: Fail): void {
  if (shapes === undefined) return;
  try {
    inferShape(e, shapes);
  } catch (err) {
    if (err instanceof ShapeError) fail(err.message, span);
    throw err;
  }
}
