/**
 * Definitions of indexed families: `p_k = \frac{e^{z_k}}{\sum_{j=1}^{K} e^{z_j}}`
 * defines every member, so `p_j`, `p_i` and `p_1` are the definition with the
 * index renamed (k := j), not new unknowns sampled as any real (a negative
 * "probability" refuting a correct step). An index of the defined symbol
 * that is a bare symbol (k, l) is a parameter; any other index (1, k+1)
 * must be written the same way in the use.
 *
 * Renaming respects the sums of the definition: an index a sum binds is not
 * renamed, and a sum whose bound index would capture the new index is
 * renamed first (W_k = \sum_j A_{kj} x_j used as W_j gives \sum_m A_{jm} x_m).
 *
 *     instantiateFamily(p_k, e^{z_k}/sum(e^{z_j}, j, 1, K), p_j)
 *       // e^{z_j}/sum(e^{z_m}, m, 1, K)
 */
import { add, num, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some, withChildren } from '../expr/traverse.js';

/** A defined family: its general member (p_k) and value. */
export interface FamilyDefinition {
  readonly sym: Sym;
  readonly value: Expr;
}

const isIndexName = (e: Expr): e is Sym => e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0;

/** Does defining `s` define a family (some index of s is a bare symbol: p_k, W_{ij}, a^{(l)})? */
export function isFamilySymbol(s: Sym): boolean {
  return [...s.sub, ...s.sup].some(isIndexName);
}

/**
 * A family definition that would be a recurrence (h_t = tanh(h_{t-1}))
 * defines nothing: the value uses another member of the same family.
 */
export function isRecurrence(s: Sym, value: Expr): boolean {
  return some(value, (x) => x.kind === 'sym' && x.name === s.name && x.sub.length === s.sub.length && x.sup.length === s.sup.length);
}

/**
 * A recurrence written forward, `a_{n+1} = 2 a_n` (the member at a letter plus a whole number c, in terms of
 * members of the same name), as the member at the letter in terms of earlier ones: a_n = 2 a_{n-1} (the letter
 * shifted by −c on both sides); undefined for anything else. Read as a definition of the symbol a_{n+1} it
 * would leave a_n free, and a closed form claimed for it was then taken as a definition too (never judged).
 *
 *     forwardRecurrence(a_{n+1}, 2 a_n)   // { sym: a_n, value: 2 a_{n - 1}, shift: 1 }
 */
export function forwardRecurrence(s: Sym, value: Expr): (FamilyDefinition & { readonly shift: number }) | undefined {
  const [index] = s.sub;
  if (s.sub.length !== 1 || s.sup.length !== 0 || index?.kind !== 'add' || index.args.length !== 2) return undefined;
  const letter = index.args.find(isIndexName);
  const shift = index.args.find((a) => a.kind === 'num');
  if (letter === undefined || shift?.kind !== 'num' || shift.d !== 1n || shift.n <= 0n) return undefined;
  const member = sym(s.name, [letter]);
  if (!isRecurrence(member, value)) return undefined;
  const c = shift.n;
  // The members' indices shifted and folded (F_{n+1} in F_{n+2} = F_{n+1} + F_n becomes F_{n-1}, not F_{n-2+1});
  // the letter anywhere else is n − c (a sum binding the letter itself is not expected in a recurrence's value).
  const shifted = (x: Expr): Expr | undefined => {
    if (x.kind === 'sym' && x.name === letter.name && x.sub.length === 0 && x.sup.length === 0) return add(letter, num(-c));
    if (x.kind !== 'add' || x.args.length !== 2) return undefined;
    const k = x.args.find((a) => a.kind === 'num');
    if (k?.kind !== 'num' || k.d !== 1n || !x.args.some((a) => a.kind === 'sym' && a.hash === letter.hash)) return undefined;
    return k.n === c ? letter : add(letter, num(k.n - c));
  };
  const rewrite = (x: Expr): Expr => {
    if (x.kind === 'sym' && x.name === s.name && x.sub.length === 1 && x.sup.length === 0) {
      const i = shifted(x.sub[0] as Expr);
      if (i !== undefined) return sym(x.name, [i]);
    }
    if (x.kind === 'sym' && x.hash === letter.hash) return add(letter, num(-c));
    return withChildren(x, children(x).map(rewrite));
  };
  return { sym: member, value: rewrite(value), shift: Number(c) };
}

/**
 * The index parameters of `general` bound to the indices of `s` (p_k, p_j:
 * k := j), or undefined when s is not a member (another name, another
 * number of indices, a fixed index written differently, A_{kk} against A_{12}).
 */
export function matchFamily(general: Sym, s: Sym): Map<string, Expr> | undefined {
  if (general.name !== s.name || general.sub.length !== s.sub.length || general.sup.length !== s.sup.length) return undefined;
  const binding = new Map<string, Expr>();
  const g = [...general.sub, ...general.sup];
  const t = [...s.sub, ...s.sup];
  for (let i = 0; i < g.length; i++) {
    const a = g[i] as Expr;
    const b = t[i] as Expr;
    if (isIndexName(a)) {
      const prior = binding.get(symKey(a));
      if (prior !== undefined && prior.hash !== b.hash) return undefined;
      binding.set(symKey(a), b);
    } else if (a.hash !== b.hash) return undefined;
  }
  return binding;
}

