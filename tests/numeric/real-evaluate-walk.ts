/**
 * The tree walk that src/numeric/real-evaluate.ts replaced by compiled
 * closures, kept as the reference the compiled evaluator must agree with to
 * the last bit (tests/numeric/real-evaluate-compiled.test.ts). Not used by src/.
 */
import { abstractHead, abstractReal } from '../../src/expr/abstract-function.js';
import { equal } from '../../src/expr/equal.js';
import { CONSTANTS, lookupFunction, type RealOps } from '../../src/expr/functions.js';
import type { Expr, Sym } from '../../src/expr/node.js';
import { assertNever } from '../../src/expr/node.js';
import { symKey } from '../../src/expr/sym-key.js';
import { EvaluationError } from '../../src/numeric/evaluation-error.js';
import { SALT, indexedValue } from '../../src/numeric/indexed.js';
import { jetOps } from '../../src/numeric/jet.js';

/**
 * The highest order of derivative evaluated, summed along nested derivative
 * nodes: a chain of n derivatives costs n^2 per operation, mixed ones
 * multiply; beyond this an evaluation is refused (E_EVAL_UNSUPPORTED).
 */
const MAX_DERIVATIVE_ORDER = 12;

/** Sums longer than this are undefined (NaN): an instantiation is meant to be small. */
const MAX_SUM_TERMS = 100_000;

/**
 * The key of an indexed variable at concrete index values: z_{3}, w^{(1)}.
 *
 *     indexKey('z', [3], [])   // 'z_{3}'
 */
function indexKey(name: string, subs: readonly number[], sups: readonly number[]): string {
  let k = name;
  if (subs.length > 0) k += `_{${subs.join(',')}}`;
  if (sups.length > 0) k += `^{(${sups.join(',')})}`;
  return k;
}

interface RealEvaluateOptions {
  /** Indexed variables (z_k) take their values from the salt, as in indexed.ts. */
  readonly indexed?: boolean;
}

/** n! in the number system (exact as a rational). */
function factorial<T>(ops: RealOps<T>, n: number): T {
  let f = 1n;
  for (let i = 2n; i <= BigInt(n); i++) f *= i;
  return ops.rational(f, 1n);
}

/** u^k for an integer k, by repeated squaring (exact for a jet, unlike exp(k log u), and defined for u < 0). */
function integerPower<T>(ops: RealOps<T>, u: T, k: number): T {
  let result = ops.num(1);
  let base = u;
  let m = Math.abs(k);
  while (m > 0) {
    if (m % 2 === 1) result = ops.mul(result, base);
    m = Math.floor(m / 2);
    if (m > 0) base = ops.mul(base, base);
  }
  return k < 0 ? ops.div(ops.num(1), result) : result;
}

/** The total derivative order along the deepest path of nested derivative nodes. */
function derivativeOrder(e: Expr): number {
  let inner = 0;
  const visit = (x: Expr): void => {
    inner = Math.max(inner, derivativeOrder(x));
  };
  switch (e.kind) {
    case 'num':
    case 'float':
    case 'sym':
      return 0;
    case 'add':
    case 'mul':
    case 'call':
      e.args.forEach(visit);
      return inner;
    case 'div':
      visit(e.num);
      visit(e.den);
      return inner;
    case 'pow':
      visit(e.base);
      visit(e.exp);
      return inner;
    case 'neg':
      return derivativeOrder(e.arg);
    case 'deriv':
      return derivativeOrder(e.body) + 1;
    default:
      return assertNever(e);
  }
}

/**
 * e at the point `env` (symKey -> value) in the number system `ops`. An
 * undefined value (log of a negative, a kink under a derivative) is the
 * system's NaN; a symbol without a value or a function without a `real`
 * definition is an EvaluationError.
 */
export function walkReal<T>(e: Expr, ops: RealOps<T>, env: ReadonlyMap<string, T>, opts: RealEvaluateOptions = {}): T {
  return ev(e, { ops, env, indexed: opts.indexed ?? false });
}

/** What an evaluation needs besides the expression (one object, not closures per node: the walk runs at every point). */
interface Ctx<T> {
  readonly ops: RealOps<T>;
  readonly env: ReadonlyMap<string, T>;
  readonly indexed: boolean;
}

function keyOf<T>(s: Sym, c: Ctx<T>): string {
  if (!c.indexed || (s.sub.length === 0 && s.sup.length === 0)) return symKey(s);
  const ints = (xs: readonly Expr[]): number[] => xs.map((x) => Math.round(c.ops.toNumber(ev(x, c))));
  return indexKey(s.name, ints(s.sub), ints(s.sup));
}

function valueOf<T>(s: Sym, c: Ctx<T>): T | undefined {
  const k = keyOf(s, c);
  const v = c.env.get(k);
  if (v !== undefined) return v;
  if (c.indexed && (s.sub.length > 0 || s.sup.length > 0)) {
    const salt = c.env.get(symKey(SALT));
    if (salt === undefined) throw new EvaluationError('E_EVAL_UNBOUND', 'indexed evaluation needs a salt');
    return c.ops.num(indexedValue(c.ops.toNumber(salt), k));
  }
  if (k === 'pi') return c.ops.pi();
  const constant = CONSTANTS.get(k);
  return constant === undefined ? undefined : c.ops.num(constant);
}

