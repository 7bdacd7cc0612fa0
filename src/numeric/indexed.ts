/**
 * Numeric instantiation of index notation. An expression with finite sums or
 * symbols with symbolic indices (z_k, W_{ij}) is evaluated by giving every
 * indexed variable a pseudo-random value determined by the point's `salt`
 * and the variable's concrete name (z_{3}), so both sides of an equation see
 * the same z_3 however they reach it. Free index symbols (i, j) and sum
 * bounds (c, n) become small integers, so the cases i = j and i ≠ j and
 * several sizes are all sampled.
 */
import { SubtreeSet } from './shared-subtrees.js';
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';
import type { Assumption } from './assumptions.js';

/** The pseudo-variable holding a point's salt. */
export const SALT: Sym = sym('#salt');

export function isBinder(e: Expr): boolean {
  return e.kind === 'call' && (e.fn === 'sum' || e.fn === 'maxover');
}

/** A word labelling a symbol (n_{in}, n_{out}, z_{\mathrm{max}}): part of its name, not an index to draw. */
function isLabelWord(i: Expr): boolean {
  return i.kind === 'sym' && i.name.length > 1 && i.sub.length === 0 && i.sup.length === 0 && /^[A-Za-z]+$/.test(i.name);
}

function hasSymbolicIndex(e: Expr): boolean {
  return e.kind === 'sym' && [...e.sub, ...e.sup].some((i) => i.kind !== 'num' && !isLabelWord(i));
}

/** delta(a, b) of two integers: exactly 1 or 0, whatever the precision. */
export function isIntegerDelta(e: Expr): boolean {
  return e.kind === 'call' && e.fn === 'delta' && e.args.length === 2 && e.args.every((a) => a.kind === 'num' && a.d === 1n);
}

/** Does evaluating e need the indexed-value provider? */
export function needsIndexedMode(e: Expr): boolean {
  return some(e, (x) => isBinder(x) || hasSymbolicIndex(x) || (x.kind === 'call' && x.fn === 'delta'));
}

/** Deterministic value in [-2.5, 2.5) for an indexed variable at a point. */
export function indexedValue(salt: number, key: string): number {
  return finishHash(feedText(startHash(salt), key));
}

/**
 * indexedValue(salt, indexKey(name, subs, sups)) without building the key:
 * the same characters are hashed in the same order (z_{3,1}^{(2)}), so both
 * give the same value; evaluation asks this at every indexed symbol of every
 * point, where building the string dominated.
 *
 *     indexedValueAt(0.25, 'z', [3], [])   // === indexedValue(0.25, 'z_{3}')
 */
export function indexedValueAt(salt: number, name: string, subs: readonly number[], sups: readonly number[]): number {
  return indexedValueAfterName(feedText(startHash(salt), name), subs, sups);
}

/**
 * indexedValueAt for one name, with the name's part of the hash kept for the
 * last salt it met (every indexed value of a point has the same salt): the
 * same characters hashed in the same order, so the same values.
 *
 *     indexedValuesOf('z')(0.25, [3], [])   // === indexedValueAt(0.25, 'z', [3], [])
 */
export function indexedValuesOf(name: string): (salt: number, subs: readonly number[], sups: readonly number[]) => number {
  let t = valueTables.get(name);
  if (t === undefined) {
    t = { salt: Number.NaN, afterName: feedText(startHash(Number.NaN), name), generation: 1, stamps: new Int32Array(TABLE_SLOTS), values: new Float64Array(TABLE_SLOTS) };
    valueTables.set(name, t);
  }
  const table = t;
  return (salt, subs, sups) => {
    if (!Object.is(salt, table.salt)) {
      table.afterName = feedText(startHash(salt), name);
      table.salt = salt;
      table.generation++;
    }
    let slot = tableSlot(subs, sups);
    let stamps = table.stamps;
    let values = table.values;
    if (slot < 0) {
      slot = tripleSlot(subs, sups);
      if (slot < 0) return indexedValueAfterName(table.afterName, subs, sups);
      // Allocated for the names that have such lookups only (W_{jk}^{(l)}).
      if (table.triples === undefined) table.triples = { stamps: new Int32Array(TRIPLE_SLOTS), values: new Float64Array(TRIPLE_SLOTS) };
      stamps = table.triples.stamps;
      values = table.triples.values;
    }
    if (stamps[slot] === table.generation) return values[slot] as number;
    const v = indexedValueAfterName(table.afterName, subs, sups);
    stamps[slot] = table.generation;
    values[slot] = v;
    return v;
  };
}

