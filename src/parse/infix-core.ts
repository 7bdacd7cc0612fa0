/**
 * The infix core both parsers share: sums, signs and products, with the same
 * precedence levels in the plain syntax and in LaTeX (lowest first):
 *
 *     additive  := signed (('+' | '-') term)*
 *     signed    := ('-' | '+') signed | term               -x y is -(x y), as printed
 *     term      := unary (times unary | '/' unary | power)*  juxtaposition multiplies
 *     unary     := ('-' | '+') unary | power               x * -y, 2^-1
 *
 * What a times sign is, what can start a juxtaposed factor, and everything
 * from `power` down is the syntax's own (parse-plain.ts, parse-latex.ts).
 * Sums and products are loops, not recursion, so a 1 MB sum of 100k terms
 * parses; only signs nest, and they count towards MAX_DEPTH.
 *
 *     class LatexParser extends InfixParser<LatexToken> { protected power() { … } }
 */
import { add, deriv, mul } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import type { ShapeContext } from '../matrix/shape.js';
import { Cursor, type TokenLike } from './cursor.js';
import { Literals } from './literals.js';
import { checkShape, product as shapedProduct } from './shaped.js';
import { call } from '../expr/build.js';
import type { Reading } from './reading.js';
import type { Span } from './source.js';

export abstract class InfixParser<T extends TokenLike> extends Cursor<T> {
  readonly lit = new Literals();
  /** Readings chosen where the notation allows more than one (reading.ts). */
  readonly readings: Reading[] = [];

  protected constructor(
    src: string,
    tokens: T[],
    /** Declared shapes: products of matrices become matmul in the order written; mismatches are errors at their factor. */
    readonly shapes: ShapeContext | undefined,
  ) {
    super(src, tokens);
  }

  protected readonly shapeFail = (message: string, at: Span): never => this.fail('E_PARSE_SHAPE', message, at);

  /** Is a '+' or '-' next? */
  protected abstract atSign(): boolean;
  /** Is an explicit multiplication sign next (*, \cdot, \times)? */
  protected abstract isTimes(): boolean;
  /** Is a division slash next? */
  protected abstract isDivide(): boolean;
  /** Can the next token begin a juxtaposed factor (2x, x y, (a)(b))? */
  protected abstract startsFactor(): boolean;
  /** An operand must follow the operator `op` just consumed. */
  abstract expectOperand(op: T): void;
  /** The level above unary: a primary with its exponent. */
  abstract power(): Expr;
  /** Record a reading that was a choice. */
  note(r: Reading): void {
    this.readings.push(r);
  }

  /**
   * `d/dw (…)` typed with a slash, at the token after `d/` (`first` is the d):
   * the derivative by w of the bracket that follows (and its exponent), as
   * \frac{d}{dw}\left(…\right) reads; undefined (nothing consumed) when the
   * syntax does not read it here, and the caller refuses d/d… by name.
   */
  protected slashDerivative(_first: T): Expr | undefined {
    return undefined;
  }

  /** The derivative by x of `operand` read after `d/dx` at `first`; a factor after the bracket stays outside it, noted. */
  protected slashDerivativeOf(first: T, operand: Expr, x: Sym): Expr {
    if (this.startsFactor() || this.isTimes()) {
      this.note({ at: { start: first.start, end: this.peek().start }, kind: 'operator-scope', text: 'd/dx applies to the bracket after it only; write a bracket around everything it should apply to' });
    }
    return deriv(operand, x);
  }

  /** Is an ellipsis next, after a '+' (a_1 + \dots + a_n)? A syntax without one says no. */
  protected atEllipsis(): boolean {
    return false;
  }

  /** Read the ellipsis and the last term, replacing the terms of the pattern by their sum (latex-ellipsis.ts). */
  protected ellipsis(terms: Expr[]): void {
    void terms;
  }

  /** Called with a times sign just consumed: a syntax may refuse it here, or note how it is read. */
  protected timesSign(op: T): void {
    void op;
  }

  /** Is this times sign the elementwise product (\odot)? Under declared shapes it splits the term into hadamard factors. */
  protected isElementwise(op: T): boolean {
    void op;
    return false;
  }

  /**
   *     a + b - 3
   *     ^   ^   ^     one n-ary sum; "- 3" is the number -3, "- b" is neg(b)
   */
  additive(): Expr {
    // Skipping the signed() frame when there is no sign keeps deep inputs off the stack limit.
    const first = this.peek();
    const terms = [this.atSign() ? this.signed() : this.term()];
    while (this.atSign()) {
      const op = this.next();
      if (op.text === '+' && this.atEllipsis()) {
        this.ellipsis(terms);
        continue;
      }
      this.expectOperand(op);
      const t = this.term();
      terms.push(op.text === '-' ? this.lit.negate(t) : t);
    }
    if (terms.length === 1) return terms[0] as Expr;
    const sum = add(...terms);
    checkShape(sum, this.spanFrom(first), this.shapes, this.shapeFail);
    return this.lit.plain(sum);
  }

