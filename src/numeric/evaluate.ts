/**
 * Numeric evaluation compiled to closures over OUR tree (never eval or
 * new Function): compile once, evaluate at many points. Derivative nodes are
 * evaluated by forward-mode automatic differentiation (jets, real-evaluate.ts),
 * so a rewrite step d(u, x) -> … can be checked without trusting any
 * derivative rule.
 *
 *     compile(parsePlain('x^2 + y'), [sym('x'), sym('y')])([3, 1])   // 10
 */
import { equal } from '../expr/equal.js';
import { CONSTANTS, lookupFunction } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { assertNever } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children } from '../expr/traverse.js';
import { EvaluationError } from './evaluation-error.js';
import { FLOAT_OPS } from './float-ops.js';
import { MAX_DERIVATIVE_ORDER, compileReal, derivativeOrder } from './real-evaluate.js';
import { SALT, indexedValuesOf } from './indexed.js';
import { MATRIX_FUNCTIONS } from '../matrix/matrix-calls.js';
import { abstractHead, abstractReal } from '../expr/abstract-function.js';
import { SubtreeSet, sharedSubtrees } from './shared-subtrees.js';
import { IndexMemo } from './index-memo.js';

export type Compiled = (values: ArrayLike<number>) => number;

interface Context {
  readonly slots: ReadonlyMap<string, number>;
  /** Indexed variables take values from the salt (see indexed.ts). */
  readonly indexed: boolean;
  /** Next free frame slot for a bound variable. */
  readonly next: { value: number };
  /** The frame slots of the summation indices around, outermost first. */
  readonly binders: readonly number[];
  /** While a subtree is built: the frame slots it reads (see build). */
  readonly collectors: Set<number>[];
  /** Counts the frames (one per evaluation): a remembered value is for one frame. */
  readonly epoch: { value: number };
  /** The compiled expression's repeated subtrees, each node mapped to its representative (shared-subtrees.ts). */
  readonly shared: ReadonlyMap<Expr, Expr>;
  /** The repeated subtrees built in this scope (the same names read the same slots), by representative, with the slots they read. */
  readonly built: Map<Expr, { readonly fn: Compiled; readonly reads: ReadonlySet<number> }>;
}

/** A closure reading frame slot `slot` (noted for the subtrees being built). */
function reader(ctx: Context, slot: number): Compiled {
  for (const c of ctx.collectors) c.add(slot);
  return (v) => v[slot] as number;
}

/**
 * A subtree the expression repeats (shared-subtrees.ts) is built once per
 * scope and computed once per evaluation (and per value of the summation
 * indices it reads): the same operations on the same inputs, so the same
 * value, without the work for every copy.
 */
function build(e: Expr, ctx: Context): Compiled {
  const rep = ctx.shared.get(e);
  if (rep === undefined) return buildInScope(e, ctx);
  // A repeated subtree: built once per scope, its value computed once per evaluation (and per value of the indices it reads).
  const known = ctx.built.get(rep);
  if (known !== undefined) {
    for (const slot of known.reads) for (const c of ctx.collectors) c.add(slot);
    return known.fn;
  }
  const reads = new Set<number>();
  ctx.collectors.push(reads);
  let f: Compiled;
  try {
    f = buildInScope(e, ctx);
  } finally {
    ctx.collectors.pop();
  }
  const once = remembered(f, ctx.binders.filter((b) => reads.has(b)), ctx);
  ctx.built.set(rep, { fn: once, reads });
  return once;
}

/**
 * A function call or derivative inside sums that does not depend on every
 * index of the sums around it (relu(b_r + Σ_k W_rk x_k) inside Σ_i Σ_r) is
 * computed once per value of the indices it does depend on, per evaluation,
 * and remembered, not computed again for every value of the other indices.
 */
function buildInScope(e: Expr, ctx: Context): Compiled {
  if (ctx.binders.length === 0 || (e.kind !== 'call' && e.kind !== 'deriv')) return buildNode(e, ctx);
  const reads = new Set<number>();
  ctx.collectors.push(reads);
  let f: Compiled;
  try {
    f = buildNode(e, ctx);
  } finally {
    ctx.collectors.pop();
  }
  const deps = ctx.binders.filter((b) => reads.has(b));
  if (deps.length === ctx.binders.length) return f;
  return remembered(f, deps, ctx);
}

