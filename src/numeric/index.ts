export { createRng, type Rng } from './rng.js';
export { EvaluationError } from './evaluation-error.js';
export { compile, evaluate, freeSymbols, type Compiled } from './evaluate.js';
export { centralDifference } from './finite-difference.js';
export type { Assumption } from './assumptions.js';
export { checkEqualNumeric, relError, EXACT_TOLERANCE, FINITE_DIFFERENCE_TOLERANCE, type NumericVerdict, type CheckOptions } from './check-equal.js';
export { checkDerivativeNumeric } from './check-derivative.js';
