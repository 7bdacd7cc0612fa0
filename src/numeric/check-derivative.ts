/** Is `claimed` the derivative of f with respect to x? Compared with automatic differentiation of f (jets, real-evaluate.ts). */
import { deriv } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { checkEqualNumeric, type CheckOptions, type NumericVerdict } from './check-equal.js';

/**
 * checkEqualNumeric(d(f, x), claimed): the derivative side by forward-mode
 * automatic differentiation, with the same tolerance and high-precision
 * referee as any equality.
 *
 *     checkDerivativeNumeric(parsePlain('sigma(x)'), sym('x'), parsePlain('sigma(x)*(1 - sigma(x))')).verdict   // 'holds'
 */
export function checkDerivativeNumeric(f: Expr, x: Sym, claimed: Expr, opts: CheckOptions = {}): NumericVerdict {
  return checkEqualNumeric(deriv(f, x), claimed, opts);
}
