/**
 * Is the matrix identity lhs = rhs true? First the shapes must agree
 * (symbolically: n×p is not p×n even when n = p happens to hold); then the
 * size symbols are instantiated (all 2, 3, 1 and 7, and seeded draws in 1..7),
 * both sides are lowered entry by entry (lower.ts) and every entry is
 * compared by the ordinary numeric checker with random matrix entries.
 * No matrix arithmetic is trusted: only the component definitions.
 *
 *     checkMatrixEqual(parse('transpose(A*B)'), parse('transpose(B)*transpose(A)'), ctx)   // { verdict: 'holds', … }
 */
import { lookupFunction } from '../expr/functions.js';
import { num, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { children, mapBottomUp } from '../expr/traverse.js';
import { symKey } from '../expr/sym-key.js';
import { checkEqualNumeric } from '../numeric/check-equal.js';
import type { Assumption } from '../numeric/assumptions.js';
import { createRng } from '../numeric/rng.js';
import { inferShape } from '../matrix/infer-shape.js';
import { entryOf, FreshIndices } from '../matrix/lower.js';
import { unrollSums } from '../matrix/unroll-sums.js';
import { SharedLowering } from '../matrix/shared-lowering.js';
import { declaredShape, entryNameClash, isScalarShape, sameShape, shapeText, type Shape, type ShapeContext, type Size } from '../matrix/shape.js';
import { formatNumber } from '../numeric/format-number.js';

export type Sizes = Readonly<Record<string, number>>;

export type MatrixVerdict =
  | { readonly verdict: 'holds'; readonly shape: Shape; readonly instances: readonly Sizes[]; readonly entries: number; readonly points: number; readonly maxRelError: number; readonly indices?: readonly string[]; /** At some size only an even spread of the indices' value combinations was tried, not all. */ readonly spread?: true }
  | { readonly verdict: 'fails'; readonly reason: 'shape'; readonly lhsShape: Shape; readonly rhsShape: Shape }
  | {
      readonly verdict: 'fails';
      readonly reason: 'entry';
      readonly sizes: Sizes;
      readonly entry: readonly [number, number];
      readonly lhs: number;
      readonly rhs: number;
      readonly relError: number;
      readonly lhsEntry: Expr;
      readonly rhsEntry: Expr;
      /** The random matrix and vector entries (and scalars) where the entry differs: with `sizes`, all that reproduces it. */
      readonly point: Readonly<Record<string, number>>;
    }
  | { readonly verdict: 'undecided'; readonly reason: string };

export interface MatrixCheckOptions {
  /** Random points per entry (default 4: each point is a fresh random matrix). */
  readonly points?: number;
  readonly seed?: number;
  /** The size instances to check (default: sizeInstances); a derivation's steps use two small ones. */
  readonly instances?: readonly Sizes[];
  /**
   * Applied to every lowered entry before it is sampled: the caller's meaning
   * of names the lowering leaves as they are (an elementwise function f(t)
   * chosen by a derivation, the entries of a ones vector).
   */
  readonly mapEntry?: (entry: Expr) => Expr;
  /** The largest size instantiated (default MAX_SIZE); a caller whose entries grow fast with the sizes may ask for less. */
  readonly maxSize?: number;
  /** Lowerings kept from the caller's earlier checks (a chain part's steps share their sides); default none. */
  readonly lowerings?: LoweringCache;
  /** What is known about the symbols of a pair of lowered entries (ŷ_1 ∈ (0, 1)), for the point sampler. */
  readonly assumptions?: (entries: readonly Expr[]) => readonly Assumption[];
}

/**
 * The declared shapes that the expressions use, directly or through a size
 * written as a number (1/n): a counterexample names only the sizes that
 * matter to it.
 */
export function usedContext(ctx: ShapeContext, exprs: readonly Expr[]): ShapeContext {
  const names = new Set<string>();
  for (const e of exprs) {
    const walk = (x: Expr): void => {
      // W_1 is a name of its own when declared so; x_i is an entry of x.
      if (x.kind === 'sym') for (let k = 0; k <= x.sub.length; k++) names.add(symKey(sym(x.name, x.sub.slice(0, k), x.sup)));
      for (const c of children(x)) walk(c);
    };
    walk(e);
  }
  const kept = new Map([...ctx].filter(([k]) => names.has(k)));
  const sizes = new Set(sizeNames(kept));
  // A size symbol written in the expressions (\sqrt{n}) keeps the shapes it sizes.
  for (const [k, s] of ctx) if ([s.rows, s.cols].some((z) => typeof z === 'string' && names.has(z) && !sizes.has(z))) kept.set(k, s);
  return kept;
}

/** The size symbols of the declared shapes, in a fixed order. */
export function sizeNames(ctx: ShapeContext): string[] {
  const names = new Set<string>();
  for (const s of ctx.values()) for (const z of [s.rows, s.cols]) if (typeof z === 'string') names.add(z);
  return [...names].sort();
}

/** The largest size instantiated (issue #9: sizes from 1 to at least 7). */
export const MAX_SIZE = 7;

/**
 * All sizes 2, all 3, all 1, all 7, then seeded draws in 1..7 (distinct
 * sizes catch a transposed index; 1 and 7 the ends: A + (n-2)(n-3)(n-4)B = A
 * is false at n = 1 and n = 7).
 */
export function sizeInstances(names: readonly string[], seed: number, maxSize: number = MAX_SIZE): Sizes[] {
  if (names.length === 0) return [{}];
  const rng = createRng(seed);
  const out: Sizes[] = [2, 3, 1, maxSize].map((v) => Object.fromEntries(names.map((n) => [n, v])));
  for (let k = 0; k < 2; k++) out.push(Object.fromEntries(names.map((n) => [n, rng.int(1, maxSize)])));
  const seen = new Set<string>();
  return out.filter((s) => {
    const key = JSON.stringify(s);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The context with every size symbol replaced by its value in `sizes`. */
export function instantiateContext(ctx: ShapeContext, sizes: Sizes): ShapeContext {
  const at = (z: string | number): number | string => (typeof z === 'string' ? (sizes[z] ?? z) : z);
  return new Map([...ctx].map(([k, s]) => [k, { rows: at(s.rows), cols: at(s.cols), vector: s.vector }]));
}

/** A size symbol used as a scalar too (1/n in a mean) takes the instantiated value. */
export function instantiateExpr(e: Expr, sizes: Sizes): Expr {
  return mapBottomUp(e, (x) => (x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0 && sizes[x.name] !== undefined ? num(sizes[x.name] as number) : x));
}

/** At most this many values of the free indices are tried per size (all of them when there are fewer). */
const MAX_INDEX_VALUES = 24;

/**
 * The free indices of declared vectors and matrices (the i of x_i, x: n,
 * outside any sum that binds i), each with the sizes it indexes: a relation
 * about x_i speaks of i ∈ 1..n, not of any integer.
 */
export function freeArrayIndices(exprs: readonly Expr[], ctx: ShapeContext): Map<string, Size[]> {
  const out = new Map<string, Size[]>();
  const bound = new Set<string>();
  const walk = (e: Expr): void => {
    // A binder (sum, maxover) binds its index in its body.
    if (e.kind === 'call' && lookupFunction(e.fn)?.binds !== undefined) {
      const k = e.args[1];
      const name = k?.kind === 'sym' ? k.name : undefined;
      const was = name !== undefined && bound.has(name);
      if (name !== undefined) bound.add(name);
      for (const c of children(e)) walk(c);
      if (name !== undefined && !was) bound.delete(name);
      return;
    }
    // softmax(z, j): j picks an entry of the declared vector z, as the j of z_j does.
    const at = e.kind === 'call' ? lookupFunction(e.fn)?.entryArgument : undefined;
    if (e.kind === 'call' && at !== undefined) {
      const [v, ix] = [e.args[0], e.args[at]];
      const shape = v?.kind === 'sym' ? declaredShape(ctx, v) : undefined;
      if (shape !== undefined && !isScalarShape(shape) && ix?.kind === 'sym' && ix.sub.length === 0 && !bound.has(ix.name)) out.set(ix.name, [...(out.get(ix.name) ?? []), shape.rows]);
    }
    if (e.kind === 'sym' && e.sub.length > 0) {
      const entry = arrayOfEntry(ctx, e);
      if (entry === undefined) return;
      const { shape, indices } = entry;
      indices.forEach((ix, p) => {
        if (ix.kind !== 'sym' || ix.sub.length > 0 || bound.has(ix.name)) return;
        const size = shape.vector || p === 0 ? shape.rows : shape.cols;
        out.set(ix.name, [...(out.get(ix.name) ?? []), size]);
      });
      return;
    }
    for (const c of children(e)) walk(c);
  };
  for (const e of exprs) walk(e);
  // A size symbol is not an index (x_n is the last entry).
  for (const z of sizeNames(ctx)) out.delete(z);
  return out;
}

/**
 * The declared vector or matrix e is an entry of, with the indices that
 * pick the entry: x_i of x, W_{1,i,j} of W_1; undefined for a declared name
 * itself (W_1) or a symbol of no declared array.
 */
function arrayOfEntry(ctx: ShapeContext, e: Sym): { shape: Shape; indices: readonly Expr[] } | undefined {
  if (declaredShape(ctx, e) !== undefined) return undefined;
  for (let k = e.sub.length - 1; k >= 0; k--) {
    const shape = declaredShape(ctx, sym(e.name, e.sub.slice(0, k), e.sup));
    if (shape === undefined || isScalarShape(shape)) continue;
    const indices = e.sub.slice(k);
    if (indices.length === (shape.vector ? 1 : 2)) return { shape, indices };
  }
  return undefined;
}

/** How many combinations of values the free indices have at `sizes` (withIndexValues tries at most MAX_INDEX_VALUES of them). */
function indexCombinations(sizes: Sizes, indices: ReadonlyMap<string, readonly Size[]>): number {
  let n = 1;
  for (const ranges of indices.values()) n *= Math.max(1, Math.min(...ranges.map((z) => (typeof z === 'number' ? z : (sizes[z] ?? 1)))));
  return n;
}

/** The sizes extended with values of the free indices in their ranges at those sizes (every value, or an even spread with both ends). */
export function withIndexValues(sizes: Sizes, indices: ReadonlyMap<string, readonly Size[]>): Sizes[] {
  let out: Sizes[] = [sizes];
  for (const [name, ranges] of indices) {
    const top = Math.min(...ranges.map((z) => (typeof z === 'number' ? z : (sizes[z] ?? 1))));
    const values = Array.from({ length: Math.max(top, 1) }, (_, k) => k + 1);
    out = out.flatMap((s) => values.map((v) => ({ ...s, [name]: v })));
  }
  if (out.length <= MAX_INDEX_VALUES) return out;
  const step = (out.length - 1) / (MAX_INDEX_VALUES - 1);
  return Array.from({ length: MAX_INDEX_VALUES }, (_, k) => out[Math.round(k * step)] as Sizes);
}

export function checkMatrixEqual(lhs: Expr, rhs: Expr, declared: ShapeContext, opts: MatrixCheckOptions = {}): MatrixVerdict {
  // Entries lowered with their repeats shared (shared-lowering.ts): the same entries, less work. Where a bound index
  // survives in one (a sum too long to write out), or anything throws, the check is done again the plain way.
  let shared: MatrixVerdict | undefined;
  try {
    shared = compareEntries(lhs, rhs, declared, opts, true);
  } catch {
    shared = undefined;
  }
  return shared ?? (compareEntries(lhs, rhs, declared, opts, false) as MatrixVerdict);
}

/** checkMatrixEqual; with `share`, undefined when an entry could not be lowered with its repeats shared. */
function compareEntries(lhs: Expr, rhs: Expr, declared: ShapeContext, opts: MatrixCheckOptions, share: boolean): MatrixVerdict | undefined {
  const ctx = usedContext(declared, [lhs, rhs]);
  const clash = entryNameClash(ctx);
  if (clash !== undefined) return { verdict: 'undecided', reason: clash };
  const lhsShape = inferShape(lhs, ctx);
  const rhsShape = inferShape(rhs, ctx);
  if (!sameShape(lhsShape, rhsShape)) return { verdict: 'fails', reason: 'shape', lhsShape, rhsShape };
  const seed = opts.seed ?? 1;
  const instances = opts.instances ?? sizeInstances(sizeNames(ctx), seed, opts.maxSize ?? MAX_SIZE);
  let entries = 0;
  let points = 0;
  let maxRelError = 0;
  const checked: Sizes[] = [];
  const indices = freeArrayIndices([lhs, rhs], ctx);
  let spread = false;
  for (const [base, sizes] of instances.flatMap((z) => withIndexValues(z, indices).map((s) => [z, s] as const))) {
    const c = instantiateContext(ctx, sizes);
    const l = instantiateExpr(lhs, sizes);
    const r = instantiateExpr(rhs, sizes);
    const shape = inferShape(l, c);
    if (typeof shape.rows !== 'number' || typeof shape.cols !== 'number') return { verdict: 'undecided', reason: `the size of ${shapeText(shape)} is not declared` };
    // At size 1 a derivative's layout convention may change (the derivative of a scalar is a gradient column,
    // a Jacobian row otherwise): an instance where the sides' shapes no longer agree says nothing and is left out.
    if (!sameShape(shape, inferShape(r, c))) continue;
    if (!checked.includes(base)) {
      checked.push(base);
      if (indexCombinations(base, indices) > MAX_INDEX_VALUES) spread = true;
    }
    const meaning = opts.mapEntry ?? ((x: Expr): Expr => x);
    const fresh = new FreshIndices([l, r], c);
    const lowering = share ? (opts.lowerings?.at([l, r], c, meaning) ?? new SharedLowering([l, r], c, meaning)) : undefined;
    for (let i = 1; i <= shape.rows; i++) {
      for (let j = 1; j <= shape.cols; j++) {
        // Written out at this size, every matrix entry is a symbol of its own: the counterexample lists them all.
        const le = lowering === undefined ? unrollSums(meaning(entryOf(l, num(i), num(j), c, fresh))) : lowering.entry(l, num(i), num(j));
        const re = lowering === undefined ? unrollSums(meaning(entryOf(r, num(i), num(j), c, fresh))) : lowering.entry(r, num(i), num(j));
        if (le === undefined || re === undefined) return undefined;
        const assumptions = opts.assumptions?.([le, re]);
        const v = checkEqualNumeric(le, re, { points: opts.points ?? 4, seed: seed + entries, ...(assumptions !== undefined ? { assumptions } : {}) });
        entries++;
        if (v.verdict === 'fails') return { verdict: 'fails', reason: 'entry', sizes, entry: [i, j], lhs: v.lhs, rhs: v.rhs, relError: v.relError, lhsEntry: le, rhsEntry: re, point: v.point };
        if (v.verdict === 'undecided') return { verdict: 'undecided', reason: `entry (${i}, ${j}) with ${sizesText(sizes)}: ${v.reason}` };
        points += v.points;
        maxRelError = Math.max(maxRelError, v.maxRelError);
      }
    }
  }
  if (checked.length === 0) return { verdict: 'undecided', reason: 'at every instantiated size the shapes of the sides differ' };
  return { verdict: 'holds', shape: lhsShape, instances: checked, entries, points, maxRelError, ...(indices.size > 0 ? { indices: [...indices.keys()].sort() } : {}), ...(spread ? { spread: true as const } : {}) };
}

/**
 * The shared lowerings (shared-lowering.ts) of a caller's checks, one per
 * instantiated shape context: the steps of a chain part compare the same
 * sides at the same sizes (a step's right side is the next one's left), so
 * a side is written out once, and its entries, the same objects, are
 * analysed once (the numeric checker remembers its analyses per node
 * object). The entries are the trees a lowering of their own gives (see
 * shared-lowering.ts); a lowering that handed out a bound index name the
 * new expressions use is replaced by a fresh one.
 *
 *     const lowerings = new LoweringCache();
 *     checkMatrixEqual(a, b, shapes, { lowerings }); checkMatrixEqual(b, c, shapes, { lowerings })   // b written out once
 */
export class LoweringCache {
  private readonly byContext = new Map<string, SharedLowering>();

  /** The lowering kept for `ctx` if it may lower `exprs` with `meaning`, else a new one kept from now on. */
  at(exprs: readonly Expr[], ctx: ShapeContext, meaning: (e: Expr) => Expr): SharedLowering {
    const key = [...ctx].map(([k, z]) => `${k}\u0000${z.rows}\u0000${z.cols}\u0000${z.vector}`).sort().join('\u0001');
    const known = this.byContext.get(key);
    if (known !== undefined && known.admits(exprs, meaning)) return known;
    const fresh = new SharedLowering(exprs, ctx, meaning);
    this.byContext.set(key, fresh);
    return fresh;
  }
}

export function sizesText(sizes: Sizes): string {
  const parts = Object.entries(sizes).map(([k, v]) => `${k} = ${v}`);
  return parts.length === 0 ? 'the declared sizes' : parts.join(', ');
}

/** One line for people: "holds for every entry (n×p) at …" or why not. */
export function matrixVerdictText(v: MatrixVerdict): string {
  switch (v.verdict) {
    case 'holds': {
      const symbolic = v.instances.some((s) => Object.keys(s).length > 0);
      const sizes = symbolic ? ` over sizes ${v.instances.map((s) => `{${sizesText(s)}}`).join(', ')}` : '';
      // Past MAX_INDEX_VALUES combinations only an even spread of them was compared: "every value" would claim more.
      const over = v.indices === undefined ? '' : ` with ${v.indices.join(', ')} at ${v.spread === true ? `every value in range where there are at most ${MAX_INDEX_VALUES} combinations, else at ${MAX_INDEX_VALUES} spread evenly (ends included)` : 'every value in range'}`;
      return `both sides are ${shapeText(v.shape)}; all ${v.entries} entries agree at ${v.points} random points${sizes}${over} (max relative error ${v.maxRelError.toExponential(2)})`;
    }
    case 'fails':
      if (v.reason === 'shape') return `the shapes differ: the left side is ${shapeText(v.lhsShape)}, the right side ${shapeText(v.rhsShape)}`;
      return `entry (${v.entry[0]}, ${v.entry[1]}) differs with ${sizesText(v.sizes)}: ${formatNumber(v.lhs)} vs ${formatNumber(v.rhs)} at ${pointText(v.point)}`;
    case 'undecided':
      return v.reason;
  }
}

/** Every sampled value of a counterexample, entries in the order of their names: "A_{1,1} = 0.5, x_2 = -1.25". */
export function pointText(p: Readonly<Record<string, number>>): string {
  const parts = Object.entries(p)
    .filter(([k]) => !k.startsWith('#'))
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([k, v]) => `${k} = ${formatNumber(v, 6)}`);
  return parts.length === 0 ? 'any entries' : parts.join(', ');
}
