/**
 * Derivatives by a declared vector that gradtex can derive soundly today:
 * linear and affine maps, linear forms and quadratic forms, and sums and
 * scalar multiples of them. Each term is matched to an identity of
 * rules/matrix-calculus.identities (cited by id); anything else is an
 * UnsupportedDerivative naming the term, never a scalar reading. The
 * caller verifies the result entry by entry (check-matrix-equal.ts), so an
 * identity applied wrongly here could not come out as `holds`.
 *
 * Layout (as in lower.ts): the derivative of a scalar by x has the shape of
 * x (a gradient column); of an m-vector by an n-vector, the m×n Jacobian.
 *
 *     deriveShaped(parsePlain('W*x + b', { shapes }), sym('x'), shapes)   // { result: W, steps: [mat.jacobian-linear-map on W*x, mat.constant on b] }
 */
import { add, div, mul, neg, num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { equal } from '../expr/equal.js';
import { symKey } from '../expr/sym-key.js';
import { some } from '../expr/traverse.js';
import { toPlain } from '../expr/to-plain.js';
import { inferShape } from './infer-shape.js';
import { isMatrixCall, matmul, transpose } from './matrix-calls.js';
import { declaredShape, isScalarShape, shapeText, type Shape, type ShapeContext } from './shape.js';

/** What gradtex cannot derive under shapes yet; the message names the term and what is unsupported. */
export class UnsupportedDerivative extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedDerivative';
  }
}

/** One term's derivative, with the identity that gives it. */
export interface ShapedStep {
  readonly rule: string;
  readonly title: string;
  readonly term: Expr;
  readonly result: Expr;
}

export interface ShapedDerivative {
  readonly result: Expr;
  readonly shape: Shape;
  /** "the m×n Jacobian of an m-vector by an n-vector (numerator layout)" */
  readonly layout: string;
  readonly steps: readonly ShapedStep[];
  /** True when every term is free of x: the result is the zero matrix of `shape`. */
  readonly zero: boolean;
}

const RULES = {
  constant: ['mat.constant', 'A term free of the variable contributes nothing'],
  linear: ['mat.jacobian-linear-map', 'The Jacobian of a linear map is its matrix'],
  linearForm: ['mat.grad-linear-form', 'Gradient of a linear form'],
  quadratic: ['mat.grad-quadratic-form', 'Gradient of a quadratic form'],
} as const;

function mentions(e: Expr, x: Sym): boolean {
  return some(e, (y) => y.kind === 'sym' && equal(y, x));
}

/** The transpose of e, pushed through products, sums and transposes: (a^T W)^T = W^T a. */
export function transposeOf(e: Expr, ctx: ShapeContext): Expr {
  if (isScalarShape(inferShape(e, ctx))) return e;
  if (e.kind === 'call' && e.fn === 'transpose') return e.args[0] as Expr;
  if (e.kind === 'call' && e.fn === 'matmul') return matmul([...e.args].reverse().map((a) => transposeOf(a, ctx)));
  if (e.kind === 'add') return add(...e.args.map((a) => transposeOf(a, ctx)));
  if (e.kind === 'neg') return neg(transposeOf(e.arg, ctx));
  if (e.kind === 'mul') return mul(...e.args.map((a) => transposeOf(a, ctx)));
  return transpose(e);
}

function product(factors: readonly Expr[]): Expr {
  return factors.length === 1 ? (factors[0] as Expr) : matmul(factors);
}

function unsupported(term: Expr, what: string): never {
  throw new UnsupportedDerivative(`not derived under shapes: ${toPlain(term)} (${what}); gradtex derives linear and affine maps (W*x + b), linear forms (b^T*x) and quadratic forms (x^T*A*x) of a vector, and sums and scalar multiples of them`);
}