  /**
   *     -x y      a leading sign applies to the whole term
   *     ^
   */
  private signed(): Expr {
    const t = this.peek();
    if (this.atSign()) {
      this.next();
      this.expectOperand(t);
      this.enter(t);
      const x = this.signed();
      this.leave();
      return t.text === '-' ? this.lit.negate(x) : x;
    }
    return this.term();
  }

  /**
   *     2 x \cdot y / z
   *     ^ ^       ^   ^   factors collect in one product; '/' divides what came before
   */
  term(): Expr {
    const first = this.peek();
    let factors: Expr[] = [this.atSign() ? this.unary() : this.power()];
    // Where each factor came from, for shape errors (kept only when shapes are declared).
    let spans: Span[] | undefined = this.shapes === undefined ? undefined : [this.spanFrom(first)];
    let literal = this.lit.literal;
    for (;;) {
      let start: T;
      // Under shapes, a ⊙ b ⊙ c: the products between the signs (matmul, in the order written) are its factors.
      if (spans !== undefined && this.isTimes() && this.isElementwise(this.peek())) return this.elementwise(this.product(factors, spans), first);
      if (this.isTimes()) {
        const op = this.next();
        this.timesSign(op);
        this.expectOperand(op);
        start = this.peek();
        factors.push(this.unary());
        literal = false;
      } else if (this.isDivide()) {
        const op = this.next();
        this.expectOperand(op);
        // `d/dx x^2` would read as d divided by d times x times x^2 (= x^3): refused, never silently a product.
        const after = this.peek();
        // So is `dL/dw` (d L over d w, = L/w) and the plain `dy/dx` (two symbols dy, dx).
        const head = factors[0];
        const bare = head !== undefined && head.kind === 'sym' && head.sub.length === 0 && head.sup.length === 0 ? head.name : undefined;
        const differential = bare === 'd' || (factors.length === 1 && bare !== undefined && /^d[A-Za-z]+$/.test(bare));
        const operator = bare === 'd' && factors.length === 1 ? this.slashDerivative(first) : undefined;
        if (operator !== undefined) {
          factors = [operator];
          literal = false;
          start = first;
          if (spans !== undefined) spans = [];
          spans?.push(this.spanFrom(start));
          continue;
        }
        if (differential && /^d[A-Za-z]*$/.test(after.text)) {
          this.fail('E_PARSE_AMBIGUOUS', `'d/d…' is not read as a derivative (it would be d divided by d times …): write \\frac{d}{dx} … in LaTeX or d(…, x) in plain syntax`, { start: first.start, end: after.end });
        }
        const left = this.product(factors, spans);
        factors = [this.lit.divide(left, literal, this.unary())];
        literal = this.lit.literal;
        start = first;
        if (spans !== undefined) spans = [];
      } else if (this.startsFactor()) {
        start = this.peek();
        factors.push(this.power());
        literal = false;
      } else break;
      spans?.push(this.spanFrom(start));
    }
    this.lit.literal = literal && factors.length === 1;
    return this.product(factors, spans);
  }

  /** `left ⊙ …` under shapes, at the sign: the rest of the term is the next factor (a method of its own keeps term()'s frame small for deep nesting). */
  private elementwise(left: Expr, first: T): Expr {
    this.expectOperand(this.next());
    const right = this.term();
    const e = call('hadamard', [left, ...(right.kind === 'call' && right.fn === 'hadamard' ? right.args : [right])]);
    checkShape(e, this.spanFrom(first), this.shapes, this.shapeFail);
    this.lit.literal = false;
    return e;
  }

  /** The product of the factors: mul without shapes, matmul for matrices with them (spans[k] is factor k's source). */
  private product(factors: Expr[], spans: Span[] | undefined): Expr {
    if (factors.length === 1) return factors[0] as Expr;
    return spans === undefined || this.shapes === undefined ? mul(...factors) : shapedProduct(factors, spans, this.shapes, this.shapeFail);
  }

  /**
   *     x \cdot -y    x*-y
   *             ^       ^
   */
  protected unary(): Expr {
    const t = this.peek();
    if (this.atSign()) {
      this.next();
      this.expectOperand(t);
      this.enter(t);
      const x = this.unary();
      this.leave();
      return t.text === '-' ? this.lit.negate(x) : x;
    }
    return this.power();
  }

  /** The whole input as one expression, with its shape checked; `rest` reports what is left over. */
  protected whole(empty: () => never, rest: (t: T) => void): Expr {
    return this.guard(() => {
      if (this.peek().type === 'eof') empty();
      const e = this.additive();
      const t = this.peek();
      if (t.type !== 'eof') rest(t);
      checkShape(e, { start: 0, end: this.src.length }, this.shapes, this.shapeFail);
      return e;
    });
  }
}
