/**
 * One evaluator for every RealOps number system: doubles, BigNumber at many
 * digits (big-number.ts), and Taylor jets (jet.ts). Derivative nodes are
 * evaluated by forward-mode automatic differentiation, never by the
 * derivative rules and never by finite differences: d^n/dx^n of a chain
 * d(d(…(f, x)…, x), x) is n! times the n-th coefficient of f's jet in x, in
 * one pass; a derivative by another variable inside the body gets jets of
 * jets. The functions come from the table (FunctionSpec.real).
 *
 * An expression is compiled once into closures over OUR tree (never eval or
 * new Function) and then run at many points: names are resolved to frame
 * slots when compiling, so a point costs the arithmetic, not string keys and
 * copied maps. The closures call the number system's operations in the order
 * a walk of the tree would, so a value does not depend on how often the
 * expression was compiled.
 *
 *     evaluateReal(parsePlain('d(d(d(sin(x), x), x), x)'), FLOAT_OPS, new Map([['x', 0.5]]))   // -cos(0.5)
 */
import { abstractHead, abstractReal } from '../expr/abstract-function.js';
import { equal } from '../expr/equal.js';
import { CONSTANTS, lookupFunction, type RealOps } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { assertNever } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { EvaluationError } from './evaluation-error.js';
import { SALT, indexedValuesOf } from './indexed.js';
import { jetOps, type Jet } from './jet.js';
import { sharedSubtrees } from './shared-subtrees.js';
import { IndexMemo } from './index-memo.js';

/**
 * The highest order of derivative evaluated, summed along nested derivative
 * nodes: a chain of n derivatives costs n^2 per operation, mixed ones
 * multiply; beyond this an evaluation is refused (E_EVAL_UNSUPPORTED).
 */
export const MAX_DERIVATIVE_ORDER = 12;

/** Sums longer than this are undefined (NaN): an instantiation is meant to be small. */
const MAX_SUM_TERMS = 100_000;

/**
 * The key of an indexed variable at concrete index values: z_{3}, w^{(1)}.
 *
 *     indexKey('z', [3], [])   // 'z_{3}'
 */
export function indexKey(name: string, subs: readonly number[], sups: readonly number[]): string {
  let k = name;
  if (subs.length > 0) k += `_{${subs.join(',')}}`;
  if (sups.length > 0) k += `^{(${sups.join(',')})}`;
  return k;
}

export interface RealEvaluateOptions {
  /** Indexed variables (z_k) take their values from the salt, as in indexed.ts. */
  readonly indexed?: boolean;
}

/**
 * For a caller that runs the compiled expression many times per evaluation of
 * its own (a derivative node inside the double evaluator's sums,
 * evaluate.ts): runs with the same `epoch` value are of one evaluation, in
 * which the names at `indices` (positions in `keys`: the caller's summation
 * indices, whole numbers) are the only ones whose values change. A value that
 * reads none of them, or not all, is then remembered across runs (see memoPlan).
 */
