/**
 * Judging a relation between expressions of vectors and matrices whose
 * shapes are declared (`--shape`, a `shapes:` field, or prose such as
 * `W \in \mathbb{R}^{m \times n}`): the sides are read under the shapes, so
 * `W x` is a matrix product in the order written and `x^T` a transpose, and
 * the relation is judged entry by entry through the lowering of
 * src/matrix/lower.ts at several sizes. Scalar commutativity is never used.
 *
 * A side that does not fit the shapes in general (`x W` with W m×n, or `A B`
 * with A m×n and B p×m) is read again at each instantiated size: where the
 * left side is defined and the right side is not, the relation fails (the
 * README's convention for a right side that shrinks the domain); where both
 * are defined their entries are compared. A left side that does not fit the
 * shapes leaves the relation undecided.
 *
 *     judgeShaped('d(B*(A*x), x)', '=', 'A*B', shapeContext(['A: m x n, B: p x m, x: n']))
 *     // fails: entry (1, 1) differs with m = 2, n = 2, p = 2: … at A_{1,1} = …, …
 */
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';
import { num, sym } from '../expr/build.js';
import { toPlain } from '../expr/to-plain.js';
import { checkMatrixEqual, usedContext, freeArrayIndices, withIndexValues, instantiateContext, instantiateExpr, matrixVerdictText, pointText, sizeInstances, sizeNames, sizesText, type MatrixVerdict, type Sizes } from '../matrix-check/check-matrix-equal.js';
import { inferShape } from '../matrix/infer-shape.js';
import { entryOf, FreshIndices } from '../matrix/lower.js';
import { identityOf } from '../parse/identity-name.js';
import { declaredShape, isScalarShape, shapeText, ShapeError, type Shape, type ShapeContext } from '../matrix/shape.js';
import { MATRIX_FUNCTIONS, transpose } from '../matrix/matrix-calls.js';
import { lookupFunction } from '../expr/functions.js';
import { ParseError, parseLatex, parsePlain } from '../parse/index.js';
import { formatNumber as fmt } from '../numeric/format-number.js';
import { type Judgement } from './judgement.js';
import { substituteDefinitions } from './shaped-definitions.js';
import type { Relation } from '../parse/relation.js';

export type ShapedSyntax = 'auto' | 'plain' | 'latex';

export interface ShapedOptions {
  readonly syntax?: ShapedSyntax;
  readonly points?: number;
  readonly seed?: number;
  /** Symbols defined in the document, with their values read under the shapes (shaped-definitions.ts): written into the sides. */
  readonly definitions?: ReadonlyMap<string, Expr>;
  /** The parameters of the defined functions among them (f(x) = …: f(v) is the value with x = v). */
  readonly definitionParams?: ReadonlyMap<string, Sym>;
  /** Applied to each side as read (a sum over i with its range unstated read over 1..n, the size of the vector it runs over: sum-ranges.ts). */
  readonly reread?: (e: Expr) => Expr;
}

/** A judgement with the sides as read under the shapes (absent when a side did not fit them). */
export interface ShapedJudgement extends Judgement {
  readonly lhs?: Expr;
  readonly rhs?: Expr;
  /** For JSON: the shapes of the sides (shape, or lhsShape and rhsShape when they differ) and the sizes sampled. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Judges a scalar relation (an inequality of lowered entries); the caller's ordinary checker. */
export type ScalarJudge = (lhs: Expr, rel: Relation, rhs: Expr) => Judgement;

/** A side read under shapes, or the shape mismatch (`where`: with line:column in the side). */
type Read = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly message: string; readonly where: string };

