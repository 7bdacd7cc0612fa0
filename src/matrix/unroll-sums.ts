/**
 * Lowered entries at instantiated sizes hold sums with numeric ranges,
 * sum(A_{1,k}*B_{k,1}, k, 1, 3). Written out term by term, every entry of
 * every matrix is an ordinary symbol (A_{1,2}), so a counterexample names
 * each sampled entry and its value, and reproduces by hand.
 *
 *     unrollSums(parsePlain('sum(A_{1,k}*x_k, k, 1, 2)'))   // A_{1,1}*x_1 + A_{1,2}*x_2
 */
import { add, call, num } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { mapBottomUp } from '../expr/traverse.js';

/** Longer ranges stay sums (the sampler handles them as index families). */
export const MAX_UNROLLED_TERMS = 64;

function replaceIndex(e: Expr, k: string, v: Expr): Expr {
  return mapBottomUp(e, (x) => (x.kind === 'sym' && x.name === k && x.sub.length === 0 && x.sup.length === 0 ? v : x));
}

/**
 * Every sum with integer bounds and at most MAX_UNROLLED_TERMS terms written
 * out, innermost first; a maximum over an index (maxover, the shift of a
 * lowered softmax) becomes nested max(a, max(b, …)) the same way, and stays
 * as it is over an empty range (where it has no value).
 */
export function unrollSums(e: Expr): Expr {
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'call' || (x.fn !== 'sum' && x.fn !== 'maxover') || x.args.length !== 4) return x;
    const [body, k, lo, hi] = x.args as [Expr, Expr, Expr, Expr];
    if (k.kind !== 'sym' || lo.kind !== 'num' || hi.kind !== 'num' || lo.d !== 1n || hi.d !== 1n) return x;
    const a = Number(lo.n);
    const b = Number(hi.n);
    if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b - a + 1 > MAX_UNROLLED_TERMS) return x;
    if (b < a) return x.fn === 'sum' ? num(0) : x;
    const terms: Expr[] = [];
    for (let i = a; i <= b; i++) terms.push(replaceIndex(body, k.name, num(i)));
    if (x.fn === 'maxover') return terms.reduceRight((rest, t) => call('max', [t, rest]));
    return terms.length === 1 ? (terms[0] as Expr) : add(...terms);
  });
}
