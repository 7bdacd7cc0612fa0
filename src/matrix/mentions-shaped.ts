/**
 * Does an expression speak about a declared vector or matrix? Callers use
 * it to choose the matrix reading (judged entry by entry under the shapes)
 * over the scalar one; expressions without shaped names read as before.
 *
 *     mentionsShaped([parsePlain('W*x + b')], shapeContext(['W: m x n']))   // true
 */
import type { Expr } from '../expr/node.js';
import { some } from '../expr/traverse.js';
import { declaredShape, isScalarShape, type ShapeContext } from './shape.js';

export function mentionsShaped(exprs: readonly Expr[], ctx: ShapeContext): boolean {
  return exprs.some((e) =>
    some(e, (x) => {
      if (x.kind !== 'sym') return false;
      const s = declaredShape(ctx, x);
      return s !== undefined && !isScalarShape(s);
    }),
  );
}
