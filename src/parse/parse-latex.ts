/**
 * The LaTeX reader's core: textbook formulas such as `\frac{1}{1+e^{-x}}`,
 * `\sigma(x)`, `w^{(1)}`, `2x`, `x y`. Sums, signs and products are the
 * infix core shared with the plain parser (infix-core.ts; \cdot, \times and
 * juxtaposition multiply); the levels above are here:
 *
 *     power     := primary ('^' argument)?
 *     primary   := number | letter scripts | command … | '(' additive ')' | '{' additive '}' | '|' additive '|'
 *
 * What each command means is the table in latex-commands.ts, and each family
 * of commands is read by its own file (latex-fraction.ts, latex-fonts.ts,
 * latex-delimiters.ts, …) through the LatexReader view of this parser. In
 * math mode letters are single symbols (`xy` is x times y) and a script
 * argument is one token or a group (`x^23` is x^2 times 3), as in TeX.
 */
import { call, pow, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import type { ShapeContext } from '../matrix/shape.js';
import { transpose } from '../matrix/matrix-calls.js';
import { shapedTranspose } from '../matrix/shaped-product.js';
import { InfixParser } from './infix-core.js';
import { LATEX_COMMAND_NAMES, LATEX_COMMANDS, type LatexCommand } from './latex-commands.js';
import { bracketArgs, bracketAt, delimited, openDelimiter, readDelimiterCommand, readSizedGroup, single } from './latex-delimiters.js';
import { readPartialQuotient } from './latex-derivative.js';
import { ELLIPSIS_COMMANDS, readEllipsisTerms } from './latex-ellipsis.js';
import { readFunctionCommand } from './latex-functions.js';
import { readFactorial } from './latex-combinatorics.js';
import { readAbstractCall } from './latex-function-notation.js';
import { letter, scripts, subscript, variable } from './latex-symbols.js';
import type { LatexReader } from './latex-reader.js';
import { primedVariable } from './latex-primes.js';
import { transposeMark } from './latex-transpose.js';
import { lexLatex, type LatexToken } from './lexer-latex.js';
import { isBareT, transposeReading } from './matrix-reading.js';
import type { Reading } from './reading.js';
import { didYouMean } from './suggest.js';

export interface LatexOptions {
  /** Declared shapes (src/matrix): `W x` and `A B` are matrix products, `W^T` a transpose; mismatches are errors at their position. */
  readonly shapes?: ShapeContext;
  /**
   * The variable a document writes a function of the table at where it defines it (`\sigma(x) = …`), by
   * command name: `\frac{d\sigma}{dx}` is then d(σ(x), x) (latex-derivative.ts); without it that is refused.
   */
  readonly functionArguments?: ReadonlyMap<string, Sym>;
}

/** A bold or arrowed operand just before or after a \times: \mathbf{a}, \boldsymbol\mu, \vec{b}, \bm x. */
const BOLD_BEFORE = /\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{[^{}]*\}|\\?[A-Za-z]+)\s*$/;
const BOLD_AFTER = /^\s*\\(?:mathbf|boldsymbol|bm|vec)\b/;

class LatexParser extends InfixParser<LatexToken> implements LatexReader {
  /** Inside |…|, a '|' closes rather than opening a new absolute value. */
  absDepth = 0;
  /** Inside \| … \|, a \| closes rather than opening a new norm. */
  normDepth = 0;

  readonly functionArguments: ReadonlyMap<string, Sym> | undefined;

  constructor(src: string, opts: LatexOptions = {}) {
    super(src, lexLatex(src), opts.shapes);
    this.functionArguments = opts.functionArguments;
  }

  /** The command families see this parser through the LatexReader view (latex-reader.ts): no wrappers, so deep nesting costs no extra stack frames. */
  private get reader(): LatexReader {
    return this;
  }

  bracketNext(): boolean {
    return bracketAt(this, 0);
  }

  bracketAt(k: number): boolean {
    return bracketAt(this, k);
  }

  bracketArgs(): Expr[] {
    return bracketArgs(this);
  }

  isFunctionCommand(k: number): boolean {
    return this.command(k)?.kind === 'function';
  }

  describe(t: LatexToken): string {
    if (t.type === 'eof') return 'the end of the input';
    return t.type === 'cmd' ? `'\\${t.text}'` : `'${t.text}'`;
  }

  /** The table entry of the command at offset k, if it is a known command. */
  command(k = 0): LatexCommand | undefined {
    const t = this.peek(k);
    return t.type === 'cmd' ? LATEX_COMMANDS.get(t.text) : undefined;
  }

