/**
 * `gradtex diff EXPR --wrt x --shape 'W: m x n, x: n, b: m'`: the derivative
 * of an expression of shaped vectors and matrices by a declared vector
 * (src/matrix/shaped-derivative.ts: linear and affine maps, linear and
 * quadratic forms), printed with its size and verified entry by entry by
 * lowering at several sizes. What is not derived is refused in one line
 * (exit 3), never read with scalars.
 *
 *     gradtex diff 'W*x + b' --wrt x --shape 'W: m x n, x: n, b: m'
 *     result: W
 *     size: m×n (the m×n Jacobian of an m-vector by the n-vector x …)
 */
import { deriv, mul, num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { checkMatrixEqual, matrixVerdictText, pointText, type MatrixVerdict } from '../matrix/check-matrix-equal.js';
import { deriveShaped, UnsupportedDerivative, type ShapedDerivative } from '../matrix/shaped-derivative.js';
import { shapeText, ShapeError, type ShapeContext } from '../matrix/shape.js';
import { toLatex, toPlain } from '../render/index.js';
import { parseInput, type InputSyntax } from './input.js';
import { EXIT, UserError } from './io.js';
import { readShapes } from './matrix-equal.js';

export interface ShapedDiffRequest {
  readonly text: string;
  readonly syntax: InputSyntax;
  readonly wrt: readonly Sym[];
  readonly shapes: readonly string[];
  readonly points?: number;
  readonly seed?: number;
}

export interface ShapedDiffOutcome {
  readonly json: Record<string, unknown>;
  readonly text: string;
  readonly latex: string;
  /** 0 verified, 1 the check failed, 3 not derived (refused or undecided). */
  readonly code: number;
}

const VERDICT = { numeric: 'holds', failed: 'fails', undecided: 'undecided' } as const;

function shapesJson(ctx: ShapeContext): Record<string, string> {
  return Object.fromEntries([...ctx].map(([k, s]) => [k, shapeText(s)]));
}

function shapesLine(ctx: ShapeContext): string {
  return [...ctx].map(([k, s]) => `${k}: ${shapeText(s)}`).join(', ');
}

function refusal(req: ShapedDiffRequest, ctx: ShapeContext, message: string): ShapedDiffOutcome {
  return {
    json: { input: req.text, wrt: req.wrt.map((w) => toPlain(w)), shapes: shapesJson(ctx), verdict: 'undecided', reason: message },
    text: `${message}\n`,
    latex: `% ${message}\n`,
    code: EXIT.undecided,
  };
}

function verify(f: Expr, x: Sym, d: ShapedDerivative, ctx: ShapeContext, req: ShapedDiffRequest): MatrixVerdict {
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
  const detail = v.verdict === 'failed' && v.reason === 'entry' ? ` (at ${pointText(v.point)})` : '';
  return `${VERDICT[v.verdict]}: ${matrixVerdictText(v)}${detail}`;
}

/** Derives, verifies and formats one request; bad input (a shape declaration, a parse error) is a UserError. */
export function shapedDiff(req: ShapedDiffRequest): ShapedDiffOutcome {
  const ctx = readShapes(req.shapes);
  const f = parseInput(req.text, req.syntax, 'expression', ctx);
  if (req.wrt.length !== 1) return refusal(req, ctx, `not derived under shapes: one --wrt vector at a time (got ${req.wrt.length}); successive and partial derivatives under --shape are not supported yet`);
  const x = req.wrt[0] as Sym;
  let d: ShapedDerivative;
  try {
    d = deriveShaped(f, x, ctx);
  } catch (e) {
    if (e instanceof UnsupportedDerivative || e instanceof ShapeError) return refusal(req, ctx, e.message);
    throw e;
  }
  const v = verify(f, x, d, ctx, req);
  const result = d.zero ? `0 (the ${shapeText(d.shape)} zero matrix)` : toPlain(d.result);
  const size = `${shapeText(d.shape)} (${d.layout})`;
  const rules = d.steps.map((s) => `${s.rule}: ${toPlain(s.term)}`).join('; ');
  const name = toPlain(x);
  const text = [`d/d${name} of ${toPlain(f)}    (shapes: ${shapesLine(ctx)})`, `  = ${result}    [${rules}]`, `result: ${result}`, `size: ${size}`, `check: ${checkLine(v)}`].join('\n') + '\n';
  const latex = [`\\frac{\\partial}{\\partial ${toLatex(x)}} \\left( ${toLatex(f)} \\right) = ${d.zero ? '0' : toLatex(d.result)}`, `% size: ${size}`, `% check: ${checkLine(v)}`].join('\n') + '\n';
  const json = {
    input: req.text,
    wrt: [name],
    shapes: shapesJson(ctx),
    result: d.zero ? '0' : toPlain(d.result),
    resultLatex: d.zero ? '0' : toLatex(d.result),
    size: shapeText(d.shape),
    layout: d.layout,
    steps: d.steps.map((s) => ({ rule: s.rule, title: s.title, term: toPlain(s.term), result: toPlain(s.result) })),
    verification: { verdict: VERDICT[v.verdict], summary: matrixVerdictText(v), ...(v.verdict === 'failed' && v.reason === 'entry' ? { point: { ...v.sizes, ...v.point } } : {}) },
  };
  return { json, text, latex, code: v.verdict === 'numeric' ? EXIT.ok : v.verdict === 'failed' ? EXIT.failed : EXIT.undecided };
}

/** --shape refuses the options it cannot honour, in one line. */
export function refuseShapedOptions(opts: { readonly grad?: string | undefined; readonly at?: readonly string[] }): void {
  if (opts.grad !== undefined) throw new UserError('--grad with --shape: give the vector with --wrt x; its gradient is one vector');
  if (opts.at !== undefined && opts.at.length > 0) throw new UserError('--at with --shape: values of vectors and matrices at a point are not supported yet');
}