export interface CompileRealOptions extends RealEvaluateOptions {
  readonly indices?: readonly number[];
  readonly epoch?: { value: number };
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
export function derivativeOrder(e: Expr): number {
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
 * definition is an EvaluationError. Compiled once per expression, number
 * system and set of names (then cached), run per call.
 */
export function evaluateReal<T>(e: Expr, ops: RealOps<T>, env: ReadonlyMap<string, T>, opts: RealEvaluateOptions = {}): T {
  const keys = [...env.keys()];
  const indexed = opts.indexed ?? false;
  const run = cachedCompile(e, ops, keys, indexed);
  return run(keys.map((k) => env.get(k) as T));
}

/** Compiled closures by number system, expression, then mode and names (weak: they go with the expression). */
// The number system's value type is erased here: an entry is only read back under the same `ops`.
const compiledCache = new WeakMap<object, WeakMap<Expr, Map<string, CompiledReal<unknown>>>>();

function cachedCompile<T>(e: Expr, ops: RealOps<T>, keys: readonly string[], indexed: boolean): CompiledReal<T> {
  let byExpr = compiledCache.get(ops);
  if (byExpr === undefined) {
    byExpr = new WeakMap();
    compiledCache.set(ops, byExpr);
  }
  let byNames = byExpr.get(e);
  if (byNames === undefined) {
    byNames = new Map();
    byExpr.set(e, byNames);
  }
  const id = `${indexed ? 'i' : 'p'}\u0000${keys.join('\u0000')}`;
  const known = byNames.get(id) as CompiledReal<T> | undefined;
  if (known !== undefined) return known;
  const fresh = compileReal(e, ops, keys, { indexed });
  byNames.set(id, fresh as CompiledReal<unknown>);
  return fresh;
}

/** e compiled against named values: run(values) with values[i] the value of keys[i]. */
export type CompiledReal<T> = (values: readonly T[]) => T;

/**
 * Compiles e for the number system `ops` with values named by `keys`
 * (symKey strings, as the env of evaluateReal). Never throws: what cannot be
 * evaluated throws when it is evaluated, as a walk would.
 *
 *     compileReal(parsePlain('x^2'), FLOAT_OPS, ['x'])([3])   // 9
 */
export function compileReal<T>(e: Expr, ops: RealOps<T>, keys: readonly string[], opts: CompileRealOptions = {}): CompiledReal<T> {
  const bindings: Binding[] = keys.map((key, slot) => ({ kind: 'key', key, slot }));
  const indexed = opts.indexed ?? false;
  // An indexed variable's value is found by its index values at every point: worth sharing too.
  const shared = sharedSubtrees(e, indexed);
  const outer = opts.epoch;
  const indices = outer === undefined ? [] : (opts.indices ?? []);
  // The caller's indices are this level's summation indices, its evaluations this level's frames.
  const level: Level<T> = { ...newLevel(ops, indexed, bindings, keys.length, shared), binders: indices, ...(outer !== undefined ? { epoch: outer } : {}) };
  const f = build(e, level);
  const size = level.size.value;
  const n = keys.length;
  const ints = level.ints;
  return (values) => {
    // The values given, then room for the summation indices and derivative variables (as values.slice(0, n) with its length set to size).
    const frame = new Array<T>(size);
    for (let i = 0; i < n && i < values.length; i++) frame[i] = values[i] as T;
    if (outer === undefined) level.epoch.value++;
    else for (let i = 0; i < indices.length; i++) ints[indices[i] as number] = Math.round(ops.toNumber(frame[indices[i] as number] as T));
    return f(frame);
  };
}

/** A frame: the values of the names in scope at one level of derivative nesting, by slot. */
type Fn<T> = (frame: T[]) => T;
/** A lookup: the value of a name at a point, or undefined when nothing gives it one. */
type Lookup<T> = (frame: T[]) => T | undefined;

/**
 * A name in scope: a value under a fixed key (a variable, a summation index,
 * a derivative's plain variable) or an enclosing derivative's indexed
 * variable (W_{pq}), whose key is known only at a point: `at` holds its
 * index values while that derivative's body is evaluated.
 */
type Binding =
  | { readonly kind: 'key'; readonly key: string; readonly slot: number }
  | { readonly kind: 'indexed'; readonly name: string; readonly subs: number; readonly sups: number; readonly slot: number; readonly at: { subs: number[]; sups: number[] } };

/** One level of derivative nesting: its number system, the names in scope (innermost last), its frame size, and the slots read. */
interface Level<T> {
  readonly ops: RealOps<T>;
  readonly indexed: boolean;
  readonly bindings: readonly Binding[];
  /** Where each fixed key is bound innermost (its position in `bindings`), so a lookup is not a scan of every name. */
  readonly byKey: ReadonlyMap<string, number>;
  /** Positions in `bindings` of the derivatives' indexed variables. */
  readonly dynamic: readonly number[];
  readonly size: { value: number };
  /** Slots of this frame read by lookups: a derivative lifts only these from the frame around it. */
  readonly reads: Set<number>;
  /** The slots of the summation indices around (this level's), outermost first. */
  readonly binders: readonly number[];
  /** While a subtree is built: the slots it reads (see memoized). */
  readonly collectors: Set<number>[];
  /** At a point: each summation index's current value, by slot. */
  readonly ints: number[];
  /** Counts the frames of this level (one per run or per derivative entered): a remembered value is for one frame. */
  readonly epoch: { value: number };
  /**
   * For a derivative's level entered many times per frame of the level around
   * it (inside that level's sums) at the same point of differentiation: that
   * level's frame counter, index values and summation indices at the
   * derivative. A value here that reads not all of those indices is the same
   * at every entry with the same values of the ones it reads (see memoPlan).
   */
  readonly around?: { readonly epoch: { readonly value: number }; readonly ints: readonly number[]; readonly binders: readonly number[] };
  /** The compiled expression's repeated subtrees, each node mapped to its representative (shared-subtrees.ts). */
  readonly shared: ReadonlyMap<Expr, Expr>;
  /**
   * The repeated subtrees built at this level (one scope: the same names read
   * the same slots), by representative, with the slots they read: a
   * second occurrence uses the first one's closure and value.
   */
  readonly built: Map<Expr, { readonly fn: Fn<T>; readonly reads: ReadonlySet<number> }>;
}

function newLevel<T>(ops: RealOps<T>, indexed: boolean, bindings: readonly Binding[], size: number, shared: ReadonlyMap<Expr, Expr>): Level<T> {
  const byKey = new Map<string, number>();
  const dynamic: number[] = [];
  bindings.forEach((b, i) => (b.kind === 'key' ? byKey.set(b.key, i) : dynamic.push(i)));
  return { ops, indexed, bindings, byKey, dynamic, size: { value: size }, reads: new Set(), binders: [], collectors: [], ints: [], epoch: { value: 0 }, shared, built: new Map() };
}

/** Notes that this level's frame slot s is read (by the subtrees being built, and for the derivatives around). */
function noteRead<T>(lv: Level<T>, s: number): void {
  lv.reads.add(s);
  for (const c of lv.collectors) c.add(s);
}

/**
 * A subtree the expression repeats (shared-subtrees.ts) is built once per
 * level and scope and computed once per frame (and per value of the
 * summation indices it reads). The value is the one computing it again
 * would give (same operations, same inputs), so nothing changes but the work.
 */
function build<T>(e: Expr, lv: Level<T>): Fn<T> {
  const rep = lv.shared.get(e);
  if (rep === undefined) return buildInScope(e, lv);
  const known = lv.built.get(rep);
  if (known !== undefined) {
    for (const s of known.reads) noteRead(lv, s);
    return known.fn;
  }
  const reads = new Set<number>();
  lv.collectors.push(reads);
  let fn: Fn<T>;
  try {
    fn = buildInScope(e, lv);
  } finally {
    lv.collectors.pop();
  }
  const once = memoized(fn, memoPlan(reads, lv, true) as MemoPlan);
  lv.built.set(rep, { fn: once, reads });
  return once;
}

/**
 * A function or derivative inside sums that does not depend on every index
 * of the sums around it (relu(b_r + Σ_k W_rk x_k) inside Σ_i Σ_r): its value
 * is remembered for the indices it does depend on, for as long as the frame
 * lasts, and not computed again for every value of the others.
 */
function buildInScope<T>(e: Expr, lv: Level<T>): Fn<T> {
  if ((lv.binders.length === 0 && lv.around === undefined) || (e.kind !== 'call' && e.kind !== 'deriv')) return buildNode(e, lv);
  const reads = new Set<number>();
  lv.collectors.push(reads);
  let fn: Fn<T>;
  try {
    fn = buildNode(e, lv);
  } finally {
    lv.collectors.pop();
  }
  const plan = memoPlan(reads, lv, false);
  return plan === undefined ? fn : memoized(fn, plan);
}

/**
 * How long a value computed from the slots `reads` stays the same: for one
 * frame (`epoch`) and one value of each summation index it reads (`from[i][slots[i]]`).
 */
interface MemoPlan {
  readonly epoch: { readonly value: number };
  readonly from: readonly (readonly number[])[];
  readonly slots: readonly number[];
}

/**
 * The plan for a value reading `reads`: in a derivative's level entered many
 * times per frame around it (`around`), one that reads not every index around
 * is kept for that frame, by the indices it reads of both levels (the point
 * of differentiation and the names lifted from around are the same at every
 * entry); otherwise for this frame, by the indices it reads. Undefined when
 * the value could not be met again (it reads every index) unless `always`.
 */
function memoPlan<T>(reads: ReadonlySet<number>, lv: Level<T>, always: boolean): MemoPlan | undefined {
  const inner = lv.binders.filter((b) => reads.has(b));
  const around = lv.around;
  if (around !== undefined) {
    const outer = around.binders.filter((b) => reads.has(b));
    if (outer.length < around.binders.length) return { epoch: around.epoch, from: [...outer.map(() => around.ints), ...inner.map(() => lv.ints)], slots: [...outer, ...inner] };
  }
  if (!always && inner.length === lv.binders.length) return undefined;
  return { epoch: lv.epoch, from: inner.map(() => lv.ints), slots: inner };
}

function memoized<T>(fn: Fn<T>, plan: MemoPlan): Fn<T> {
  const { epoch, from, slots: deps } = plan;
  if (deps.length === 0) {
    // Constant over the frame: one value per frame (a flag, not undefined: an exact system's value may be undefined).
    let at = -1;
    let value: T;
    return (f) => {
      if (at !== epoch.value) {
        value = fn(f);
        at = epoch.value;
      }
      return value;
    };
  }
  if (deps.length <= 2) {
    const memo = new IndexMemo<T>(deps.length === 1 ? 1 : 2);
    // Each index is read from its own level's integers (the point of differentiation's level or the one around it).
    const [da, db] = [deps[0] as number, (deps[1] ?? deps[0]) as number];
    const [ia, ib] = [from[0] as readonly number[], (from[1] ?? from[0]) as readonly number[]];
    return (f) => {
      const a = ia[da] as number;
      const b = ib[db] as number;
      const hit = memo.get(epoch.value, a, b);
      if (hit !== undefined) return hit;
      const v = fn(f);
      memo.set(epoch.value, a, b, v);
      return v;
    };
  }
  // Three or more indices: a map cleared for each frame, keyed by their values.
  const memo = new Map<string, T>();
  let seen = -1;
  const keyOf = (): string => deps.map((d, i) => (from[i] as readonly number[])[d] as number).join(',');
  return (f) => {
    if (seen !== epoch.value) {
      memo.clear();
      seen = epoch.value;
    }
    const key = keyOf();
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const v = fn(f);
    memo.set(key, v);
    return v;
  };
}

function fail<T>(code: 'E_EVAL_UNBOUND' | 'E_EVAL_UNSUPPORTED', message: string): Fn<T> {
  return () => {
    throw new EvaluationError(code, message);
  };
}

/** A value computed on first use (as a walk computes it where it is met), then shared: the number systems' values are immutable. */
function constant<T>(make: () => T): Fn<T> {
  let made = false;
  let v: T;
  return () => {
    if (!made) {
      v = make();
      made = true;
    }
    return v;
  };
}

/** Characters that could let two different (name, indices) spell the same key. */
const KEY_SYNTAX = /[_{}^(),]/;

/** Could a fixed key be the key of `name` with some indices? */
function couldIndex(key: string, name: string): boolean {
  return key.startsWith(`${name}_{`) || key.startsWith(`${name}^{(`);
}

function buildNode<T>(e: Expr, lv: Level<T>): Fn<T> {
  const ops = lv.ops;
  switch (e.kind) {
    case 'num': {
      const { n, d } = e;
      return constant(() => ops.rational(n, d));
    }
    case 'float': {
      const x = e.value;
      return constant(() => ops.num(x));
    }
    case 'sym': {
      const value = lookup(e, lv);
      const k = symKey(e);
      return (f) => {
        const v = value(f);
        if (v === undefined) throw new EvaluationError('E_EVAL_UNBOUND', `no value for the symbol ${k}`);
        return v;
      };
    }
    case 'add':
    case 'mul': {
      const fs = e.args.map((a) => build(a, lv));
      const [first, ...rest] = fs;
      if (first === undefined) return fail('E_EVAL_UNSUPPORTED', `an empty ${e.kind}`);
      const op = e.kind === 'add' ? (a: T, b: T): T => ops.add(a, b) : (a: T, b: T): T => ops.mul(a, b);
      if (rest.length === 1) {
        const g = rest[0] as Fn<T>;
        return (f) => op(first(f), g(f));
      }
      return (f) => {
        let s = first(f);
        for (let i = 0; i < rest.length; i++) s = op(s, (rest[i] as Fn<T>)(f));
        return s;
      };
    }
    case 'div': {
      const a = build(e.num, lv);
      const b = build(e.den, lv);
      return (f) => ops.div(a(f), b(f));
    }
    case 'neg': {
      const a = build(e.arg, lv);
      return (f) => ops.neg(a(f));
    }
    case 'pow': {
      const base = build(e.base, lv);
      const x = e.exp;
      if (x.kind === 'num' && x.d === 1n && x.n >= -1_000_000n && x.n <= 1_000_000n) {
        const k = Number(x.n);
        return (f) => integerPower(ops, base(f), k);
      }
      const exponent = build(x, lv);
      return (f) => {
        const b = base(f);
        const k = exponent(f);
        const kv = ops.toNumber(k);
        if (ops.isConstant(k) && Number.isInteger(kv) && Math.abs(kv) <= 1_000_000) return integerPower(ops, b, kv);
        const s = ops.sign(b);
        if (s > 0) return ops.exp(ops.mul(k, ops.log(b)));
        // 0^k: 0 for k > 0 (only where nothing is differentiated), undefined otherwise, as Math.pow; a negative base needs an integer exponent.
        if (s === 0 && kv > 0 && ops.isConstant(b) && ops.isConstant(k)) return ops.num(0);
        return ops.nan();
      };
    }
    case 'call': {
      const spec = lookupFunction(e.fn);
      const head = spec === undefined && e.args.length === 1 ? abstractHead(e.fn) : undefined;
      // An unknown function is its fixed smooth stand-in (src/expr/abstract-function.ts), in this arithmetic too.
      if (head !== undefined) {
        const a = build(e.args[0] as Expr, lv);
        return (f) => abstractReal(ops, head.name, head.order, a(f));
      }
      if (spec === undefined) return fail('E_EVAL_UNSUPPORTED', `cannot evaluate the function ${e.fn}`);
      if (spec.binds !== undefined) return buildSum(e.args, lv, e.fn === 'maxover');
      const real = spec.real;
      if (real === undefined) return fail('E_EVAL_UNSUPPORTED', `no exact evaluation of ${e.fn}`);
      const fs = e.args.map((a) => build(a, lv));
      if (fs.length === 1) {
        const a = fs[0] as Fn<T>;
        // One array for the argument of every call here (the table's functions read it and keep nothing; filled after `a` ran).
        const one: T[] = [];
        return (f) => {
          const u = a(f);
          one[0] = u;
          return real(ops, one);
        };
      }
      return (f) => real(ops, fs.map((g) => g(f)));
    }
    case 'deriv':
      return buildDerivative(e, lv);
    default:
      return assertNever(e);
  }
}

/** Reads slot s of this level's frame (and notes it, for the derivatives around it). */
function reader<T>(lv: Level<T>, slot: number): Fn<T> {
  noteRead(lv, slot);
  return (f) => f[slot] as T;
}

/** Index values of an indexed symbol at a point, as keys spell them (rounded). */
function indexValues<T>(xs: readonly Expr[], lv: Level<T>): (f: T[]) => number[] {
  const fs = xs.map((x) => build(x, lv));
  const ops = lv.ops;
  return (f) => fs.map((g) => Math.round(ops.toNumber(g(f))));
}

/** Two index lists spell the same key (NaN spells NaN; -0 spells 0). */
function sameIndices(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    if (x !== y && !(Number.isNaN(x) && Number.isNaN(y))) return false;
  }
  return true;
}

/**
 * The value of a symbol in scope, or undefined: the innermost binding with its
 * key, then (indexed mode) the salt's value for an indexed symbol, then π and
 * the constants, exactly as looking its key up in an environment would.
 */
function lookup<T>(s: Sym, lv: Level<T>): Lookup<T> {
  const ops = lv.ops;
  if (lv.indexed && (s.sub.length > 0 || s.sup.length > 0)) return lookupIndexed(s, lv);
  const k = symKey(s);
  // Innermost first: derivatives' indexed variables whose key might be k, until the binding of k itself.
  const dynamic: (Binding & { kind: 'indexed' })[] = [];
  const at = lv.byKey.get(k);
  const fixed = at === undefined ? undefined : (lv.bindings[at] as Binding).slot;
  for (let j = lv.dynamic.length - 1; j >= 0; j--) {
    const i = lv.dynamic[j] as number;
    const b = lv.bindings[i] as Binding;
    if (at !== undefined && i < at) break;
    if (b.kind === 'indexed' && couldIndex(k, b.name)) dynamic.push(b);
  }
  const fallback: Lookup<T> = k === 'pi' ? () => ops.pi() : CONSTANTS.has(k) ? constant(() => ops.num(CONSTANTS.get(k) as number)) : () => undefined;
  const last = fixed === undefined ? fallback : reader(lv, fixed);
  if (dynamic.length === 0) return last;
  const tries = dynamic.map((b) => ({ b, read: reader(lv, b.slot) }));
  return (f) => {
    for (const { b, read } of tries) if (indexKey(b.name, b.at.subs, b.at.sups) === k) return read(f);
    return last(f);
  };
}

function lookupIndexed<T>(s: Sym, lv: Level<T>): Lookup<T> {
  const ops = lv.ops;
  const name = s.name;
  const subFns = s.sub.map((x) => build(x, lv));
  const supFns = s.sup.map((x) => build(x, lv));
  // The index values of one lookup, in arrays kept for the next: the tests and the hash below read them and keep nothing.
  const subs = new Array<number>(subFns.length);
  const sups = new Array<number>(supFns.length);
  const plainName = !KEY_SYNTAX.test(name);
  /** Bindings that may hold this symbol at a point, innermost first: compared by index values, or by spelled key where names could collide. */
  const tries: { test: (subs: number[], sups: number[]) => boolean; read: Fn<T> }[] = [];
  for (let i = lv.bindings.length - 1; i >= 0; i--) {
    const b = lv.bindings[i] as Binding;
    if (b.kind === 'key') {
      if (!couldIndex(b.key, name)) continue;
      const key = b.key;
      tries.push({ test: (subs, sups) => indexKey(name, subs, sups) === key, read: reader(lv, b.slot) });
    } else if (b.name === name && plainName) {
      if (b.subs !== s.sub.length || b.sups !== s.sup.length) continue;
      tries.push({ test: (subs, sups) => sameIndices(subs, b.at.subs) && sameIndices(sups, b.at.sups), read: reader(lv, b.slot) });
    } else if (!plainName || KEY_SYNTAX.test(b.name)) {
      tries.push({ test: (subs, sups) => indexKey(name, subs, sups) === indexKey(b.name, b.at.subs, b.at.sups), read: reader(lv, b.slot) });
    }
  }
  const salt = lookup(SALT, lv);
  const valueOf = indexedValuesOf(name);
  return (f) => {
    for (let i = 0; i < subFns.length; i++) subs[i] = Math.round(ops.toNumber((subFns[i] as Fn<T>)(f)));
    for (let i = 0; i < supFns.length; i++) sups[i] = Math.round(ops.toNumber((supFns[i] as Fn<T>)(f)));
    for (const t of tries) if (t.test(subs, sups)) return t.read(f);
    const z = salt(f);
    if (z === undefined) throw new EvaluationError('E_EVAL_UNBOUND', 'indexed evaluation needs a salt');
    return ops.num(valueOf(ops.toNumber(z), subs, sups));
  };
}

/** d^n/dx^n by a jet of order n for a chain d(d(f, x), x); jets of jets for a derivative inside. */
function buildDerivative<T>(e: Expr & { kind: 'deriv' }, lv: Level<T>): Fn<T> {
  const ops = lv.ops;
  let order = 1;
  let body = e.body;
  while (body.kind === 'deriv' && equal(body.wrt, e.wrt)) {
    order++;
    body = body.body;
  }
  if (order + derivativeOrder(body) > MAX_DERIVATIVE_ORDER) return fail('E_EVAL_UNSUPPORTED', `derivatives of order above ${MAX_DERIVATIVE_ORDER} are not checked`);
  const w = e.wrt;
  const dynamic = lv.indexed && (w.sub.length > 0 || w.sup.length > 0);
  // The point of differentiation (and the variable's indices): the slots they read decide whether it moves with the sums around.
  const pointReads = new Set<number>();
  lv.collectors.push(pointReads);
  let x0Of: Lookup<T>;
  let subsOf: ((f: T[]) => number[]) | undefined;
  let supsOf: ((f: T[]) => number[]) | undefined;
  try {
    x0Of = lookup(w, lv);
    subsOf = dynamic ? indexValues(w.sub, lv) : undefined;
    supsOf = dynamic ? indexValues(w.sup, lv) : undefined;
  } finally {
    lv.collectors.pop();
  }
  const J = jetOps(ops, order);
  // The body's frame: the names around it as constant jets, in the same slots, then the variable.
  const base = lv.size.value;
  const slot = base;
  const at = { subs: [] as number[], sups: [] as number[] };
  const own: Binding = dynamic ? { kind: 'indexed', name: w.name, subs: w.sub.length, sups: w.sup.length, slot, at } : { kind: 'key', key: symKey(w), slot };
  // Inside sums around, at a point of differentiation that does not move with them: entered many times per frame around, alike but for those indices.
  const fixedPoint = lv.binders.length > 0 && !lv.binders.some((b) => pointReads.has(b));
  const inner: Level<Jet<T>> = { ...newLevel(J, lv.indexed, [...lv.bindings, own], base + 1, lv.shared), ...(fixedPoint ? { around: { epoch: lv.epoch, ints: lv.ints, binders: lv.binders } } : {}) };
  const series = build(body, inner);
  // The slots of the frame around that the body reads, lifted to constants.
  const lift = [...inner.reads].filter((s) => s < base).sort((a, b) => a - b);
  for (const s of lift) noteRead(lv, s);
  const size = inner.size;
  const scale = constant(() => factorial(ops, order));
  return (f) => {
    const x0 = x0Of(f);
    // A variable without a value cannot occur in the body (it would be unbound): the derivative is 0.
    if (x0 === undefined) return ops.num(0);
    const frame: Jet<T>[] = new Array(size.value);
    inner.epoch.value++;
    for (let i = 0; i < lift.length; i++) {
      const s = lift[i] as number;
      frame[s] = J.constant(f[s] as T);
    }
    if (subsOf !== undefined && supsOf !== undefined) {
      at.subs = subsOf(f);
      at.sups = supsOf(f);
    }
    frame[slot] = J.variable(x0);
    const s = series(frame);
    return ops.mul(s.coefficients[order] ?? ops.nan(), scale(f));
  };
}

/** sum(body, k, lo, hi), or with `max` maxover(…): k gets a slot of its own in this frame. */
function buildSum<T>(args: readonly Expr[], lv: Level<T>, max: boolean): Fn<T> {
  const ops = lv.ops;
  const [body, k, lo, hi] = args;
  if (body === undefined || k === undefined || k.kind !== 'sym' || lo === undefined || hi === undefined) return fail('E_EVAL_UNSUPPORTED', 'sum needs (body, index, from, to)');
  const from = build(lo, lv);
  const to = build(hi, lv);
  const slot = lv.size.value++;
  const key = symKey(k);
  // A scope of its own: the same subtree reads other slots here (k is bound), so nothing built outside is reused.
  const inner: Level<T> = { ...lv, bindings: [...lv.bindings, { kind: 'key', key, slot }], byKey: new Map(lv.byKey).set(key, lv.bindings.length), binders: [...lv.binders, slot], built: new Map() };
  const ints = lv.ints;
  const term = build(body, inner);
  // The index's values in the number system, made once per closure: values are immutable, so one object serves every iteration.
  const indexValuesMade: T[] = [];
  const indexValue = (i: number): T => {
    if (i < 0 || i >= 256) return ops.num(i);
    let v = indexValuesMade[i];
    if (v === undefined) {
      v = ops.num(i);
      indexValuesMade[i] = v;
    }
    return v;
  };
  return (f) => {
    const a = Math.round(ops.toNumber(from(f)));
    const b = Math.round(ops.toNumber(to(f)));
    if (!Number.isFinite(a) || !Number.isFinite(b) || b - a > MAX_SUM_TERMS) return ops.nan();
    // maxover: the largest term, by the sign of a difference as max(a, b) is; no value over an empty range.
    let s = max ? ops.nan() : ops.num(0);
    for (let i = a; i <= b; i++) {
      f[slot] = indexValue(i);
      ints[slot] = i;
      const t = term(f);
      if (!max) s = ops.add(s, t);
      else if (i === a) s = t;
      else {
        const d = ops.sign(ops.sub(t, s));
        s = Number.isNaN(d) ? ops.nan() : d > 0 ? t : s;
      }
    }
    return s;
  };
}
