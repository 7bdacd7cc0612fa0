/**
 * The LaTeX subset of textbook formulas: `\frac{1}{1+e^{-x}}`, `\sigma(x)`,
 * `\log`, `\max\{x_1, x_2\}`, `w^{(1)}`, `\left(\right)`, `2x`, `x y`,
 * `\frac{d}{dx}\left(u\right)`. The same precedence levels as the plain
 * parser, one method each (lowest first):
 *
 *     additive  := signed (('+' | '-') term)*
 *     signed    := ('-' | '+') signed | term                 -x y is -(x y)
 *     term      := unary (('\cdot' | '\times' | '*' | '/') unary | power)*
 *     unary     := ('-' | '+') unary | power
 *     power     := primary ('^' argument)?
 *     primary   := number | letter scripts | command … | '(' additive ')' | '{' additive '}' | '|' additive '|'
 *
 * What each command means is the table in latex-commands.ts; this file is
 * the mechanism. In math mode letters are single symbols (`xy` is x times y)
 * and a script argument is one token or a group (`x^23` is x^2 times 3), as
 * in TeX.
 */
import { add, call, deriv, mul, num, pow, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { FUNCTIONS, lookupFunction } from '../expr/functions.js';
import { Cursor } from './cursor.js';
import { LATEX_COMMAND_NAMES, LATEX_COMMANDS } from './latex-commands.js';
import { readDerivativeFraction } from './latex-derivative.js';
import type { LatexReader } from './latex-reader.js';
import { isMinusOne, readAbstractCall, readPrimedFunction, refuseInverse, superscriptThenBracket } from './latex-function-notation.js';
import { lexLatex, type LatexToken } from './lexer-latex.js';
import { Literals } from './literals.js';
import { didYouMean, functionSample } from './suggest.js';
import type { ShapeContext } from '../matrix/shape.js';
import { diag, transpose } from '../matrix/matrix-calls.js';
import { isBareT, transposeReading } from './matrix-reading.js';
import { shapedTranspose } from '../matrix/shaped-product.js';
import { checkShape, product as shapedProduct } from './shaped.js';
import type { Span } from './source.js';

export interface LatexOptions {
  /** Declared shapes (src/matrix): `W x` and `A B` are matrix products, `W^T` a transpose; mismatches are errors at their position. */
  readonly shapes?: ShapeContext;
}

/** Superscripts that always mean the transpose: \top, \intercal, \mathsf{T}, \mathrm{T}, braced or not. */
const TRANSPOSE_COMMANDS = new Set(['top', 'intercal']);
const TRANSPOSE_FONTS = new Set(['mathsf', 'mathrm', 'mathbf', 'mathit']);

const CLOSERS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '|': '|' };

class LatexParser extends Cursor<LatexToken> {
  private readonly lit = new Literals();
  /** Inside |…|, a '|' closes rather than opening a new absolute value. */
  private absDepth = 0;

  constructor(
    src: string,
    private readonly opts: LatexOptions = {},
  ) {
    super(src, lexLatex(src));
    this.reader = { ...this.reader, shapes: opts.shapes };
  }

  private readonly shapeFail = (message: string, at: Span): never => this.fail('E_PARSE_SHAPE', message, at);

  /** This parser as the command families see it (latex-reader.ts). */
  private readonly reader: LatexReader = {
    lit: this.lit,
    shapes: undefined,
    peek: (k) => this.peek(k),
    next: () => this.next(),
    is: (type, text, k) => this.is(type, text, k),
    fail: (code, message, at) => this.fail(code, message, at),
    where: (offset) => this.where(offset),
    describe: (t) => this.describe(t),
    expectOperand: (op) => this.expectOperand(op),
    additive: () => this.additive(),
    term: () => this.term(),
    power: () => this.power(),
    argument: (after) => this.argument(after),
    variable: () => this.variable(),
    bracketNext: () => this.bracketNext(),
    isFunctionCommand: (k) => this.command(k)?.kind === 'function',
    bracketAt: (k) => this.bracketAt(k),
    enter: (t, cost) => this.enter(t, cost),
    leave: (cost) => this.leave(cost),
    bracketArgs: () => this.bracketArgs(),
    scripts: (name) => this.scripts(name),
  };

  protected describe(t: LatexToken): string {
    if (t.type === 'eof') return 'the end of the input';
    return t.type === 'cmd' ? `'\\${t.text}'` : `'${t.text}'`;
  }

