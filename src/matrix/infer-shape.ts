/**
 * The shape of an expression under declared shapes, or a ShapeError that
 * names the operands and their shapes:
 *
 *     inferShape(parsePlain('matmul(W, x)'), ctx)   // W: h×n, x: m -> "cannot multiply W (h×n) by x (m): …"
 *
 * Rules (textbook linear algebra, no broadcasting): a sum needs equal shapes;
 * a commutative product has at most one non-scalar factor (a scalar
 * multiple); a quotient's denominator is a scalar; one-argument functions
 * apply elementwise; d(F, X) is the gradient (F scalar: the shape of X) or
 * the Jacobian (F and X vectors: rows of F × rows of X).
 */
import type { Expr, Sym } from '../expr/node.js';
import { sym } from '../expr/build.js';
import { symbolsOf } from '../expr/traverse.js';
import { assertNever } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import { toPlain } from '../expr/to-plain.js';
import { matmul } from './matrix-calls.js';
import { declaredShape, isScalarShape, SCALAR, sameShape, sameSize, ShapeError, shapeText, type Shape, type ShapeContext, type Size } from './shape.js';

/** "1 column", "3 columns", "n columns". */
function count(z: Size, what: string): string {
  return `${z} ${what}${z === 1 ? '' : 's'}`;
}

/** z_j of a declared vector z (an entry, a scalar by its index). */
function isEntryOfDeclared(y: Sym, ctx: ShapeContext): boolean {
  return y.sub.length > 0 && declaredShape(ctx, sym(y.name, y.sub.slice(0, -1), y.sup)) !== undefined;
}

function named(e: Expr, s: Shape): string {
  return `${toPlain(e)} (${shapeText(s)})`;
}

/** The shape of the product of `factors` in order, or a ShapeError at the first mismatch (with its factor index). */
export function productShape(factors: readonly Expr[], shapes: readonly Shape[]): Shape {
  let acc = shapes[0] ?? SCALAR;
  for (let k = 1; k < factors.length; k++) {
    const s = shapes[k] as Shape;
    if (!sameSize(acc.cols, s.rows)) {
      const left = factors.slice(0, k);
      const leftExpr = left.length === 1 ? (left[0] as Expr) : matmul(left);
      throw new ShapeError(`cannot multiply ${named(leftExpr, acc)} by ${named(factors[k] as Expr, s)}: ${count(acc.cols, 'column')} against ${count(s.rows, 'row')}`, k);
    }
    acc = { rows: acc.rows, cols: s.cols, vector: false };
  }
  return acc;
}

function elementwise(e: Expr & { kind: 'call' }, ctx: ShapeContext): Shape {
  const shapes = e.args.map((a) => inferShape(a, ctx));
  const big = shapes.filter((s) => !isScalarShape(s));
  const first = big[0];
  if (first === undefined) return SCALAR;
  if (big.length !== shapes.length || !big.every((s) => sameShape(s, first))) {
    throw new ShapeError(`${e.fn} applies elementwise: its arguments ${e.args.map((a, k) => named(a, shapes[k] as Shape)).join(', ')} need one shape`);
  }
  return first;
}

/** The size an argument of ones(n)/identity(n) names: an integer or a size symbol; undefined otherwise. */
function sizeOf(a: Expr): Size | undefined {
  if (a.kind === 'num' && a.d === 1n && a.n > 0n) return Number(a.n);
  if (a.kind === 'sym' && a.sub.length === 0 && a.sup.length === 0) return a.name;
  return undefined;
}

/** a ⊙ b: equal shapes, or a scalar factor that broadcasts (2 ⊙ A = 2A). */
function hadamardShape(e: Expr & { kind: 'call' }, ctx: ShapeContext): Shape {
  const shapes = e.args.map((a) => inferShape(a, ctx));
  const big = shapes.filter((s) => !isScalarShape(s));
  const first = big[0];
  if (first === undefined) return SCALAR;
  if (!big.every((s) => sameShape(s, first))) throw new ShapeError(`the elementwise product needs one shape: ${e.args.map((a, k) => named(a, shapes[k] as Shape)).join(', ')}`);
  return first;
}