/** Reads `text` under `ctx`; a shape mismatch is a value, any other parse error is thrown. Defined symbols are replaced by their values. */
export function readShaped(text: string, ctx: ShapeContext, syntax: ShapedSyntax = 'auto', definitions: ReadonlyMap<string, Expr> = new Map(), params: ReadonlyMap<string, Sym> = new Map(), reread: (e: Expr) => Expr = (e) => e): Read {
  const latex = syntax === 'latex' || (syntax === 'auto' && text.includes('\\'));
  try {
    const e = reread(latex ? parseLatex(text, { shapes: ctx }) : parsePlain(text, { shapes: ctx }));
    if (definitions.size === 0) return { ok: true, expr: e };
    const written = substituteDefinitions(e, definitions, params);
    // A value that does not fit where its symbol stood (a vector where a number was read) is a shape mismatch too.
    inferShape(written, ctx);
    return { ok: true, expr: written };
  } catch (e) {
    if (e instanceof ParseError && e.code === 'E_PARSE_SHAPE') return { ok: false, message: e.message, where: e.oneLine() };
    if (e instanceof ShapeError) return { ok: false, message: e.message, where: e.message };
    throw e;
  }
}

/** "W: m×n, x: n" for the shaped symbols the sides use: the reading that was used. */
function readingText(exprs: readonly Expr[], ctx: ShapeContext): string {
  const used = new Map<string, string>();
  for (const e of exprs) {
    some(e, (x) => {
      if (x.kind === 'sym') {
        const s = declaredShape(ctx, x);
        if (s !== undefined && !isScalarShape(s)) used.set(symKey(x), shapeText(s));
      }
      return false;
    });
  }
  const parts = [...used].sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => `${k}: ${s}`);
  return `read as vectors and matrices (${parts.join(', ')}), products in the order written`;
}

/** A form the lowering does not cover (d(F, X) of a matrix F) is undecided, not an error. */
function lowered(run: () => MatrixVerdict): MatrixVerdict {
  try {
    return run();
  } catch (e) {
    if (e instanceof ShapeError) return { verdict: 'undecided', reason: e.message };
    throw e;
  }
}

function fromMatrixVerdict(v: MatrixVerdict, reading: string, sizes?: Sizes): ShapedJudgement {
  switch (v.verdict) {
    case 'holds':
      return {
        verdict: 'holds',
        evidence: { method: 'sampling', summary: `${matrixVerdictText(v)}; ${reading}`, points: v.points, maxRelError: v.maxRelError },
        details: { shape: shapeText(v.shape), sizes: v.instances, entries: v.entries },
      };
    case 'fails': {
      if (v.reason === 'shape') {
        const at = sizes !== undefined && Object.keys(sizes).length > 0 ? ` with ${sizesText(sizes)}` : '';
        return {
          verdict: 'fails',
          evidence: { method: 'sampling', summary: `${matrixVerdictText(v)}${at}; ${reading}`, ...(sizes !== undefined ? { point: sizes } : {}) },
          details: { lhsShape: shapeText(v.lhsShape), rhsShape: shapeText(v.rhsShape) },
        };
      }
      const all = { ...v.sizes, ...(sizes ?? {}) };
      const summary = `entry (${v.entry[0]}, ${v.entry[1]}) differs with ${sizesText(all)}: ${fmt(v.lhs)} vs ${fmt(v.rhs)} at ${pointText(v.point)}; ${reading}`;
      return { verdict: 'fails', evidence: { method: 'sampling', summary, point: { ...all, ...v.point }, lhsValue: v.lhs, rhsValue: v.rhs }, details: { sizes: all, entry: v.entry } };
    }
    case 'undecided':
      return { verdict: 'undecided', evidence: { method: 'none', summary: `${v.reason}; ${reading}` } };
  }
}

/**
 * \frac{\partial J}{\partial w} = 2(Xw - y)^\top X: the derivative of a scalar by a vector written as a row
 * (numerator layout, as many course notes do). gradtex reads it with the shape of w, so the sides' shapes are
 * transposes; when the right side's transpose agrees, the claim is right in the other layout and is not judged
 * (a "fails" would refute a correct answer). ∇_w J is a column in every convention and keeps its verdict.
 * The same holds the other way for a vector by a vector: gradtex reads ∂(Wx)/∂x as the m×n Jacobian (numerator
 * layout), and ∂(Wx)/∂x = W^T is right in denominator layout; with A square (∂(Ax)/∂x = A^T) the shapes agree
 * and only the entries differ, so a failure of either kind is looked at.
 */