  /** The table entry of the command at offset k, if it is a known command. */
  private command(k = 0): ReturnType<typeof LATEX_COMMANDS.get> {
    const t = this.peek(k);
    return t.type === 'cmd' ? LATEX_COMMANDS.get(t.text) : undefined;
  }

  /**
   *     \frac{1}{1 + e^{-x}}
   *     ^
   */
  parse(): Expr {
    return this.guard(() => {
      if (this.peek().type === 'eof') this.fail('E_PARSE_EMPTY', 'empty formula: write a formula such as \\frac{1}{1+e^{-x}}', { start: 0, end: 0 });
      const e = this.additive();
      const t = this.peek();
      if (t.type === 'sym' && t.text === '=') this.fail('E_PARSE_UNEXPECTED_TOKEN', "unexpected '=': gradtex reads one expression; give one side of the equation", t);
      if (t.type === 'sym' && t.text === '^') this.fail('E_PARSE_UNEXPECTED_TOKEN', "double superscript: group the exponent, as in x^{2^{3}} or {x^{2}}^{3}", t);
      if (t.type !== 'eof') this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected ${this.describe(t)}: expected an operator or the end of the formula`, t);
      checkShape(e, { start: 0, end: this.src.length }, this.opts.shapes, this.shapeFail);
      return e;
    });
  }

  private expectOperand(op: LatexToken): void {
    const t = this.peek();
    if (t.type === 'eof') this.fail('E_PARSE_UNEXPECTED_END', `expected an expression after ${this.describe(op)}, found the end of the input`, t);
    if (t.type === 'sym' && (t.text === ')' || t.text === '}' || t.text === ']' || t.text === ',' || t.text === '^' || t.text === '/' || t.text === '*')) {
      this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected an expression after ${this.describe(op)}, found ${this.describe(t)}`, t);
    }
  }

  /**
   *     a + b - 3
   *     ^   ^   ^
   */
  private additive(): Expr {
    // Skipping the signed() frame when there is no sign keeps deep inputs off the stack limit.
    const first = this.peek();
    const terms = [this.atSign() ? this.signed() : this.term()];
    while (this.is('sym', '+') || this.is('sym', '-')) {
      const op = this.next();
      this.expectOperand(op);
      const t = this.term();
      terms.push(op.text === '-' ? this.lit.negate(t) : t);
    }
    if (terms.length === 1) return terms[0] as Expr;
    const sum = add(...terms);
    checkShape(sum, this.spanFrom(first), this.opts.shapes, this.shapeFail);
    return this.lit.plain(sum);
  }

  /**
   *     -x y      a leading sign applies to the whole term
   *     ^
   */
  private signed(): Expr {
    const t = this.peek();
    if (this.is('sym', '-') || this.is('sym', '+')) {
      this.next();
      this.expectOperand(t);
      this.enter(t);
      const x = this.signed();
      this.leave();
      return t.text === '-' ? this.lit.negate(x) : x;
    }
    return this.term();
  }

  private atSign(): boolean {
    return this.is('sym', '-') || this.is('sym', '+');
  }

  private isTimes(): boolean {
    return this.is('sym', '*') || this.command()?.kind === 'times';
  }

  /** Can the next token begin a factor of an implicit product (2x, x y, \sigma(x)(1 - …))? */
  private startsFactor(): boolean {
    const t = this.peek();
    if (t.type === 'num' || t.type === 'letter') return true;
    if (t.type === 'sym') return t.text === '(' || t.text === '[' || t.text === '{' || (t.text === '|' && this.absDepth === 0);
    if (t.type === 'cmd') {
      const c = LATEX_COMMANDS.get(t.text);
      if (c === undefined) return true; // reported as unknown by primary()
      if (c.kind === 'delimiter') return c.text === '{' || (c.text === '|' && this.absDepth === 0 && t.text !== 'rvert');
      // \bigl( opens a factor; \bigr) and \big) close the group they are in.
      if (c.kind === 'size') return !t.text.endsWith('r') && this.openDelimiter(1) !== undefined && !(this.openDelimiter(1) === '|' && this.absDepth > 0);
      return c.kind !== 'times' && c.kind !== 'right' && c.kind !== 'partial';
    }
    return false;
  }

