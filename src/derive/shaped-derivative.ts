/**
 * Derivatives under declared shapes by the one rule engine: d(f, X) rewritten
 * with the matrix-calculus rules of rules/matrix-calculus.rules (gradients of
 * a scalar backwards through vjp(G, F, X), Jacobians of a vector forwards),
 * one named step per rewrite. No matrix rule is written here: this file only
 * sets the run up, states the layout and names what the rules did not
 * cover. A derivative the rules leave unfinished is an UnsupportedDerivative
 * naming the term, never a scalar reading.
 *
 * Layout: the gradient of a scalar by X is shaped like X (denominator
 * layout); the Jacobian of an m-vector by an n-vector is m×n (numerator
 * layout, row i the gradient of entry i). The other layout is the transpose,
 * moved inwards by the rule set `matrix-layout`.
 *
 *     deriveShaped(engine, parsePlain('W*x + b', { shapes }), sym('x'), shapes)   // result W, steps mat.jacobian-sum, mat.jacobian-linear-map, …
 */
import { deriv, num, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children } from '../expr/traverse.js';
import { lookupFunction } from '../expr/functions.js';
import { toPlain } from '../expr/to-plain.js';
import { inferShape } from '../matrix/infer-shape.js';
import { transpose } from '../matrix/matrix-calls.js';
import { declaredShape, isScalarShape, shapeText, type Shape, type ShapeContext } from '../matrix/shape.js';
import type { Step } from '../proof/step.js';
import type { Engine } from '../rewrite/engine.js';
import { rewriteToNormalForm } from '../rewrite/strategy.js';

/** What gradtex cannot derive under shapes yet; the message names the term and what is unsupported. */
export class UnsupportedDerivative extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedDerivative';
  }
}

export type Layout = 'numerator' | 'denominator';

export interface ShapedDerivative {
  /** d(f, X), or its transpose when the layout asked for is not the natural one. */
  readonly start: Expr;
  readonly result: Expr;
  readonly shape: Shape;
  readonly layout: Layout;
  /** The layout of d(f, X) itself: denominator for a gradient, numerator for a Jacobian. */
  readonly natural: Layout;
  /** "the gradient of a scalar by W (m×n), shaped like W: denominator layout" */
  readonly layoutText: string;
  /** The rewrites from d(f, X) to the result, then (for the other layout) from its transpose inwards. */
  readonly steps: readonly Step[];
  /** True when the result is the zero matrix of `shape`. */
  readonly zero: boolean;
}

/** The innermost vjp(G, F, X) or d(F, X) that no rule rewrote, or undefined when none is left. */
function unfinished(e: Expr): Expr | undefined {
  for (const c of children(e)) {
    const inner = unfinished(c);
    if (inner !== undefined) return inner;
  }
  return (e.kind === 'call' && e.fn === 'vjp') || e.kind === 'deriv' ? e : undefined;
}

function refuseUnfinished(term: Expr, x: Sym): never {
  const f = term.kind === 'call' ? (term.args[1] as Expr) : term.kind === 'deriv' ? term.body : term;
  throw new UnsupportedDerivative(
    `not derived under shapes: no matrix-calculus rule applies to ${toPlain(f)} (its derivative by ${symKey(x)}); the rules in rules/matrix-calculus.rules cover sums, scalar multiples, matrix products, transposes, elementwise products, sums of entries, traces, and sigma, tanh, relu, exp, log, softplus and powers applied entry by entry`,
  );
}

/** The declared column vector z whose entry x is (z_j of z: n), or undefined. */
export function vectorOfEntry(x: Sym, ctx: ShapeContext): Sym | undefined {
  if (x.sub.length === 0 || x.sup.length > 0) return undefined;
  const v = sym(x.name, x.sub.slice(0, -1));
  const s = declaredShape(ctx, v);
  return s !== undefined && !isScalarShape(s) && s.cols === 1 ? v : undefined;
}

/**
 * Do the declared vectors and matrices of f occur only as the whole argument
 * of a function of a vector's entries (LSE(z), softmax(z, i)), or through
 * their entries (z_k)? Then f is a scalar expression of index notation and
 * the ordinary rules (which treat every factor as a commuting scalar) are
 * exact for it.
 */
function onlyThroughEntries(f: Expr, ctx: ShapeContext): boolean {
  if (f.kind === 'sym') return declaredShape(ctx, f) === undefined || isScalarShape(declaredShape(ctx, f) as Shape);
  if (f.kind === 'call' && lookupFunction(f.fn)?.ofEntries === true && f.args[0]?.kind === 'sym') return f.args.slice(1).every((a) => onlyThroughEntries(a, ctx));
  return children(f).every((c) => onlyThroughEntries(c, ctx));
}

