/**
 * Definitions substituted under shapes: a step such as ∂L/∂W = δ xᵀ, with
 * L = ½‖ŷ − y‖², ŷ = W a, a = σ(z), z = W₁ x stated in the document, is
 * judged with the definitions written in, entry by entry. A definition was
 * read without shapes (its products in the order written, as `mul`); it is
 * read again under the shapes (src/matrix/shaped-product.ts), its shape is
 * inferred, and the symbol takes that shape. A symbol the step
 * differentiates by (∂L/∂z) keeps its name and only takes the shape.
 *
 *     shapedDefinitions([d(L, z)], facts, ctx, new Set())
 *     // { values: L ↦ 1/2*norm(matmul(W, sigma(z)) - y)^2, …, ctx: … z: h }
 */
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { mulAll, sym } from '../expr/build.js';
import { ParseError, parseLatex } from '../parse/index.js';
import { mapBottomUp, some } from '../expr/traverse.js';
import { inferShape } from '../matrix/infer-shape.js';
import { shapedProduct } from '../matrix/shaped-product.js';
import { isScalarShape, ShapeError, shapeText, type ShapeContext } from '../matrix/shape.js';
import type { Fact } from './facts.js';

export type ShapedDefinitions =
  | { readonly ok: true; readonly values: ReadonlyMap<string, Expr>; readonly params: ReadonlyMap<string, Sym>; readonly ctx: ShapeContext; readonly used: readonly string[] }
  | { readonly ok: false; readonly key: string; readonly reason: string };

/** Definitions followed through at most this deep (a cycle stops here). */
const MAX_DEPTH = 8;

/** The keys of the symbols of e, bare ones and entries alike (z and z_i both name z's definition only when bare). */
function symbolKeys(e: Expr): string[] {
  const out: string[] = [];
  some(e, (x) => {
    if (x.kind === 'sym') out.push(symKey(x));
    // f(x) with f defined by f(x) = … names f's definition too.
    if (x.kind === 'call') out.push(x.fn);
    return false;
  });
  return out;
}

/** The symbols the step differentiates by (∂L/∂z, ∇_w J): they keep their names. */
export function derivativeVariables(exprs: readonly Expr[]): Set<string> {
  const out = new Set<string>();
  for (const e of exprs) {
    some(e, (x) => {
      if (x.kind === 'deriv') out.add(symKey(x.wrt));
      return false;
    });
  }
  return out;
}

/** A name or a head of one parameter (J(w) = …, its `params` of length 1); heads of several arguments are not written in under shapes. */
function oneParameterAtMost(f: Fact & { kind: 'define' }): boolean {
  return f.params === undefined || f.params.length === 1;
}

/**
 * Is this a definition of a name rather than of an entry? δ_2 = ŷ − y names a
 * vector δ_2 (a number for a subscript, and no letter-indexed definition of
 * δ, such as p_k = …, which defines a family entry by entry); a subscripted
 * symbol whose base is a declared array (x_1 with x: n) is an entry.
 */
function definesName(f: Fact & { kind: 'define' }, facts: readonly Fact[], base: ShapeContext): boolean {
  if (!oneParameterAtMost(f)) return false;
  if (f.sym.sub.length === 0) return true;
  if (!f.sym.sub.every((x) => x.kind === 'num')) return false;
  if (base.has(symKey(f.sym))) return true;
  for (let k = 0; k < f.sym.sub.length; k++) if (base.has(symKey(sym(f.sym.name, f.sym.sub.slice(0, k), f.sym.sup)))) return false;
  return !facts.some((g) => g.kind === 'define' && g.sym.name === f.sym.name && !g.sym.sub.every((x) => x.kind === 'num'));
}

/** The values of the definitions the sides use, followed through (L = ½‖ŷ − y‖², then ŷ = W a, …). */
export function reachableDefinitions(exprs: readonly Expr[], facts: readonly Fact[], base: ShapeContext = new Map()): Expr[] {
  const defs = new Map<string, Expr>();
  for (const f of facts) if (f.kind === 'define' && definesName(f, facts, base)) defs.set(symKey(f.sym), f.value);
  const seen = new Set<string>();
  const out: Expr[] = [];
  const queue = exprs.flatMap(symbolKeys);
  while (queue.length > 0 && seen.size < 64) {
    const k = queue.pop() as string;
    if (seen.has(k)) continue;
    seen.add(k);
    const v = defs.get(k);
    if (v === undefined) continue;
    out.push(v);
    queue.push(...symbolKeys(v));
  }
  return out;
}

/** e read again under the shapes: every product in the order written becomes matmul where its factors are arrays. */
function reshape(e: Expr, ctx: ShapeContext): Expr {
  return mapBottomUp(e, (x) => (x.kind === 'mul' ? shapedProduct(x.args, ctx) : x));
}

/**
 * The definitions the sides use (followed through), read under `base`, or
 * why one cannot be: `elementwise` holds the keys whose definition was
 * written with ⊙ (read as an ordinary product without shapes, so its order
 * and meaning are lost).
 */
