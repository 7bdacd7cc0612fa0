/**
 * The parsers' public surface: two syntaxes into one expression tree, one
 * entry point that decides the syntax by content, the readings chosen where
 * notation is ambiguous, and errors that carry a code, a span and a caret
 * excerpt.
 *
 *     parsePlain('sigma(x)*(1 - sigma(x))');
 *     parseLatex('\\sigma(x) \\cdot (1 - \\sigma(x))');
 *     parseMath('a(b+c)').readings;   // a(…) read as a product
 */
export { parsePlain, parsePlainReadings, type PlainOptions } from './parse-plain.js';
export { parseLatex, parseLatexReadings, type LatexOptions } from './parse-latex.js';
export { tryParseLatex } from './try-parse.js';
export { parseMath, syntaxOf, type MathOptions, type MathReading, type MathSyntax } from './parse-auto.js';
export type { Reading, ReadingKind } from './reading.js';
export { ParseError, type ParseErrorCode, MAX_DEPTH } from './parse-error.js';
export { lineCol, excerpt, type Span } from './source.js';
