/**
 * What the parsers do with a product or a `^T` once shapes are declared:
 * `W*x`, `W x`, `a^T W b` become matmul(…) in the order written, with the
 * scalar factors in front (alpha*W*x is alpha times matmul(W, x)); `W^T`
 * becomes transpose(W). Without a shape context the parsers never call
 * this, so the plain and LaTeX syntaxes mean what they always meant.
 *
 *     shapedProduct([alpha, W, x], ctx)   // mul(alpha, matmul(W, x))
 */
import { mul } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { inferShape, productShape } from './infer-shape.js';
import { matmul, transpose } from './matrix-calls.js';
import { isScalarShape, ShapeError, type Shape, type ShapeContext } from './shape.js';
import { mentionsShaped } from './mentions-shaped.js';

/** The product of `factors` (in source order); throws ShapeError with `factor` set at a mismatch. */
export function shapedProduct(factors: readonly Expr[], ctx: ShapeContext): Expr {
  const shapes = factors.map((f) => inferShape(f, ctx));
  const scalars: Expr[] = [];
  const matrices: number[] = [];
  factors.forEach((f, k) => (isScalarShape(shapes[k] as Shape) ? scalars.push(f) : matrices.push(k)));
  if (matrices.length < 2) return mul(...factors);
  const mats = matrices.map((k) => factors[k] as Expr);
  try {
    productShape(mats, matrices.map((k) => shapes[k] as Shape));
  } catch (e) {
    // Report the factor's index in the written product, not among the matrices.
    if (e instanceof ShapeError && e.factor !== undefined) throw new ShapeError(e.message, matrices[e.factor]);
    throw e;
  }
  const product = matmul(mats);
  return scalars.length === 0 ? product : mul(...scalars, product);
}

/**
 * `base^T` with a matrix or vector base, or a 1×1 product of them ((x^T y)^T):
 * transpose(base); undefined when base is an ordinary scalar (then T is a symbol).
 */
export function shapedTranspose(base: Expr, ctx: ShapeContext): Expr | undefined {
  return isScalarShape(inferShape(base, ctx)) && !mentionsShaped([base], ctx) ? undefined : transpose(base);
}
