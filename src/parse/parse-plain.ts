/**
 * The plain syntax users type: `1/(1+exp(-x))`, `sigma(x)*(1-sigma(x))`,
 * `max(x1,x2)*x3/x4 - (x5+x6)`, `w^{(1)}`, `y_k^{(i)}`, `d(u, x)`.
 * Recursive descent: sums, signs and products are the infix core shared
 * with the LaTeX reader (infix-core.ts; `*` multiplies, juxtaposition too);
 * the levels above are this file's:
 *
 *     power     := primary ('^' unary)?                    right-associative
 *     primary   := number | name | call | '(' additive ')' | '{' additive '}'
 *
 * Only brackets, signs and exponents nest, and they count towards MAX_DEPTH.
 *
 * We do not use mathjs's parser: its errors give only a character offset,
 * and it has no notation for superscript labels such as w^{(1)}.
 */
import { call, deriv, mul, pow, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import { abstractHead } from '../expr/abstract-function.js';
import { isMinusOne, usesSymbol } from './latex-function-notation.js';
import { InfixParser } from './infix-core.js';
import type { Reading } from './reading.js';
import { functionNamed, isSymbolName, readingText, unknownFunctionMessage } from './plain-names.js';
import { lexPlain, type PlainToken } from './lexer-plain.js';
import { indices, isLabel, label } from './plain-scripts.js';
import { identityOf } from './identity-name.js';
import type { ShapeContext } from '../matrix/shape.js';
import { transpose } from '../matrix/matrix-calls.js';
import { isBareT, transposeReading } from './matrix-reading.js';
import { shapedTranspose } from '../matrix/shaped-product.js';

export interface PlainOptions {
  /** Extra function names accepted with any number of arguments (rule files use `eval`). */
  readonly extraFunctions?: readonly string[];
  /**
   * Declared shapes of vectors and matrices (src/matrix): with them `W*x`,
   * `W x` and `a^T W b` are matrix products (matmul, order kept), `W^T` is
   * transpose(W), and shape mismatches are errors at their position.
   */
  readonly shapes?: ShapeContext;
}

/** Tokens that cannot begin an operand: after '+' they mean something is missing. */
const NOT_OPERAND_START = new Set([')', ',', '*', '/', '^', '}', ']']);

class PlainParser extends InfixParser<PlainToken> {
  /** Plain symbols without indices, shared: nodes are immutable. */
  private readonly symbols = new Map<string, Sym>();

  constructor(
    src: string,
    private readonly opts: PlainOptions,
  ) {
    super(src, lexPlain(src), opts.shapes);
  }

  describe(t: PlainToken): string {
    return t.type === 'eof' ? 'the end of the input' : `'${t.text}'`;
  }

  private isOp(text: string, k = 0): boolean {
    return this.is('op', text, k);
  }

  protected atSign(): boolean {
    return this.isOp('-') || this.isOp('+');
  }

  protected isTimes(): boolean {
    return this.isOp('*');
  }

  protected isDivide(): boolean {
    return this.isOp('/');
  }

  /**
   *     1/(1+exp(-x))
   *     ^
   */
  parse(): Expr {
    return this.whole(
      () => this.fail('E_PARSE_EMPTY', 'empty expression: write a formula such as 1/(1+exp(-x))', { start: 0, end: 0 }),
      (t) => {
        const hint = t.text === ')' ? ": this ')' has no matching '('" : ': expected an operator or the end of the input';
        this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected ${this.describe(t)}${hint}`, t);
      },
    );
  }

  /** An operand must follow the operator `op` just consumed. */
  expectOperand(op: PlainToken): void {
    const t = this.peek();
    if (t.type === 'eof') this.fail('E_PARSE_UNEXPECTED_END', `expected an expression after '${op.text}', found the end of the input`, t);
    if (t.type === 'op' && NOT_OPERAND_START.has(t.text)) {
      this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected an expression after '${op.text}', found '${t.text}'`, t);
    }
  }

  /** (a)(b), 2x, x y: juxtaposition multiplies. */
  /** d/dw (w x - y)^2, as typed in e-mails: the token dw names the variable (one letter), a bracket follows. */
  protected override slashDerivative(first: PlainToken): Expr | undefined {
    const t = this.peek();
    const m = t.type === 'ident' ? /^d([A-Za-z])$/.exec(t.text) : null;
    if (m === null || !this.is('op', '(', 1)) return undefined;
    this.next();
    return this.slashDerivativeOf(first, this.power(), sym(m[1] as string));
  }

  protected startsFactor(): boolean {
    const t = this.peek();
    return t.type === 'num' || t.type === 'ident' || (t.type === 'op' && (t.text === '(' || t.text === '{'));
  }

  /**
   *     x^y^2     right-associative; e^u is exp(u)
   *      ^
   */
  power(): Expr {
    const base = this.primary();
    const baseLiteral = this.lit.literal;
    if (!this.isOp('^')) return base;
    const op = this.next();
    this.expectOperand(op);
    // No enter() here: the exponent's own primary() or unary() counts the level.
    const exponent = this.unary();
    if (this.opts.shapes !== undefined && exponent.kind === 'sym' && exponent.name === 'T' && exponent.sub.length === 0 && exponent.sup.length === 0) {
      const t = shapedTranspose(base, this.opts.shapes);
      if (t !== undefined) return t;
    }
    // Without shapes, x^T and W^T are transposes by convention (matrix-reading.ts); the judge then refuses scalar algebra on them.
    if (this.opts.shapes === undefined && isBareT(exponent) && transposeReading(base)) {
      this.note({ at: { start: op.start, end: this.peek(-1).end }, kind: 'transpose', text: '^T on a letter is read as the transpose' });
      return this.lit.plain(transpose(base));
    }
    return this.lit.plain(this.lit.isEuler(base, baseLiteral) ? call('exp', [exponent]) : pow(base, exponent));
  }

  /**
   *     (x+1)  {x+1}  12  0.5  x_1  sigma(x)
   *     ^      ^      ^   ^    ^    ^
   */
  private primary(): Expr {
    const t = this.peek();
    if (t.type === 'num') {
      this.next();
      return this.lit.number(t.text);
    }
    if (t.type === 'ident') {
      // A call is parsed straight from here: one stack frame less per level of f(f(f(…))).
      const fn = this.isOp('(', 1) ? functionNamed(t.text, this.opts.extraFunctions) : undefined;
      if (fn === undefined) return this.notation(t) ?? this.name();
      this.next();
      const applied = this.call(t, fn.name, fn.minArgs, fn.maxArgs);
      return this.lit.plain(fn.abstract === true ? this.abstractApplied(t, applied) : applied);
    }
    // Brackets count as a level of nesting (names count inside call() and indices()).
    this.enter(t);
    let e: Expr;
    if (this.isOp('(') || this.isOp('{')) {
      e = this.lit.plain(this.group());
    } else if (t.type === 'eof') {
      this.fail('E_PARSE_UNEXPECTED_END', 'unexpected end of the input: expected an expression', t);
    } else if (t.text === ')') {
      this.fail('E_PARSE_UNEXPECTED_TOKEN', "unexpected ')': it has no matching '('", t);
    } else {
      this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected '${t.text}': expected a number, a name or '('`, t);
    }
    this.leave();
    return e;
  }

  /** ( … ) or { … }; braces are accepted so that pasted `x^{2}` and `e^{-x}` read. */
  private group(): Expr {
    const open = this.next();
    const close = open.text === '(' ? ')' : '}';
    if (this.isOp(close)) this.fail('E_PARSE_UNEXPECTED_TOKEN', `empty brackets: expected an expression inside '${open.text}${close}'`, this.peek());
    const e = this.additive();
    if (!this.isOp(close)) {
      this.fail('E_PARSE_UNCLOSED', `expected '${close}' to close '${open.text}' opened at ${this.where(open.start)}, found ${this.describe(this.peek())}`, this.peek());
    }
    this.next();
    return e;
  }

  /**
   *     x  x1  x_1  x_{12}  W_{ij}  w^{(1)}  y_k^{(i)}  sigma(x)  d(u, x)  e  pi
   *     ^
   */
  private name(): Expr {
    const t = this.next();
    const text = t.text;
    if (this.isOp('(')) {
      // Known functions were taken by primary(); single letters and x1-style names multiply: x(1 - x), w1(a + b).
      if (text.length > 1 && !/\d$/.test(text) && !isSymbolName(text)) {
        this.fail('E_PARSE_UNKNOWN_FUNCTION', unknownFunctionMessage(text), t);
      }
      this.noted(t, 'product', undefined);
    }
    if (text === 'e' && !this.isOp('_') && !isLabel(this)) return this.lit.euler();
    const m = /^([A-Za-z]+?)(\d+)$/.exec(text);
    const base = m === null ? text : (m[1] as string);
    const sub: Expr[] = m === null ? [] : [this.lit.number(m[2] as string)];
    const sup: Expr[] = [];
    for (;;) {
      if (this.isOp('_') && sub.length === 0) {
        this.next();
        sub.push(...indices(this));
      } else if (isLabel(this) && sup.length === 0) {
        sup.push(label(this));
      } else break;
    }
    this.lit.literal = false;
    if (sub.length === 0 && sup.length === 0) {
      let s = this.symbols.get(base);
      if (s === undefined) {
        s = sym(base);
        this.symbols.set(base, s);
      }
      return s;
    }
    const named = sym(base, sub, sup);
    return identityOf(named, this.shapes) ?? named;
  }

  /**
   * An unknown function's application, just read: h(1 - h), the name used as
   * a value inside its own bracket, is a product instead. Kept out of
   * primary() so that its stack frame stays small for deep nesting.
   */
  private abstractApplied(t: PlainToken, applied: Expr): Expr {
    const [only] = applied.kind === 'call' ? applied.args : [];
    if (only !== undefined && abstractHead(t.text)?.order === 0 && usesSymbol(only, t.text)) return this.noted(t, 'product', mul(sym(t.text), only));
    return this.noted(t, 'unknown-function', applied);
  }

  /**
   * Record the reading of `name(…)` (a product, or an unknown function
   * applied), the same notes the LaTeX reader gives; returns `e`.
   */
  private noted<E extends Expr | undefined>(t: PlainToken, kind: 'product' | 'unknown-function', e: E): E {
    this.note({ at: { start: t.start, end: this.peek(-1).end }, kind, text: readingText(kind, t.text) });
    return e;
  }

  /**
   * Function notation that is easy to misread (see latex-function-notation.ts):
   * f(x), f'(x), Phi(x) call an unknown function; sin^2(x) is sin(x)^2;
   * sin^(-1)(x) and f^2(x) are refused as ambiguous. Undefined: an ordinary name.
   *
   *     f'(g(x))    sin^2(x)
   *     ^           ^
   */
  private notation(t: PlainToken): Expr | undefined {
    const head = abstractHead(t.text);
    const abstract = head !== undefined && lookupFunction(head.name) === undefined && this.opts.extraFunctions?.includes(t.text) !== true;
    if (head !== undefined && head.order > 0) this.fail('E_PARSE_UNSUPPORTED', `${t.text} needs its argument: write ${t.text}(x)`, t);
    const spec = lookupFunction(t.text);
    // H alone is a symbol (an entropy, a size) even though H(x) is the step function.
    const powered = spec !== undefined && t.text.length > 1;
    // `sin x` without brackets would read as the symbol sin times x (and d/dx of it as "sin"): refused.
    const juxtaposed = this.peek(1).type === 'ident' || this.peek(1).type === 'num';
    if (powered && juxtaposed) this.fail('E_PARSE_UNSUPPORTED', `${t.text} is a function: write ${t.text}(x), with brackets, in the plain syntax (LaTeX reads \\${t.text} x)`, t);
    if (!(abstract || powered) || !this.isOp('^', 1)) return undefined;
    this.next();
    const op = this.next();
    this.expectOperand(op);
    const exponent = this.unary();
    if (!this.isOp('(')) return this.lit.plain(pow(sym(t.text), exponent));
    const at = { start: t.start, end: this.peek(-1).end };
    if (abstract) this.fail('E_PARSE_AMBIGUOUS', `${t.text}^…(x) is ambiguous (a power of ${t.text}(x), a composition or an inverse function): write (${t.text}(x))^2 or ${t.text}(${t.text}(x))`, at);
    if (isMinusOne(exponent)) this.fail('E_PARSE_AMBIGUOUS', `${t.text}^(-1) is ambiguous (the inverse function or the reciprocal): write 1/${t.text}(x) for the reciprocal; the inverse function is not read`, at);
    if (spec === undefined) return undefined; // unreachable: not abstract, so powered
    return this.lit.plain(pow(this.call(t, spec.name, spec.minArgs, spec.maxArgs), exponent));
  }

  /**
   *     max(x1, x2)    d(u, x)
   *        ^
   */
  private call(nameTok: PlainToken, fn: string, minArgs: number, maxArgs: number): Expr {
    const open = this.next();
    this.enter(open);
    const args: Expr[] = [];
    const starts: PlainToken[] = [];
    if (!this.isOp(')')) {
      starts.push(this.peek());
      args.push(this.additive());
      while (this.isOp(',')) {
        const comma = this.next();
        this.expectOperand(comma);
        starts.push(this.peek());
        args.push(this.additive());
      }
    }
    if (!this.isOp(')')) {
      this.fail('E_PARSE_UNCLOSED', `expected ')' to close the arguments of ${nameTok.text} opened at ${this.where(open.start)}, found ${this.describe(this.peek())}`, this.peek());
    }
    const close = this.next();
    this.leave();
    // sum(u) with one argument: the sum of u's entries (a matrix call); sum(body, k, lo, hi) is the sum over an index.
    if (fn === 'sum' && args.length === 1) return call('sumall', args);
    if (args.length < minArgs || args.length > maxArgs) {
      const want = minArgs === maxArgs ? `${minArgs}` : `${minArgs} to ${maxArgs}`;
      const usage = fn === 'd' ? ': write d(u, x) for the derivative of u with respect to x' : '';
      this.fail('E_PARSE_ARITY', `${nameTok.text} takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}${usage}`, { start: nameTok.start, end: close.end });
    }
    if (fn === 'd') {
      const [body, x] = args as [Expr, Expr];
      const at = starts[1] ?? nameTok;
      if (x.kind !== 'sym') this.fail('E_PARSE_UNEXPECTED_TOKEN', 'd(u, x) needs a variable such as x or w_1 as its second argument', at);
      return deriv(body, x);
    }
    return call(fn, args);
  }
}

/**
 * Read the plain syntax into an expression tree; throws ParseError.
 *
 *     parsePlain('1/(1+exp(-x))')   // div(1, add(1, call('exp', [neg(x)])))
 */
export function parsePlain(text: string, opts: PlainOptions = {}): Expr {
  return new PlainParser(text, opts).parse();
}

/**
 * The same, with the readings chosen where the notation allows more than one
 * (a(b + c) as a product, f(x) as an unknown function, x^T as a transpose).
 *
 *     parsePlainReadings('f(x)').readings[0]?.kind   // 'unknown-function'
 */
export function parsePlainReadings(text: string, opts: PlainOptions = {}): { expr: Expr; readings: readonly Reading[] } {
  const p = new PlainParser(text, opts);
  const expr = p.parse();
  return { expr, readings: p.readings };
}
