/**
 * Lowering a matrix expression to components: entry (i, j) as a scalar
 * index expression, so that the numeric checker (src/numeric/indexed.ts)
 * can compare matrix forms without any matrix code of its own.
 *
 *     (W x)_i        = sum(W_{i,k} * x_k, k, 1, n)
 *     (Aᵀ)_{ij}      = A_{j,i}
 *     (diag(v))_{ij} = v_i δ_ij
 *     (σ(M))_{ij}    = σ(M_{ij})                       elementwise
 *     (∂f/∂W)_{ij}   = ∂f/∂W_{ij}                      f scalar: shaped like W
 *     (∂F/∂x)_{ij}   = ∂F_i/∂x_j                       F, x vectors: the Jacobian
 *
 * A vector x has entries x_i; a matrix W has W_{i,j}; a scalar is its own
 * (1, 1) entry. Bound indices are fresh names, never a symbol of the input.
 */
import { toPlain } from '../expr/to-plain.js';
import { add, call, div, mul, neg, num, pow, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { assertNever } from '../expr/node.js';
import { deriv } from '../expr/build.js';
import { mapBottomUp, some, symbolsOf } from '../expr/traverse.js';
import { inferShape } from './infer-shape.js';
import { declaredShape, isScalarShape, ShapeError, type Shape, type ShapeContext, type Size } from './shape.js';

const ONE = num(1);

/** Index names handed out in order; names used by the expression or the shapes are skipped. */
export class FreshIndices {
  private readonly taken: Set<string>;
  private n = 0;
  /** The names handed out so far. */
  readonly issued = new Set<string>();
  /**
   * With `reuse`, entryOf gives a node and entry indices asked again the
   * entry it made the first time (the same object, with the bound index
   * names it chose then): a whole loss lowered once for every entry of its
   * gradient. Sound only where the caller then writes out every sum (see
   * shared-lowering.ts): otherwise two sums could share a bound name.
   */
  readonly reuse: Map<Expr, Map<string, Expr>> | undefined;

  constructor(exprs: readonly Expr[], ctx: ShapeContext, opts: { readonly reuse?: boolean } = {}) {
    this.taken = new Set(exprs.flatMap((e) => symbolsOf(e).map((s) => s.name)));
    for (const s of ctx.values()) for (const z of [s.rows, s.cols]) if (typeof z === 'string') this.taken.add(z);
    this.reuse = opts.reuse === true ? new Map() : undefined;
  }

  /**
   * Entries of `exprs` asked too (a caller that keeps one lowering for
   * several checks): false when they use a name handed out already as a
   * bound index; else their names are avoided from now on.
   */
  avoid(exprs: readonly Expr[]): boolean {
    const names = exprs.flatMap((e) => symbolsOf(e).map((s) => s.name));
    if (names.some((n) => this.issued.has(n))) return false;
    for (const n of names) this.taken.add(n);
    return true;
  }

  next(): Sym {
    const base = ['k', 'l', 'q', 'r', 's', 't', 'u', 'v'];
    for (;;) {
      const i = this.n++;
      const name = i < base.length ? (base[i] as string) : `k${i - base.length + 1}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        this.issued.add(name);
        return sym(name);
      }
    }
  }
}

/** The key of a pair of entry indices (numbers and plain symbols only), or undefined. */
function indexPairKey(i: Expr, j: Expr): string | undefined {
  const one = (x: Expr): string | undefined => (x.kind === 'num' ? `${x.n}/${x.d}` : x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0 ? `@${x.name}` : undefined);
  const a = one(i);
  const b = one(j);
  return a === undefined || b === undefined ? undefined : `${a},${b}`;
}

export function sizeExpr(z: Size): Expr {
  return typeof z === 'number' ? num(z) : sym(z);
}

/**
 * The entry symbol of a declared matrix or vector: W_{i,j}, x_i,
 * w^{(1)}_i; a numbered name keeps its number first, (W_1)_{ij} = W_{1,i,j}
 * (shape.ts refuses a context where two names' entries would meet).
 */
export function entrySymbol(s: Sym, shape: Shape, i: Expr, j: Expr): Sym {
  return sym(s.name, shape.vector ? [...s.sub, i] : [...s.sub, i, j], s.sup);
}

/**
 * Every entry(M, i, j) call in e replaced by its components (the named
 * derivations' checks: a step that shows [M]_{ql} is compared as components).
 *
 *     lowerEntryCalls(entry(W*x, i, 1), ctx)   // sum(W_{i,k}*x_k, k, 1, n)
 */
export function lowerEntryCalls(e: Expr, ctx: ShapeContext): Expr {
  if (!some(e, (x) => x.kind === 'call' && x.fn === 'entry')) return e;
  const fresh = new FreshIndices([e], ctx);
  return mapBottomUp(e, (x) => (x.kind === 'call' && x.fn === 'entry' ? entryOf(x, ONE, ONE, ctx, fresh) : x));
}

/** Entry (i, j) of e under ctx: a scalar expression with no matrix operations left. */
export function entryOf(e: Expr, i: Expr, j: Expr, ctx: ShapeContext, fresh: FreshIndices): Expr {
  const reuse = fresh.reuse;
  if (reuse === undefined) return lowerEntry(e, i, j, ctx, fresh);
  const key = indexPairKey(i, j);
  if (key === undefined) return lowerEntry(e, i, j, ctx, fresh);
  let byIndices = reuse.get(e);
  const known = byIndices?.get(key);
  if (known !== undefined) return known;
  const made = lowerEntry(e, i, j, ctx, fresh);
  if (byIndices === undefined) {
    byIndices = new Map();
    reuse.set(e, byIndices);
  }
  byIndices.set(key, made);
  return made;
}

function lowerEntry(e: Expr, i: Expr, j: Expr, ctx: ShapeContext, fresh: FreshIndices): Expr {
  const shape = inferShape(e, ctx);
  // A scalar is its own (1, 1) entry, whatever (i, j) is asked: alpha in alpha*W, 0 in max(0, W*x).
  const [r, c] = isScalarShape(shape) ? [ONE, ONE] : [i, j];
  const at = (x: Expr, p: Expr = r, q: Expr = c): Expr => entryOf(x, p, q, ctx, fresh);
  switch (e.kind) {
    case 'num':
    case 'float':
      return e;
    case 'sym': {
      const s = declaredShape(ctx, e);
      // A declared vector or matrix keeps its entry names at size 1 (x_1, W_{1,1}): a side written with entries (x_i) must meet the same symbols.
      return s === undefined ? e : entrySymbol(e, s, r, c);
    }
    case 'add':
      return add(...e.args.map((a) => at(a)));
    case 'mul':
      return mul(...e.args.map((a) => at(a)));
    case 'div':
      return div(at(e.num), at(e.den, ONE, ONE));
    case 'pow':
      return pow(at(e.base, ONE, ONE), at(e.exp, ONE, ONE));
    case 'neg':
      return neg(at(e.arg));
    case 'call':
      return callEntry(e, r, c, ctx, fresh);
    case 'deriv':
      return derivEntry(e, r, c, ctx, fresh);
    default:
      return assertNever(e);
  }
}

function callEntry(e: Expr & { kind: 'call' }, i: Expr, j: Expr, ctx: ShapeContext, fresh: FreshIndices): Expr {
  const at = (x: Expr, p: Expr, q: Expr): Expr => entryOf(x, p, q, ctx, fresh);
  const [a0] = e.args;
  switch (e.fn) {
    case 'transpose':
      return at(a0 as Expr, j, i);
    case 'entry': {
      const [m, p, q] = e.args as [Expr, Expr, Expr];
      const s = inferShape(m, ctx);
      // A vector's entry (i, 1): the column index of an n×1 matrix is 1 whatever is written.
      return at(m, s.rows === 1 ? ONE : p, s.cols === 1 ? ONE : q);
    }
    case 'diag': {
      const v = a0 as Expr;
      const column = inferShape(v, ctx).cols === 1;
      const vi = column ? at(v, i, ONE) : at(v, ONE, i);
      if (i.kind === 'num' && j.kind === 'num') return i.n === j.n ? vi : num(0);
      return mul(vi, call('delta', [i, j]));
    }
    case 'norm':
    case 'norm1':
    case 'norminf':
      return normEntry(e.fn, a0 as Expr, ctx, fresh);
    case 'lse':
    case 'softmax':
      return vectorFunctionEntry(e.fn, e.args, i, ctx, fresh);
    case 'hadamard':
      return mul(...e.args.map((a) => at(a, i, j)));
    case 'trace': {
      const a = a0 as Expr;
      const k = fresh.next();
      return call('sum', [at(a, k, k), k, ONE, sizeExpr(inferShape(a, ctx).rows)]);
    }
    case 'epow':
      return pow(at(a0 as Expr, i, j), at(e.args[1] as Expr, ONE, ONE));
    case 'sumall':
      return entrySum(a0 as Expr, (p, q) => at(a0 as Expr, p, q), ctx, fresh);
    case 'ones':
      return ONE;
    case 'identity':
      if (i.kind === 'num' && j.kind === 'num') return num(i.n === j.n ? 1 : 0);
      return call('delta', [i, j]);
    case 'vjp': {
      // (vjp(G, F, X))_{ij} = Σ_{kl} G_{kl} ∂F_{kl}/∂X_{ij}: G is held fixed (the signal backpropagated to F);
      // a scalar G is its own entry everywhere (broadcast).
      const [g, f, x] = e.args as [Expr, Expr, Expr];
      if (x.kind !== 'sym') throw new ShapeError(`vjp(G, F, X) needs a declared symbol X, got ${x.kind}`);
      const xs = declaredShape(ctx, x);
      const xij = xs === undefined ? x : entrySymbol(x, xs, i, j);
      return entrySum(f, (p, q) => mul(at(g, p, q), deriv(at(f, p, q), xij)), ctx, fresh);
    }
    case 'matmul': {
      // (A B C)_{ij} = Σ_k A_{ik} (B C)_{kj}: peel off the first factor.
      const [first, ...rest] = e.args as [Expr, ...Expr[]];
      const right: Expr = rest.length === 1 ? (rest[0] as Expr) : call('matmul', rest);
      const inner = inferShape(first, ctx).cols;
      if (inner === 1) return mul(at(first, i, ONE), at(right, ONE, j));
      const k = fresh.next();
      return call('sum', [mul(at(first, i, k), at(right, k, j)), k, ONE, sizeExpr(inner)]);
    }
    default:
      // sum, delta: scalar already (inferShape checked); a sum's body may still hold a function of a whole
      // vector (Σ_j softmax(z, j)), written out like any scalar; anything else applies elementwise.
      if (e.fn === 'sum' && e.args.length === 4) return call('sum', [at(e.args[0] as Expr, ONE, ONE), ...e.args.slice(1)]);
      if (e.fn === 'sum' || e.fn === 'delta') return e;
      return call(e.fn, e.args.map((a) => at(a, i, j)));
  }
}

/**
 * ‖M‖₂ = √(Σ_k Σ_l M_{kl}²) (the Euclidean norm of a vector, the Frobenius
 * norm of a matrix), ‖v‖₁ = Σ_k |v_k|, ‖v‖_∞ = max_k |v_k|; of a scalar all are |u|.
 */
function normEntry(fn: 'norm' | 'norm1' | 'norminf', m: Expr, ctx: ShapeContext, fresh: FreshIndices): Expr {
  const s = inferShape(m, ctx);
  if (isScalarShape(s)) return call('abs', [entryOf(m, ONE, ONE, ctx, fresh)]);
  const k = fresh.next();
  const l = s.rows !== 1 && s.cols !== 1 ? fresh.next() : undefined;
  // A row vector runs over its columns, a column vector over its rows.
  const term = (f: (x: Expr) => Expr): Expr => {
    if (l !== undefined) return call('sum', [call('sum', [f(entryOf(m, k, l, ctx, fresh)), l, ONE, sizeExpr(s.cols)]), k, ONE, sizeExpr(s.rows)]);
    return s.cols === 1 ? call('sum', [f(entryOf(m, k, ONE, ctx, fresh)), k, ONE, sizeExpr(s.rows)]) : call('sum', [f(entryOf(m, ONE, k, ctx, fresh)), k, ONE, sizeExpr(s.cols)]);
  };
  if (fn === 'norm1') return term((x) => call('abs', [x]));
  if (fn === 'norminf') {
    if (l !== undefined) throw new ShapeError('‖A‖_∞ of a matrix is not read');
    return s.cols === 1 ? call('maxover', [call('abs', [entryOf(m, k, ONE, ctx, fresh)]), k, ONE, sizeExpr(s.rows)]) : call('maxover', [call('abs', [entryOf(m, ONE, k, ctx, fresh)]), k, ONE, sizeExpr(s.cols)]);
  }
  return call('sqrt', [term((x) => pow(x, num(2)))]);
}

/**
 * LSE(v) and softmax(v)_i written out over the entries of the column v of
 * size n, shifted by M = max_k v_k so that no exponential overflows
 * (v = (1000, 1000) gives LSE = 1000 + log 2, softmax = (1/2, 1/2)):
 *
 *     LSE(v)       = M + log Σ_k e^{v_k − M}
 *     softmax(v)_i = e^{v_i − M} / Σ_k e^{v_k − M}
 *
 * An index written in the call (softmax(v, p)) must lie in 1..n: outside
 * it the entry has no value (0·log(p − ½) + 0·log(n − p + ½) is undefined
 * there and 0 inside). Of a scalar, LSE(u) = u and softmax(u) = 1 (the
 * function table's values).
 */
function vectorFunctionEntry(fn: 'lse' | 'softmax', args: readonly Expr[], i: Expr, ctx: ShapeContext, fresh: FreshIndices): Expr {
  const [v, p] = args as [Expr, Expr?];
  // softmax(z, 1.5): no entry has that number; an entry index is a whole number (a letter, or 1 … n).
  if (p !== undefined && (p.kind === 'float' || (p.kind === 'num' && (p.d !== 1n || p.n < 1n)))) {
    throw new ShapeError(`${fn}(…, ${toPlain(p)}): an entry index is a whole number from 1, written without a decimal point`);
  }
  const s = inferShape(v, ctx);
  const index = p === undefined ? i : entryOf(p, ONE, ONE, ctx, fresh);
  if (isScalarShape(s)) return call(fn, p === undefined ? [entryOf(v, ONE, ONE, ctx, fresh)] : [entryOf(v, ONE, ONE, ctx, fresh), index]);
  const n = sizeExpr(s.rows);
  const k = fresh.next();
  const l = fresh.next();
  const max = call('maxover', [entryOf(v, l, ONE, ctx, fresh), l, ONE, n]);
  const total = call('sum', [call('exp', [add(entryOf(v, k, ONE, ctx, fresh), neg(max))]), k, ONE, n]);
  if (fn === 'lse') return add(max, call('log', [total]));
  const value = div(call('exp', [add(entryOf(v, index, ONE, ctx, fresh), neg(max))]), total);
  if (p === undefined) return value;
  const half = num(1, 2);
  const inRange = [call('log', [add(index, neg(half))]), call('log', [add(n, half, neg(index))])];
  return add(value, ...inRange.map((d) => mul(num(0), d)));
}

/** Σ_{k,l} term(k, l) over the entries of `shape`'s expression e (a column vector: one sum). */
function entrySum(e: Expr, term: (p: Expr, q: Expr) => Expr, ctx: ShapeContext, fresh: FreshIndices): Expr {
  const s = inferShape(e, ctx);
  const k = fresh.next();
  const rows = (body: Expr): Expr => (s.rows === 1 ? body : call('sum', [body, k, ONE, sizeExpr(s.rows)]));
  const rowIndex = s.rows === 1 ? ONE : k;
  if (s.cols === 1) return rows(term(rowIndex, ONE));
  const l = fresh.next();
  return rows(call('sum', [term(rowIndex, l), l, ONE, sizeExpr(s.cols)]));
}

function derivEntry(e: Expr & { kind: 'deriv' }, i: Expr, j: Expr, ctx: ShapeContext, fresh: FreshIndices): Expr {
  const x = declaredShape(ctx, e.wrt);
  const f = inferShape(e.body, ctx);
  if (x === undefined) return deriv(entryOf(e.body, i, j, ctx, fresh), e.wrt);
  if (isScalarShape(x)) return deriv(entryOf(e.body, i, j, ctx, fresh), entrySymbol(e.wrt, x, ONE, ONE));
  if (isScalarShape(f)) return deriv(entryOf(e.body, ONE, ONE, ctx, fresh), entrySymbol(e.wrt, x, i, j));
  if (f.cols === 1 && x.cols === 1) return deriv(entryOf(e.body, i, ONE, ctx, fresh), entrySymbol(e.wrt, x, j, ONE));
  throw new ShapeError(`cannot lower d(F, X) for F of shape ${f.rows}×${f.cols} and X of shape ${x.rows}×${x.cols}`);
}
