/**
 * A parse error is a teaching tool (KaTeX's ParseError): a code for tests, a
 * message that says what was expected, and the span it concerns.
 */
import { excerpt, lineCol, type Span } from './source.js';

export type ParseErrorCode =
  | 'E_PARSE_EMPTY'
  | 'E_PARSE_UNEXPECTED_TOKEN'
  | 'E_PARSE_UNEXPECTED_END'
  | 'E_PARSE_UNCLOSED'
  | 'E_PARSE_UNKNOWN_FUNCTION'
  | 'E_PARSE_UNKNOWN_COMMAND'
  | 'E_PARSE_ARITY'
  | 'E_PARSE_TOO_DEEP'
  | 'E_PARSE_BAD_NUMBER'
  | 'E_PARSE_UNSUPPORTED'
  | 'E_PARSE_SHAPE'
  | 'E_PARSE_AMBIGUOUS';

export class ParseError extends Error {
  readonly line: number;
  readonly col: number;

  constructor(
    readonly code: ParseErrorCode,
    message: string,
    readonly span: Span,
    source: string,
  ) {
    super(message);
    this.name = 'ParseError';
    const lc = lineCol(source, span.start);
    this.line = lc.line;
    this.col = lc.col;
  }

  /** "1:5: expected ')' to close '(' opened at 1:1" */
  oneLine(): string {
    return `${this.line}:${this.col}: ${this.message}`;
  }

  /** The one-line message, the source line and a caret under the place. */
  format(source: string): string {
    return `${this.oneLine()}\n${excerpt(source, this.span)}`;
  }
}

/** Deeper nesting than this is refused (a 20,000-deep input must not overflow the stack). */
export const MAX_DEPTH = 1000;