/**
 * The values of one name at the last salt met, for one or two small index
 * values (0 … 15), and for two subscripts with one superscript
 * (W_{jk}^{(l)}, in a table of its own made when first needed): an evaluation looks the same z_3 up at every term that
 * reads it, and the value is a function of salt, name and indices alone
 * (remembered, not state: the same values either way).
 */
interface ValueTable {
  salt: number;
  afterName: number;
  generation: number;
  readonly stamps: Int32Array;
  readonly values: Float64Array;
  /** Slots for z_{a,b}^{(c)}. */
  triples?: { readonly stamps: Int32Array; readonly values: Float64Array };
}

const valueTables = new Map<string, ValueTable>();
const SIDE = 16;
/** Slots for z_a, z^{(a)}, z_a^{(b)}, z_{a,b}. */
const TABLE_SLOTS = 2 * SIDE + 2 * SIDE * SIDE;
/** Slots for z_{a,b}^{(c)}. */
const TRIPLE_SLOTS = SIDE * SIDE * SIDE;

function small(x: number): boolean {
  return x >= 0 && x < SIDE && Number.isInteger(x);
}

/** The table slot of small index values, or -1. */
function tableSlot(subs: readonly number[], sups: readonly number[]): number {
  const ns = subs.length;
  const nu = sups.length;
  if (ns === 1 && nu === 0) return small(subs[0] as number) ? (subs[0] as number) : -1;
  if (ns === 0 && nu === 1) return small(sups[0] as number) ? SIDE + (sups[0] as number) : -1;
  let a: number;
  let b: number;
  if (ns === 1 && nu === 1) {
    a = subs[0] as number;
    b = sups[0] as number;
  } else if (ns === 2 && nu === 0) {
    a = subs[0] as number;
    b = subs[1] as number;
  } else return -1;
  if (!small(a) || !small(b)) return -1;
  return 2 * SIDE + (ns === 2 ? SIDE * SIDE : 0) + a * SIDE + b;
}

/** The slot of z_{a,b}^{(c)} with small a, b, c in the table of triples, or -1. */
function tripleSlot(subs: readonly number[], sups: readonly number[]): number {
  if (subs.length !== 2 || sups.length !== 1) return -1;
  const a = subs[0] as number;
  const b = subs[1] as number;
  const c = sups[0] as number;
  if (!small(a) || !small(b) || !small(c)) return -1;
  return (a * SIDE + b) * SIDE + c;
}

function indexedValueAfterName(afterName: number, subs: readonly number[], sups: readonly number[]): number {
  let h = afterName;
  if (subs.length > 0) {
    h = feedChar(feedChar(h, 95), 123); // _{
    h = feedList(h, subs);
    h = feedChar(h, 125); // }
  }
  if (sups.length > 0) {
    h = feedChar(feedChar(feedChar(h, 94), 123), 40); // ^{(
    h = feedList(h, sups);
    h = feedChar(feedChar(h, 41), 125); // )}
  }
  return finishHash(h);
}

function startHash(salt: number): number {
  return Math.imul(Math.floor(salt * 4294967296) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
}

function feedChar(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193) >>> 0;
}

function feedText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = feedChar(h, text.charCodeAt(i));
  return h;
}

/** The numbers as `join(',')` spells them: small integers digit by digit, anything else (NaN, 1e+21) through String. */
function feedList(h: number, xs: readonly number[]): number {
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) h = feedChar(h, 44);
    const x = xs[i] as number;
    if (!Number.isInteger(x) || Math.abs(x) >= 2 ** 31) {
      h = feedText(h, String(x));
      continue;
    }
    // -0 is spelled 0, as String(-0) spells it.
    let n = x;
    if (n < 0) {
      h = feedChar(h, 45);
      n = -n;
    }
    let scale = 1;
    while (scale * 10 <= n) scale *= 10;
    for (; scale >= 1; scale /= 10) {
      const digit = Math.floor(n / scale) % 10;
      h = feedChar(h, 48 + digit);
    }
  }
  return h;
}

function finishHash(h: number): number {
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return ((h >>> 0) / 4294967296) * 5 - 2.5;
}

export type IndexRole = 'bound' | 'index';