/** f's value remembered for the current evaluation and the values of the summation indices in `deps` (frame slots). */
function remembered(f: Compiled, deps: readonly number[], ctx: Context): Compiled {
  const epoch = ctx.epoch;
  if (deps.length === 0) {
    let at = -1;
    let value = 0;
    return (v) => {
      if (at !== epoch.value) {
        value = f(v);
        at = epoch.value;
      }
      return value;
    };
  }
  if (deps.length <= 2) {
    const memo = new IndexMemo<number>(deps.length === 1 ? 1 : 2);
    const [da, db] = [deps[0] as number, (deps[1] ?? deps[0]) as number];
    return (v) => {
      const a = v[da] as number;
      const b = v[db] as number;
      const hit = memo.get(epoch.value, a, b);
      if (hit !== undefined) return hit;
      const value = f(v);
      memo.set(epoch.value, a, b, value);
      return value;
    };
  }
  const memo = new Map<number | string, number>();
  let seen = -1;
  return (v) => {
    if (seen !== epoch.value) {
      memo.clear();
      seen = epoch.value;
    }
    // Summation indices are integers (rounded bounds).
    let key: number | string;
    if (deps.length === 1) key = v[deps[0] as number] as number;
    else {
      const a = v[deps[0] as number] as number;
      const b = v[deps[1] as number] as number;
      key = deps.length === 2 && Math.abs(a) < 32768 && Math.abs(b) < 32768 ? (a + 32768) * 65536 + (b + 32768) : deps.map((d) => v[d] as number).join(',');
    }
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const value = f(v);
    memo.set(key, value);
    return value;
  };
}

function buildNode(e: Expr, ctx: Context): Compiled {
  const slots = ctx.slots;
  switch (e.kind) {
    case 'num': {
      const v = Number(e.n) / Number(e.d);
      return () => v;
    }
    case 'float': {
      const v = e.value;
      return () => v;
    }
    case 'sym': {
      const k = symKey(e);
      if (ctx.indexed && (e.sub.length > 0 || e.sup.length > 0)) {
        const subs = e.sub.map((x) => build(x, ctx));
        const sups = e.sup.map((x) => build(x, ctx));
        const saltSlot = slots.get(symKey(SALT));
        if (saltSlot === undefined) throw new EvaluationError('E_EVAL_UNBOUND', 'indexed evaluation needs a salt');
        const salt = reader(ctx, saltSlot);
        const valueOf = indexedValuesOf(e.name);
        // The index values of one lookup, in arrays kept for the next (the hash reads them and keeps nothing).
        const subValues = new Array<number>(subs.length);
        const supValues = new Array<number>(sups.length);
        return (v) => {
          const z = salt(v);
          for (let i = 0; i < subs.length; i++) subValues[i] = Math.round((subs[i] as Compiled)(v));
          for (let i = 0; i < sups.length; i++) supValues[i] = Math.round((sups[i] as Compiled)(v));
          return valueOf(z, subValues, supValues);
        };
      }
      const slot = slots.get(k);
      if (slot !== undefined) return reader(ctx, slot);
      const c = CONSTANTS.get(k);
      if (c !== undefined) return () => c;
      throw new EvaluationError('E_EVAL_UNBOUND', `no value for the symbol ${k}`);
    }
    case 'add': {
      const fs = e.args.map((a) => build(a, ctx));
      if (fs.length === 2) {
        const [f, g] = fs as [Compiled, Compiled];
        return (v) => f(v) + g(v);
      }
      return (v) => {
        let s = 0;
        for (const f of fs) s += f(v);
        return s;
      };
    }
    case 'mul': {
      const fs = e.args.map((a) => build(a, ctx));
      if (fs.length === 2) {
        const [f, g] = fs as [Compiled, Compiled];
        return (v) => f(v) * g(v);
      }
      return (v) => {
        let p = 1;
        for (const f of fs) p *= f(v);
        return p;
      };
    }
    case 'div': {
      const f = build(e.num, ctx);
      const g = build(e.den, ctx);
      return (v) => f(v) / g(v);
    }
    case 'pow': {
      const f = build(e.base, ctx);
      if (e.exp.kind === 'num' && e.exp.d === 1n) {
        const k = Number(e.exp.n);
        if (k === 2) return (v) => {
          const b = f(v);
          return b * b;
        };
        return (v) => Math.pow(f(v), k);
      }
      const g = build(e.exp, ctx);
      return (v) => Math.pow(f(v), g(v));
    }
    case 'neg': {
      const f = build(e.arg, ctx);
      return (v) => -f(v);
    }
    case 'call': {
      const spec = lookupFunction(e.fn);
      const head = spec === undefined && e.args.length === 1 ? abstractHead(e.fn) : undefined;
      if (head !== undefined) {
        // An unknown function f is sampled as one fixed smooth stand-in (src/expr/abstract-function.ts).
        const f = build(e.args[0] as Expr, ctx);
        return (v) => abstractReal(FLOAT_OPS, head.name, head.order, f(v));
      }
      if (spec === undefined) {
        // Matrix operations have no scalar value: they are checked entry by entry under declared shapes.
        const hint = MATRIX_FUNCTIONS.has(e.fn) ? ` as a number: it is a matrix operation; declare the shapes (gradtex equal … --shape 'A: n x p') to check it entry by entry` : '';
        throw new EvaluationError('E_EVAL_UNSUPPORTED', `cannot evaluate the function ${e.fn}${hint}`);
      }
      if (spec.binds !== undefined) return buildSum(e.args, ctx, e.fn === 'maxover');
      const fs = e.args.map((a) => build(a, ctx));
      const impl = spec.evaluate;
      if (fs.length === 1) {
        const [f] = fs as [Compiled];
        const one = [0];
        return (v) => {
          one[0] = f(v);
          return impl(one);
        };
      }
      return (v) => impl(fs.map((f) => f(v)));
    }
    case 'deriv': {
      // Forward-mode automatic differentiation (jets, real-evaluate.ts): exact
      // up to rounding at every order, where nested finite differences lost
      // all their digits by the third derivative.
      // Compiled once here (real-evaluate.ts), run at every point on the values of the names in scope.
      const keys = [...ctx.slots.entries()];
      if (derivativeOrder(e) > MAX_DERIVATIVE_ORDER) throw new EvaluationError('E_EVAL_UNSUPPORTED', `derivatives of order above ${MAX_DERIVATIVE_ORDER} are not checked`);
      const slotsOf = keys.map(([, slot]) => slot);
      // Inside sums it runs many times per evaluation, with only the summation indices changing: it is told which they are
      // and which evaluation it is in, so that a value not reading them all is kept between runs (real-evaluate.ts).
      const indices = ctx.binders.length === 0 ? [] : slotsOf.flatMap((slot, i) => (ctx.binders.includes(slot) ? [i] : []));
      const run = compileReal(e, FLOAT_OPS, keys.map(([k]) => k), { indexed: ctx.indexed, ...(indices.length > 0 ? { indices, epoch: ctx.epoch } : {}) });
      // It is given every name in scope: it reads them all.
      for (const slot of slotsOf) reader(ctx, slot);
      // One array for the values of every run (the run copies them into a frame of its own).
      const values = new Array<number>(slotsOf.length);
      return (v) => {
        for (let i = 0; i < slotsOf.length; i++) values[i] = v[slotsOf[i] as number] as number;
        return run(values);
      };
    }
    default:
      return assertNever(e);
  }
}

