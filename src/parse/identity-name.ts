/**
 * I_n under declared shapes, with n a size of the shapes and neither I nor
 * I_n declared: the identity matrix of that size, in both syntaxes. An I
 * without a size, or I_2, stays a symbol (the checker asks about it).
 *
 *     identityOf(sym('I', [sym('n')]), shapeContext(['A: m x n']))   // identity(n)
 */
import { call, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import type { ShapeContext } from '../matrix/shape.js';

/** The size names of the declared shapes (n in W: m x n). */
function sizeNames(ctx: ShapeContext): Set<string> {
  const out = new Set<string>();
  for (const s of ctx.values()) for (const z of [s.rows, s.cols]) if (typeof z === 'string') out.add(z);
  return out;
}

/** A size written as a subscript: a positive integer or a size name of the shapes. */
export function isSize(e: Expr | undefined, ctx: ShapeContext): boolean {
  if (e === undefined) return false;
  if (e.kind === 'num') return e.d === 1n && e.n > 0n;
  return e.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0 && sizeNames(ctx).has(e.name);
}

/** I_n with n a size of the shapes, neither I nor I_n declared: the identity of that size; undefined otherwise. */
export function identityOf(s: Sym, ctx: ShapeContext | undefined): Expr | undefined {
  if (ctx === undefined || s.name !== 'I' || s.sub.length !== 1 || s.sup.length > 0) return undefined;
  if (ctx.has(symKey(s)) || ctx.has(symKey(sym('I')))) return undefined;
  const [n] = s.sub;
  return n !== undefined && n.kind === 'sym' && isSize(n, ctx) ? call('identity', [n]) : undefined;
}