/**
 * ∂f/∂z_j for f a scalar and z_j an entry of a declared vector, in index
 * notation by the rules of the set derive (d.lse-entry: ∂LSE(z)/∂z_j =
 * softmax(z)_j); the steps and the result are checked entry by entry like
 * every shaped derivative, j running over 1..n.
 */
function deriveByEntry(engine: Engine, f: Expr, x: Sym, v: Sym, ctx: ShapeContext): ShapedDerivative {
  if (!isScalarShape(inferShape(f, ctx)) || !onlyThroughEntries(f, ctx)) {
    throw new UnsupportedDerivative(`not derived under shapes: by an entry ${symKey(x)} of ${symKey(v)}, gradtex differentiates scalar expressions in which the vectors occur through their entries or as the argument of LSE, softmax or a norm; differentiate by ${symKey(v)} for the gradient or the Jacobian`);
  }
  const start = deriv(f, x);
  const run = rewriteToNormalForm(start, engine.differentiation, undefined, { shapes: ctx });
  const left = unfinished(run.result);
  if (left !== undefined) throw new UnsupportedDerivative(`not derived under shapes: no rule applies to ${toPlain(left)}`);
  if (run.stop !== 'normal-form') throw new UnsupportedDerivative(`not derived under shapes: the rewriting stopped (${run.stop}) before a result for ${toPlain(f)}`);
  const zero = run.result.kind === 'num' && run.result.n === 0n;
  const layoutText = `the derivative of a scalar by the entry ${symKey(x)} of ${symKey(v)} (${shapeText(declaredShape(ctx, v) as Shape)}), a scalar`;
  return { start, result: run.result, shape: inferShape(f, ctx), layout: 'denominator', natural: 'denominator', layoutText, steps: run.steps, zero };
}

/**
 * d(f, x) for x a declared vector or matrix, f a scalar (the gradient,
 * shaped like x) or f and x column vectors (the Jacobian); UnsupportedDerivative otherwise.
 */
export function deriveShaped(engine: Engine, f: Expr, x: Sym, ctx: ShapeContext, opts: { readonly layout?: Layout } = {}): ShapedDerivative {
  const vector = vectorOfEntry(x, ctx);
  if (vector !== undefined) return deriveByEntry(engine, f, x, vector, ctx);
  const xs = declaredShape(ctx, x);
  if (xs === undefined || isScalarShape(xs)) throw new UnsupportedDerivative(`not derived under shapes: --wrt ${symKey(x)} is not a declared vector or matrix (derivatives by a scalar under --shape are not supported yet)`);
  const fs = inferShape(f, ctx);
  const scalarBody = isScalarShape(fs);
  if (!scalarBody && !(fs.cols === 1 && xs.cols === 1)) {
    throw new UnsupportedDerivative(`not derived under shapes: ${toPlain(f)} is ${shapeText(fs)} and ${symKey(x)} is ${shapeText(xs)}; gradtex differentiates a scalar (the gradient) by a vector or matrix, and a vector (the Jacobian) by a vector`);
  }
  const natural: Layout = scalarBody ? 'denominator' : 'numerator';
  const layout = opts.layout ?? natural;
  const start = deriv(f, x);
  const run = rewriteToNormalForm(start, engine.matrixDifferentiation, undefined, { shapes: ctx });
  const left = unfinished(run.result);
  if (left !== undefined) refuseUnfinished(left, x);
  if (run.stop !== 'normal-form') throw new UnsupportedDerivative(`not derived under shapes: the rewriting stopped (${run.stop}) before a result for ${toPlain(f)}`);
  let steps: readonly Step[] = run.steps;
  let result = run.result;
  let shape: Shape = scalarBody ? { rows: xs.rows, cols: xs.cols, vector: xs.vector } : { rows: fs.rows, cols: xs.rows, vector: false };
  let outerStart: Expr = start;
  const zero = result.kind === 'num' && result.n === 0n;
  if (layout !== natural) {
    outerStart = transpose(start);
    shape = { rows: shape.cols, cols: shape.rows, vector: false };
    if (!zero) {
      const flip = rewriteToNormalForm(transpose(result), engine.matrixLayout, undefined, { shapes: ctx });
      steps = [...steps, ...flip.steps];
      result = flip.result;
    }
  }
  const name = symKey(x);
  const layoutText = scalarBody
    ? layout === 'denominator'
      ? `the gradient of a scalar by ${name} (${shapeText(xs)}), shaped like ${name}: denominator layout`
      : `the derivative of a scalar by ${name} (${shapeText(xs)}) as the transpose of ${name}'s shape: numerator layout`
    : layout === 'numerator'
      ? `the Jacobian of ${fs.rows} entries by ${name} (${xs.rows} entries): numerator layout, row i is the gradient of entry i`
      : `the transposed Jacobian of ${fs.rows} entries by ${name} (${xs.rows} entries): denominator layout, column i is the gradient of entry i`;
  return { start: outerStart, result: zero ? num(0) : result, shape, layout, natural, layoutText, steps, zero };
}