function layoutReading(lhsText: string, l: Expr, r: Expr, ls: Shape, rs: Shape, ctx: ShapeContext, opts: ShapedOptions): string | undefined {
  if (l.kind !== 'deriv' || /\\nabla/.test(lhsText) || ls.rows !== rs.cols || ls.cols !== rs.rows) return undefined;
  const scalarBody = isScalarShape(inferShape(l.body, ctx));
  // (A scalar by a vector: a column against a row, as before; a matrix shaped like W by a scalar is no layout question.)
  if (scalarBody && (ls.cols !== 1 || rs.rows !== 1)) return undefined;
  const t = lowered(() => checkMatrixEqual(l, transpose(r), ctx, opts));
  if (t.verdict !== 'holds') return undefined;
  if (scalarBody) return `the right side is the transpose of the derivative as gradtex reads it (${shapeText(ls)}, the shape of ${toPlain(l.wrt)}): it is right in numerator layout (a row), which gradtex does not choose for you; write \\nabla_{${toPlain(l.wrt)}} for the gradient (a column) or transpose the right side`;
  return `the right side is the transpose of the derivative as gradtex reads it (${shapeText(ls)}, the Jacobian in numerator layout: row i is the gradient of entry i): it is right in denominator layout, which gradtex does not choose for you; transpose the right side for the Jacobian`;
}

/** The entries of a square Jacobian differ (∂(Ax)/∂x = A^T with A n×n): the layout question of `layoutReading` with equal shapes. */
function squareLayout(lhsText: string, l: Expr, r: Expr, ctx: ShapeContext, opts: ShapedOptions): string | undefined {
  if (l.kind !== 'deriv') return undefined;
  const ls = inferShape(l, ctx);
  const rs = inferShape(r, ctx);
  if (ls.rows !== ls.cols || rs.rows !== rs.cols || ls.rows !== rs.rows || isScalarShape(ls)) return undefined;
  return layoutReading(lhsText, l, r, ls, rs, ctx, opts);
}

/** The shape errors of a product or a sum (infer-shape.ts), as opposed to powers and functions of arrays. */
const PRODUCT_OR_SUM_MISMATCH = /^(?:cannot multiply|cannot add) /;

/**
 * A call that is neither a matrix operation nor a function of the table,
 * applied to a vector or matrix (f(x), KL(p, q), L(W)): it may apply entry
 * by entry or reduce to a number, and gradtex does not know which.
 */
function opaqueCall(exprs: readonly Expr[], ctx: ShapeContext): string | undefined {
  let found: string | undefined;
  for (const e of exprs) {
    some(e, (x) => {
      if (found !== undefined || x.kind !== 'call' || MATRIX_FUNCTIONS.has(x.fn) || lookupFunction(x.fn) !== undefined) return false;
      if (x.args.some((a) => !isScalarShape(inferShape(a, ctx)))) found = x.fn;
      return false;
    });
  }
  return found;
}

/**
 * A capital letter without a declared shape, outside a denominator or a sum's
 * bounds (I in W I = W, a second matrix B): a number or an undeclared matrix
 * (the identity?), and the verdict would depend on the guess. 1/K, \frac{1}{N}
 * and \sum_{i=1}^{N} stay numbers.
 */
function undeclaredCapital(exprs: readonly Expr[], ctx: ShapeContext, defined: ReadonlySet<string> = new Set()): string | undefined {
  let found: string | undefined;
  const walk = (e: Expr): void => {
    if (found !== undefined) return;
    if (e.kind === 'sym') {
      // W_2 with no W declared is a matrix named by its layer, not an entry of W (its entries would be W_{ij}).
      // I_n with n a size is the identity (latex-matrix-words.ts), not an unknown capital.
      if (/^[A-Z]$/.test(e.name) && declaredShape(ctx, sym(e.name, [], e.sup)) === undefined && declaredShape(ctx, e) === undefined && identityOf(e, ctx) === undefined && !defined.has(symKey(e))) found = toPlain(e);
      return;
    }
    if (e.kind === 'div') return walk(e.num);
    if (e.kind === 'pow') return walk(e.base);
    if (e.kind === 'call' && e.fn === 'sum') return walk(e.args[0] as Expr);
    if (e.kind === 'deriv') return walk(e.body);
    for (const c of children(e)) walk(c);
  };
  for (const e of exprs) walk(e);
  return found;
}

