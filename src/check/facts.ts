/**
 * What a document says about its symbols: definitions (`h = \tanh(w_1 x + b_1)`)
 * and domains (`x > 0`, `p_i > 0`, `y \in \{-1, 1\}`, `\sum_i p_i = 1`).
 * Facts are plain data; prepare-step.ts turns them into substitutions and
 * sampling assumptions for one step.
 *
 *     { kind: 'sign', sym: sym('x'), sign: 'positive' }          // x > 0
 *     { kind: 'simplex', syms: [p_1, p_2, p_3] }                  // p_1 + p_2 + p_3 = 1, all > 0
 *     { kind: 'simplex-indexed', name: 'p', size: sym('n') }      // \sum_{i=1}^{n} p_i = 1
 */
import { CONSTANTS } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children as childrenOf, some } from '../expr/traverse.js';
import { sym } from '../expr/build.js';
import { abstractHead } from '../expr/abstract-function.js';
import { isFamilySymbol, isRecurrence } from './indexed-definitions.js';

export type Sign = 'positive' | 'nonnegative' | 'nonzero' | 'negative';

/** An interval as stated: ends may be open or infinite. */
export interface Bounds {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

/**
 * A fact that cannot be used: an empty domain (`0 < x < 0`, `x in {}`), two
 * facts that contradict each other, or (in strict reading) text that is not
 * understood. `start` is the offset in the text that was read, when known.
 */
export class FactError extends Error {
  constructor(
    message: string,
    readonly start = 0,
  ) {
    super(message);
    this.name = 'FactError';
  }
}

export type Fact =
  /** `h = …`, or with `param` a function head `f(x) = …` (then f(a) means value with x = a). */
  /** `params`: a function of several arguments, `L(x, y, w) = …` (read in place of its calls: multi-argument-heads.ts). */
  /** `anonymous`: a function given by name only (`f = \tanh`): its parameter is not the document's, so the bare f is not f(x). */
  | { readonly kind: 'define'; readonly sym: Sym; readonly value: Expr; readonly param?: Sym; readonly params?: readonly Sym[]; readonly anonymous?: boolean }
  | { readonly kind: 'sign'; readonly sym: Sym; readonly sign: Sign }
  /**
   * Sampled on [lo, hi]; `bounds` is the set as stated when it differs
   * (open ends, or unbounded: x > 1 is sampled on [1, 21] but means (1, ∞));
   * `closed` says which ends are known to belong to the set (for special points).
   */
  | { readonly kind: 'interval'; readonly sym: Sym; readonly lo: number; readonly hi: number; readonly integer: boolean; readonly bounds?: Bounds; readonly closed?: readonly [boolean, boolean] }
  | { readonly kind: 'set'; readonly sym: Sym; readonly values: readonly number[] }
  | { readonly kind: 'simplex'; readonly syms: readonly Sym[] }
  /**
   * `sizeFromSums`: the size was not stated ("p is a distribution", \sum_i p_i = 1): each step
   * takes it from its own sums over the family. `oneHot`: a vertex of the simplex (entries in
   * {0, 1}, exactly one of them 1: "y is one-hot").
   */
  | { readonly kind: 'simplex-indexed'; readonly name: string; readonly size: Expr; readonly sizeFromSums?: boolean; readonly oneHot?: boolean }
  /** An index's range as stated: `i \in \{1, \dots, n\}`, `k = 1, \dots, K`, `1 \le j \le K` (not a value of i: a range for sums and sifting). */
  | { readonly kind: 'index-range'; readonly sym: Sym; readonly lo: number; readonly hi: Expr }
  /** Two indices kept apart or in order: `k \ne l`, `k < l`, "for $i \neq j$". */
  | { readonly kind: 'index-relation'; readonly sym: Sym; readonly rel: '!=' | '<' | '<='; readonly other: Sym };

/** Does a fact about `general` (p_i, with a symbolic index) speak about `s` (p_2, p_j)? */
export function factCovers(general: Sym, s: Sym): boolean {
  if (general.name !== s.name || general.sub.length !== s.sub.length || general.sup.length !== s.sup.length) return false;
  const same = (a: readonly Expr[], b: readonly Expr[]): boolean =>
    a.every((x, i) => {
      const y = b[i];
      if (y === undefined) return false;
      if (x.kind === 'sym') return true; // a symbolic index covers every index
      return x.hash === y.hash;
    });
  return same(general.sub, s.sub) && same(general.sup, s.sup);
}

/** A one-line description of a fact for reports: "x > 0". */
export function describeFact(f: Fact, show: (e: Expr) => string): string {
  switch (f.kind) {
    case 'define':
      // A head of several arguments carries its arity in its name (H(,): multi-argument-heads.ts).
      return `${f.params !== undefined ? show({ ...f.sym, name: f.sym.name.replace(/\(,*\)$/, '') }) : show(f.sym)}${f.params !== undefined ? `(${f.params.map(show).join(', ')})` : f.param === undefined ? '' : `(${show(f.param)})`} = ${show(f.value)}`;
    case 'sign':
      return `${show(f.sym)} ${f.sign === 'positive' ? '> 0' : f.sign === 'nonnegative' ? '>= 0' : f.sign === 'negative' ? '< 0' : '!= 0'}`;
    case 'interval':
      return `${describeBounds(show(f.sym), f.bounds ?? { lo: f.lo, hi: f.hi, loOpen: false, hiOpen: false })}${f.integer ? ' (integer)' : ''}`;
    case 'set':
      return `${show(f.sym)} in {${f.values.join(', ')}}`;
    case 'simplex':
      return `${f.syms.map(show).join(' + ')} = 1, each > 0`;
    case 'index-range':
      return `${show(f.sym)} in {${f.lo}, ..., ${show(f.hi)}} (an index)`;
    case 'index-relation':
      return `${show(f.sym)} ${f.rel} ${show(f.other)} (indices)`;
    case 'simplex-indexed':
      if (f.oneHot === true) return `${f.name} one-hot: each ${f.name}_i in {0, 1}, sum of ${f.name}_i = 1`;
      return f.sizeFromSums === true ? `${f.name} a distribution: each ${f.name}_i > 0, sum of ${f.name}_i = 1` : `sum of ${f.name}_i = 1 over ${show(f.size)} terms, each > 0`;
  }
}

function describeBounds(x: string, b: Bounds): string {
  if (b.lo === -Infinity && b.hi === Infinity) return `${x} real`;
  if (b.lo === -Infinity) return `${x} ${b.hiOpen ? '<' : '<='} ${b.hi}`;
  if (b.hi === Infinity) return `${x} ${b.loOpen ? '>' : '>='} ${b.lo}`;
  return `${x} in ${b.loOpen ? '(' : '['}${b.lo}, ${b.hi}${b.hiOpen ? ')' : ']'}`;
}

/** The set of values a domain fact allows for one symbol. */
interface Range {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
  integer: boolean;
  excluded: number[];
  values?: number[];
}

const ALL = (): Range => ({ lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true, integer: false, excluded: [] });

function rangeOf(f: Fact): Range | undefined {
  switch (f.kind) {
    case 'sign':
      if (f.sign === 'nonzero') return { ...ALL(), excluded: [0] };
      if (f.sign === 'negative') return { ...ALL(), hi: 0 };
      return { ...ALL(), lo: 0, loOpen: f.sign === 'positive' };
    case 'interval': {
      const b = f.bounds ?? { lo: f.lo, hi: f.hi, loOpen: false, hiOpen: false };
      return { ...ALL(), ...b, integer: f.integer };
    }
    case 'set':
      return { ...ALL(), values: [...f.values] };
    case 'simplex':
    case 'simplex-indexed':
      return { ...ALL(), lo: 0, hi: 1 };
    case 'define':
    case 'index-range':
    case 'index-relation':
      return undefined;
  }
}

function intersect(a: Range, b: Range): Range {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  const loOpen = (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen);
  const hiOpen = (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen);
  const values = a.values === undefined ? b.values : b.values === undefined ? a.values : a.values.filter((v) => b.values?.includes(v));
  return { lo, hi, loOpen, hiOpen, integer: a.integer || b.integer, excluded: [...a.excluded, ...b.excluded], ...(values !== undefined ? { values } : {}) };
}

function admits(r: Range, v: number): boolean {
  return (v > r.lo || (v === r.lo && !r.loOpen)) && (v < r.hi || (v === r.hi && !r.hiOpen)) && (!r.integer || Number.isInteger(v)) && !r.excluded.includes(v);
}

/** True when no real number lies in the range. */
function isEmpty(r: Range): boolean {
  if (r.values !== undefined) return !r.values.some((v) => admits(r, v));
  if (r.lo > r.hi) return true;
  if (r.lo === r.hi) return r.loOpen || r.hiOpen || !admits(r, r.lo);
  if (r.integer) {
    const first = Number.isFinite(r.lo) ? (Number.isInteger(r.lo) && r.loOpen ? r.lo + 1 : Math.ceil(r.lo)) : -Infinity;
    const last = Number.isFinite(r.hi) ? (Number.isInteger(r.hi) && r.hiOpen ? r.hi - 1 : Math.floor(r.hi)) : Infinity;
    if (first > last) return true;
    if (first === last) return r.excluded.includes(first);
  }
  return false;
}

/** A domain fact that leaves no value at all (`0 < x < 0`, `x in {}`). */
export function emptyFact(f: Fact): boolean {
  const r = rangeOf(f);
  return r !== undefined && isEmpty(r);
}

/** The symbols a domain fact speaks about. */
function factSymbols(f: Fact): readonly Sym[] {
  switch (f.kind) {
    case 'define':
    case 'index-range':
    case 'index-relation':
      return [];
    case 'simplex':
      return f.syms;
    case 'simplex-indexed':
      return [];
    default:
      return [f.sym];
  }
}

/** Does the fact speak about `s` (p_i covers p_2)? */
function speaksAbout(f: Fact, s: Sym): boolean {
  if (f.kind === 'simplex-indexed') return s.name === f.name && s.sub.length === 1 && s.sup.length === 0;
  return factSymbols(f).some((g) => factCovers(g, s) || factCovers(s, g));
}

/**
 * Two or more domain facts that together leave no value for a symbol, given
 * as the facts involved (the new one last); undefined when `added` is
 * consistent with `known`.
 *
 *     conflictOf(readFacts('x < 0'), readFacts('x > 1')[0])   // [x < 0, x > 1]
 */
export function conflictOf(known: readonly Fact[], added: Fact): Fact[] | undefined {
  const own = rangeOf(added);
  if (own === undefined) return undefined;
  if (isEmpty(own)) return [added];
  const subjects = added.kind === 'simplex-indexed' ? known.flatMap(factSymbols).filter((s) => speaksAbout(added, s)) : factSymbols(added);
  for (const s of subjects) {
    const others = known.filter((f) => f !== added && rangeOf(f) !== undefined && speaksAbout(f, s));
    // Name one fact that contradicts the new one when there is such a fact, else all of them.
    const pair = others.find((f) => isEmpty(intersect(own, rangeOf(f) ?? ALL())));
    if (pair !== undefined) return [pair, added];
    const all = others.reduce((r, f) => intersect(r, rangeOf(f) ?? ALL()), own);
    if (isEmpty(all)) return [...others, added];
  }
  return undefined;
}

/**
 * `SYM = value` or `f(x) = value` read as a definition, when the left side is
 * a symbol (or a function head written with a bracket) not defined yet and
 * the right side does not use it.
 *
 *     definitionOf('f(x)', parseLatex('f(x)'), parseLatex('x^2'))   // { kind: 'define', sym: f, param: x, value: x^2 }
 */
export function definitionOf(lhsLatex: string, lhs: Expr, rhs: Expr): Fact | undefined {
  // h(…) with h an unknown-function name uses h too (h = \tanh(h(x)) defines nothing).
  const uses = (e: Expr, s: Sym): boolean => (e.kind === 'sym' ? e.hash === s.hash : (e.kind === 'call' && s.sub.length === 0 && abstractHead(e.fn)?.name === s.name) || childrenOf(e).some((c) => uses(c, s)));
  // π = 3.14159… is a claim about a constant, never its definition.
  if (lhs.kind === 'sym' && CONSTANTS.has(lhs.name) && lhs.sub.length === 0) return undefined;
  // h_t = \tanh(h_{t-1}) is a recurrence, not a definition of the family h.
  if (lhs.kind === 'sym') return uses(rhs, lhs) || (isFamilySymbol(lhs) && isRecurrence(lhs, rhs)) ? undefined : { kind: 'define', sym: lhs, value: rhs };
  // f(x) = … with f an unknown-function name (src/expr/abstract-function.ts): the parser gives call('f', [x]).
  const [arg] = lhs.kind === 'call' && lhs.args.length === 1 && abstractHead(lhs.fn)?.order === 0 ? lhs.args : [];
  if (lhs.kind === 'call' && arg?.kind === 'sym' && !some(rhs, (x) => x.kind === 'call' && abstractHead(x.fn)?.name === lhs.fn)) {
    return { kind: 'define', sym: sym(lhs.fn), value: rhs, param: arg };
  }
  const [head, param] = lhs.kind === 'mul' && lhs.args.length === 2 ? lhs.args : [];
  if (head?.kind === 'sym' && param?.kind === 'sym' && head.sub.length === 0 && /^\s*\\?[A-Za-z]+\s*(\\left)?\(/.test(lhsLatex) && !uses(rhs, head)) {
    return { kind: 'define', sym: head, value: rhs, param };
  }
  return undefined;
}

/** How far a one-sided domain is sampled from its end. */
const SAMPLE_SPAN = 20;

/** One fact for the intersection of a symbol's domains (the range is known to be non-empty). */
function factOfRange(s: Sym, r: Range, parts: readonly Fact[]): Fact {
  if (r.values !== undefined) return { kind: 'set', sym: s, values: r.values.filter((v) => admits(r, v)) };
  if (!r.integer && r.hi === Infinity && r.lo === 0 && r.excluded.every((v) => v <= 0)) return { kind: 'sign', sym: s, sign: r.loOpen || r.excluded.includes(0) ? 'positive' : 'nonnegative' };
  if (!r.integer && r.lo === -Infinity && r.hi === 0 && r.excluded.every((v) => v >= 0)) {
    if (r.hiOpen || r.excluded.includes(0)) return { kind: 'sign', sym: s, sign: 'negative' };
  }
  if (r.lo === -Infinity && r.hi === Infinity) {
    return r.excluded.includes(0) && !r.integer ? { kind: 'sign', sym: s, sign: 'nonzero' } : (parts[0] as Fact);
  }
  const lo = Number.isFinite(r.lo) ? r.lo : r.hi - SAMPLE_SPAN;
  const hi = Number.isFinite(r.hi) ? r.hi : r.lo + SAMPLE_SPAN;
  return { kind: 'interval', sym: s, lo, hi, integer: r.integer, bounds: { lo: r.lo, hi: r.hi, loOpen: r.loOpen, hiOpen: r.hiOpen } };
}

/**
 * The facts with every symbol's domain facts (signs, intervals, sets about
 * the same symbol) replaced by one fact for their intersection, so that the
 * sampler, which uses one domain per symbol, sees all of them: x > 0 and
 * x < 5 become x in (0, 5). Facts are assumed consistent (see conflictOf).
 *
 *     mergeDomains([...readFacts('x > 0'), ...readFacts('x < 5')])   // [x in (0, 5)]
 */
export function mergeDomains(facts: readonly Fact[]): Fact[] {
  const groups = new Map<string, Fact[]>();
  for (const f of facts) {
    if (f.kind !== 'sign' && f.kind !== 'interval' && f.kind !== 'set') continue;
    const k = symKey(f.sym);
    const g = groups.get(k);
    if (g === undefined) groups.set(k, [f]);
    else g.push(f);
  }
  const out: Fact[] = [];
  const done = new Set<string>();
  for (const f of facts) {
    if (f.kind !== 'sign' && f.kind !== 'interval' && f.kind !== 'set') {
      out.push(f);
      continue;
    }
    const k = symKey(f.sym);
    const g = groups.get(k) ?? [f];
    if (g.length === 1) {
      out.push(f);
      continue;
    }
    if (done.has(k)) continue;
    done.add(k);
    const r = g.reduce((acc, x) => intersect(acc, rangeOf(x) ?? ALL()), ALL());
    const merged = factOfRange(f.sym, r, g);
    out.push(merged);
    // A sign the merged interval implies is kept for lemma guards such as positive(u).
    if (merged.kind !== 'sign' && r.lo >= 0 && (r.lo > 0 || r.loOpen)) out.push({ kind: 'sign', sym: f.sym, sign: 'positive' });
  }
  return out;
}
