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
import { children } from '../../expr/traverse.js';
import { toPlain } from '../../expr/to-plain.js';
import { acKey } from '../../proof/ac-key.js';
import type { IndexRange } from '../../proof/side-conditions.js';
import type { Part } from './spec.js';

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

export function indexRangesOf(start: Expr): IndexRange[] {
  if (start.kind !== 'deriv') return [];
  const x = start.wrt;
  const idx = [...x.sub, ...x.sup];
  const out: IndexRange[] = [];
  idx.forEach((j, at) => {
    if (!isPlain(j)) return;
    const found = rangesAt(start.body, x, at);
    const first = found[0];
    if (first === undefined) return;
    const key = (r: { lo: Expr; hi: Expr }): string => `${acKey(r.lo)}..${acKey(r.hi)}`;
    if (found.some((r) => key(r) !== key(first))) return;
    out.push({ index: j, lo: first.lo, hi: first.hi, why: `${toPlain(x)} is one of the entries the sums run over: ${toPlain(first.lo)} ≤ ${j.name} ≤ ${toPlain(first.hi)}` });
  });
  return out;
}

/** The ranges of each part: its own when it differentiates, the earlier part's when it rewrites `previous` or `$id`. */
export function partIndexRanges(parts: readonly { readonly part: Part; readonly derivation: { readonly start: Expr } }[]): IndexRange[][] {
  const out: IndexRange[][] = [];
  parts.forEach((p, i) => {
    if (p.part.kind === 'differentiate') {
      out.push(indexRangesOf(p.derivation.start));
      return;
    }
    if (p.part.kind === 'rewrite') {
      const t = p.part.expr.trim();
      const from = t === 'previous' ? i - 1 : /^\$[a-z0-9-]+$/.test(t) ? parts.findIndex((q) => q.part.id === t.slice(1)) : -1;
      out.push(from >= 0 && from < i ? (out[from] ?? []) : []);
      return;
    }
    out.push([]);
  });
  return out;
}
