/**
 * A displayed line that merges several steps (group-steps.ts) states its own
 * claim, "the state before its first step equals the state after its last",
 * and is checked as one step by the same checker that checks single steps:
 * a line is never trusted because its parts were checked. A line of one step
 * reuses that step's check. The one exception is a line the caller says is
 * proved by its steps (`provedBySteps`: every step proved symbolically and
 * rewriting, in place, what it names, so the line's claim follows from theirs
 * exactly): sampling it again could not make its verdict stronger, and its
 * verdict is then its steps' own (`bySteps`), provided they all hold.
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
  /** Set when the line's claim was not sampled as a whole: it is proved by its steps, whose checks `verdict` combines. */
  readonly bySteps?: true;
}

/** The weakest of the checks: a failure, else an undecided check, else the first (a holding one). */
export function weakest(vs: readonly NumericVerdict[]): NumericVerdict | undefined {
  return vs.find((v) => v.verdict === 'fails') ?? vs.find((v) => v.verdict === 'undecided') ?? vs[0];
}

/**
 * `stepVerdicts[i]` is step i's own check (absent when steps were not checked);
 * `check(before, after, lineIndex)` checks a merged line's claim;
 * `provedBySteps(i)` says that step i is proved and composes in place (see the file comment).
 */
export function verifyLines(lines: readonly StepLine[], stepVerdicts: readonly (NumericVerdict | undefined)[], check: (before: Expr, after: Expr, line: number) => NumericVerdict, provedBySteps: (index: number) => boolean = () => false): LineCheck[] {
  return lines.map((l, k) => {
    const from = l.steps[0]?.index ?? 0;
    const to = l.steps[l.steps.length - 1]?.index ?? from;
    const own = l.steps.flatMap(({ index }) => {
      const v = stepVerdicts[index];
      return v === undefined ? [] : [v];
    });
    const single = l.steps.length === 1 ? own[0] : undefined;
    if (single !== undefined) return { from, to, verdict: single };
    // Every step checked and holding, every step proved in place: the line is proved by them.
    const bySteps = own.length === l.steps.length && own.every((v) => v.verdict === 'holds') && l.steps.every(({ index }) => provedBySteps(index));
    if (bySteps) return { from, to, verdict: own[0] as NumericVerdict, bySteps: true };
    return { from, to, verdict: weakest([check(l.before, l.after, k), ...own]) as NumericVerdict };
  });
}