/** The derivative of one term (no sums inside, scalar factors split off by the caller) by the vector x. */
function termDerivative(t: Expr, x: Sym, ctx: ShapeContext, scalarBody: boolean, steps: ShapedStep[]): Expr | undefined {
  const step = (rule: readonly [string, string], result: Expr): Expr => {
    steps.push({ rule: rule[0], title: rule[1], term: t, result });
    return result;
  };
  if (!mentions(t, x)) {
    steps.push({ rule: RULES.constant[0], title: RULES.constant[1], term: t, result: num(0) });
    return undefined;
  }
  if (t.kind === 'sym') unsupported(t, 'the identity matrix I is not supported yet');
  if (!isMatrixCall(t, 'matmul')) unsupported(t, 'x inside a function, a power, a quotient or an elementwise product');
  const args = t.args;
  const hits = args.map((a, k) => (mentions(a, x) ? k : -1)).filter((k) => k >= 0);
  const isX = (a: Expr | undefined): boolean => a !== undefined && a.kind === 'sym' && equal(a, x);
  const isXT = (a: Expr | undefined): boolean => a !== undefined && isMatrixCall(a, 'transpose') && isX(a.args[0]);
  const last = args.length - 1;
  // P x: the Jacobian P, or for a scalar P x (P a row) the gradient P^T.
  if (hits.length === 1 && hits[0] === last && isX(args[last])) {
    const p = product(args.slice(0, last));
    return scalarBody ? step(RULES.linearForm, transposeOf(p, ctx)) : step(RULES.linear, p);
  }
  // x^T P (P a column): the scalar x^T P = P^T x, whose gradient is P.
  if (scalarBody && hits.length === 1 && hits[0] === 0 && isXT(args[0])) return step(RULES.linearForm, product(args.slice(1)));
  // x^T A x: the gradient (A + A^T) x.
  if (scalarBody && hits.length === 2 && hits[0] === 0 && hits[1] === last && isXT(args[0]) && isX(args[last]) && last >= 2) {
    const a = product(args.slice(1, last));
    return step(RULES.quadratic, matmul([add(a, transposeOf(a, ctx)), x]));
  }
  return unsupported(t, hits.length > 1 ? 'x in more than one factor, other than the quadratic form x^T A x' : 'x inside a factor rather than as the last factor of a linear map');
}

/** Splits t into its terms with their scalar coefficients: 2*(W*x) - b -> [[2], W*x], [[-1], b]. */
function terms(t: Expr, ctx: ShapeContext, x: Sym, coeff: readonly Expr[] = []): [Expr[], Expr][] {
  if (t.kind === 'add') return t.args.flatMap((a) => terms(a, ctx, x, coeff));
  if (t.kind === 'neg') return terms(t.arg, ctx, x, [...coeff, num(-1)]);
  if (t.kind === 'mul') {
    const scalars = t.args.filter((a) => isScalarShape(inferShape(a, ctx)) && !mentions(a, x));
    const rest = t.args.filter((a) => !scalars.includes(a));
    if (rest.length === 1) return terms(rest[0] as Expr, ctx, x, [...coeff, ...scalars]);
    if (rest.length === 0) return [[[...coeff], t]];
    return unsupported(t, 'a product of x with a scalar that depends on x');
  }
  // W*x/2: a scalar denominator free of x is a coefficient 1/2.
  if (t.kind === 'div' && !mentions(t.den, x) && isScalarShape(inferShape(t.den, ctx))) return terms(t.num, ctx, x, [...coeff, div(num(1), t.den)]);
  return [[[...coeff], t]];
}

/**
 * d(f, x) for a vector x declared in ctx, f a vector (the Jacobian) or a
 * scalar (the gradient); UnsupportedDerivative otherwise.
 */
export function deriveShaped(f: Expr, x: Sym, ctx: ShapeContext): ShapedDerivative {
  const xs = declaredShape(ctx, x);
  if (xs === undefined || isScalarShape(xs)) throw new UnsupportedDerivative(`not derived under shapes: --wrt ${symKey(x)} is not a declared vector (derivatives by a scalar or a matrix under --shape are not supported yet)`);
  if (!xs.vector && xs.cols !== 1) throw new UnsupportedDerivative(`not derived under shapes: derivatives by the matrix ${symKey(x)} (${shapeText(xs)}) are not supported yet`);
  const fs = inferShape(f, ctx);
  if (fs.cols !== 1) throw new UnsupportedDerivative(`not derived under shapes: ${toPlain(f)} is ${shapeText(fs)}; only scalars (a gradient) and vectors (a Jacobian) are differentiated by a vector`);
  const scalarBody = isScalarShape(fs);
  const steps: ShapedStep[] = [];
  const parts: Expr[] = [];
  for (const [coeff, t] of terms(f, ctx, x)) {
    const d = termDerivative(t, x, ctx, scalarBody, steps);
    if (d !== undefined) parts.push(coeff.length === 0 ? d : mul(...coeff, d));
  }
  const shape: Shape = scalarBody ? { rows: xs.rows, cols: 1, vector: true } : { rows: fs.rows, cols: xs.rows, vector: false };
  const layout = scalarBody
    ? `the gradient of a scalar by ${symKey(x)} (${xs.rows} entries), shaped like ${symKey(x)}`
    : `the Jacobian of ${fs.rows} entries by ${symKey(x)} (${xs.rows} entries), numerator layout: row i is the gradient of entry i`;
  const result = parts.length === 0 ? num(0) : parts.length === 1 ? (parts[0] as Expr) : add(...parts);
  return { result, shape, layout, steps, zero: parts.length === 0 };
}
