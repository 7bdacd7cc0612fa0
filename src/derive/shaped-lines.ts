/**
 * The displayed lines of a derivation under shapes (`diff --shape`) at a
 * detail level: the same grouping as every other printer
 * (src/proof/group-steps.ts), a merged line checked as one step entry by entry
 * (its whole expression before against after), never trusted because its
 * steps were checked.
 *
 *     shapedLines(d.steps, stepChecks, ctx, 'brief').map((l) => l.titles)
 *     // [['Gradient of a scalar: …'], ['Product rule for the matrix product', …], ['Sum rule', …]]
 */
import { mul, num } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import type { MatrixVerdict } from '../matrix-check/check-matrix-equal.js';
import { quickMatrixEqual } from '../matrix-check/quick-matrix-equal.js';
import { distinctSizeInstances } from '../matrix-check/finite-differences.js';
import { sizeNames } from '../matrix-check/check-matrix-equal.js';
import type { ShapeContext } from '../matrix/shape.js';
import { groupSteps, type Detail, type StepLine } from '../proof/group-steps.js';
import type { Step } from '../proof/step.js';

export interface ShapedLine {
  readonly line: StepLine;
  /** The line's own check: its single step's, or before = after of the merged line (the weakest with its steps'). */
  readonly verdict: MatrixVerdict;
}

const isZero = (e: Expr): boolean => e.kind === 'num' && e.n === 0n;

/** `guard` turns a throw of the entry-by-entry check into a verdict (shaped-diff-result.ts). */
export function shapedLines(steps: readonly Step[], stepChecks: readonly MatrixVerdict[], ctx: ShapeContext, detail: Detail, guard: (run: () => MatrixVerdict) => MatrixVerdict): ShapedLine[] {
  const instances = distinctSizeInstances(sizeNames(ctx));
  const lines = groupSteps(steps, { detail, endsLine: (i) => stepChecks[i]?.verdict !== 'holds' });
  return lines.map((line) => {
    const own = line.steps.map(({ index }) => stepChecks[index] as MatrixVerdict);
    if (line.steps.length === 1) return { line, verdict: own[0] as MatrixVerdict };
    const whole = guard(() => quickMatrixEqual(line.before, isZero(line.after) ? mul(num(0), line.before) : line.after, ctx, instances));
    const all = [whole, ...own];
    const verdict = all.find((v) => v.verdict === 'fails') ?? all.find((v) => v.verdict === 'undecided') ?? whole;
    return { line, verdict };
  });
}
