/**
 * Scores written as scalar products, `z_k = w_k^\top x`, in a document that
 * gives no shapes: a step about the scores alone (a softmax's derivative in
 * z_k) never uses w_k or x as vectors, so z_k is used as the number it is,
 * without its definition (whose transpose cannot be evaluated as a number).
 *
 * Sound both ways: w_k^\top x with w_k free for each k takes every real
 * value, each k independently, so a relation true for all z holds for the
 * scores, and a counterexample in z is one for some w_1, …, w_K and x.
 * That needs the family index in the value (w_k; with z_k = a^\top x all
 * scores would be equal), no derivative in the step by a name of the value,
 * and no other use of those names in the step or the definitions it uses.
 *
 *     opaqueScalarProducts(facts, [d(ell, z_k), p_k - delta(k, y)])   // the facts without z_k = w_k^T x
 */
import type { Expr } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';
import type { Fact } from './facts.js';
import { isFamilySymbol } from './indexed-definitions.js';

/** Names of the symbols in e (subscripts and derivative variables included). */
function namesIn(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'sym') into.add(e.name);
  if (e.kind === 'deriv') namesIn(e.wrt, into);
  for (const c of children(e)) namesIn(c, into);
  return into;
}

/** Index letters of a family symbol (k of z_k). */
function indexNames(f: Extract<Fact, { kind: 'define' }>): Set<string> {
  return new Set([...f.sym.sub, ...f.sym.sup].flatMap((i) => (i.kind === 'sym' && i.sub.length === 0 ? [i.name] : [])));
}

/** Is `f` a scalar product definition the step may use as a number? */
function isOpaqueScalarProduct(f: Fact, others: readonly Fact[], sides: readonly Expr[]): boolean {
  if (f.kind !== 'define' || f.param !== undefined || f.params !== undefined) return false;
  if (!some(f.value, (x) => x.kind === 'call' && x.fn === 'transpose')) return false;
  // Only products of names and transposes: w_k^\top x, not a matrix expression with sums or functions.
  if (some(f.value, (x) => x.kind === 'call' && x.fn !== 'transpose')) return false;
  const indices = indexNames(f);
  if (isFamilySymbol(f.sym) && ![...indices].some((k) => some(f.value, (x) => x.kind === 'sym' && x.sub.some((i) => i.kind === 'sym' && i.name === k)))) return false;
  const names = [...namesIn(f.value)].filter((n) => !indices.has(n));
  const elsewhere = new Set<string>();
  for (const e of sides) namesIn(e, elsewhere);
  for (const o of others) if (o !== f && o.kind === 'define') namesIn(o.value, elsewhere);
  return !names.some((n) => elsewhere.has(n));
}

/** The facts with the scalar product definitions the step can use as numbers left out. */
export function opaqueScalarProducts(facts: readonly Fact[], sides: readonly Expr[]): { facts: readonly Fact[]; opaque: readonly string[] } {
  const opaque = facts.filter((f) => isOpaqueScalarProduct(f, facts, sides));
  if (opaque.length === 0) return { facts, opaque: [] };
  return { facts: facts.filter((f) => !opaque.includes(f)), opaque: opaque.map((f) => (f.kind === 'define' ? symKey(f.sym) : '')) };
}