/** Sums longer than this are refused: an instantiation is meant to be small. */
const MAX_SUM_TERMS = 100_000;

/** sum(body, k, lo, hi): the bound k gets its own frame slot. */
/** sum(body, k, lo, hi), or with `max` maxover(…): the largest term, NaN over an empty range. */
function buildSum(args: readonly Expr[], ctx: Context, max = false): Compiled {
  const [body, k, lo, hi] = args;
  if (body === undefined || k === undefined || k.kind !== 'sym' || lo === undefined || hi === undefined) {
    throw new EvaluationError('E_EVAL_UNSUPPORTED', 'sum needs (body, index, from, to)');
  }
  const slot = ctx.next.value++;
  const inner = new Map(ctx.slots);
  inner.set(symKey(k), slot);
  // A scope of its own: the same subtree reads other slots here (k is bound), so nothing built outside is reused.
  const f = build(body, { ...ctx, slots: inner, binders: [...ctx.binders, slot], built: new Map() });
  const from = build(lo, ctx);
  const to = build(hi, ctx);
  return (v) => {
    const a = Math.round(from(v));
    const b = Math.round(to(v));
    if (b - a > MAX_SUM_TERMS) return NaN;
    // The frame is shared: v is the evaluation frame, with room for bound variables.
    const frame = v as Float64Array;
    const saved = frame[slot] as number;
    let s = max ? NaN : 0;
    for (let i = a; i <= b; i++) {
      frame[slot] = i;
      const t = f(frame);
      s = !max ? s + t : i === a || Number.isNaN(t) ? t : Math.max(s, t);
    }
    frame[slot] = saved;
    return s;
  };
}