  /**
   *     2 x \cdot y / z
   *     ^ ^       ^   ^   factors collect in one product; '/' divides what came before
   */
  private term(): Expr {
    const first = this.peek();
    let factors: Expr[] = [this.atSign() ? this.unary() : this.power()];
    // Where each factor came from, for shape errors (only looked at when shapes are declared).
    let spans: Span[] = [this.spanFrom(first)];
    let literal = this.lit.literal;
    const shapes = this.opts.shapes;
    const product = (): Expr => (factors.length === 1 ? (factors[0] as Expr) : shapes === undefined ? mul(...factors) : shapedProduct(factors, spans, shapes, this.shapeFail));
    for (;;) {
      if (this.isTimes()) {
        const op = this.next();
        this.expectOperand(op);
        const start = this.peek();
        factors.push(this.unary());
        spans.push(this.spanFrom(start));
        literal = false;
      } else if (this.is('sym', '/')) {
        const op = this.next();
        this.expectOperand(op);
        const left = product();
        const right = this.unary();
        factors = [this.lit.divide(left, literal, right)];
        spans = [this.spanFrom(first)];
        literal = this.lit.literal;
      } else if (this.startsFactor()) {
        const start = this.peek();
        factors.push(this.power());
        spans.push(this.spanFrom(start));
        literal = false;
      } else break;
    }
    this.lit.literal = literal && factors.length === 1;
    return product();
  }

  /**
   *     x \cdot -y
   *             ^
   */
  private unary(): Expr {
    const t = this.peek();
    if (this.is('sym', '-') || this.is('sym', '+')) {
      this.next();
      this.expectOperand(t);
      this.enter(t);
      const x = this.unary();
      this.leave();
      return t.text === '-' ? this.lit.negate(x) : x;
    }
    return this.power();
  }

  /**
   *     x^{2}  e^{-x}  x^2_1 (= x_1^2)
   *      ^      ^
   */
  private power(): Expr {
    const base = this.primary();
    const baseLiteral = this.lit.literal;
    if (!this.is('sym', '^')) return base;
    const op = this.next();
    this.expectOperand(op);
    const mark = this.transposeMark();
    if (mark > 0) {
      for (let k = 0; k < mark; k++) this.next();
      return transpose(base);
    }
    const exponent = this.argument(op);
    if (this.opts.shapes !== undefined && exponent.kind === 'sym' && exponent.name === 'T' && exponent.sub.length === 0 && exponent.sup.length === 0) {
      const t = shapedTranspose(base, this.opts.shapes);
      if (t !== undefined) return t;
    }
    // Without shapes, x^T and W^T are transposes by convention (matrix-reading.ts).
    if (this.opts.shapes === undefined && isBareT(exponent) && transposeReading(base)) return this.lit.plain(transpose(base));
    let b = base;
    // TeX allows the subscript after the superscript: x^2_1 is x_1^2.
    if (this.is('sym', '_') && b.kind === 'sym' && b.sub.length === 0) b = sym(b.name, this.subscript(this.next()), b.sup);
    return this.lit.plain(this.lit.isEuler(b, baseLiteral) ? call('exp', [exponent]) : pow(b, exponent));
  }

  /**
   * How many tokens after '^' spell the transpose: \top (1), {\top} (3),
   * \mathsf{T} (4), {\mathsf{T}} (6); 0 if none. A plain T is a transpose
   * only under declared shapes (power() asks them), since T may be a symbol.
   *
   *     W^\top   W^{\top}   W^{\mathsf{T}}
   *       ^        ^          ^
   */
  private transposeMark(): number {
    const at = (k: number): number => {
      const t = this.peek(k);
      if (t.type === 'cmd' && TRANSPOSE_COMMANDS.has(t.text)) return 1;
      if (t.type === 'cmd' && TRANSPOSE_FONTS.has(t.text) && this.is('sym', '{', k + 1) && this.is('letter', 'T', k + 2) && this.is('sym', '}', k + 3)) return 4;
      return 0;
    };
    const bare = at(0);
    if (bare > 0) return bare;
    if (!this.is('sym', '{')) return 0;
    const inner = at(1);
    return inner > 0 && this.is('sym', '}', inner + 1) ? inner + 2 : 0;
  }

