/**
 * Generic traversal over every node kind through `children` and
 * `withChildren` (SymPy's `expr.func(*expr.args)` invariant):
 * `withChildren(e, children(e))` is equal to `e`.
 */
import { addAll, call, deriv, div, mulAll, neg, pow, sym } from './build.js';
import type { Expr, Sym } from './node.js';
import { assertNever } from './node.js';
import { equal } from './equal.js';
import { mayEqualSymbol } from './may-equal.js';
import { lookupFunction } from './functions.js';
import { NO_DEFINITIONS, type DependencyResolver } from './dependencies.js';
import type { Path } from './path.js';

const NONE: readonly Expr[] = [];

/** Children in a fixed order; a symbol's children are its subscripts then superscripts. */
export function children(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'num':
    case 'float':
      return NONE;
    case 'sym':
      // No copy when one list is empty (most indexed symbols): every walk asks every node for its children.
      return e.sup.length === 0 ? (e.sub.length === 0 ? NONE : e.sub) : e.sub.length === 0 ? e.sup : [...e.sub, ...e.sup];
    case 'add':
    case 'mul':
    case 'call':
      return e.args;
    case 'div':
      return [e.num, e.den];
    case 'pow':
      return [e.base, e.exp];
    case 'neg':
      return [e.arg];
    case 'deriv':
      return [e.body, e.wrt];
    default:
      return assertNever(e);
  }
}

function at(kids: readonly Expr[], i: number): Expr {
  const k = kids[i];
  if (k === undefined) throw new RangeError(`child ${i} missing`);
  return k;
}

/** Rebuild `e` with new children (same count and order as `children(e)`). */
export function withChildren(e: Expr, kids: readonly Expr[]): Expr {
  switch (e.kind) {
    case 'num':
    case 'float':
      return e;
    case 'sym':
      return sym(e.name, kids.slice(0, e.sub.length), kids.slice(e.sub.length));
    case 'add':
      return addAll(kids);
    case 'mul':
      return mulAll(kids);
    case 'call':
      return call(e.fn, kids);
    case 'div':
      return div(at(kids, 0), at(kids, 1));
    case 'pow':
      return pow(at(kids, 0), at(kids, 1));
    case 'neg':
      return neg(at(kids, 0));
    case 'deriv': {
      const w = at(kids, 1);
      if (w.kind !== 'sym') throw new TypeError('the variable of a derivative must be a symbol');
      return deriv(at(kids, 0), w);
    }
    default:
      return assertNever(e);
  }
}

/** The subterm at `path`, or undefined when the path leaves the tree. */
export function subtermAt(e: Expr, path: Path): Expr | undefined {
  let cur: Expr | undefined = e;
  for (const i of path) {
    if (cur === undefined) return undefined;
    cur = children(cur)[i];
  }
  return cur;
}

/**
 * `e` with the subterm at `path` replaced. Note: when a sum is replaced inside
 * a sum the constructor flattens it, so later paths are relative to the
 * rebuilt tree.
 */
export function replaceAt(e: Expr, path: Path, replacement: Expr, depth = 0): Expr {
  if (depth === path.length) return replacement;
  const i = path[depth] as number;
  const kids = children(e);
  const old = kids[i];
  if (old === undefined) throw new RangeError(`path ${path.join('.')} leaves the tree`);
  const next = kids.slice();
  next[i] = replaceAt(old, path, replacement, depth + 1);
  return withChildren(e, next);
}

/** Number of nodes (the simplifier's first cost measure). */
export function size(e: Expr): number {
  let n = 1;
  for (const c of children(e)) n += size(c);
  return n;
}

/**
 * True when `e` cannot depend on `x`. For a symbol x this is index-aware:
 * z_k is not free of z_j (k may equal j), z_1 is free of z_2. A symbol that
 * `definitions` defines depends on whatever its definition depends on
 * (src/expr/dependencies.ts); without definitions every symbol is a variable.
 */
export function freeOf(e: Expr, x: Expr, definitions: DependencyResolver = NO_DEFINITIONS): boolean {
  return freeOfWithin(e, x, definitions, 0);
}

/** Does e hold the bare symbol `name` (the vector whose entries are name_i)? */
function mentionsArray(e: Expr, name: string): boolean {
  if (e.kind === 'sym') return e.name === name && e.sub.length === 0;
  return children(e).some((c) => mentionsArray(c, name));
}

/** Definitions may use each other (ŷ in terms of z, z in terms of w); a cycle stops at this depth. */
const MAX_DEFINITION_DEPTH = 8;

function freeOfWithin(e: Expr, x: Expr, definitions: DependencyResolver, depth: number): boolean {
  if (equal(e, x)) return false;
  if (x.kind === 'sym' && e.kind === 'sym' && mayEqualSymbol(e, x)) return false;
  // ‖v‖ depends on every entry v_i of the vector v, though v_i is not written in it.
  if (x.kind === 'sym' && x.sub.length > 0 && e.kind === 'call' && lookupFunction(e.fn)?.ofEntries === true && mentionsArray(e, x.name)) return false;
  if (e.kind === 'sym' && depth < MAX_DEFINITION_DEPTH) {
    const body = definitions(e);
    if (body !== undefined && !freeOfWithin(body, x, definitions, depth + 1)) return false;
  }
  for (const c of children(e)) if (!freeOfWithin(c, x, definitions, depth)) return false;
  return true;
}

/** Bottom-up map: `f` sees each node after its children were mapped. */
export function mapBottomUp(e: Expr, f: (e: Expr) => Expr): Expr {
  const kids = children(e);
  if (kids.length === 0) return f(e);
  let changed = false;
  const next = kids.map((k) => {
    const m = mapBottomUp(k, f);
    if (m !== k) changed = true;
    return m;
  });
  return f(changed ? withChildren(e, next) : e);
}

/** Every symbol occurring in `e` (subscripted symbols whole, e.g. x_1), first occurrence order. */
export function symbolsOf(e: Expr): Sym[] {
  const out: Sym[] = [];
  const visit = (x: Expr): void => {
    if (x.kind === 'sym') {
      if (!out.some((s) => equal(s, x))) out.push(x);
      return;
    }
    for (const c of children(x)) visit(c);
  };
  visit(e);
  return out;
}

/** True when some node satisfies `pred`. */
export function some(e: Expr, pred: (e: Expr) => boolean): boolean {
  if (pred(e)) return true;
  for (const c of children(e)) if (some(c, pred)) return true;
  return false;
}
