/**
 * The range of each free index of a named derivation, read from what it
 * differentiates: ∂C/∂W_pq is a derivative by an entry of W, so p runs over
 * the values W's first index takes in C, read from the sums that run over
 * it (Σ_{i=1}^{o} … W_{ir} …: 1 ≤ p ≤ o). The step prover uses these ranges
 * to discharge "assuming 1 ≤ p ≤ o" (summing a Kronecker delta over i leaves
 * the p-th term only when p is in the range). A family summed over two
 * different ranges gives no range. A part that rewrites an earlier result
 * (`previous`, `$id`) keeps that part's ranges.
 *
 *     indexRangesOf(parsePlain('d(sum(w_i*x_i, i, 1, n), w_l)'))   // [{ index: l, lo: 1, hi: n, … }]
 */
import { equal } from '../../expr/equal.js';
import type { Expr, Sym } from '../../expr/node.js';
import { children, some } from '../../expr/traverse.js';
import { toPlain } from '../../expr/to-plain.js';
import { acKey } from '../../proof/ac-key.js';
import type { IndexRange } from '../../proof/side-conditions.js';
import type { Part } from './spec.js';
import { unfold, type ParsedDefinition } from './definitions.js';

type Bound = ReadonlyMap<string, { lo: Expr; hi: Expr }>;

const isPlain = (e: Expr): e is Sym => e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0;

/** The ranges the sums around each entry of the family give to index position `at` (sub then sup). */
function rangesAt(body: Expr, family: Sym, at: number): { lo: Expr; hi: Expr }[] {
  const fixed = [...family.sub, ...family.sup];
  const out: { lo: Expr; hi: Expr }[] = [];
  const walk = (e: Expr, bound: Bound): void => {
    if (e.kind === 'call' && e.fn === 'sum' && e.args.length === 4) {
      const [u, k, lo, hi] = e.args as [Expr, Expr, Expr, Expr];
      walk(lo, bound);
      walk(hi, bound);
      if (isPlain(k)) {
        const inner = new Map(bound);
        inner.set(k.name, { lo, hi });
        walk(u, inner);
        return;
      }
    }
    if (e.kind === 'sym' && e.name === family.name && e.sub.length === family.sub.length && e.sup.length === family.sup.length) {
      const idx = [...e.sub, ...e.sup];
      // Positions the derivative fixes to a literal (the (2) of W^{(2)}) must agree: another family otherwise.
      const same = fixed.every((f, i) => isPlain(f) || equal(f, idx[i] as Expr));
      const here = idx[at];
      if (same && here !== undefined && isPlain(here)) {
        const r = bound.get(here.name);
        if (r !== undefined) out.push(r);
      }
    }
    children(e).forEach((c) => walk(c, bound));
  };
  walk(body, new Map());
  return out;
}

/** `defs`: the derivation's definitions, written out first (b_l may appear only inside ŷ's definition); the family differentiated by is never written out. */
export function indexRangesOf(start: Expr, defs: readonly ParsedDefinition[] = []): IndexRange[] {
  if (start.kind !== 'deriv') return [];
  const x = start.wrt;
  const body = unfold(start.body, defs.filter((d) => d.head.name !== x.name));
  const idx = [...x.sub, ...x.sup];
  const out: IndexRange[] = [];
  idx.forEach((j, at) => {
    if (!isPlain(j)) return;
    const found = rangesAt(body, x, at);
    const first = found[0];
    if (first === undefined) return;
    const key = (r: { lo: Expr; hi: Expr }): string => `${acKey(r.lo)}..${acKey(r.hi)}`;
    if (found.some((r) => key(r) !== key(first))) return;
    out.push({ index: j, lo: first.lo, hi: first.hi, why: `${toPlain(x)} is one of the entries the sums run over: ${toPlain(first.lo)} ≤ ${j.name} ≤ ${toPlain(first.hi)}` });
  });
  return out;
}

/** The ranges of several sources; an index given two different ranges gets none. */
function merge(lists: readonly (readonly IndexRange[])[]): IndexRange[] {
  const all = lists.flat();
  const key = (r: IndexRange): string => `${acKey(r.lo)}..${acKey(r.hi)}`;
  const out: IndexRange[] = [];
  for (const r of all) {
    const same = all.filter((q) => equal(q.index, r.index));
    if (same.some((q) => key(q) !== key(r))) continue;
    if (!out.some((q) => equal(q.index, r.index))) out.push(r);
  }
  return out;
}

/** The ranges given by every derivative inside e. */
function rangesOfDerivatives(e: Expr, defs: readonly ParsedDefinition[]): IndexRange[] {
  const found: IndexRange[][] = [];
  some(e, (x) => {
    if (x.kind === 'deriv') found.push(indexRangesOf(x, defs));
    return false;
  });
  return merge(found);
}

/**
 * The ranges of each part: those of the derivatives it starts from (its own
 * when it differentiates), joined with the earlier part's when it rewrites
 * `previous` or `$id`.
 */
export function partIndexRanges(parts: readonly { readonly part: Part; readonly derivation: { readonly start: Expr }; readonly unfoldings: readonly ParsedDefinition[] }[], defs: readonly ParsedDefinition[]): IndexRange[][] {
  const out: IndexRange[][] = [];
  parts.forEach((p, i) => {
    const own = rangesOfDerivatives(p.derivation.start, [...p.unfoldings, ...defs]);
    if (p.part.kind === 'rewrite') {
      const t = p.part.expr.trim();
      const from = t === 'previous' ? i - 1 : /^\$[a-z0-9-]+$/.test(t) ? parts.findIndex((q) => q.part.id === t.slice(1)) : -1;
      out.push(merge([from >= 0 && from < i ? (out[from] ?? []) : [], own]));
      return;
    }
    out.push(own);
  });
  return out;
}
