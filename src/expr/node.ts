/**
 * The expression tree: immutable plain data, one interface per node kind,
 * discriminated on `kind`. Every node carries a structural `hash` computed once
 * by the smart constructors in `build.ts`; nothing else creates nodes.
 *
 * Constructors never simplify: `x + x` stays `x + x`. The only normalisation
 * they do is flattening nested sums and products (associativity), which no
 * reader wants to see as a step.
 */

/** Exact rational number `n/d`, `d > 0`, `gcd(n, d) = 1`. */
export interface Num {
  readonly kind: 'num';
  readonly n: bigint;
  readonly d: bigint;
  readonly hash: number;
}

/** A floating-point constant: only where the input had a decimal point. */
export interface Float {
  readonly kind: 'float';
  readonly value: number;
  readonly hash: number;
}

/**
 * A symbol, optionally indexed: `x`, `x_1` (sub [1]), `W_{ij}` (sub [i, j]),
 * `w^{(1)}` (sup [1]), `y_k^{(i)}` (sub [k], sup [i]). Names are identifiers;
 * Greek names (`alpha`, `eta`) render as Greek letters.
 */
export interface Sym {
  readonly kind: 'sym';
  readonly name: string;
  readonly sub: readonly Expr[];
  readonly sup: readonly Expr[];
  readonly hash: number;
}

/** n-ary sum, n >= 2, never directly nested in another sum. */
export interface Add {
  readonly kind: 'add';
  readonly args: readonly Expr[];
  readonly hash: number;
}

/** n-ary product, n >= 2, never directly nested in another product. */
export interface Mul {
  readonly kind: 'mul';
  readonly args: readonly Expr[];
  readonly hash: number;
}

/** Quotient `num / den`, kept as written so that `\frac` survives. */
export interface Div {
  readonly kind: 'div';
  readonly num: Expr;
  readonly den: Expr;
  readonly hash: number;
}

export interface Pow {
  readonly kind: 'pow';
  readonly base: Expr;
  readonly exp: Expr;
  readonly hash: number;
}

/** Unary minus. Subtraction `a - b` is `a + (-b)`. */
export interface Neg {
  readonly kind: 'neg';
  readonly arg: Expr;
  readonly hash: number;
}

/** Application of a named function from the table in `functions.ts`. */
export interface Call {
  readonly kind: 'call';
  readonly fn: string;
  readonly args: readonly Expr[];
  readonly hash: number;
}

/** Inert derivative `d(body, x)`: "the derivative of body with respect to x". */
export interface Deriv {
  readonly kind: 'deriv';
  readonly body: Expr;
  readonly wrt: Sym;
  readonly hash: number;
}

export type Expr = Num | Float | Sym | Add | Mul | Div | Pow | Neg | Call | Deriv;
export type ExprKind = Expr['kind'];

/** Exhaustiveness check for `switch (e.kind)`. */
export function assertNever(x: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(x)}`);
}