/** Is the capital `name` only ever the whole body of a derivative in `exprs` (∇_w J, ∂C/∂W)? */
function differentiatedOnly(name: string, exprs: readonly Expr[]): boolean {
  let elsewhere = false;
  const walk = (e: Expr): void => {
    if (e.kind === 'deriv' && e.body.kind === 'sym' && toPlain(e.body) === name) return;
    if (e.kind === 'sym' && toPlain(e) === name) elsewhere = true;
    for (const c of children(e)) walk(c);
  };
  for (const e of exprs) walk(e);
  return !elsewhere;
}

/** A bold letter in the sides (\mathbf{p}, \boldsymbol{e}_y) with no declared shape and no definition, as written. */
function undeclaredBold(texts: readonly string[], ctx: ShapeContext, definitions: ReadonlyMap<string, Expr> = new Map()): string | undefined {
  for (const t of texts) {
    for (const m of t.matchAll(/\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*([A-Za-z])\s*\}/g)) {
      const name = m[1] as string;
      if (!ctx.has(name) && !definitions.has(name)) return m[0];
    }
  }
  return undefined;
}

/** A side as read without shapes, for looking at its symbols (undefined when it cannot be read at all). */
function readPlainly(text: string, syntax: ShapedSyntax): Expr | undefined {
  try {
    return syntax === 'latex' || (syntax === 'auto' && text.includes('\\')) ? parseLatex(text) : parsePlain(text);
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}

/** `=` where one side does not fit the shapes symbolically: read and compared again at each instantiated size. */
function judgeBySizes(lhsText: string, rhsText: string, ctx: ShapeContext, opts: ShapedOptions, symbolic: { lhs: Read; rhs: Read }, domainOnly = false): ShapedJudgement {
  const syntax = opts.syntax ?? 'auto';
  if (!symbolic.lhs.ok) {
    return { verdict: 'undecided', evidence: { method: 'parse', summary: `the left side does not fit the declared shapes: ${symbolic.lhs.message}` } };
  }
  const why = symbolic.rhs.ok ? '' : symbolic.rhs.message;
  // Only a product or a sum that does not fit is a domain question; a power or a function of a vector may be notation gradtex does not read (‖x‖^2).
  if (!PRODUCT_OR_SUM_MISMATCH.test(why)) return { verdict: 'undecided', evidence: { method: 'parse', summary: `the right side does not fit the declared shapes: ${why}` }, lhs: symbolic.lhs.expr };
  let undefinedAt: Sizes | undefined;
  let agreed = 0;
  for (const sizes of sizeInstances(sizeNames(ctx), opts.seed ?? 1)) {
    const c = instantiateContext(ctx, sizes);
    // At a size that makes a declared vector or matrix 1×1, x^T would read as a power: such sizes say nothing here.
    if ([...ctx.keys()].some((k) => !isScalarShape(ctx.get(k) as Shape) && isScalarShape(c.get(k) as Shape))) continue;
    const l = readShaped(lhsText, c, syntax, opts.definitions, opts.definitionParams, opts.reread);
    if (!l.ok) continue;
    const r = readShaped(rhsText, c, syntax, opts.definitions, opts.definitionParams, opts.reread);
    if (!r.ok) {
      undefinedAt ??= sizes;
      continue;
    }
    const reading = readingText([symbolic.lhs.expr, r.expr], ctx);
    // Only where the right side is undefined is there a verdict when the left side's values are not known (∇_w J with J not defined here).
    if (domainOnly) continue;
    const v = lowered(() => checkMatrixEqual(instantiateExpr(l.expr, sizes), instantiateExpr(r.expr, sizes), c, opts));
    if (v.verdict === 'fails') return { ...fromMatrixVerdict(v, reading, sizes), lhs: symbolic.lhs.expr };
    if (v.verdict === 'holds') agreed++;
  }
  if (undefinedAt !== undefined) {
    const summary = `the right side is not defined with ${sizesText(undefinedAt)} where the left side is: ${why}${agreed > 0 ? ` (the sides agree at the ${agreed === 1 ? 'one size' : `${agreed} sizes`} where both are defined)` : ''}`;
    return { verdict: 'fails', evidence: { method: 'sampling', summary, point: undefinedAt }, lhs: symbolic.lhs.expr };
  }
  return { verdict: 'undecided', evidence: { method: 'parse', summary: `the right side does not fit the declared shapes: ${why}` }, lhs: symbolic.lhs.expr };
}

/**
 * An inequality (or ≠) between scalar expressions of shaped vectors and
 * matrices (x^T A x ≥ 0): both sides lowered at each instantiated size and
 * judged by `scalar`. Agreement at the sampled sizes is never more than `holds`.
 */
function judgeScalarRelation(l: Expr, rel: Relation, r: Expr, declared: ShapeContext, scalar: ScalarJudge, opts: ShapedOptions): Judgement {
  const ctx = usedContext(declared, [l, r]);
  const reading = readingText([l, r], ctx);
  const ls = inferShape(l, ctx);
  const rs = inferShape(r, ctx);
  if (!isScalarShape(ls) || !isScalarShape(rs)) {
    return { verdict: 'undecided', evidence: { method: 'none', summary: `'${rel}' between a ${shapeText(ls)} and a ${shapeText(rs)} side is not judged: only scalars are ordered; ${reading}` } };
  }
  const instances = sizeInstances(sizeNames(ctx), opts.seed ?? 1);
  const indices = freeArrayIndices([l, r], ctx);
  let points = 0;
  for (const sizes of instances.flatMap((z) => withIndexValues(z, indices))) {
    const c = instantiateContext(ctx, sizes);
    const li = instantiateExpr(l, sizes);
    const ri = instantiateExpr(r, sizes);
    const fresh = new FreshIndices([li, ri], c);
    const j = scalar(entryOf(li, num(1), num(1), c, fresh), rel, entryOf(ri, num(1), num(1), c, fresh));
    const at = Object.keys(sizes).length > 0 ? ` with ${sizesText(sizes)}` : '';
    if (j.verdict === 'fails') return { verdict: 'fails', evidence: { ...j.evidence, summary: `${j.evidence.summary}${at}; ${reading}`, point: { ...sizes, ...(j.evidence.point ?? {}) } } };
    if (j.verdict === 'undecided') return { verdict: 'undecided', evidence: { ...j.evidence, summary: `${j.evidence.summary}${at}; ${reading}` } };
    points += j.evidence.points ?? 0;
  }
  const over = instances.map((s) => `{${sizesText(s)}}`).join(', ');
  return { verdict: 'holds', evidence: { method: 'sampling', summary: `holds at every sampled point over sizes ${over}; ${reading}`, ...(points > 0 ? { points } : {}) } };
}

/**
 * lhs rel rhs under the declared shapes. `scalar` judges the lowered sides of
 * an inequality; without it only `=` is judged.
 */
export function judgeShaped(lhsText: string, rel: Relation, rhsText: string, ctx: ShapeContext, opts: ShapedOptions = {}, scalar?: ScalarJudge): ShapedJudgement {
  const syntax = opts.syntax ?? 'auto';
  const lhs = readShaped(lhsText, ctx, syntax, opts.definitions, opts.definitionParams, opts.reread);
  const rhs = readShaped(rhsText, ctx, syntax, opts.definitions, opts.definitionParams, opts.reread);
  const capital = undeclaredCapital([...[lhsText, rhsText].flatMap((t) => readPlainly(t, syntax) ?? []), ...(opts.definitions?.values() ?? [])], ctx, new Set(opts.definitions?.keys() ?? []));
  if (capital !== undefined && rel === '=' && lhs.ok && !rhs.ok && differentiatedOnly(capital, [lhs.expr])) {
    // ∇_w J = 2 X X^T w with J unknown here: the right side is not even defined where the left side (the gradient by w) is.
    const j = judgeBySizes(lhsText, rhsText, ctx, opts, { lhs, rhs }, true);
    if (j.verdict === 'fails') return { ...j, evidence: { ...j.evidence, summary: `${j.evidence.summary} (${capital} is only differentiated here: as a number its gradient has the shape of the variable, and no reading of it makes the right side defined)` } };
  }
  if (capital !== undefined) {
    return { verdict: 'undecided', evidence: { method: 'none', summary: `${capital} has no declared shape: a number, or a matrix such as the identity (which gradtex has no name for yet); reading it either way would be a guess — declare it if it is an ordinary matrix (--shape '${capital}: n x n')` } };
  }
  const bold = undeclaredBold([lhsText, rhsText], ctx, opts.definitions);
  if (bold !== undefined) {
    return { verdict: 'undecided', evidence: { method: 'none', summary: `${bold} is bold, so a vector or a matrix by its font, and has no declared shape: reading it as a number would be a guess — declare it (${bold} \\in \\mathbb{R}^n, or --shape)` } };
  }
  const opaque = opaqueCall([lhs, rhs].flatMap((r) => (r.ok ? [r.expr] : [])), ctx);
  if (opaque !== undefined) {
    return { verdict: 'undecided', evidence: { method: 'none', summary: `${opaque}(…) of a vector or matrix: gradtex does not know whether ${opaque} applies entry by entry or reduces to a number` } };
  }
  if (rel === '=') {
    if (!lhs.ok || !rhs.ok) return judgeBySizes(lhsText, rhsText, ctx, opts, { lhs, rhs });
    const reading = readingText([lhs.expr, rhs.expr], ctx);
    if (lhs.expr.hash === rhs.expr.hash) {
      // The same expression read the same way under the same shapes: nothing to sample.
      return { verdict: 'proved', evidence: { method: 'identical', summary: `both sides are the same ${shapeText(inferShape(lhs.expr, ctx))} expression; ${reading}` }, lhs: lhs.expr, rhs: rhs.expr };
    }
    const v = lowered(() => checkMatrixEqual(lhs.expr, rhs.expr, ctx, opts));
    const layout = v.verdict !== 'fails' ? undefined : v.reason === 'shape' ? layoutReading(lhsText, lhs.expr, rhs.expr, v.lhsShape, v.rhsShape, ctx, opts) : squareLayout(lhsText, lhs.expr, rhs.expr, ctx, opts);
    if (layout !== undefined) return { verdict: 'undecided', evidence: { method: 'none', summary: `${layout}; ${reading}` }, lhs: lhs.expr, rhs: rhs.expr };
    return { ...fromMatrixVerdict(v, reading), lhs: lhs.expr, rhs: rhs.expr };
  }
  if (!lhs.ok || !rhs.ok) {
    const bad = !lhs.ok ? lhs : (rhs as Extract<Read, { ok: false }>);
    return { verdict: 'undecided', evidence: { method: 'parse', summary: `the ${!lhs.ok ? 'left' : 'right'} side does not fit the declared shapes: ${bad.message}` } };
  }
  if (scalar === undefined) return { verdict: 'undecided', evidence: { method: 'none', summary: `'${rel}' under declared shapes is judged in documents and by gradtex equal without --shape only; write an identity (=)` }, lhs: lhs.expr, rhs: rhs.expr };
  return { ...judgeScalarRelation(lhs.expr, rel, rhs.expr, ctx, scalar, opts), lhs: lhs.expr, rhs: rhs.expr };
}