function ev<T>(e: Expr, c: Ctx<T>): T {
  const ops = c.ops;
  switch (e.kind) {
    case 'num':
      return ops.rational(e.n, e.d);
    case 'float':
      return ops.num(e.value);
    case 'sym': {
      const v = valueOf(e, c);
      if (v === undefined) throw new EvaluationError('E_EVAL_UNBOUND', `no value for the symbol ${symKey(e)}`);
      return v;
    }
    case 'add': {
      let s = ev(e.args[0] ?? e, c);
      for (let i = 1; i < e.args.length; i++) s = ops.add(s, ev(e.args[i] ?? e, c));
      return s;
    }
    case 'mul': {
      let s = ev(e.args[0] ?? e, c);
      for (let i = 1; i < e.args.length; i++) s = ops.mul(s, ev(e.args[i] ?? e, c));
      return s;
    }
    case 'div':
      return ops.div(ev(e.num, c), ev(e.den, c));
    case 'neg':
      return ops.neg(ev(e.arg, c));
    case 'pow': {
      const b = ev(e.base, c);
      if (e.exp.kind === 'num' && e.exp.d === 1n && e.exp.n >= -1_000_000n && e.exp.n <= 1_000_000n) return integerPower(ops, b, Number(e.exp.n));
      const k = ev(e.exp, c);
      const kv = ops.toNumber(k);
      if (ops.isConstant(k) && Number.isInteger(kv) && Math.abs(kv) <= 1_000_000) return integerPower(ops, b, kv);
      const s = ops.sign(b);
      if (s > 0) return ops.exp(ops.mul(k, ops.log(b)));
      // 0^k: 0 for k > 0 (only where nothing is differentiated), undefined otherwise, as Math.pow; a negative base needs an integer exponent.
      if (s === 0 && kv > 0 && ops.isConstant(b) && ops.isConstant(k)) return ops.num(0);
      return ops.nan();
    }
    case 'call': {
      const spec = lookupFunction(e.fn);
      const head = spec === undefined && e.args.length === 1 ? abstractHead(e.fn) : undefined;
      // An unknown function is its fixed smooth stand-in (src/expr/abstract-function.ts), in this arithmetic too.
      if (head !== undefined) return abstractReal(ops, head.name, head.order, ev(e.args[0] as Expr, c));
      if (spec === undefined) throw new EvaluationError('E_EVAL_UNSUPPORTED', `cannot evaluate the function ${e.fn}`);
      if (spec.binds !== undefined) return sum(e.args, c, e.fn === 'maxover');
      if (spec.real === undefined) throw new EvaluationError('E_EVAL_UNSUPPORTED', `no exact evaluation of ${e.fn}`);
      return spec.real(ops, e.args.map((a) => ev(a, c)));
    }
    case 'deriv':
      return derivative(e, c);
    default:
      return assertNever(e);
  }
}

/** d^n/dx^n by a jet of order n for a chain d(d(f, x), x); jets of jets for a derivative inside. */
function derivative<T>(e: Expr & { kind: 'deriv' }, c: Ctx<T>): T {
  const ops = c.ops;
  let order = 1;
  let body = e.body;
  while (body.kind === 'deriv' && equal(body.wrt, e.wrt)) {
    order++;
    body = body.body;
  }
  if (order + derivativeOrder(body) > MAX_DERIVATIVE_ORDER) throw new EvaluationError('E_EVAL_UNSUPPORTED', `derivatives of order above ${MAX_DERIVATIVE_ORDER} are not checked`);
  const x0 = valueOf(e.wrt, c);
  // A variable without a value cannot occur in the body (it would be unbound): the derivative is 0.
  if (x0 === undefined) return ops.num(0);
  const J = jetOps(ops, order);
  const inner = new Map<string, ReturnType<typeof J.constant>>();
  for (const [k, v] of c.env) inner.set(k, J.constant(v));
  inner.set(keyOf(e.wrt, c), J.variable(x0));
  const series = ev(body, { ops: J, env: inner, indexed: c.indexed });
  return ops.mul(series.coefficients[order] ?? ops.nan(), factorial(ops, order));
}

/** sum(body, k, lo, hi), or with `max` maxover(…). */
function sum<T>(args: readonly Expr[], c: Ctx<T>, max = false): T {
  const ops = c.ops;
  const [body, k, lo, hi] = args;
  if (body === undefined || k === undefined || k.kind !== 'sym' || lo === undefined || hi === undefined) throw new EvaluationError('E_EVAL_UNSUPPORTED', 'sum needs (body, index, from, to)');
  const a = Math.round(ops.toNumber(ev(lo, c)));
  const b = Math.round(ops.toNumber(ev(hi, c)));
  if (!Number.isFinite(a) || !Number.isFinite(b) || b - a > MAX_SUM_TERMS) return ops.nan();
  const frame = new Map(c.env);
  const inner: Ctx<T> = { ops, env: frame, indexed: c.indexed };
  const key = symKey(k);
  // maxover: the largest term, by the sign of a difference as max(a, b) is; no value over an empty range.
  let s = max ? ops.nan() : ops.num(0);
  for (let i = a; i <= b; i++) {
    frame.set(key, ops.num(i));
    const t = ev(body, inner);
    if (!max) s = ops.add(s, t);
    else if (i === a) s = t;
    else {
      const d = ops.sign(ops.sub(t, s));
      s = Number.isNaN(d) ? ops.nan() : d > 0 ? t : s;
    }
  }
  return s;
}