  /**
   * A TeX argument: `{…}` or a single token (`x^2`, `\frac12` takes one digit).
   *
   *     x^{10}    x^2    \frac12    x^-1 (not TeX, but read)
   *       ^         ^         ^       ^
   */
  private argument(after: LatexToken): Expr {
    const t = this.peek();
    // Braces group without changing literal-ness: \frac{1}{2} is the number 1/2.
    if (this.is('sym', '{')) return this.braceGroup(after);
    if (t.type === 'num') return this.lit.number(this.digit());
    if (t.type === 'letter') {
      this.next();
      return t.text === 'e' ? this.lit.euler() : this.lit.plain(sym(t.text));
    }
    if (t.type === 'cmd') return this.primary();
    if (this.is('sym', '-')) {
      this.next();
      this.expectOperand(t);
      this.enter(t);
      const x = this.lit.negate(this.argument(t));
      this.leave();
      return x;
    }
    if (t.type === 'eof') this.fail('E_PARSE_UNEXPECTED_END', `expected an argument after ${this.describe(after)}: write {…}`, t);
    this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected an argument after ${this.describe(after)}, found ${this.describe(t)}: write {…}`, t);
  }

  /** Take one digit of the number token in front (TeX reads x^23 as x^2 times 3). */
  private digit(): string {
    const t = this.peek();
    if (t.text.length === 1 || t.text[1] === '.') {
      this.next();
      return t.text;
    }
    // Replace the token by its remaining digits in place: no array splice, so long inputs stay linear.
    this.tokens[this.i] = { type: 'num', text: t.text.slice(1), start: t.start + 1, end: t.end };
    return t.text[0] as string;
  }

  /**
   *     {x + 1}
   *     ^
   */
  private braceGroup(after: LatexToken): Expr {
    const open = this.next();
    if (this.is('sym', '}')) this.fail('E_PARSE_UNEXPECTED_TOKEN', `empty group '{}' after ${this.describe(after)}: put an expression inside`, this.peek());
    const e = this.additive();
    if (!this.is('sym', '}')) this.fail('E_PARSE_UNCLOSED', `expected '}' to close '{' opened at ${this.where(open.start)}, found ${this.describe(this.peek())}`, this.peek());
    this.next();
    return e;
  }

  /**
   *     (x+1)  |x|  12  x_1  \frac{a}{b}  {x}
   *     ^      ^    ^   ^    ^            ^
   */
  private primary(): Expr {
    const t = this.peek();
    if (t.type === 'num') {
      this.next();
      return this.lit.number(t.text);
    }
    if (t.type === 'letter') return this.letter();
    // Only the branches that recurse count as a level of nesting (letters
    // count inside subscript()); commands take more stack per level.
    const cost = t.type === 'cmd' ? 2 : 1;
    this.enter(t, cost);
    let e: Expr;
    if (t.type === 'cmd') {
      e = this.commandAt();
    } else if (t.type === 'sym' && (t.text === '(' || t.text === '[' || t.text === '|')) {
      this.next();
      const inner = this.single(this.delimited(t, t.text, false), t);
      e = this.lit.plain(t.text === '|' ? call('abs', [inner]) : inner);
    } else if (t.type === 'sym' && t.text === '{') {
      e = this.braceGroup(t);
    } else if (t.type === 'eof') {
      this.fail('E_PARSE_UNEXPECTED_END', 'unexpected end of the formula: expected an expression', t);
    } else if (t.text === ')' || t.text === ']') {
      this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected '${t.text}': it has no matching opening bracket`, t);
    } else {
      this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected ${this.describe(t)}: expected a number, a letter, a command or '('`, t);
    }
    this.leave(cost);
    return e;
  }

  /** Does the token at k close a group opened with `close`'s partner? (\} and \rvert are commands.) */
  private closes(close: string, k = 0): boolean {
    const t = this.peek(k);
    if (t.type === 'sym') return t.text === close && close !== '}';
    const c = this.command(k);
    return c?.kind === 'delimiter' && c.text === close;
  }

  /**
   * Items in delimiters: ( … ), [ … ], \{ … \}, | … |, each optionally
   * \left … \right (or \bigl … \bigr); commas separate arguments.
   *
   *     \left( a, b \right)
   *          ^
   */
  private delimited(open: LatexToken, openText: string, sized: boolean): Expr[] {
    const close = CLOSERS[openText] ?? ')';
    // Inside |…| a bar closes; inside any other bracket a bar opens again: |(|x|)|.
    const saved = this.absDepth;
    this.absDepth = openText === '|' ? saved + 1 : 0;
    const items = [this.additive()];
    while (this.is('sym', ',')) {
      const comma = this.next();
      this.expectOperand(comma);
      items.push(this.additive());
    }
    this.absDepth = saved;
    const c = this.command();
    if (c?.kind === 'right' || c?.kind === 'size') this.next();
    else if (sized) this.fail('E_PARSE_UNCLOSED', `expected '\\right${close === '}' ? '\\}' : close}' to close '\\left${openText === '{' ? '\\{' : openText}' opened at ${this.where(open.start)}, found ${this.describe(this.peek())}`, this.peek());
    const t = this.peek();
    if (!this.closes(close)) {
      const shown = close === '}' ? '\\}' : close;
      this.fail('E_PARSE_UNCLOSED', `expected '${shown}' to close '${openText === '{' ? '\\{' : openText}' opened at ${this.where(open.start)}, found ${this.describe(t)}`, t);
    }
    this.next();
    return items;
  }

  /** After \left or a size command: the opening delimiter, or undefined. */
  private openDelimiter(k = 0): string | undefined {
    const t = this.peek(k);
    if (t.type === 'sym' && (t.text === '(' || t.text === '[' || t.text === '|')) return t.text;
    const c = this.command(k);
    if (c?.kind === 'delimiter' && (c.text === '{' || c.text === '|') && t.text !== 'rvert') return c.text;
    return undefined;
  }

  /** Is a bracketed argument list next: (…), \left(…\right), \bigl(…\bigr), \{…\}? */
  private bracketNext(): boolean {
    return this.bracketAt(0);
  }

  private bracketAt(k: number): boolean {
    const c = this.command(k);
    if (c?.kind === 'left' || c?.kind === 'size') return this.openDelimiter(k + 1) !== undefined && this.openDelimiter(k + 1) !== '|';
    const o = this.openDelimiter(k);
    return o !== undefined && o !== '|';
  }

  /** Parse a bracketed argument list at the cursor (see bracketNext). */
  private bracketArgs(): Expr[] {
    const c = this.command();
    const sized = c?.kind === 'left' || c?.kind === 'size' ? this.next() : undefined;
    const openText = this.openDelimiter() ?? '(';
    const openTok = this.next();
    return this.delimited(openTok, openText, sized?.text === 'left');
  }

  private single(items: Expr[], open: LatexToken): Expr {
    if (items.length !== 1) this.fail('E_PARSE_UNEXPECTED_TOKEN', `a list of ${items.length} items where one expression was expected; a function name before the bracket makes them arguments, as in \\max\\{a, b\\}`, open);
    return items[0] as Expr;
  }

  /**
   *     \frac{a}{b}  \sigma(x)  \alpha  \left( x \right)  \hat{y}
   *     ^
   */
  private commandAt(): Expr {
    const t = this.next();
    const c = LATEX_COMMANDS.get(t.text);
    if (c === undefined) {
      this.fail('E_PARSE_UNKNOWN_COMMAND', `unknown command '\\${t.text}'.${didYouMean(t.text, LATEX_COMMAND_NAMES, '\\')} gradtex reads \\frac, \\sqrt, \\log, \\exp, \\sigma, \\tanh, \\max, \\min, \\operatorname{…}, \\hat, Greek letters and \\left … \\right`, t);
    }
    switch (c.kind) {
      case 'frac':
        return this.fraction(t);
      case 'sqrt':
        return this.squareRoot(t);
      case 'left':
      case 'size': {
        const open = this.openDelimiter();
        if (open === undefined) this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected a delimiter such as ( after '\\${t.text}', found ${this.describe(this.peek())}`, this.peek());
        const openTok = this.next();
        const e = this.single(this.delimited(openTok, open, c.kind === 'left'), openTok);
        return this.lit.plain(open === '|' ? call('abs', [e]) : e);
      }
      case 'delimiter':
        if (c.text === '{') return this.lit.plain(this.single(this.delimited(t, '{', false), t));
        if (c.text === '|' && t.text !== 'rvert') return this.lit.plain(call('abs', [this.single(this.delimited(t, '|', false), t)]));
        return this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected '\\${t.text}': it closes nothing`, t);
      case 'greek': {
        const applied = readAbstractCall(this.reader, t, c.name);
        if (applied !== undefined) return applied;
        const g = this.scripts(c.name);
        // \delta_{ij} with exactly two indices is the Kronecker delta; δ^{(l)}_j stays a symbol.
        if (c.name === 'delta' && g.sub.length === 2 && g.sup.length === 0) return this.lit.plain(call('delta', g.sub));
        return this.lit.plain(g);
      }
      case 'sum':
        return this.lit.plain(this.finiteSum(t));
      case 'accent':
        return this.lit.plain(this.accent(t, c.suffix));
      case 'word':
        return this.word(t, c.functionsOnly);
      case 'function': {
        const primed = readPrimedFunction(this.reader, t, c.fn);
        if (primed !== undefined) return primed;
        if (!c.needsArgument && !this.bracketNext() && !superscriptThenBracket(this.reader)) return this.scripts(c.fn);
        return this.applyFunction(t, c.fn);
      }
      case 'reader':
        return c.read(this.reader, t);
      case 'times':
      case 'right':
      case 'partial':
        return this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected '\\${t.text}' here: expected an expression`, t);
    }
  }

  /**
   * \sum_{k=1}^{c} body, the body being the product that follows (up to the
   * next + or -), as in \sum_{k=1}^{c} y_k \log \hat{y}_k.
   *
   *     \sum_{k=1}^{c} e^{z_k}
   *         ^
   */
  private finiteSum(t: LatexToken): Expr {
    if (!this.is('sym', '_')) this.fail('E_PARSE_UNSUPPORTED', 'write the sum with its range, as \\sum_{k=1}^{c}', t);
    const sub = this.next();
    const open = this.peek();
    if (!this.is('sym', '{')) this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected '{' after '\\sum_', as in \\sum_{k=1}^{c}`, open);
    this.next();
    const index = this.variable();
    if (!this.is('sym', '=')) this.fail('E_PARSE_UNSUPPORTED', `expected '=' after the index: \\sum_{${index.name}=1}^{c}`, this.peek());
    this.next();
    const lo = this.additive();
    if (!this.is('sym', '}')) this.fail('E_PARSE_UNCLOSED', `expected '}' to close the range opened at ${this.where(open.start)}`, this.peek());
    this.next();
    if (!this.is('sym', '^')) this.fail('E_PARSE_UNSUPPORTED', `expected '^' and the upper limit after the range at ${this.where(sub.start)}`, this.peek());
    const hat = this.next();
    const hi = this.argument(hat);
    this.expectOperand(t);
    const body = this.term();
    return call('sum', [body, index, lo, hi]);
  }

  /**
   * \hat{y} -> yhat; scripts inside or after the accent both count: \hat{y}_k, \hat{y_k}.
   *
   *     \hat{y}_k
   *         ^
   */
  private accent(t: LatexToken, suffix: string): Sym {
    const braced = this.is('sym', '{');
    if (braced) this.next();
    const inner = this.symbolName();
    if (inner === undefined) this.fail('E_PARSE_UNSUPPORTED', `\\${t.text}{…} is read on a single letter, as in \\hat{y}; found ${this.describe(this.peek())}`, this.peek());
    const insideScripts = braced ? this.scripts(inner) : sym(inner);
    if (braced) {
      if (!this.is('sym', '}')) this.fail('E_PARSE_UNCLOSED', `expected '}' to close '\\${t.text}{' opened at ${this.where(t.start)}, found ${this.describe(this.peek())}`, this.peek());
      this.next();
    }
    const after = this.scripts(inner + suffix);
    return sym(inner + suffix, insideScripts.sub.length > 0 ? insideScripts.sub : after.sub, insideScripts.sup.length > 0 ? insideScripts.sup : after.sup);
  }

  /** A letter or a Greek letter command, consumed, as a name; undefined (nothing consumed) otherwise. */
  private symbolName(): string | undefined {
    const t = this.peek();
    const c = this.command();
    let name: string | undefined;
    if (t.type === 'letter') name = t.text;
    else if (c?.kind === 'greek') name = c.name;
    else if (c?.kind === 'function' && !c.needsArgument) name = c.fn;
    if (name !== undefined) this.next();
    return name;
  }

  /**
   * \mathrm{loss} is one symbol; \operatorname{softplus}(x) and \mathrm{ReLU}(x)
   * are calls of a known function; \mathrm{e} is Euler's number.
   *
   *     \operatorname{softplus}\left(x\right)
   *                  ^
   */
  private word(cmd: LatexToken, functionsOnly: boolean): Expr {
    if (!this.is('sym', '{')) this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected '{' after '\\${cmd.text}', as in \\${cmd.text}{${functionsOnly ? 'softplus' : 'loss'}}`, this.peek());
    this.next();
    let name = '';
    while (this.peek().type === 'letter') name += this.next().text;
    if (name === '' || !this.is('sym', '}')) this.fail('E_PARSE_UNSUPPORTED', `\\${cmd.text}{…} must contain letters only, as in \\${cmd.text}{${functionsOnly ? 'softplus' : 'loss'}}`, this.peek());
    const close = this.next();
    const at = { start: cmd.start, end: close.end };
    // \operatorname{diag}(v): the one matrix operation that is written as a function.
    if (name === 'diag' && this.bracketNext()) {
      const args = this.bracketArgs();
      if (args.length !== 1) this.fail('E_PARSE_ARITY', `\\operatorname{diag} takes 1 argument (a vector), got ${args.length}`, at);
      return diag(args[0] as Expr);
    }
    const spec = lookupFunction(name);
    if (spec !== undefined && (functionsOnly || this.bracketNext())) return this.applyFunction({ ...cmd, text: `${cmd.text}{${name}}`, end: close.end }, spec.name);
    if (functionsOnly) {
      const names = FUNCTIONS.map((f) => f.name);
      const what = cmd.text === 'operatorname' ? `'${name}' in \\operatorname{…}` : `\\${cmd.text}{${name}}`;
      this.fail('E_PARSE_UNKNOWN_FUNCTION', `unknown function ${what}.${didYouMean(name, [...names, ...FUNCTIONS.flatMap((f) => f.aliases)])} Known functions include ${functionSample(lookupFunction)}`, at);
    }
    if (name === 'e' && !this.is('sym', '_')) return this.lit.euler();
    return this.scripts(name);
  }

  /**
   * \sin x, \log(x), \sigma\left(x\right), \max\{a, b\}, \sin^2 x, \exp z_k.
   * Without brackets the function takes the next power-level factor: \log x^2 = log(x^2).
   *
   *     \sin^2 x
   *         ^
   */
  private applyFunction(t: LatexToken, fn: string): Expr {
    const spec = lookupFunction(fn);
    let power: Expr | undefined;
    if (this.is('sym', '^')) {
      const op = this.next();
      power = this.argument(op);
      if (isMinusOne(power)) refuseInverse(this.reader, t, this.peek(-1).end);
    }
    let args: Expr[];
    if (this.bracketNext()) {
      args = this.bracketArgs();
    } else {
      this.expectOperand(t);
      args = [this.power()];
    }
    const end = this.peek(-1).end;
    if (spec !== undefined && (args.length < spec.minArgs || args.length > spec.maxArgs)) {
      const want = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
      const example = spec.maxArgs > 1 ? `, as in \\${fn}\\{a, b\\}` : '';
      this.fail('E_PARSE_ARITY', `\\${t.text} takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}${example}`, { start: t.start, end });
    }
    const applied = call(spec?.name ?? fn, args);
    return this.lit.plain(power === undefined ? applied : pow(applied, power));
  }

  /**
   * A letter with optional scripts; `e` alone is Euler's number.
   *
   *     x_1  e^{x}  e_1
   *     ^    ^      ^
   */
  private letter(): Expr {
    const t = this.next();
    if (t.text === 'e' && !this.is('sym', '_') && !this.isLabel()) return this.lit.euler();
    return readAbstractCall(this.reader, t, t.text) ?? this.lit.plain(this.scripts(t.text));
  }

  /** At `^{(`: a superscript label w^{(1)} rather than a power. */
  private isLabel(): boolean {
    return this.is('sym', '^') && this.is('sym', '{', 1) && this.is('sym', '(', 2);
  }

  /**
   * Subscripts and a superscript label after a symbol name, in either order.
   *
   *     y_k^{(i)}   y^{(i)}_k   W_{ij}
   *      ^           ^           ^
   */
  private scripts(name: string): Sym {
    const sub: Expr[] = [];
    const sup: Expr[] = [];
    for (;;) {
      if (this.is('sym', '_') && sub.length === 0) {
        sub.push(...this.subscript(this.next()));
      } else if (this.isLabel() && sup.length === 0) {
        const open = this.next();
        this.enter(open, 2);
        this.next();
        this.next();
        sup.push(this.additive());
        if (!this.is('sym', ')') || !this.is('sym', '}', 1)) this.fail('E_PARSE_UNCLOSED', `expected ')}' to close the label '^{(' opened at ${this.where(open.start)}, found ${this.describe(this.peek())}`, this.peek());
        this.next();
        this.next();
        this.leave(2);
      } else break;
    }
    this.lit.literal = false;
    return sym(name, sub, sup);
  }

  /**
   * x_1, x_{12}, W_{ij} (one index per letter), W_{i j}, W_{i,j}, z_{k+1}.
   *
   *     W_{ij}
   *       ^
   */
  private subscript(op: LatexToken): Expr[] {
    const t = this.peek();
    if (t.type === 'num') return [this.lit.number(this.digit())];
    if (t.type === 'letter') {
      this.next();
      return [sym(t.text)];
    }
    const c = this.command();
    if (c?.kind === 'greek') {
      this.next();
      return [sym(c.name)];
    }
    if (!this.is('sym', '{')) this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected a subscript after '_' (a digit, a letter or {…}), found ${this.describe(t)}`, t);
    // Indices nest through more methods per level than brackets do: count 2.
    this.enter(this.next(), 2);
    // {ij}: a run of letters is one index per letter.
    let k = 0;
    while (this.peek(k).type === 'letter') k++;
    if (k > 1 && this.is('sym', '}', k)) {
      const out: Expr[] = [];
      for (let j = 0; j < k; j++) out.push(sym(this.next().text));
      this.next();
      this.leave(2);
      return out;
    }
    const items = [this.additive()];
    while (this.is('sym', ',')) {
      this.next();
      items.push(this.additive());
    }
    if (!this.is('sym', '}')) this.fail('E_PARSE_UNCLOSED', `expected '}' to close the subscript opened at ${this.where(op.start)}, found ${this.describe(this.peek())}`, this.peek());
    this.next();
    this.leave(2);
    return items;
  }

  /**
   * \frac{a}{b}, or a derivative (latex-derivative.ts): \frac{d}{dx} u,
   * \frac{du}{dx}, \frac{d^2}{dx^2} u.
   *
   *     \frac{d}{dx}\left(u\right)    \frac{dy}{dx}    \frac12
   *          ^                             ^               ^
   */
  private fraction(t: LatexToken): Expr {
    const d = readDerivativeFraction(this.reader, t);
    if (d !== undefined) return d;
    const a = this.argument(t);
    const aLiteral = this.lit.literal;
    const b = this.argument(t);
    return this.lit.divide(a, aLiteral, b);
  }

  /**
   * The variable of a derivative: a letter, a Greek letter, \hat{y} or
   * \mathrm{loss}, with its scripts. `e` here is a variable, not Euler's number.
   *
   *     \partial w^{(1)}_{ij}
   *              ^
   */
  private variable(): Sym {
    const t = this.peek();
    const c = this.command();
    if (c?.kind === 'accent') return this.accent(this.next(), c.suffix);
    if (c?.kind === 'word' && !c.functionsOnly) {
      const e = this.word(this.next(), false);
      if (e.kind === 'sym') return e;
    }
    const name = this.symbolName();
    if (name === undefined) this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected the variable of the derivative (a letter such as x), found ${this.describe(t)}`, t);
    return this.scripts(name);
  }

  /**
   * \sqrt{x}, and \sqrt[n]{x} = x^{1/n}.
   *
   *     \sqrt[3]{x}
   *          ^
   */
  private squareRoot(t: LatexToken): Expr {
    if (this.is('sym', '[')) {
      const open = this.next();
      const n = this.additive();
      const nLiteral = this.lit.literal;
      if (!this.is('sym', ']')) this.fail('E_PARSE_UNCLOSED', `expected ']' to close '[' opened at ${this.where(open.start)}, found ${this.describe(this.peek())}`, this.peek());
      this.next();
      const x = this.argument(t);
      this.lit.literal = nLiteral;
      return this.lit.plain(pow(x, this.lit.divide(num(1), true, n)));
    }
    return this.lit.plain(call('sqrt', [this.argument(t)]));
  }
}

/**
 * Read a LaTeX formula into an expression tree; throws ParseError.
 *
 *     parseLatex('\\frac{1}{1+e^{-x}}')   // div(1, add(1, call('exp', [neg(x)])))
 */
export function parseLatex(text: string, opts: LatexOptions = {}): Expr {
  return new LatexParser(text, opts).parse();
}