/** Symbols used as sum bounds (sizes such as c, n) or as indices (i, j). */
export function indexRoles(e: Expr, into = new Map<string, IndexRole>(), relation: readonly Expr[] = [e]): Map<string, IndexRole> {
  const mark = (x: Expr, role: IndexRole): void => {
    if (x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0) {
      const k = symKey(x);
      if (into.get(k) !== 'bound') into.set(k, role);
    }
    for (const c of children(x)) mark(c, role);
  };
  // A subtree met again marks nothing new: a role once 'bound' stays, and the first mark of a name was made already.
  const visited = new SubtreeSet();
  const visit = (x: Expr): void => {
    if (children(x).length > 0 && !visited.add(x)) return;
    if (x.kind === 'sym') for (const i of [...x.sub, ...x.sup]) if (!isLabelWord(i)) mark(i, 'index');
    // delta(i, j) makes a bare symbol i an index; not a compound argument: delta(2x, y/500) + relu(x - 50) sampled x
    // in 1..7 only and never reached 50. (A bare x used as a number elsewhere, delta(x, 1) + relu(x - 50), still is one.)
    // delta(k, j) of two symbols compares indices (sifting by a summation index k); only delta(x, 1) with x also
    // used as a number elsewhere compares a real variable.
    if (x.kind === 'call' && x.fn === 'delta') {
      const ofSymbols = x.args.every((a) => a.kind === 'sym');
      for (const a of x.args) if (a.kind === 'sym' && (ofSymbols || !numbers.has(symKey(a)))) mark(a, 'index');
    }
    if (isBinder(x) && x.kind === 'call') {
      const [, , lo, hi] = x.args;
      if (lo !== undefined) mark(lo, 'index');
      if (hi !== undefined) mark(hi, 'bound');
    }
    for (const c of children(x)) visit(c);
  };
  // A bare x that delta(x, 1) compares and the expression also uses as a number (relu(x - 50)) is a real
  // variable, which delta compares like any other (1 at x = 1, a special point): drawn as an index it never reached 50.
  const uses = relation.map(symbolUsesOnce);
  const numbers = new Set(uses.flatMap((u) => [...u.numbers]));
  for (const u of uses) for (const k of u.scripts) numbers.delete(k);
  visit(e);
  return into;
}

/** symbolUses, once per expression: a relation's roles are read side by side, each side over the whole relation. */
function symbolUsesOnce(e: Expr): { numbers: ReadonlySet<string>; scripts: ReadonlySet<string> } {
  const known = usesOf.get(e);
  if (known !== undefined) return known;
  const fresh = symbolUses(e);
  usesOf.set(e, fresh);
  return fresh;
}

const usesOf = new WeakMap<Expr, { numbers: ReadonlySet<string>; scripts: ReadonlySet<string> }>();

/**
 * Bare symbols that e uses as numbers (outside subscripts, delta's arguments
 * and sums' bounds), and those it uses in subscripts and sum bounds: a
 * symbol in both (the i of i x_i) is an index first.
 */
function symbolUses(e: Expr): { numbers: Set<string>; scripts: Set<string> } {
  const numbers = new Set<string>();
  const scripts = new Set<string>();
  // A subtree met again (in the same role) adds nothing.
  const visited = [new SubtreeSet(), new SubtreeSet()];
  const visit = (x: Expr, asNumber: boolean): void => {
    if (children(x).length > 0 && !(visited[asNumber ? 1 : 0] as SubtreeSet).add(x)) return;
    if (x.kind === 'sym') {
      if (x.sub.length === 0 && x.sup.length === 0 && asNumber) numbers.add(symKey(x));
      for (const i of [...x.sub, ...x.sup]) some(i, (y) => (y.kind === 'sym' && scripts.add(symKey(y)), false));
      return;
    }
    if (x.kind === 'call' && x.fn === 'delta') {
      for (const a of x.args) if (a.kind !== 'sym') visit(a, true);
      return;
    }
    if (isBinder(x) && x.kind === 'call') {
      const [body, index, lo, hi] = x.args;
      if (index !== undefined) some(index, (y) => (y.kind === 'sym' && scripts.add(symKey(y)), false));
      for (const b of [lo, hi]) if (b !== undefined) some(b, (y) => (y.kind === 'sym' && scripts.add(symKey(y)), false));
      if (body !== undefined) visit(body, true);
      return;
    }
    for (const c of children(x)) visit(c, true);
  };
  visit(e, true);
  return { numbers, scripts };
}