function callShape(e: Expr & { kind: 'call' }, ctx: ShapeContext): Shape {
  switch (e.fn) {
    case 'matmul':
      return productShape(e.args, e.args.map((a) => inferShape(a, ctx)));
    case 'transpose': {
      const s = inferShape(e.args[0] as Expr, ctx);
      return { rows: s.cols, cols: s.rows, vector: false };
    }
    case 'entry': {
      const [m, i, j] = e.args as [Expr, Expr, Expr];
      for (const x of [i, j]) if (!isScalarShape(inferShape(x, ctx))) throw new ShapeError(`the indices of entry(…) are scalars, got ${named(x, inferShape(x, ctx))}`);
      inferShape(m, ctx);
      return SCALAR;
    }
    case 'norm':
    case 'norm1':
    case 'norminf': {
      const a = e.args[0] as Expr;
      const s = inferShape(a, ctx);
      if (e.fn === 'norminf' && s.rows !== 1 && s.cols !== 1) throw new ShapeError(`‖A‖_∞ of a matrix (its largest row sum) is not read: got ${named(a, s)}; write the maximum you mean`);
      if (e.fn === 'norm1' && s.rows !== 1 && s.cols !== 1) throw new ShapeError(`‖A‖_1 of a matrix (its largest column sum) is not read: got ${named(a, s)}; write the sum of |A_{ij}| you mean`);
      return SCALAR;
    }
    case 'lse':
    case 'softmax': {
      // Functions of a column vector (a scalar is a vector of one entry): LSE is a scalar, softmax a vector
      // shaped like its argument, and softmax(z, i) its entry i.
      const [a, i] = e.args as [Expr, Expr?];
      const s = inferShape(a, ctx);
      if (!isScalarShape(s) && s.cols !== 1) throw new ShapeError(`${e.fn} is read of a column vector, got ${named(a, s)}; apply it to each column you mean`);
      // LSE(w) of an undeclared w is not the 1-entry vector w: the letter was meant as a vector without a shape.
      const undeclared = symbolsOf(a).filter((y) => declaredShape(ctx, y) === undefined && !isEntryOfDeclared(y, ctx));
      if (isScalarShape(s) && undeclared.length > 0 && undeclared.length === symbolsOf(a).length) throw new ShapeError(`${e.fn}(${toPlain(a)}) is of a vector, and ${undeclared.map((y) => toPlain(y)).join(', ')} has no shape: declare it (${toPlain(undeclared[0] as Expr)}: n)`);
      if (i !== undefined && !isScalarShape(inferShape(i, ctx))) throw new ShapeError(`the index of ${e.fn}(z, i) is a scalar, got ${named(i, inferShape(i, ctx))}`);
      return e.fn === 'lse' || i !== undefined ? SCALAR : s;
    }
    case 'hadamard':
      return hadamardShape(e, ctx);
    case 'trace': {
      const a = e.args[0] as Expr;
      const s = inferShape(a, ctx);
      if (!sameSize(s.rows, s.cols)) throw new ShapeError(`trace needs a square matrix, got ${named(a, s)}`);
      return SCALAR;
    }
    case 'epow': {
      // epow(A, n): the entrywise (Hadamard) power; x^2 of a vector stays refused (it may mean x^T x).
      const [a, n] = e.args as [Expr, Expr];
      const p = inferShape(n, ctx);
      if (!isScalarShape(p)) throw new ShapeError(`the exponent of an entrywise power is a scalar, got ${named(n, p)}`);
      return inferShape(a, ctx);
    }
    case 'sumall':
      inferShape(e.args[0] as Expr, ctx);
      return SCALAR;
    case 'ones':
    case 'identity': {
      // ones(n), identity(n) for a size n; ones(A) shaped like A, identity(A) of A's rows.
      const a = e.args[0] as Expr;
      const s = inferShape(a, ctx);
      // A declared vector of one entry (z: 1, a size drawn as 1) is not a size name: ones(z) has its one row.
      const n = isScalarShape(s) && (a.kind !== 'sym' || declaredShape(ctx, a) === undefined) ? sizeOf(a) : s.rows;
      if (n === undefined) throw new ShapeError(`${e.fn}(${toPlain(a)}): the argument is a size (a positive integer or a size name such as n) or a shaped vector or matrix`);
      if (e.fn === 'identity') return { rows: n, cols: n, vector: false };
      return isScalarShape(s) ? { rows: n, cols: 1, vector: true } : s;
    }
    case 'vjp': {
      // vjp(G, F, X) = ∂⟨G, F⟩/∂X: G has F's shape or is a scalar (broadcast); the result is shaped like X.
      const [g, f, x] = e.args as [Expr, Expr, Expr];
      const gs = inferShape(g, ctx);
      const fs = inferShape(f, ctx);
      if (!isScalarShape(gs) && !sameShape(gs, fs)) throw new ShapeError(`vjp(G, F, X) needs G shaped like F or a scalar, got ${named(g, gs)} and ${named(f, fs)}`);
      return inferShape(x, ctx);
    }
    case 'diag': {
      const a = e.args[0] as Expr;
      const s = inferShape(a, ctx);
      if (s.cols !== 1 && s.rows !== 1) throw new ShapeError(`diag needs a vector, got ${named(a, s)}`);
      const n = s.cols === 1 ? s.rows : s.cols;
      return { rows: n, cols: n, vector: false };
    }
  }
  const spec = lookupFunction(e.fn);
  if (spec?.binds !== undefined || e.fn === 'delta') {
    for (const a of e.args) {
      const s = inferShape(a, ctx);
      if (!isScalarShape(s)) throw new ShapeError(`${e.fn} works on scalars here, got ${named(a, s)}; write the matrix form instead`);
    }
    return SCALAR;
  }
  return elementwise(e, ctx);
}

