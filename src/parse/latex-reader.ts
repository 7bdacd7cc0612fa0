/**
 * What a family of LaTeX commands (one file each: latex-derivative.ts,
 * latex-fonts.ts, latex-delimiters.ts, …) may ask of the parser: the cursor,
 * the grammar levels and the shared helpers. The families are registered in
 * latex-commands.ts as `{ kind: 'reader', read }`; parse-latex.ts hands them
 * this view of itself, so a new family never grows parse-latex.ts.
 *
 *     read(p, t) { const x = p.variable(); return deriv(p.operand(t), x); }
 */
import type { Expr, Sym } from '../expr/node.js';
import type { LatexCommand } from './latex-commands.js';
import type { Reading } from './reading.js';
import type { ShapeContext } from '../matrix/shape.js';
import type { LatexToken, LatexTokenType } from './lexer-latex.js';
import type { Literals } from './literals.js';
import type { ParseErrorCode } from './parse-error.js';
import type { Span } from './source.js';

export interface LatexReader {
  readonly lit: Literals;
  readonly shapes: ShapeContext | undefined;
  /** The variable the document writes each function command at (\sigma -> x), when it said so (LatexOptions). */
  readonly functionArguments: ReadonlyMap<string, Sym> | undefined;
  peek(k?: number): LatexToken;
  next(): LatexToken;
  is(type: LatexTokenType, text: string, k?: number): boolean;
  fail(code: ParseErrorCode, message: string, at: Span): never;
  /** "2:7" for an offset. */
  where(offset: number): string;
  describe(t: LatexToken): string;
  /** An operand must follow the token `op` just read. */
  expectOperand(op: LatexToken): void;
  /** The grammar levels (see parse-latex.ts). */
  additive(): Expr;
  term(): Expr;
  power(): Expr;
  /** A TeX argument: {…} or one token. */
  argument(after: LatexToken): Expr;
  /** A variable with its scripts: x, w_1, \hat{y}, \mathrm{loss}. */
  variable(): Sym;
  /** Is a bracketed argument list next: (…), \left(…\right), \{…\}? */
  bracketNext(): boolean;
  /** Count (and leave) a level of nesting at t, as the parser's own constructs do. */
  enter(t: LatexToken, cost: number): void;
  leave(cost: number): void;
  /** Is a bracketed argument list at offset k? */
  bracketAt(k: number): boolean;
  /** The bracketed argument list at the cursor, consumed. */
  bracketArgs(): Expr[];
  /** Subscripts and a superscript label after a name: x_1, w^{(1)}. */
  scripts(name: string): Sym;
  /** Is the token at k a function command (\sin, \sigma, …)? */
  isFunctionCommand(k: number): boolean;
  /** The table entry of the command at offset k, if it is a known command. */
  command(k?: number): LatexCommand | undefined;
  /** Take one digit of the number token in front (TeX reads x^23 as x^2 times 3). */
  digit(): string;
  /** How many |…| bars are open around the cursor (inside one, a bar closes). */
  absDepth: number;
  /** How many norms \| … \| are open around the cursor (inside one, \| closes). */
  normDepth: number;
  /** Record a reading that was a choice (a(b+c) as a product, \sum_k with its range unstated). */
  note(reading: Reading): void;
}

/** A command family's reader: called with the command token already consumed. */
export type LatexFamilyReader = (p: LatexReader, t: LatexToken) => Expr;
