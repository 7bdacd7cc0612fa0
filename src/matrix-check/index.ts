/**
 * Checking matrix identities: both sides lowered to components and compared
 * at sampled sizes and points, and the identities of
 * rules/matrix-calculus.identities read and checked the same way.
 *
 *     const ctx = shapeContext(['A: n x p', 'B: p x q']);
 *     checkMatrixEqual(parsePlain('transpose(A*B)', { shapes: ctx }), parsePlain('transpose(B)*transpose(A)', { shapes: ctx }), ctx);
 */
export { checkMatrixEqual, matrixVerdictText, type MatrixVerdict, type MatrixCheckOptions } from './check-matrix-equal.js';
export { loadMatrixIdentities, parseIdentities } from './identities.js';
