/**
 * Vectors and matrices with declared shapes: shape declarations and
 * inference, matrix calls (matmul, transpose, diag), lowering to components.
 * Only src/expr below it, so the parsers can build shaped products; checking
 * matrix identities (which needs the parser and sampling) is src/matrix-check.
 *
 *     const ctx = shapeContext(['A: n x p', 'B: p x q']);
 *     inferShape(parsePlain('transpose(A*B)', { shapes: ctx }), ctx);   // q×n
 */
export { shapeContext, parseShapeDeclaration, shapeText, ShapeError, type Shape, type ShapeContext, type Size } from './shape.js';
export { inferShape } from './infer-shape.js';
export { MATRIX_FUNCTIONS, matmul, transpose, diag } from './matrix-calls.js';
export { entryOf, FreshIndices } from './lower.js';
export type { MatrixIdentity } from './matrix-identity.js';
