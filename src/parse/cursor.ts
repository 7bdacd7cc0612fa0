/**
 * The token cursor both recursive-descent parsers stand on: look-ahead,
 * errors at a token's span, "opened at 1:5" references and the nesting
 * guard. Only mechanism lives here; each grammar is in its own parser.
 *
 *     class P extends Cursor<PlainToken> { … }   // this.peek(), this.fail(…)
 */
import { MAX_DEPTH, ParseError, type ParseErrorCode } from './parse-error.js';
import { lineCol, type Span } from './source.js';

/** What every token has: its text and where it stands in the source. */
export interface TokenLike {
  readonly type: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export abstract class Cursor<T extends TokenLike> {
  protected i = 0;
  private depth = 0;

  protected constructor(
    protected readonly src: string,
    protected readonly tokens: T[],
  ) {}

  /** The token k places ahead; past the end, the final 'eof' token. */
  peek(k = 0): T {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)] as T;
  }

  /** Consume one token (the 'eof' token is never consumed). */
  next(): T {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  is(type: T['type'], text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.type === type && t.text === text;
  }

  /** Throw a ParseError over `at` (at least one character wide, so a caret shows). */
  fail(code: ParseErrorCode, message: string, at: Span): never {
    throw new ParseError(code, message, { start: at.start, end: Math.max(at.end, at.start + 1) }, this.src);
  }

  /** From the start of `first` to the end of the last consumed token (a factor, a term). */
  protected spanFrom(first: T): Span {
    const last = this.tokens[this.i - 1];
    return { start: first.start, end: last === undefined || last.end < first.start ? first.end : last.end };
  }

  /** "2:7", for messages that point back at an opening bracket. */
  where(offset: number): string {
    const { line, col } = lineCol(this.src, offset);
    return `${line}:${col}`;
  }

  /** How a token is named in messages: "'+'", "'\frac'", "the end of the input". */
  abstract describe(t: T): string;

  /**
   * Count a level of nesting at `t`. The limit turns a 20,000-deep input
   * into a ParseError long before the JavaScript stack runs out. `cost` is 2
   * for constructs that take about twice the stack per level (LaTeX commands
   * such as \frac{…}{…} and \left( … \right), and subscript groups), so that every construct
   * stays well inside the stack of a default Node process.
   */
  enter(t: T, cost = 1): void {
    this.depth += cost;
    if (this.depth > MAX_DEPTH) {
      const note = cost > 1 ? ` (${this.describe(t)} counts as ${cost} levels)` : '';
      this.fail('E_PARSE_TOO_DEEP', `nesting deeper than ${MAX_DEPTH} levels at ${this.describe(t)}${note}; split the expression into smaller parts`, t);
    }
  }

  leave(cost = 1): void {
    this.depth -= cost;
  }

  /**
   * Run the parse; should the stack still overflow (a host with a small
   * stack), report it as too deep at the current token instead of a RangeError.
   */
  protected guard<R>(run: () => R): R {
    try {
      return run();
    } catch (e) {
      if (e instanceof RangeError && /call stack/i.test(e.message)) {
        this.fail('E_PARSE_TOO_DEEP', 'the expression is nested too deeply to read; split it into smaller parts', this.peek());
      }
      throw e;
    }
  }
}