/** Every symbol whose value evaluation needs, including derivative variables, in first-seen order. */
export function freeSymbols(e: Expr, into: Sym[] = [], indexed = false, bound: readonly Sym[] = []): Sym[] {
  if (bound.length > 0) return walkFreeSymbols(e, into, indexed, bound);
  // e's own symbols, found once per expression object (the sides of checks that share a side), then those not in `into`
  // appended in their order: what walking e with `into` gives.
  const memo = indexed ? ownIndexed : ownPlain;
  let own = memo.get(e);
  if (own === undefined) {
    own = walkFreeSymbols(e, [], indexed, []);
    memo.set(e, own);
  }
  if (into.length === 0) {
    for (const s of own) into.push(s);
    return into;
  }
  const found = new Map<number, Sym[]>();
  for (const s of into) found.set(s.hash, [...(found.get(s.hash) ?? []), s]);
  for (const s of own) {
    const same = found.get(s.hash);
    if (same?.some((x) => equal(x, s)) === true) continue;
    if (same === undefined) found.set(s.hash, [s]);
    else same.push(s);
    into.push(s);
  }
  return into;
}

/** freeSymbols(e, [], indexed) by expression object (expressions are immutable); callers get copies. */
const ownPlain = new WeakMap<Expr, readonly Sym[]>();
const ownIndexed = new WeakMap<Expr, readonly Sym[]>();

function walkFreeSymbols(e: Expr, into: Sym[], indexed: boolean, bound: readonly Sym[]): Sym[] {
  // Symbols by hash (equal symbols hash alike), so that a lowered matrix entry with a hundred names is not a scan per node.
  const found = new Map<number, Sym[]>();
  for (const s of into) found.set(s.hash, [...(found.get(s.hash) ?? []), s]);
  // Outside sums a subtree met again adds no symbol the first visit did not.
  const visited = new SubtreeSet();
  const add = (s: Sym, scope: readonly Sym[]): void => {
    if (CONSTANTS.has(symKey(s)) || scope.some((b) => equal(b, s))) return;
    const same = found.get(s.hash);
    if (same?.some((x) => equal(x, s)) === true) return;
    if (same === undefined) found.set(s.hash, [s]);
    else same.push(s);
    into.push(s);
  };
  const walk = (x: Expr, scope: readonly Sym[]): void => {
    if (scope.length === 0 && children(x).length > 0 && !visited.add(x)) return;
    if (x.kind === 'sym') {
      if (indexed && (x.sub.length > 0 || x.sup.length > 0)) {
        add(SALT, scope);
        for (const i of [...x.sub, ...x.sup]) walk(i, scope);
        return;
      }
      add(x, scope);
      return;
    }
    if (x.kind === 'call' && lookupFunction(x.fn)?.binds !== undefined) {
      const [body, k, lo, hi] = x.args;
      if (body !== undefined && k !== undefined && k.kind === 'sym') walk(body, [...scope, k]);
      if (lo !== undefined) walk(lo, scope);
      if (hi !== undefined) walk(hi, scope);
      return;
    }
    if (x.kind === 'deriv') {
      walk(x.body, scope);
      walk(x.wrt, scope);
      return;
    }
    for (const c of children(x)) walk(c, scope);
  };
  walk(e, bound);
  return into;
}

/**
 * Compile against a fixed variable order. In indexed mode (sums, z_k) the
 * values array must have room for bound variables: use frameSize().
 */
export function compile(e: Expr, vars: readonly Sym[], opts: { indexed?: boolean } = {}): Compiled {
  const slots = new Map<string, number>();
  vars.forEach((s, i) => slots.set(symKey(s), i));
  const indexed = opts.indexed ?? false;
  // An indexed variable's value is found by its index values at every point: worth sharing too.
  const shared = sharedSubtrees(e, indexed);
  const ctx: Context = { slots, indexed, next: { value: vars.length }, binders: [], collectors: [], epoch: { value: 0 }, shared, built: new Map() };
  const f = build(e, ctx);
  const size = ctx.next.value;
  if (size === vars.length && shared.size === 0) return f;
  if (size === vars.length) {
    // Shared values are remembered for one evaluation.
    return (values) => {
      ctx.epoch.value++;
      return f(values);
    };
  }
  // Bound variables live in slots after the variables: evaluate in a larger frame.
  return (values) => {
    const frame = new Float64Array(size);
    ctx.epoch.value++;
    for (let i = 0; i < vars.length; i++) frame[i] = values[i] as number;
    return f(frame);
  };
}

/** One-off evaluation with named values (keys are symKey strings: 'x', 'x_{1}'). */
export function evaluate(e: Expr, env: ReadonlyMap<string, number>): number {
  const vars = freeSymbols(e);
  const values = vars.map((s) => {
    const v = env.get(symKey(s));
    if (v === undefined) throw new EvaluationError('E_EVAL_UNBOUND', `no value for the symbol ${symKey(s)}`);
    return v;
  });
  return compile(e, vars)(values);
}
