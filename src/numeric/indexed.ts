/**
 * Numeric instantiation of index notation. An expression with finite sums or
 * symbols with symbolic indices (z_k, W_{ij}) is evaluated by giving every
 * indexed variable a pseudo-random value determined by the point's `salt`
 * and the variable's concrete name (z_{3}), so both sides of an equation see
 * the same z_3 however they reach it. Free index symbols (i, j) and sum
 * bounds (c, n) become small integers, so the cases i = j and i ≠ j and
 * several sizes are all sampled.
 */
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';

/** The pseudo-variable holding a point's salt. */
export const SALT: Sym = sym('#salt');

export function isBinder(e: Expr): boolean {
  return e.kind === 'call' && e.fn === 'sum';
}

function hasSymbolicIndex(e: Expr): boolean {
  return e.kind === 'sym' && [...e.sub, ...e.sup].some((i) => i.kind !== 'num');
}

/** Does evaluating e need the indexed-value provider? */
export function needsIndexedMode(e: Expr): boolean {
  return some(e, (x) => isBinder(x) || hasSymbolicIndex(x) || (x.kind === 'call' && x.fn === 'delta'));
}

/** Deterministic value in [-2.5, 2.5) for an indexed variable at a point. */
export function indexedValue(salt: number, key: string): number {
  let h = Math.imul(Math.floor(salt * 4294967296) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return ((h >>> 0) / 4294967296) * 5 - 2.5;
}

export type IndexRole = 'bound' | 'index';

/** Symbols used as sum bounds (sizes such as c, n) or as indices (i, j). */
export function indexRoles(e: Expr, into = new Map<string, IndexRole>()): Map<string, IndexRole> {
  const mark = (x: Expr, role: IndexRole): void => {
    if (x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0) {
      const k = symKey(x);
      if (into.get(k) !== 'bound') into.set(k, role);
    }
    for (const c of children(x)) mark(c, role);
  };
  const visit = (x: Expr): void => {
    if (x.kind === 'sym') for (const i of [...x.sub, ...x.sup]) mark(i, 'index');
    if (x.kind === 'call' && x.fn === 'delta') for (const a of x.args) mark(a, 'index');
    if (isBinder(x) && x.kind === 'call') {
      const [, , lo, hi] = x.args;
      if (lo !== undefined) mark(lo, 'index');
      if (hi !== undefined) mark(hi, 'bound');
    }
    for (const c of children(x)) visit(c);
  };
  visit(e);
  return into;
}

/** Free indices and sizes are sampled up to this (at least; a numeric sum bound beyond it raises it). */
export const INDEX_MAX = 7;
/** Drawn sizes (after 1, 7, 2, 3) go up to this: a term such as delta(n, 9) is not missed. */
export const SIZE_DRAW_MAX = 12;

/**
 * Which values the index symbols and sizes of a relation take: sizes
 * (symbolic sum bounds such as n, c) are 1, 7, 2, 3 and draws in 1..12; a free index (i, j)
 * over 1..n where n is the smallest size at that point (an index of a family
 * summed to n is one of its members), or, without symbolic sizes, over
 * 1..max(7, b + 1) for the numeric bounds b of the sums, so that values
 * outside a fixed range (i = 3 against a sum to 2) are sampled. A sum
 * starting at 0 lets indices start at 0.
 */
export interface IndexPlan {
  /** Slots (positions in the point) of the sizes and of the free indices. */
  readonly sizes: readonly number[];
  readonly indices: readonly number[];
  readonly sizeRange: readonly [number, number];
  /** Index range when no size bounds it. */
  readonly indexRange: readonly [number, number];
  /** Fills the size and index coordinates of p with the k-th assignment of a fixed cycle (see indexAssignment). */
  readonly assign: (p: Float64Array, k: number) => void;
}

function numericBounds(e: Expr, into: { lo: number[]; hi: number[] }): void {
  if (isBinder(e) && e.kind === 'call') {
    const [, , lo, hi] = e.args;
    if (lo?.kind === 'num' && lo.d === 1n) into.lo.push(Number(lo.n));
    if (hi?.kind === 'num' && hi.d === 1n) into.hi.push(Number(hi.n));
  }
  for (const c of children(e)) numericBounds(c, into);
}

/** How deeply sums are nested in e (0 without sums). */
function sumDepth(e: Expr): number {
  const inner = Math.max(0, ...children(e).map(sumDepth));
  return isBinder(e) ? inner + 1 : inner;
}

/** A deterministic integer in [lo, hi] from (k, salt). */
function pick(k: number, salt: number, lo: number, hi: number): number {
  let h = Math.imul(k + 1, 0x9e3779b1) ^ Math.imul(salt + 7, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return lo + ((h >>> 0) % (hi - lo + 1));
}

/**
 * The plan for `vars` of the sides `es` (undefined when no variable is a
 * size or a free index). Variables in `skip` (the caller's own assumptions
 * decide them) are left to the sampler.
 *
 *     indexPlan([parsePlain('sum(z_k, k, 1, n)'), parsePlain('z_j')], vars)   // sizes n ∈ 1..7, j ∈ 1..n
 */
export function indexPlan(es: readonly Expr[], vars: readonly Sym[], skip: ReadonlySet<string> = new Set()): IndexPlan | undefined {
  const roles = new Map<string, IndexRole>();
  for (const e of es) indexRoles(e, roles);
  const sizes: number[] = [];
  const indices: number[] = [];
  vars.forEach((s, i) => {
    const k = symKey(s);
    if (skip.has(k)) return;
    const role = roles.get(k);
    if (role === 'bound') sizes.push(i);
    else if (role === 'index') indices.push(i);
  });
  if (sizes.length === 0 && indices.length === 0) return undefined;
  const bounds = { lo: [] as number[], hi: [] as number[] };
  for (const e of es) numericBounds(e, bounds);
  const low = Math.min(1, ...bounds.lo.filter((b) => b >= 0));
  const high = Math.max(INDEX_MAX, ...bounds.hi.map((b) => b + 1));
  // Nested sums cost the product of their sizes: drawn sizes beyond 7 only for a single level of sums,
  // up to 5 from three levels on (the cycle's 1 and 7 still cover the ends).
  const depth = Math.max(...es.map(sumDepth));
  const drawMax = depth <= 1 ? SIZE_DRAW_MAX : depth === 2 ? INDEX_MAX : 5;
  const sizeRange: [number, number] = [1, drawMax];
  const indexRange: [number, number] = [low, high];
  const assign = (p: Float64Array, k: number): void => {
    // Sizes: all 1, all 7, all 2, all 3, then each drawn on its own (distinct sizes catch a transposed index).
    const same = [1, INDEX_MAX, 2, 3][k % 8];
    sizes.forEach((slot, n) => (p[slot] = same ?? pick(k, n, 1, drawMax)));
    const top = sizes.length > 0 ? Math.min(...sizes.map((slot) => p[slot] as number)) : high;
    const bottom = sizes.length > 0 ? Math.min(low, top) : low;
    // Indices: all at the lower end, all at the upper end, all equal, all different where the range allows, independent.
    const pattern = k % 5;
    const shared = pick(k, 101, bottom, top);
    indices.forEach((slot, n) => {
      let v: number;
      if (pattern === 0) v = bottom;
      else if (pattern === 1) v = top;
      else if (pattern === 2) v = shared;
      else if (pattern === 3) v = bottom + ((shared - bottom + n) % (top - bottom + 1));
      else v = pick(k, 200 + n, bottom, top);
      p[slot] = v;
    });
  };
  return { sizes, indices, sizeRange, indexRange, assign };
}
