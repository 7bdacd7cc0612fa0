/**
 * The plain syntax users type: `1/(1+exp(-x))`, `sigma(x)*(1-sigma(x))`,
 * `max(x1,x2)*x3/x4 - (x5+x6)`, `w^{(1)}`, `y_k^{(i)}`, `d(u, x)`.
 * Recursive descent, one method per precedence level (lowest first):
 *
 *     additive  := signed (('+' | '-') term)*
 *     signed    := ('-' | '+') signed | term               -x*y is -(x*y), as printed
 *     term      := unary (('*' | '/') unary | power)*      juxtaposition multiplies
 *     unary     := ('-' | '+') unary | power               x*-y, 2^-1
 *     power     := primary ('^' unary)?                    right-associative
 *     primary   := number | name | call | '(' additive ')' | '{' additive '}'
 *
 * Sums and products are loops, not recursion, so a 1 MB sum of 100k terms
 * parses; only brackets, signs and exponents nest, and they count towards
 * MAX_DEPTH.
 *
 * We do not use mathjs's parser: its errors give only a character offset,
 * and it has no notation for superscript labels such as w^{(1)}.
 */
import { add, call, deriv, mul, pow, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { FUNCTIONS, lookupFunction } from '../expr/functions.js';
import { abstractHead } from '../expr/abstract-function.js';
import { isMinusOne, usesSymbol } from './latex-function-notation.js';
import { Cursor } from './cursor.js';
import { GREEK_LETTERS } from './latex-commands.js';
import { lexPlain, type PlainToken } from './lexer-plain.js';
import { Literals } from './literals.js';
import { didYouMean, functionSample } from './suggest.js';
import type { ShapeContext } from '../matrix/shape.js';
import { MATRIX_FUNCTIONS, transpose } from '../matrix/matrix-calls.js';
import { isBareT, transposeReading } from './matrix-reading.js';
import { shapedTranspose } from '../matrix/shaped-product.js';
import { checkShape, product as shapedProduct } from './shaped.js';
import type { Span } from './source.js';

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

/** Multi-letter names that are symbols even when a bracket follows: pi(r), lambda(…), yhat(1 - yhat). */
function isSymbolName(name: string): boolean {
  return name === 'pi' || GREEK_LETTERS.includes(name) || /^[A-Za-z](?:hat|tilde|bar)$/.test(name);
}

class PlainParser extends Cursor<PlainToken> {
  private readonly lit = new Literals();
  /** Plain symbols without indices, shared: nodes are immutable. */
  private readonly symbols = new Map<string, Sym>();

  constructor(
    src: string,
    private readonly opts: PlainOptions,
  ) {
    super(src, lexPlain(src));
  }

  protected describe(t: PlainToken): string {
    return t.type === 'eof' ? 'the end of the input' : `'${t.text}'`;
  }

  private readonly shapeFail = (message: string, at: Span): never => this.fail('E_PARSE_SHAPE', message, at);

  private isOp(text: string, k = 0): boolean {
    return this.is('op', text, k);
  }

  private atSign(): boolean {
    return this.isOp('-') || this.isOp('+');
  }

  /**
   *     1/(1+exp(-x))
   *     ^
   */
  parse(): Expr {
    return this.guard(() => {
      if (this.peek().type === 'eof') this.fail('E_PARSE_EMPTY', 'empty expression: write a formula such as 1/(1+exp(-x))', { start: 0, end: 0 });
      const e = this.additive();
      const t = this.peek();
      if (t.type !== 'eof') {
        const hint = t.text === ')' ? ": this ')' has no matching '('" : ': expected an operator or the end of the input';
        this.fail('E_PARSE_UNEXPECTED_TOKEN', `unexpected ${this.describe(t)}${hint}`, t);
      }
      checkShape(e, { start: 0, end: this.src.length }, this.opts.shapes, this.shapeFail);
      return e;
    });
  }

  /** An operand must follow the operator `op` just consumed. */
  private expectOperand(op: PlainToken): void {
    const t = this.peek();
    if (t.type === 'eof') this.fail('E_PARSE_UNEXPECTED_END', `expected an expression after '${op.text}', found the end of the input`, t);
    if (t.type === 'op' && NOT_OPERAND_START.has(t.text)) {
      this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected an expression after '${op.text}', found '${t.text}'`, t);
    }
  }

  /**
   *     a + b - 3
   *     ^   ^   ^     one n-ary sum; "- 3" is the number -3, "- b" is neg(b)
   */
  private additive(): Expr {
    // Skipping the signed() frame when there is no sign keeps deep inputs off the stack limit.
    const first = this.peek();
    const terms = [this.atSign() ? this.signed() : this.term()];
    while (this.isOp('+') || this.isOp('-')) {
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
   *     -x*y      a leading sign applies to the whole term
   *     ^
   */
  private signed(): Expr {
    const t = this.peek();
    if (this.isOp('-') || this.isOp('+')) {
      this.next();
      this.expectOperand(t);
      this.enter(t);
      const x = this.signed();
      this.leave();
      return t.text === '-' ? this.lit.negate(x) : x;
    }
    return this.term();
  }

  private startsOperand(t: PlainToken): boolean {
    return t.type === 'num' || t.type === 'ident' || (t.type === 'op' && (t.text === '(' || t.text === '{'));
  }

  /**
   *     2x*y/z (a)(b)
   *     ^^ ^ ^ ^  ^     factors collect in one product; '/' divides what came before
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
      const t = this.peek();
      if (this.isOp('*')) {
        this.next();
        this.expectOperand(t);
        const start = this.peek();
        factors.push(this.unary());
        spans.push(this.spanFrom(start));
        literal = false;
      } else if (this.isOp('/')) {
        this.next();
        this.expectOperand(t);
        const left = product();
        const right = this.unary();
        factors = [this.lit.divide(left, literal, right)];
        spans = [this.spanFrom(first)];
        literal = this.lit.literal;
      } else if (this.startsOperand(t)) {
        factors.push(this.power());
        spans.push(this.spanFrom(t));
        literal = false;
      } else break;
    }
    this.lit.literal = literal && factors.length === 1;
    return product();
  }

  /**
   *     x*-y  2^-1
   *       ^     ^
   */
  private unary(): Expr {
    const t = this.peek();
    if (this.isOp('-') || this.isOp('+')) {
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
   *     x^y^2     right-associative; e^u is exp(u)
   *      ^
   */
  private power(): Expr {
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
    if (this.opts.shapes === undefined && isBareT(exponent) && transposeReading(base)) return this.lit.plain(transpose(base));
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
      const fn = this.isOp('(', 1) ? this.functionNamed(t.text) : undefined;
      if (fn === undefined) return this.notation(t) ?? this.name();
      this.next();
      const applied = this.call(t, fn.name, fn.minArgs, fn.maxArgs);
      // h(1 - h): an unknown-function name used as a value inside its own bracket is a product.
      const [only] = fn.abstract === true && applied.kind === 'call' ? applied.args : [];
      if (only !== undefined && abstractHead(t.text)?.order === 0 && usesSymbol(only, t.text)) return this.lit.plain(mul(sym(t.text), only));
      return this.lit.plain(applied);
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
        const names = FUNCTIONS.map((f) => f.name);
        this.fail(
          'E_PARSE_UNKNOWN_FUNCTION',
          `unknown function '${text}'.${didYouMean(text, [...names, ...FUNCTIONS.flatMap((f) => f.aliases)])} Known functions include ${functionSample(lookupFunction)} and d(u, x). For a product write ${text}*(…)`,
          t,
        );
      }
    }
    if (text === 'e' && !this.isOp('_') && !this.isLabel()) return this.lit.euler();
    const m = /^([A-Za-z]+?)(\d+)$/.exec(text);
    const base = m === null ? text : (m[1] as string);
    const sub: Expr[] = m === null ? [] : [this.lit.number(m[2] as string)];
    const sup: Expr[] = [];
    for (;;) {
      if (this.isOp('_') && sub.length === 0) {
        this.next();
        sub.push(...this.indices());
      } else if (this.isLabel() && sup.length === 0) {
        sup.push(this.label());
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
    return sym(base, sub, sup);
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

  /** The function a name followed by '(' calls: the table, d(u, x), or an extra name from the options. */
  private functionNamed(text: string): { name: string; minArgs: number; maxArgs: number; abstract?: boolean } | undefined {
    const spec = lookupFunction(text);
    if (spec !== undefined) return spec;
    // f(x), f'(x), Phi(x): an unknown function of one argument (src/expr/abstract-function.ts).
    if (abstractHead(text) !== undefined && this.opts.extraFunctions?.includes(text) !== true) return { name: text, minArgs: 1, maxArgs: 1, abstract: true };
    if (text === 'd') return { name: 'd', minArgs: 2, maxArgs: 2 };
    const matrixFn = MATRIX_FUNCTIONS.get(text);
    if (matrixFn !== undefined) return matrixFn;
    if (this.opts.extraFunctions?.includes(text) === true) return { name: text, minArgs: 0, maxArgs: Number.POSITIVE_INFINITY };
    return undefined;
  }

  /** At `^{(`: a superscript label w^{(1)} rather than a power. */
  private isLabel(): boolean {
    return this.isOp('^') && this.isOp('{', 1) && this.isOp('(', 2);
  }

  /**
   *     w^{(1)}    y^{(i+1)}
   *      ^
   */
  private label(): Expr {
    const open = this.next();
    this.enter(open, 2);
    this.next();
    this.next();
    const e = this.additive();
    if (!this.isOp(')') || !this.isOp('}', 1)) {
      this.fail('E_PARSE_UNCLOSED', `expected ')}' to close the label '^{(' opened at ${this.where(open.start)}, found ${this.describe(this.peek())}`, this.peek());
    }
    this.next();
    this.next();
    this.leave(2);
    return e;
  }

  /**
   *     x_1  x_12  z_k  x_{12}  W_{ij}  W_{i,j}  z_{k+1}
   *       ^
   */
  private indices(): Expr[] {
    const t = this.peek();
    if (t.type === 'num' && /^\d+$/.test(t.text)) {
      this.next();
      return [this.lit.number(t.text)];
    }
    if (t.type === 'ident') {
      this.next();
      return [sym(t.text)];
    }
    if (this.isOp('{')) {
      // Indices nest through more methods per level than brackets do: count 2.
      this.enter(this.next(), 2);
      const inner = this.peek();
      // {ij}: a run of letters is one index per letter, as in W_{ij}.
      if (inner.type === 'ident' && /^[A-Za-z]{2,}$/.test(inner.text) && this.isOp('}', 1)) {
        this.next();
        this.next();
        this.leave(2);
        return [...inner.text].map((c) => sym(c));
      }
      const out = [this.additive()];
      while (this.isOp(',')) {
        this.next();
        out.push(this.additive());
      }
      if (!this.isOp('}')) this.fail('E_PARSE_UNCLOSED', `expected '}' to close the subscript opened at ${this.where(t.start)}, found ${this.describe(this.peek())}`, this.peek());
      this.next();
      this.leave(2);
      return out;
    }
    this.fail('E_PARSE_UNEXPECTED_TOKEN', `expected a subscript after '_' (a number, a name or {…}), found ${this.describe(t)}`, t);
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
