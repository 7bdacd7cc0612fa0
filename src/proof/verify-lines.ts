/**
 * A displayed line that merges several steps (group-steps.ts) states its own
 * claim, "the state before its first step equals the state after its last",
 * and is checked as one step by the same checker that checks single steps:
 * a line is never trusted because its parts were checked. A line of one step
 * reuses that step's check.
 *
 *     verifyLines(lines, stepVerdicts, (a, b, k) => checkEqualNumeric(a, b, { seed: 7 + k }))
 *     // [{ from: 0, to: 0, verdict: {…} }, { from: 1, to: 2, verdict: {…} }]
 */
import type { Expr } from '../expr/node.js';
import type { NumericVerdict } from '../numeric/index.js';
import type { StepLine } from './group-steps.js';

export interface LineCheck {
  /** Index of the line's first and last step in the derivation. */
  readonly from: number;
  readonly to: number;
  /** The line's claim checked as one step, combined with its own steps' checks (the weakest wins). */
  readonly verdict: NumericVerdict;
}

/** The weakest of the checks: a failure, else an undecided check, else the first (a holding one). */
export function weakest(vs: readonly NumericVerdict[]): NumericVerdict | undefined {
  return vs.find((v) => v.verdict === 'fails') ?? vs.find((v) => v.verdict === 'undecided') ?? vs[0];
}

/**
 * `stepVerdicts[i]` is step i's own check (absent when steps were not checked);
 * `check(before, after, lineIndex)` checks a merged line's claim.
 */
export function verifyLines(lines: readonly StepLine[], stepVerdicts: readonly (NumericVerdict | undefined)[], check: (before: Expr, after: Expr, line: number) => NumericVerdict): LineCheck[] {
  return lines.map((l, k) => {
    const from = l.steps[0]?.index ?? 0;
    const to = l.steps[l.steps.length - 1]?.index ?? from;
    const own = l.steps.flatMap(({ index }) => {
      const v = stepVerdicts[index];
      return v === undefined ? [] : [v];
    });
    const single = l.steps.length === 1 ? own[0] : undefined;
    const verdict = single ?? (weakest([check(l.before, l.after, k), ...own]) as NumericVerdict);
    return { from, to, verdict };
  });
}
