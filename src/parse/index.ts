/**
 * The parsers' public surface: two syntaxes into one expression tree, and
 * errors that carry a code, a span and a caret excerpt.
 *
 *     parsePlain('sigma(x)*(1 - sigma(x))');
 *     parseLatex('\\sigma(x) \\cdot (1 - \\sigma(x))');
 */
export { parsePlain, type PlainOptions } from './parse-plain.js';
export { parseLatex, type LatexOptions } from './parse-latex.js';
export { ParseError, type ParseErrorCode, MAX_DEPTH } from './parse-error.js';
export { lineCol, excerpt, type Span } from './source.js';
