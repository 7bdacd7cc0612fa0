/**
 * The derivative of an expression of shaped vectors and matrices by a
 * declared vector (src/matrix/shaped-derivative.ts: linear and affine maps,
 * linear and quadratic forms), with its size, verified entry by entry by
 * lowering at several sizes, as JSON, text and LaTeX for `gradtex diff
 * --shape`, specs and Markdown notes. What is not derived is an outcome
 * with verdict `undecided` and a one-line reason, never a scalar reading.
 *
 *     shapedDiffResult('W*x + b', f, [x], ctx).text
 *     // d/dx of W*x + b    (shapes: W: m×n, x: n, b: m)
 *     //   = W    [mat.jacobian-linear-map: W*x; mat.constant: b]
 *     // result: W
 *     // size: m×n (…)
 */
import { deriv, mul, num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { checkMatrixEqual, matrixVerdictText, pointText, type MatrixVerdict } from '../matrix-check/check-matrix-equal.js';
import { deriveShaped, UnsupportedDerivative, type ShapedDerivative } from '../matrix/shaped-derivative.js';
import { shapeText, ShapeError, type ShapeContext } from '../matrix/shape.js';
import { toLatex, toPlain } from '../render/index.js';

export interface ShapedDiffOptions {
  readonly points?: number;
  readonly seed?: number;
}

export interface ShapedDiffOutcome {
  /** holds: derived and verified; fails: the verification found a differing entry; undecided: not derived, or not verified. */
  readonly verdict: 'holds' | 'fails' | 'undecided';
  readonly json: Record<string, unknown>;
  readonly text: string;
  /** d/dx (f) = result, the size and the check as LaTeX comments. */
  readonly latex: string;
  /** The equation alone (undefined when nothing was derived), and the lines that go with it. */
  readonly equationLatex?: string;
  readonly sizeText?: string;
  readonly checkText: string;
}


function shapesJson(ctx: ShapeContext): Record<string, string> {
  return Object.fromEntries([...ctx].map(([k, s]) => [k, shapeText(s)]));
}

function shapesLine(ctx: ShapeContext): string {
  return [...ctx].map(([k, s]) => `${k}: ${shapeText(s)}`).join(', ');
}

function refusal(input: string, wrt: readonly Sym[], ctx: ShapeContext, message: string): ShapedDiffOutcome {
  return {
    verdict: 'undecided',
    json: { input, wrt: wrt.map((w) => toPlain(w)), shapes: shapesJson(ctx), verdict: 'undecided', reason: message },
    text: `${message}\n`,
    latex: `% ${message}\n`,
    checkText: message,
  };
}

function verify(f: Expr, x: Sym, d: ShapedDerivative, ctx: ShapeContext, req: ShapedDiffOptions): MatrixVerdict {
  const lhs = deriv(f, x);
  // The zero matrix has no name: its entries are compared with 0 as 0 times the derivative's own entries.
  const rhs = d.zero ? mul(num(0), lhs) : d.result;
  try {
    return checkMatrixEqual(lhs, rhs, ctx, { ...(req.points !== undefined ? { points: req.points } : {}), ...(req.seed !== undefined ? { seed: req.seed } : {}) });
  } catch (e) {
    if (e instanceof ShapeError) return { verdict: 'undecided', reason: e.message };
    throw e;
  }
}

function checkLine(v: MatrixVerdict): string {
  const detail = v.verdict === 'fails' && v.reason === 'entry' ? ` (at ${pointText(v.point)})` : '';
  return `${v.verdict}: ${matrixVerdictText(v)}${detail}`;
}

/** Derives d f / d x for f read under ctx (`input` is f as written), verifies it and formats it. */
export function shapedDiffResult(input: string, f: Expr, wrt: readonly Sym[], ctx: ShapeContext, req: ShapedDiffOptions = {}): ShapedDiffOutcome {
  if (wrt.length !== 1) return refusal(input, wrt, ctx, `not derived under shapes: one vector to differentiate by at a time (got ${wrt.length}); successive and partial derivatives under shapes are not supported yet`);
  const x = wrt[0] as Sym;
  let d: ShapedDerivative;
  try {
    d = deriveShaped(f, x, ctx);
  } catch (e) {
    if (e instanceof UnsupportedDerivative || e instanceof ShapeError) return refusal(input, wrt, ctx, e.message);
    throw e;
  }
  const v = verify(f, x, d, ctx, req);
  const result = d.zero ? `0 (the ${shapeText(d.shape)} zero matrix)` : toPlain(d.result);
  const size = `${shapeText(d.shape)} (${d.layout})`;
  const rules = d.steps.map((s) => `${s.rule}: ${toPlain(s.term)}`).join('; ');
  const name = toPlain(x);
  const text = [`d/d${name} of ${toPlain(f)}    (shapes: ${shapesLine(ctx)})`, `  = ${result}    [${rules}]`, `result: ${result}`, `size: ${size}`, `check: ${checkLine(v)}`].join('\n') + '\n';
  const equationLatex = `\\frac{\\partial}{\\partial ${toLatex(x)}} \\left( ${toLatex(f)} \\right) = ${d.zero ? '0' : toLatex(d.result)}`;
  const latex = [equationLatex, `% size: ${size}`, `% check: ${checkLine(v)}`].join('\n') + '\n';
  const json = {
    input,
    wrt: [name],
    shapes: shapesJson(ctx),
    result: d.zero ? '0' : toPlain(d.result),
    resultLatex: d.zero ? '0' : toLatex(d.result),
    size: shapeText(d.shape),
    layout: d.layout,
    steps: d.steps.map((s) => ({ rule: s.rule, title: s.title, term: toPlain(s.term), result: toPlain(s.result) })),
    verification: { verdict: v.verdict, summary: matrixVerdictText(v), ...(v.verdict === 'fails' && v.reason === 'entry' ? { point: { ...v.sizes, ...v.point } } : {}) },
  };
  return { verdict: v.verdict, json, text, latex, equationLatex, sizeText: size, checkText: checkLine(v) };
}
