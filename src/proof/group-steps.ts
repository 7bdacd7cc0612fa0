/**
 * Which steps of a derivation share a displayed line: the one grouping used
 * by every printer (text, LaTeX, Markdown, HTML), so the same derivation has
 * the same lines everywhere. A step joins the line before when
 *
 * - the reader cannot see the change (the result prints the same), or
 * - it applies the same rule as the step before (a rule used on several
 *   terms in a row: "Sum rule" once, not three lines), or
 * - it and the step before are both routine (rules marked `minor`: adding
 *   zero, multiplying by one, the derivative of a constant).
 *
 * The line shows the state after its last step and the titles of all its
 * steps; JSON still lists every step.
 *
 *     groupSteps(d.steps, (s) => toLatex(s.after)).map((g) => g.titles)
 *     // [['Derivative of the sigmoid'], ['Multiplying by one', 'Adding zero']]
 */
import type { Step } from './step.js';

export interface StepLine {
  /** The steps shown on this line, with their index in the derivation. */
  readonly steps: readonly { readonly step: Step; readonly index: number }[];
  /** The rule titles of the line, first use order, each once. */
  readonly titles: readonly string[];
  /** The printed result after the line's last step. */
  readonly printed: string;
}

/** `endsLine(i)`: step i must be the last of its line (a failing step is shown on a line of its own). */
export function groupSteps(steps: readonly Step[], print: (s: Step) => string, endsLine: (index: number) => boolean = () => false): StepLine[] {
  const out: { steps: { step: Step; index: number }[]; titles: string[]; printed: string }[] = [];
  steps.forEach((step, index) => {
    const printed = print(step);
    const last = out[out.length - 1];
    const previous = last?.steps[last.steps.length - 1]?.step;
    const previousEnds = last !== undefined && endsLine((last.steps[last.steps.length - 1]?.index ?? 0));
    const joins = last !== undefined && previous !== undefined && !previousEnds && (last.printed === printed || previous.rule === step.rule || (previous.minor === true && step.minor === true));
    if (last !== undefined && joins) {
      last.steps.push({ step, index });
      if (!last.titles.includes(step.title)) last.titles.push(step.title);
      last.printed = printed;
    } else {
      out.push({ steps: [{ step, index }], titles: [step.title], printed });
    }
  });
  return out;
}
