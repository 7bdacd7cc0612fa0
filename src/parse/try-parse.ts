/**
 * LaTeX that may not be math gradtex reads (prose, a fact's piece): the
 * expression, or undefined when it cannot be read. Any other error is a bug
 * and is thrown.
 *
 *     tryParseLatex('x > 0')       // undefined (a relation is not an expression)
 *     tryParseLatex('\\tanh(z)')   // call tanh(z)
 */
import type { Expr } from '../expr/node.js';
import { parseLatex } from './parse-latex.js';
import { ParseError } from './parse-error.js';

export function tryParseLatex(latex: string): Expr | undefined {
  try {
    return parseLatex(latex);
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}