/** Index names used anywhere in e (free or bound). */
function namesIn(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'sym') into.add(symKey(e));
  for (const c of children(e)) namesIn(c, into);
  return into;
}

/** A bound-index name not in `taken`. */
function freshIndex(taken: ReadonlySet<string>): Sym {
  for (const n of ['m', 'r', 'q', 'u', 'v', 'a', 'b', 'c', 'd']) if (!taken.has(n)) return sym(n);
  for (let i = 1; ; i++) if (!taken.has(`m_{${i}}`)) return sym('m', [sym(String(i))]);
}

/**
 * Substitute index symbols (keys of `binding`) everywhere they are free in
 * e, inside subscripts too, never under a sum that binds them, renaming a
 * sum's bound index that a replacement would capture.
 */
export function renameIndices(e: Expr, binding: ReadonlyMap<string, Expr>): Expr {
  if (binding.size === 0) return e;
  if (e.kind === 'sym') {
    const v = binding.get(symKey(e));
    if (v !== undefined) return v;
  }
  if (e.kind === 'call' && e.fn === 'sum') {
    const [body, k, lo, hi] = e.args;
    if (body !== undefined && k !== undefined && isIndexName(k) && lo !== undefined && hi !== undefined) {
      const inner = new Map(binding);
      inner.delete(symKey(k));
      const captured = [...inner.values()].some((v) => namesIn(v).has(symKey(k)));
      let bound: Sym = k;
      let b = body;
      if (captured) {
        const taken = new Set([...namesIn(e), ...[...inner.values()].flatMap((v) => [...namesIn(v)])]);
        bound = freshIndex(taken);
        b = renameIndices(body, new Map([[symKey(k), bound]]));
      }
      return withChildren(e, [renameIndices(b, inner), bound, renameIndices(lo, binding), renameIndices(hi, binding)]);
    }
  }
  const kids = children(e);
  if (kids.length === 0) return e;
  let changed = false;
  const next = kids.map((c) => {
    // An index that became arithmetic on numbers (l - 1 with l := 2) is that number: a^{(1)}, never a^{(2-1)}.
    const m = e.kind === 'sym' ? foldIndex(renameIndices(c, binding)) : renameIndices(c, binding);
    if (m !== c) changed = true;
    return m;
  });
  return changed ? withChildren(e, next) : e;
}

/** The integer an index written as arithmetic on integers stands for (2 - 1 -> 1); other indices as they are. */
export function foldIndex(e: Expr): Expr {
  const value = (x: Expr): bigint | undefined => {
    if (x.kind === 'num') return x.d === 1n ? x.n : undefined;
    if (x.kind === 'neg') {
      const v = value(x.arg);
      return v === undefined ? undefined : -v;
    }
    if (x.kind === 'add' || x.kind === 'mul') {
      const vs = x.args.map(value);
      if (vs.some((v) => v === undefined)) return undefined;
      return (vs as bigint[]).reduce((a, b) => (x.kind === 'add' ? a + b : a * b), x.kind === 'add' ? 0n : 1n);
    }
    return undefined;
  };
  if (e.kind === 'num' || e.kind === 'sym') return e;
  const v = value(e);
  return v === undefined ? e : num(v);
}

/** Does a definition of `general` (p_k) define one of `syms` (p_j) as a family member? */
export function definesMember(general: Sym, syms: readonly Sym[]): boolean {
  return isFamilySymbol(general) && syms.some((s) => matchFamily(general, s) !== undefined);
}

/** The member `s` of a family defined by `def`, or undefined when s is not a member. */
export function instantiateFamily(def: FamilyDefinition, s: Sym): Expr | undefined {
  const binding = matchFamily(def.sym, s);
  return binding === undefined ? undefined : renameIndices(def.value, binding);
}

/**
 * Every member of a defined family in e replaced by its definition (symbols
 * with a definition of their own, `exact`, are left to it); a derivative's
 * variable is never replaced.
 *
 *     substituteFamilies(parseLatex('p_j + 1'), [{ sym: p_k, value: ... }], new Set())
 */
export function substituteFamilies(e: Expr, families: readonly FamilyDefinition[], exact: ReadonlySet<string>): Expr {
  if (families.length === 0) return e;
  const go = (x: Expr): Expr => {
    if (x.kind === 'sym') {
      if (exact.has(symKey(x))) return x;
      for (const f of families) {
        const v = instantiateFamily(f, x);
        if (v !== undefined) return v;
      }
      return x;
    }
    if (x.kind === 'deriv') {
      const body = go(x.body);
      return body === x.body ? x : withChildren(x, [body, x.wrt]);
    }
    const kids = children(x);
    if (kids.length === 0) return x;
    let changed = false;
    const next = kids.map((c) => {
      const m = go(c);
      if (m !== c) changed = true;
      return m;
    });
    return changed ? withChildren(x, next) : x;
  };
  return go(e);
}
