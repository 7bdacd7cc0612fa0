/**
 * A claim about vectors and matrices whose definitions cannot be written in
 * under the shapes (L = −log p_y with p defined entry by entry) can still be
 * refuted by its shapes: ∇_W L has W's shape (K×n) whatever the scalar L is,
 * and x (p − e_y)^T is n×K. Only when every defined name the sides use is a
 * scalar by its definition (it uses shaped names only through their entries,
 * p_y, z_k), so reading it as a number loses nothing about shapes.
 *
 *     shapeMismatch('\\nabla_W L', '\\mathbf{x}(\\mathbf{p} - \\mathbf{e}_y)^T', ctx, facts)   // { lhs: K×n, rhs: n×K }
 */
import type { Expr } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';
import { inferShape } from '../matrix/infer-shape.js';
import { sameShape, type Shape, type ShapeContext } from '../matrix/shape.js';
import { parseLatex } from '../parse/index.js';
import type { Fact } from './facts.js';

/** Definitions followed at most this deep. */
const MAX_DEPTH = 8;

/** Is every symbol of e scalar under ctx through the definitions: shaped names only as entries (p_y with p shaped), defined names scalar in turn? */
function scalarThrough(e: Expr, ctx: ShapeContext, defs: ReadonlyMap<string, Expr>, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  return !some(e, (x) => {
    if (x.kind === 'call' && defs.has(x.fn)) return true; // a defined function: not followed
    if (x.kind !== 'sym') return false;
    const key = symKey(x);
    if (ctx.has(key)) return true;
    // An entry of a shaped vector (p_y, z_k) is a number.
    if (x.sub.length > 0 && ctx.has(x.name)) return false;
    const v = defs.get(key) ?? (x.sub.length > 0 ? defs.get(`${x.name}#family`) : undefined);
    return v !== undefined && !scalarThrough(v, ctx, defs, depth + 1);
  });
}

/** Is every symbol of e (indices in subscripts aside) declared, an entry of a declared name, or a defined number? */
function everyNameKnown(e: Expr, ctx: ShapeContext, defs: ReadonlyMap<string, Expr>): boolean {
  if (e.kind === 'sym') {
    const key = symKey(e);
    if (ctx.has(key) || (e.sub.length > 0 && ctx.has(e.name))) return true;
    const v = defs.get(key);
    return v !== undefined && scalarThrough(v, ctx, defs, 0);
  }
  if (e.kind === 'call' && defs.has(e.fn)) return false;
  if (e.kind === 'deriv') return everyNameKnown(e.body, ctx, defs) && everyNameKnown(e.wrt, ctx, defs);
  return children(e).every((c) => everyNameKnown(c, ctx, defs));
}

/** The two shapes when both sides read under ctx and differ, the defined names they use being scalars; else undefined. */
export function shapeMismatch(lhsLatex: string, rhsLatex: string, ctx: ShapeContext, facts: readonly Fact[]): { lhs: Shape; rhs: Shape } | undefined {
  const defs = new Map<string, Expr>();
  for (const f of facts) {
    if (f.kind !== 'define') continue;
    defs.set(symKey(f.sym), f.value);
    // p_k = … defines every p_j: looked up by family.
    if (f.sym.sub.length > 0) defs.set(`${f.sym.name}#family`, f.value);
  }
  try {
    const sides = [parseLatex(lhsLatex, { shapes: ctx }), parseLatex(rhsLatex, { shapes: ctx })] as const;
    // Every name must have a known shape: declared, an entry of a declared vector, or a number by its definition;
    // an undeclared letter read as a number could be a vector the document never sized (a false mismatch).
    if (!sides.every((side) => everyNameKnown(side, ctx, defs))) return undefined;
    const [lhs, rhs] = [inferShape(sides[0], ctx), inferShape(sides[1], ctx)];
    return sameShape(lhs, rhs) ? undefined : { lhs, rhs };
  } catch {
    return undefined;
  }
}
