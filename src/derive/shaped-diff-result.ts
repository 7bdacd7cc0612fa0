/**
 * The derivative of an expression of shaped vectors and matrices by a
 * declared vector or matrix, derived by the matrix-calculus rules
 * (src/derive/shaped-derivative.ts), with its size and layout; every step
 * checked entry by entry (the rewritten term against its replacement, by
 * lowering at two sets of distinct sizes), the result checked against d(f, X)
 * by lowering at several sizes and against central finite differences on
 * random matrices. As JSON, text and LaTeX for `gradtex diff --shape`, specs
 * and Markdown notes. What is not derived is an outcome with verdict
 * `undecided` and a one-line reason, never a scalar reading.
 *
 *     shapedDiffResult('W*x + b', f, [x], ctx).text
 *     // d/dx of W*x + b    (shapes: W: m×n, x: n, b: m)
 *     //   = d(W*x, x) + d(b, x)    [mat.jacobian-sum: Sum rule for Jacobians] ✓
 *     //   …
 *     // result: W
 *     // size: m×n (the Jacobian of m entries by x (n entries): numerator layout, …)
 */
import { deriv, mul, num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { matrixVerdictText, pointText, sizeInstances, sizeNames, type MatrixVerdict, type Sizes } from '../matrix-check/check-matrix-equal.js';
import { quickMatrixEqual } from '../matrix-check/quick-matrix-equal.js';
import { checkFiniteDifferences, distinctSizeInstances, finiteDifferenceText, type FiniteDifferenceVerdict } from '../matrix-check/finite-differences.js';
import { transpose } from '../matrix/matrix-calls.js';
import { shapeText, ShapeError, type ShapeContext } from '../matrix/shape.js';
import type { Step } from '../proof/step.js';
import { toLatex, toPlain } from '../render/index.js';
import { createEngine, type Engine } from '../rewrite/engine.js';
import { DEFAULT_DETAIL, type Detail } from '../proof/group-steps.js';
import { shapedLines, type ShapedLine } from './shaped-lines.js';
import { deriveShaped, UnsupportedDerivative, vectorOfEntry, type Layout, type ShapedDerivative } from './shaped-derivative.js';

export interface ShapedDiffOptions {
  readonly points?: number;
  readonly seed?: number;
  /** numerator or denominator; default: the gradient of a scalar shaped like X (denominator), a Jacobian m×n (numerator). */
  readonly layout?: Layout;
  /** The size instances of the result's entry-by-entry check (default: sizeInstances, from 1 to 7). */
  readonly instances?: readonly Sizes[];
  /** The loaded rules (a fresh engine when absent). */
  readonly engine?: Engine;
  /** How many lines the steps are shown in (src/proof/group-steps.ts; default standard). */
  readonly detail?: Detail;
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

function guarded(run: () => MatrixVerdict): MatrixVerdict {
  try {
    return run();
  } catch (e) {
    if (e instanceof ShapeError) return { verdict: 'undecided', reason: e.message };
    throw e;
  }
}

function verify(f: Expr, x: Sym, d: ShapedDerivative, ctx: ShapeContext, req: ShapedDiffOptions): MatrixVerdict {
  const lhs = d.layout === d.natural ? deriv(f, x) : transpose(deriv(f, x));
  // The zero matrix has no name: its entries are compared with 0 as 0 times the derivative's own entries.
  const rhs = d.zero ? mul(num(0), lhs) : d.result;
  return guarded(() => quickMatrixEqual(lhs, rhs, ctx, req.instances ?? sizeInstances(sizeNames(ctx), req.seed ?? 1), req.seed));
}

/** Each step's rewritten term against its replacement, entry by entry at two sets of distinct sizes (replacing equals by equals keeps the whole equal). */
export function verifySteps(steps: readonly Step[], ctx: ShapeContext): MatrixVerdict[] {
  const instances = distinctSizeInstances(sizeNames(ctx));
  // A term that vanishes is replaced by the number 0: its entries are compared with 0 times the term's own.
  const isZero = (e: Expr): boolean => e.kind === 'num' && e.n === 0n;
  return steps.map((s) => guarded(() => quickMatrixEqual(s.redex, isZero(s.contractum) ? mul(num(0), s.redex) : s.contractum, ctx, instances)));
}

function checkLine(v: MatrixVerdict): string {
  const detail = v.verdict === 'fails' && v.reason === 'entry' ? ` (at ${pointText(v.point)})` : '';
  return `${v.verdict}: ${matrixVerdictText(v)}${detail}`;
}

function mark(v: MatrixVerdict): string {
  return v.verdict === 'holds' ? 'checked entry by entry' : `${v.verdict.toUpperCase()}: ${matrixVerdictText(v)}`;
}

/** Derives d f / d x for f read under ctx (`input` is f as written), verifies it and formats it. */
export function shapedDiffResult(input: string, f: Expr, wrt: readonly Sym[], ctx: ShapeContext, req: ShapedDiffOptions = {}): ShapedDiffOutcome {
  if (wrt.length !== 1) return refusal(input, wrt, ctx, `not derived under shapes: one vector or matrix to differentiate by at a time (got ${wrt.length}); successive and partial derivatives under shapes are not supported yet`);
  const x = wrt[0] as Sym;
  let d: ShapedDerivative;
  try {
    d = deriveShaped(req.engine ?? createEngine(), f, x, ctx, req.layout === undefined ? {} : { layout: req.layout });
  } catch (e) {
    if (e instanceof UnsupportedDerivative || e instanceof ShapeError) return refusal(input, wrt, ctx, e.message);
    throw e;
  }
  const stepChecks = verifySteps(d.steps, ctx);
  const badStep = stepChecks.findIndex((v) => v.verdict !== 'holds');
  const v = verify(f, x, d, ctx, req);
  // By an entry z_j the check above already differentiates the lowered entries numerically at every size: no second pass.
  const fd: FiniteDifferenceVerdict | undefined = vectorOfEntry(x, ctx) !== undefined ? undefined : checkFiniteDifferences(f, x, d.result, ctx, { transposed: d.layout !== d.natural, zero: d.zero, ...(req.seed !== undefined ? { seed: req.seed } : {}) });
  const fdText = fd === undefined ? 'not run: by an entry, the check compares with the derivative of the entries written out' : finiteDifferenceText(fd);
  const detail = req.detail ?? DEFAULT_DETAIL;
  const lines = shapedLines(d.steps, stepChecks, ctx, detail, guarded);
  // At full a line is one rule, named by its id; a merged line lists its rules' titles.
  const stepLines = lines.map(({ line, verdict: lv }) => {
    const rules = detail === 'full' ? line.steps.map(({ step }) => `${step.rule}: ${step.title}`) : line.titles;
    return `  = ${toPlain(line.after)}    [${rules.join('; ')}; ${mark(lv)}]`;
  });
  const badLine = lines.findIndex((l) => l.verdict.verdict !== 'holds');
  const verdicts = [v.verdict, ...(fd === undefined ? [] : [fd.verdict]), ...stepChecks.map((s) => s.verdict), ...lines.map((l) => l.verdict.verdict)];
  const verdict = verdicts.includes('fails') ? 'fails' : verdicts.every((w) => w === 'holds') ? 'holds' : 'undecided';
  const result = d.zero ? `0 (the ${shapeText(d.shape)} zero matrix)` : toPlain(d.result);
  const size = `${shapeText(d.shape)} (${d.layoutText})`;
  const name = toPlain(x);

  const stepsLine = badStep < 0 && badLine >= 0 ? `line ${badLine + 1} (steps taken together) ${(lines[badLine] as ShapedLine).verdict.verdict}: ${matrixVerdictText((lines[badLine] as ShapedLine).verdict)}` : badStep < 0 ? `all ${d.steps.length} steps checked entry by entry${lines.length < d.steps.length ? `, shown in ${lines.length} lines (${detail}), each merged line checked as one step` : ''}` : `step ${badStep + 1} (${d.steps[badStep]?.rule}) ${(stepChecks[badStep] as MatrixVerdict).verdict}: ${matrixVerdictText(stepChecks[badStep] as MatrixVerdict)}`;
  const text =
    [
      `d/d${name} of ${toPlain(f)}    (shapes: ${shapesLine(ctx)})`,
      `    ${toPlain(d.start)}`,
      ...stepLines,
      ...(d.steps.some((st) => st.rule === 'mat.gradient-start') ? ['where vjp(G, F, X) = sum over entries of G ⊙ ∂F/∂X: the gradient of ⟨G, F⟩ by X with G held fixed (G is backpropagated through F)'] : []),
      `result: ${result}`,
      `size: ${size}`,
      `layout: ${d.layout}`,
      `steps: ${stepsLine}`,
      `check: ${checkLine(v)}`,
      `finite differences: ${fdText}`,
    ].join('\n') + '\n';
  const lhsLatex = d.layout === d.natural ? `\\frac{\\partial}{\\partial ${toLatex(x)}} \\left( ${toLatex(f)} \\right)` : `\\left( \\frac{\\partial}{\\partial ${toLatex(x)}} \\left( ${toLatex(f)} \\right) \\right)^\\top`;
  const equationLatex = `${lhsLatex} = ${d.zero ? '0' : toLatex(d.result)}`;
  const latex = [equationLatex, `% size: ${size}`, `% steps: ${stepsLine}`, `% check: ${checkLine(v)}`, `% finite differences: ${fdText}`].join('\n') + '\n';
  const json = {
    input,
    wrt: [name],
    shapes: shapesJson(ctx),
    result: d.zero ? '0' : toPlain(d.result),
    resultLatex: d.zero ? '0' : toLatex(d.result),
    size: shapeText(d.shape),
    layout: d.layout,
    layoutText: d.layoutText,
    detail,
    // The displayed lines, as in scalar diff's JSON: [first, last] step, titles, and the line's own check.
    lines: lines.map(({ line, verdict: lv }) => ({ steps: [line.steps[0]?.index ?? 0, line.steps[line.steps.length - 1]?.index ?? 0], titles: line.titles, after: toPlain(line.after), latex: toLatex(line.after), verdict: lv.verdict })),
    steps: d.steps.map((s, k) => ({ rule: s.rule, title: s.title, term: toPlain(s.redex), result: toPlain(s.contractum), after: toPlain(s.after), afterLatex: toLatex(s.after), check: (stepChecks[k] as MatrixVerdict).verdict })),
    verdict,
    verification: { verdict: v.verdict, summary: matrixVerdictText(v), ...(v.verdict === 'fails' && v.reason === 'entry' ? { point: { ...v.sizes, ...v.point } } : {}) },
    finiteDifferences: { verdict: fd?.verdict ?? 'not run', summary: fdText },
  };
  return { verdict, json, text, latex, equationLatex, sizeText: size, checkText: checkLine(v) };
}