  /**
   *     \frac{1}{1 + e^{-x}}
   *     ^
   */
  parse(): Expr {
    return this.whole(
      () => this.fail('E_PARSE_EMPTY', 'empty formula: write a formula such as \\frac{1}{1+e^{-x}}', { start: 0, end: 0 }),
      (t) => {
        if ((t.type === 'sym' && t.text === '=') || this.command()?.kind === 'relation') this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected ${this.describe(t)}: gradtex reads one expression; give one side of the ${t.text === '=' ? 'equation' : 'relation'}`, t);
        if (t.type === 'sym' && t.text === '^') this.fail('E_PARSE_UNEXPECTED_TOKEN', 'double superscript: group the exponent, as in x^{2^{3}} or {x^{2}}^{3}', t);
        this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected ${this.describe(t)}: expected an operator or the end of the formula`, t);
      },
    );
  }

  expectOperand(op: LatexToken): void {
    const t = this.peek();
    if (t.type === 'eof') this.fail('E_PARSE_UNEXPECTED_END', `expected an expression after ${this.describe(op)}, found the end of the input`, t);
    if (t.type === 'sym' && (t.text === ')' || t.text === '}' || t.text === ']' || t.text === ',' || t.text === '^' || t.text === '/' || t.text === '*')) {
      this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected an expression after ${this.describe(op)}, found ${this.describe(t)}`, t);
    }
  }

  protected override atEllipsis(): boolean {
    const t = this.peek();
    return t.type === 'cmd' && ELLIPSIS_COMMANDS.includes(t.text);
  }

  protected override ellipsis(terms: Expr[]): void {
    readEllipsisTerms(this.reader, terms);
  }

  /** d/dx (…) typed with a slash (plain-text notes put it in $…$): d, a one-letter variable, then a bracket. */
  protected override slashDerivative(first: LatexToken): Expr | undefined {
    if (!this.is('letter', 'd') || this.peek(1).type !== 'letter' || !this.bracketAt(2)) return undefined;
    this.next();
    const x = sym(this.next().text);
    return this.slashDerivativeOf(first, this.power(), x);
  }

  protected atSign(): boolean {
    return this.is('sym', '-') || this.is('sym', '+');
  }

  protected isTimes(): boolean {
    return this.is('sym', '*') || this.command()?.kind === 'times';
  }

  protected isDivide(): boolean {
    return this.is('sym', '/');
  }

  /** \odot is the elementwise product: under declared shapes hadamard(…) (infix-core.ts), without them a product of scalars, noted. */
  protected override isElementwise(op: LatexToken): boolean {
    const c = op.type === 'cmd' ? LATEX_COMMANDS.get(op.text) : undefined;
    return c?.kind === 'times' && c.elementwise === true;
  }

  protected override timesSign(op: LatexToken): void {
    // \mathbf{a} \times \mathbf{b}, bold on both sides, is a cross product, which anticommutes: never read as a product of numbers (\mathbf{y} \times 2 is a multiple).
    if (op.type === 'cmd' && op.text === 'times' && (BOLD_BEFORE.test(this.src.slice(Math.max(0, op.start - 40), op.start)) && BOLD_AFTER.test(this.src.slice(op.end, op.end + 40)))) {
      this.fail('E_PARSE_UNSUPPORTED', '\\times between vectors (a cross product) is not read: gradtex has no cross product; write its components', op);
    }
    if (!this.isElementwise(op)) return;
    this.note({ at: op, kind: 'elementwise', text: '\\odot is read as an ordinary product (elementwise, so order does not matter)' });
  }

  /** Can the next token begin a factor of an implicit product (2x, x y, \sigma(x)(1 - …))? */
  protected startsFactor(): boolean {
    const t = this.peek();
    if (t.type === 'num' || t.type === 'letter') return true;
    if (t.type === 'sym') return t.text === '(' || t.text === '[' || t.text === '{' || (t.text === '|' && this.absDepth === 0);
    if (t.type !== 'cmd') return false;
    const c = LATEX_COMMANDS.get(t.text);
    if (c === undefined) return true; // reported as unknown by primary()
    if (c.kind === 'delimiter') return c.text === '{' || (c.text === '|' && this.absDepth === 0 && t.text !== 'rvert');
    // \bigl( opens a factor; \bigr) and \big) close the group they are in.
    if (c.kind === 'size') {
      const open = openDelimiter(this.reader, 1);
      return !t.text.endsWith('r') && open !== undefined && !(open === '|' && this.absDepth > 0) && !(open === '‖' && this.normDepth > 0);
    }
    // \rVert and \end close what they are in; inside a norm, \| closes it.
    if (c.kind === 'reader' && (t.text === 'rVert' || t.text === 'end')) return false;
    if (c.kind === 'reader' && this.normDepth > 0 && (t.text === '|' || t.text === 'Vert')) return false;
    return c.kind !== 'times' && c.kind !== 'right' && c.kind !== 'partial' && c.kind !== 'relation';
  }

  /**
   *     x^{2}  e^{-x}  x^2_1 (= x_1^2)  W^\top
   *      ^      ^
   */
  power(): Expr {
    let base = this.primary();
    // 5! binds tighter than a power (5!^2 is (5!)^2); a factorial of anything but a whole number is refused there.
    if (this.is('sym', '!')) base = readFactorial(this.reader, base, this.next());
    const baseLiteral = this.lit.literal;
    if (!this.is('sym', '^')) return base;
    const op = this.next();
    this.expectOperand(op);
    const mark = transposeMark(this.reader);
    if (mark > 0) {
      for (let k = 0; k < mark; k++) this.next();
      return this.lit.plain(transpose(base));
    }
    const exponent = this.argument(op);
    if (this.shapes !== undefined && isBareT(exponent)) {
      const t = shapedTranspose(base, this.shapes);
      if (t !== undefined) return t;
    }
    // Without shapes, x^T and W^T are transposes by convention (matrix-reading.ts).
    if (this.shapes === undefined && isBareT(exponent) && transposeReading(base)) {
      this.note({ at: { start: op.start, end: this.peek(-1).end }, kind: 'transpose', text: '^T on a letter is read as the transpose (write ^{(T)} or name the exponent otherwise)' });
      return this.lit.plain(transpose(base));
    }
    let b = base;
    // TeX allows the subscript after the superscript: x^2_1 is x_1^2.
    if (this.is('sym', '_') && b.kind === 'sym' && b.sub.length === 0) b = sym(b.name, subscript(this, this.next()), b.sup);
    return this.lit.plain(this.lit.isEuler(b, baseLiteral) ? call('exp', [exponent]) : pow(b, exponent));
  }

  /**
   * A TeX argument: `{…}` or a single token (`x^2`, `\frac12` takes one digit).
   *
   *     x^{10}    x^2    \frac12    x^-1 (not TeX, but read)
   *       ^         ^         ^       ^
   */
  argument(after: LatexToken): Expr {
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
  digit(): string {
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
    if (t.type === 'letter') return letter(this);
    // Only the branches that recurse count as a level of nesting (letters
    // count inside subscript()); commands take more stack per level.
    const cost = t.type === 'cmd' ? 2 : 1;
    this.enter(t, cost);
    let e: Expr;
    if (t.type === 'cmd') {
      e = this.commandAt();
    } else if (t.type === 'sym' && (t.text === '(' || t.text === '[' || t.text === '|')) {
      this.next();
      const inner = single(this.reader, delimited(this.reader, t, t.text, false), t);
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

  /**
   * A command, dispatched on its table entry to the core or to its family.
   *
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
      case 'left':
      case 'size':
        return readSizedGroup(this.reader, t);
      case 'delimiter':
        return readDelimiterCommand(this.reader, t, c.text);
      case 'greek': {
        const applied = readAbstractCall(this.reader, t, c.name);
        if (applied !== undefined) return applied;
        const g = primedVariable(this, scripts(this, c.name), t);
        // \delta_{ij} with exactly two indices is the Kronecker delta; δ^{(l)}_j stays a symbol.
        if (c.name === 'delta' && g.sub.length === 2 && g.sup.length === 0) return this.lit.plain(call('delta', g.sub));
        return this.lit.plain(g);
      }
      case 'function':
        return readFunctionCommand(this.reader, t, c.fn, c.needsArgument);
      case 'reader':
        return c.read(this.reader, t);
      case 'partial':
        return readPartialQuotient(this.reader, t);
      case 'times':
      case 'right':
      case 'relation':
        return this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected '\\${t.text}' here: expected an expression`, t);
    }
  }

  scripts(name: string): Sym {
    return scripts(this, name);
  }

  variable(): Sym {
    return variable(this);
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

/**
 * The same, with the readings chosen where the notation allows more than one
 * (a(b + c) as a product, f(x) as an unknown function, \sum_k over 1..K).
 *
 *     parseLatexReadings('a(b+c)').readings[0]?.kind   // 'product'
 */
export function parseLatexReadings(text: string, opts: LatexOptions = {}): { expr: Expr; readings: readonly Reading[] } {
  const p = new LatexParser(text, opts);
  const expr = p.parse();
  return { expr, readings: p.readings };
}
