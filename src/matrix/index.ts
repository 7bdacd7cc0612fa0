/**
 * Vectors and matrices with declared shapes: shape declarations and
 * inference, matrix calls (matmul, transpose, diag), lowering to components,
 * numeric checking of matrix identities, and the identities in rules/.
 *
 *     const ctx = shapeContext(['A: n x p', 'B: p x q']);
 *     checkMatrixEqual(parsePlain('transpose(A*B)', { shapes: ctx }), parsePlain('transpose(B)*transpose(A)', { shapes: ctx }), ctx);
 */
export { shapeContext, parseShapeDeclaration, shapeText, ShapeError, type Shape, type ShapeContext, type Size } from './shape.js';
export { inferShape } from './infer-shape.js';
export { MATRIX_FUNCTIONS, matmul, transpose, diag } from './matrix-calls.js';
export { entryOf, FreshIndices } from './lower.js';
export { checkMatrixEqual, matrixVerdictText, type MatrixVerdict, type MatrixCheckOptions } from './check-matrix-equal.js';
export { loadMatrixIdentities, parseIdentities, type MatrixIdentity } from './identities.js';
