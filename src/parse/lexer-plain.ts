/**
 * Tokens of the plain syntax: numbers, identifiers and single-character
 * operators, each with its span. Whitespace only separates.
 */
import { ParseError } from './parse-error.js';

export type PlainTokenType = 'num' | 'ident' | 'op' | 'eof';

export interface PlainToken {
  readonly type: PlainTokenType;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** True when white space came right before this token (x y vs xy). */
  readonly spaced: boolean;
}

const OPERATORS = new Set(['+', '-', '*', '/', '^', '(', ')', ',', '_', '{', '}', '[', ']']);
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?/y;
/** Primes belong to the name: f'(x), g''(x) (derivatives of an unknown function). */
const IDENT = /[A-Za-z][A-Za-z0-9]*'*/y;

/**
 * Split plain math into tokens; throws ParseError on a character outside the syntax.
 *
 *     lexPlain('2x1 - 3')   // num '2', ident 'x1', op '-', num '3', eof
 */
export function lexPlain(src: string): PlainToken[] {
  const out: PlainToken[] = [];
  let i = 0;
  let spaced = false;
  while (i < src.length) {
    const c = src[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      spaced = true;
      continue;
    }
    NUMBER.lastIndex = i;
    const n = NUMBER.exec(src);
    if (n !== null) {
      out.push({ type: 'num', text: n[0], start: i, end: i + n[0].length, spaced });
      i += n[0].length;
      spaced = false;
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(src);
    if (id !== null) {
      out.push({ type: 'ident', text: id[0], start: i, end: i + id[0].length, spaced });
      i += id[0].length;
      spaced = false;
      continue;
    }
    if (c === '·' || c === '×') {
      out.push({ type: 'op', text: '*', start: i, end: i + 1, spaced });
    } else if (c === '−') {
      out.push({ type: 'op', text: '-', start: i, end: i + 1, spaced });
    } else if (OPERATORS.has(c)) {
      out.push({ type: 'op', text: c, start: i, end: i + 1, spaced });
    } else {
      const hint = c === '\\' ? ' (LaTeX input? it is read as LaTeX when it contains a backslash)' : '';
      throw new ParseError('E_PARSE_UNEXPECTED_TOKEN', `unexpected character '${c}'${hint}`, { start: i, end: i + 1 }, src);
    }
    i++;
    spaced = false;
  }
  out.push({ type: 'eof', text: '', start: src.length, end: src.length, spaced });
  return out;
}