export function shapedDefinitions(
  exprs: readonly Expr[],
  facts: readonly Fact[],
  base: ShapeContext,
  keep: ReadonlySet<string>,
  elementwise: ReadonlySet<string>,
  elementwiseTexts: ReadonlyMap<string, string> = new Map(),
): ShapedDefinitions {
  const defs = new Map<string, Expr>();
  const params = new Map<string, Sym>();
  for (const f of facts) {
    if (f.kind !== 'define' || !definesName(f, facts, base)) continue;
    defs.set(symKey(f.sym), f.value);
    if (f.param !== undefined) params.set(symKey(f.sym), f.param);
  }
  // p_k = … defines every p_j entry by entry; written in under shapes it would need the family's size and index, which is not done yet.
  const families = new Set(facts.flatMap((f) => (f.kind === 'define' && f.sym.sub.length > 0 && !definesName(f, facts, base) ? [f.sym.name] : [])));
  const entryOfFamily = (e: Expr): string | undefined => {
    let found: string | undefined;
    some(e, (x) => {
      if (found === undefined && x.kind === 'sym' && x.sub.length > 0 && families.has(x.name)) found = symKey(x);
      return false;
    });
    return found;
  };
  const ctx = new Map(base);
  const values = new Map<string, Expr>();
  const used: string[] = [];
  const done = new Set<string>();
  let refusal: { key: string; reason: string } | undefined;
  const resolve = (key: string, depth: number): void => {
    if (refusal !== undefined || done.has(key) || (ctx.has(key) && !defs.has(key))) return;
    const value = defs.get(key);
    if (value === undefined) return;
    done.add(key);
    if (depth > MAX_DEPTH) {
      refusal = { key, reason: 'its definition is circular or nested too deeply' };
      return;
    }
    if (base.has(key)) return; // declared: its stated shape wins, and it is not replaced
    // A definition with ⊙ was read without shapes as an ordinary product (its order lost): it is read again from its text under the shapes.
    const text = elementwiseTexts.get(key);
    if (elementwise.has(key) && text === undefined) {
      refusal = { key, reason: 'its definition uses an elementwise product (⊙), and its text could not be found to read it again under the shapes' };
      return;
    }
    const member = entryOfFamily(value);
    if (member !== undefined) {
      refusal = { key, reason: `its definition uses ${member}, defined entry by entry, which gradtex does not write in under shapes yet` };
      return;
    }
    for (const k of symbolKeys(value)) if (!keep.has(k)) resolve(k, depth + 1);
    // The symbols kept by name still need their shapes.
    for (const k of symbolKeys(value)) if (keep.has(k) && !done.has(k)) resolve(k, depth + 1);
    if (refusal !== undefined) return;
    try {
      const substituted = substituteDefinitions(text !== undefined ? parseLatex(text, { shapes: ctx }) : reshape(value, ctx), values, params, keep);
      const shape = inferShape(substituted, ctx);
      if (!isScalarShape(shape)) ctx.set(key, shape.cols === 1 ? { ...shape, vector: true } : shape);
      if (!keep.has(key)) {
        values.set(key, substituted);
        used.push(key);
      }
    } catch (e) {
      if (!(e instanceof ShapeError) && !(e instanceof ParseError)) throw e;
      refusal = { key, reason: `its definition does not fit the shapes: ${e.message}` };
    }
  };
  for (const e of exprs) {
    const member = entryOfFamily(e);
    if (member !== undefined && refusal === undefined) refusal = { key: member, reason: 'it is defined entry by entry, which gradtex does not write in under shapes yet' };
    for (const k of symbolKeys(e)) resolve(k, 0);
  }
  for (const k of keep) resolve(k, 0);
  if (refusal !== undefined) return { ok: false, ...refusal };
  return { ok: true, values, params, ctx, used };
}

/**
 * e with every defined symbol replaced by its value (already followed
 * through): J by its value, J(v) by its value with the parameter replaced by v
 * (f(x) = xᵀAx then f(x)); the symbols in `keep` stay.
 */
export function substituteDefinitions(e: Expr, values: ReadonlyMap<string, Expr>, params: ReadonlyMap<string, Sym> = new Map(), keep: ReadonlySet<string> = new Set()): Expr {
  if (values.size === 0) return e;
  const apply = (key: string, arg: Expr): Expr | undefined => {
    const param = params.get(key);
    const value = values.get(key);
    if (param === undefined || value === undefined) return undefined;
    return mapBottomUp(value, (y) => (y.kind === 'sym' && symKey(y) === symKey(param) ? arg : y));
  };
  // First the applications J(w), J·(w) and f(x), then the symbols (so J is not replaced before its argument is seen).
  const applied = mapBottomUp(e, (x) => {
    // J(w) read as the product J·(w) (J is not a function name to the reader): with J(w) = … defined, it is J applied to w.
    if (x.kind === 'mul') {
      const out: Expr[] = [];
      let changed = false;
      for (let k = 0; k < x.args.length; k++) {
        const f = x.args[k] as Expr;
        const next = x.args[k + 1];
        const applied = f.kind === 'sym' && next !== undefined && params.has(symKey(f)) ? apply(symKey(f), next) : undefined;
        if (applied !== undefined) {
          out.push(applied);
          changed = true;
          k++;
        } else out.push(f);
      }
      if (changed) return out.length === 1 ? (out[0] as Expr) : mulAll(out);
    }
    if (x.kind !== 'call' || x.args.length !== 1) return x;
    return apply(x.fn, x.args[0] as Expr) ?? x;
  });
  return mapBottomUp(applied, (x) => (x.kind === 'sym' && !keep.has(symKey(x)) ? (values.get(symKey(x)) ?? x) : x));
}

/** "L, \hat{y} (k), a (h)": the definitions used, with the shapes they gave. */
export function definitionsText(used: readonly string[], ctx: ShapeContext): string {
  return used.map((k) => (ctx.has(k) ? `${k} (${shapeText(ctx.get(k) as NonNullable<ReturnType<ShapeContext['get']>>)})` : k)).join(', ');
}