function derivShape(e: Expr & { kind: 'deriv' }, ctx: ShapeContext): Shape {
  const f = inferShape(e.body, ctx);
  const x = inferShape(e.wrt, ctx);
  if (isScalarShape(x)) return f;
  if (isScalarShape(f)) return x;
  if (f.cols === 1 && x.cols === 1) return { rows: f.rows, cols: x.rows, vector: false };
  throw new ShapeError(`d(F, X) is defined for a scalar F (the gradient, shaped like X) or vectors F and X (the Jacobian); got F = ${named(e.body, f)}, X = ${named(e.wrt, x)}`);
}

/** The shape of e; symbols not declared in ctx are scalars. */
export function inferShape(e: Expr, ctx: ShapeContext): Shape {
  switch (e.kind) {
    case 'num':
    case 'float':
      return SCALAR;
    case 'sym': {
      const s = declaredShape(ctx, e);
      return s ?? SCALAR;
    }
    case 'add': {
      // A scalar term broadcasts (1 - σ(s) adds 1 to every entry); the other terms need one shape.
      const shapes = e.args.map((a) => inferShape(a, ctx));
      const k0 = shapes.findIndex((s) => !isScalarShape(s));
      const first = shapes[k0 < 0 ? 0 : k0] as Shape;
      shapes.forEach((s, k) => {
        if (!isScalarShape(s) && !sameShape(s, first)) throw new ShapeError(`cannot add ${named(e.args[k0] as Expr, first)} and ${named(e.args[k] as Expr, s)}: a sum needs one shape`);
      });
      return first;
    }
    case 'mul': {
      const shapes = e.args.map((a) => inferShape(a, ctx));
      const big = shapes.map((s, k) => ({ s, k })).filter(({ s }) => !isScalarShape(s));
      if (big.length > 1) {
        const [a, b] = big as [{ s: Shape; k: number }, { s: Shape; k: number }];
        throw new ShapeError(`${named(e.args[a.k] as Expr, a.s)} and ${named(e.args[b.k] as Expr, b.s)} in a commutative product: write matmul(…) or declare the shapes before parsing`);
      }
      return big[0]?.s ?? SCALAR;
    }
    case 'div': {
      const d = inferShape(e.den, ctx);
      if (!isScalarShape(d)) throw new ShapeError(`cannot divide by ${named(e.den, d)}: a denominator is a scalar`);
      return inferShape(e.num, ctx);
    }
    case 'pow': {
      const b = inferShape(e.base, ctx);
      const x = inferShape(e.exp, ctx);
      if (!isScalarShape(b) && b.cols === 1 && isScalarShape(x)) throw new ShapeError(`no powers of vectors: ${named(e.base, b)} ^ ${toPlain(e.exp)} could mean x^T x or each entry squared; write transpose(x)*x, or epow(x, ${toPlain(e.exp)}) for the entrywise power`);
      if (!isScalarShape(b) || !isScalarShape(x)) throw new ShapeError(`no powers of matrices: ${named(e.base, b)} ^ ${named(e.exp, x)}; write A*A for a product, W^T for a transpose`);
      return SCALAR;
    }
    case 'neg':
      return inferShape(e.arg, ctx);
    case 'call':
      return callShape(e, ctx);
    case 'deriv':
      return derivShape(e, ctx);
    default:
      return assertNever(e);
  }
}
