/** The ParseError a parser throws for `text`; a test fails when it parses instead (or throws something else). */
import { ParseError } from '../../src/parse/index.js';

export function parseErrorOf(parse: (text: string) => unknown, text: string): ParseError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}