/** Free indices and sizes are sampled up to this (at least; a numeric sum bound beyond it raises it). */
export const INDEX_MAX = 7;
/** Drawn sizes (after 1, 7, 2, 3) go up to this: a term such as delta(n, 9) is not missed. */
export const SIZE_DRAW_MAX = 12;
/** Some drawn sizes of single sums go up to this. */
export const WIDE_SIZE_MAX = 24;

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

function numericBounds(e: Expr, into: { lo: number[]; hi: number[] }, visited = new SubtreeSet()): void {
  // A subtree met again adds no bound the first visit did not (only the smallest and largest are used).
  if (children(e).length > 0 && !visited.add(e)) return;
  if (isBinder(e) && e.kind === 'call') {
    const [, , lo, hi] = e.args;
    if (lo?.kind === 'num' && lo.d === 1n) into.lo.push(Number(lo.n));
    if (hi?.kind === 'num' && hi.d === 1n) into.hi.push(Number(hi.n));
  }
  for (const c of children(e)) numericBounds(c, into, visited);
}

/** How deeply sums are nested in e (0 without sums); each node object once (`known`). */
function sumDepth(e: Expr, known = new Map<Expr, number>()): number {
  const met = known.get(e);
  if (met !== undefined) return met;
  let inner = 0;
  for (const c of children(e)) inner = Math.max(inner, sumDepth(c, known));
  const depth = isBinder(e) ? inner + 1 : inner;
  known.set(e, depth);
  return depth;
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
export function indexPlan(es: readonly Expr[], vars: readonly Sym[], skip: ReadonlySet<string> = new Set(), conditions: readonly Assumption[] = [], known?: ReadonlyMap<string, IndexRole>): IndexPlan | undefined {
  // The caller may have read the roles of the same relation already (`known`).
  const roles = known ?? new Map<string, IndexRole>();
  if (known === undefined) for (const e of es) indexRoles(e, roles as Map<string, IndexRole>, es);
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
  const depth = Math.max(...es.map((e) => sumDepth(e)));
  const drawMax = depth <= 1 ? SIZE_DRAW_MAX : depth === 2 ? INDEX_MAX : 5;
  const sizeRange: [number, number] = [1, drawMax];
  const indexRange: [number, number] = [low, high];
  const stated = indexConditions(vars, indices, sizes, conditions);
  const assign = (p: Float64Array, k: number): void => {
    // Sizes: all 1, all 7, all 2, all 3, then each drawn on its own (distinct sizes catch a transposed index);
    // never fewer than the indices that stated relations keep apart (k ≠ l needs two).
    const same = [1, INDEX_MAX, 2, 3][k % 8];
    // Every other drawn size past 12 (single sums only, where it is cheap): a claim true at 1..12 alone is not an identity
    // (Σ_{i=1}^n 1 = n + (n − 1)(n − 2)⋯(n − 12) held).
    const wide = depth <= 1 && k % 8 >= 4 && k % 2 === 1;
    sizes.forEach((slot, n) => (p[slot] = Math.max(same ?? (wide ? pick(k, n, SIZE_DRAW_MAX + 1, WIDE_SIZE_MAX) : pick(k, n, 1, drawMax)), stated.apart)));
    const top = sizes.length > 0 ? Math.min(...sizes.map((slot) => p[slot] as number)) : high;
    const bottom = sizes.length > 0 ? Math.min(low, top) : low;
    // A stated range i ∈ {1, …, K} is the index's own: up to K's value, not the smallest size.
    const ends = (slot: number): [number, number] => {
      const r = stated.ranges.get(slot);
      if (r === undefined) return [bottom, top];
      const hi = r.hiSlot !== undefined ? (p[r.hiSlot] as number) : (r.hiValue ?? top);
      return [r.lo, Math.max(r.lo, hi)];
    };
    // Indices: all at the lower end, all at the upper end, all equal, all different where the range allows, independent.
    const pattern = k % 5;
    const shared = pick(k, 101, bottom, top);
    indices.forEach((slot, n) => {
      const [lo, hi] = ends(slot);
      let v: number;
      if (pattern === 0) v = lo;
      else if (pattern === 1) v = hi;
      else if (pattern === 2) v = Math.min(hi, Math.max(lo, shared));
      else if (pattern === 3) v = lo + ((Math.max(shared, lo) - lo + n) % (hi - lo + 1));
      else v = pick(k, 200 + n, lo, hi);
      p[slot] = v;
    });
    keepRelations(p, stated.relations, ends);
  };
  return { sizes, indices, sizeRange, indexRange, assign };
}

/** A stated relation between the indices in two slots of the point. */
interface SlotRelation {
  readonly a: number;
  readonly b: number;
  readonly rel: '!=' | '<' | '<=';
}

/** The stated ranges and relations of the plan's indices, by slot; `apart`: how many values the relations need. */
function indexConditions(vars: readonly Sym[], indices: readonly number[], sizes: readonly number[], conditions: readonly Assumption[]): { ranges: Map<number, { lo: number; hiSlot?: number; hiValue?: number }>; relations: SlotRelation[]; apart: number } {
  const slot = (s: Sym): number | undefined => {
    const i = vars.findIndex((v) => symKey(v) === symKey(s));
    return indices.includes(i) ? i : undefined;
  };
  const ranges = new Map<number, { lo: number; hiSlot?: number; hiValue?: number }>();
  const relations: SlotRelation[] = [];
  for (const c of conditions) {
    const a = slot(c.sym);
    if (a === undefined) continue;
    if (c.kind === 'index-range') {
      // The upper end is a size of the step (K in i ∈ {1, …, K}) or a number; another symbol is not drawn as a size.
      if (c.hi === undefined) {
        ranges.set(a, { lo: c.lo });
        continue;
      }
      const hiSlot = c.hi.kind === 'sym' ? vars.findIndex((v) => symKey(v) === symKey(c.hi as Sym)) : -1;
      const hiValue = c.hi.kind === 'num' && c.hi.d === 1n ? Number(c.hi.n) : undefined;
      if (!sizes.includes(hiSlot) && hiValue === undefined) continue;
      ranges.set(a, { lo: c.lo, ...(sizes.includes(hiSlot) ? { hiSlot } : {}), ...(hiValue !== undefined ? { hiValue } : {}) });
    } else if (c.kind === 'index-relation') {
      const b = slot(c.other);
      if (b !== undefined && b !== a) relations.push({ a, b, rel: c.rel });
    }
  }
  const related = new Set(relations.flatMap((r) => [r.a, r.b]));
  return { ranges, relations, apart: related.size };
}

function holds(p: Float64Array, r: SlotRelation): boolean {
  const a = p[r.a] as number;
  const b = p[r.b] as number;
  return r.rel === '!=' ? a !== b : r.rel === '<' ? a < b : a <= b;
}

/**
 * Moves indices of a point so that the stated relations hold (k ≠ l, k < l):
 * small local moves first, so that the patterns (ends, equal, apart) survive
 * where they can; else the related indices in increasing order from the
 * lowest end, which satisfies any consistent set of relations.
 */
function keepRelations(p: Float64Array, relations: readonly SlotRelation[], ends: (slot: number) => [number, number]): void {
  if (relations.length === 0) return;
  for (let pass = 0; pass < 4 && !relations.every((r) => holds(p, r)); pass++) {
    for (const r of relations) {
      if (holds(p, r)) continue;
      const a = p[r.a] as number;
      const [blo, bhi] = ends(r.b);
      const [alo, ahi] = ends(r.a);
      const b = p[r.b] as number;
      if (r.rel === '!=') {
        if (b < bhi) p[r.b] = b + 1;
        else if (b > blo) p[r.b] = b - 1;
        else if (a < ahi) p[r.a] = a + 1;
        else if (a > alo) p[r.a] = a - 1;
      } else {
        const want = r.rel === '<' ? a + 1 : a;
        if (want <= bhi) p[r.b] = Math.max(want, blo);
        else p[r.a] = Math.max(alo, r.rel === '<' ? b - 1 : b);
      }
    }
  }
  if (relations.every((r) => holds(p, r))) return;
  // In order: each index after every index it must exceed (a few rounds settle a consistent chain).
  const slots = [...new Set(relations.flatMap((r) => [r.a, r.b]))];
  const rank = new Map(slots.map((s) => [s, 0]));
  for (let round = 0; round < slots.length; round++) {
    for (const r of relations) if (r.rel !== '!=') rank.set(r.b, Math.max(rank.get(r.b) ?? 0, (rank.get(r.a) ?? 0) + 1));
  }
  const start = Math.max(...slots.map((s) => ends(s)[0]));
  [...slots].sort((x, y) => (rank.get(x) ?? 0) - (rank.get(y) ?? 0) || x - y).forEach((s, i) => (p[s] = start + i));
}
