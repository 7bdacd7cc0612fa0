/**
 * The range of an index read from the definitions a step rests on: where a
 * definition sums a family over 1..N (`p_k = e^{z_k} / \sum_{j=1}^{K}
 * e^{z_j}`, `z = \sum_{j=1}^m w_j x_j + b`), the family has N entries, so a
 * free index used with it (`w_i`, `z_i`) names one of them: i ∈ {1, …, N}.
 * This is how a student means ∂/∂w_i, and what the rules' side condition
 * 1 ≤ i ≤ N needs; an index used with families summed over different
 * ranges, or a family summed over two ranges, gets nothing from here.
 *
 *     summedRanges([d(p_i, z_i), p_i (1 - p_i)], [e^{z_k} / sum(e^{z_j}, j, 1, K)], [])   // [i in {1, …, K}]
 */
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children } from '../expr/traverse.js';
import type { Fact } from './facts.js';
import { isIndexLetter } from './index-conditions.js';

type Range = { readonly lo: number; readonly hi: Expr };

/** family name -> the range its sums run over (null when two sums disagree). */
function familyRanges(exprs: readonly Expr[]): Map<string, Range | null> {
  const out = new Map<string, Range | null>();
  const note = (name: string, r: Range): void => {
    const prior = out.get(name);
    if (prior === undefined) out.set(name, r);
    else if (prior !== null && (prior.lo !== r.lo || prior.hi.hash !== r.hi.hash)) out.set(name, null);
  };
  const visit = (e: Expr): void => {
    if (e.kind === 'call' && e.fn === 'sum') {
      const [body, k, lo, hi] = e.args;
      if (body !== undefined && k !== undefined && isIndexLetter(k) && lo?.kind === 'num' && lo.d === 1n && hi !== undefined) {
        for (const m of membersIndexedBy(body, k)) note(m, { lo: Number(lo.n), hi });
      }
    }
    for (const c of children(e)) visit(c);
  };
  for (const e of exprs) visit(e);
  return out;
}

/** Names of the one-index families that `e` uses with the bare index k (z_k, w_k). */
function membersIndexedBy(e: Expr, k: Sym, into = new Set<string>()): Set<string> {
  if (e.kind === 'sym' && e.sub.length === 1 && e.sup.length === 0 && e.sub[0]?.hash === k.hash) into.add(e.name);
  for (const c of children(e)) membersIndexedBy(c, k, into);
  return into;
}

/** Index letters bound by a sum somewhere in e. */
function boundLetters(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'call' && e.fn === 'sum' && e.args[1]?.kind === 'sym') into.add(symKey(e.args[1]));
  for (const c of children(e)) boundLetters(c, into);
  return into;
}

/** The families an index letter is used with in e (i -> {w, z} for w_i, z_i). */
function familiesOfIndices(e: Expr, into = new Map<string, { index: Sym; families: Set<string> }>()): Map<string, { index: Sym; families: Set<string> }> {
  if (e.kind === 'sym' && e.sub.length === 1 && e.sup.length === 0) {
    const i = e.sub[0];
    if (i !== undefined && isIndexLetter(i)) {
      const entry = into.get(symKey(i)) ?? { index: i, families: new Set<string>() };
      entry.families.add(e.name);
      into.set(symKey(i), entry);
    }
  }
  for (const c of children(e)) familiesOfIndices(c, into);
  return into;
}

/**
 * Ranges for the free index letters of `sides` that `facts` leave unranged,
 * from the sums over their families in `sums` (the values of the
 * definitions the step uses).
 */
export function summedRanges(sides: readonly Expr[], sums: readonly Expr[], facts: readonly Fact[]): Fact[] {
  const ranged = new Set(facts.flatMap((f) => (f.kind === 'index-range' ? [symKey(f.sym)] : [])));
  const bound = new Set(sides.flatMap((e) => [...boundLetters(e)]));
  // Only the document's definitions say what a family is: a sum in the claim itself is part of what is claimed
  // (∂/∂z_j Σ_{k=1}^K z_k^2 = 2 z_j is false for j > K, and nothing else in the document says j ≤ K).
  const ranges = familyRanges(sums);
  const uses = new Map<string, { index: Sym; families: Set<string> }>();
  for (const e of sides) familiesOfIndices(e, uses);
  const out: Fact[] = [];
  for (const [letter, { index, families }] of uses) {
    if (ranged.has(letter) || bound.has(letter)) continue;
    const found = [...families].map((name) => ranges.get(name));
    const first = found.find((r) => r !== undefined && r !== null);
    if (first === undefined || first === null) continue;
    // Every family of the index that is summed must be summed over the same range.
    if (found.some((r) => r === null || (r !== undefined && (r.lo !== first.lo || r.hi.hash !== first.hi.hash)))) continue;
    out.push({ kind: 'index-range', sym: index, lo: first.lo, hi: first.hi });
  }
  return out;
}
