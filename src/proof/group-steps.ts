/**
 * Which steps of a derivation share a displayed line: the one grouping used
 * by every printer (text, LaTeX, JSON, Markdown, HTML), so the same
 * derivation has the same lines everywhere. The grouping never looks at a
 * printer's output: two printers cannot disagree about the lines.
 *
 * Three levels of detail (`Detail`):
 *
 * - `full`: one rewrite per line.
 * - `standard` (the default): a step joins the line before when
 *   - the reader cannot see the change (the plain text is the same), or
 *   - it is bookkeeping (a rule marked `minor`: adding zero, multiplying by
 *     one, arithmetic, double negation, moving a sign), merged into the step
 *     that caused it, or
 *   - it applies the same rule as the step before, or
 *   - it is a derivative rule applied to a term the line has not rewritten
 *     yet (a sibling: "Sum rule; Derivative of a constant; Derivative of the
 *     exponential"), or inside the result of a rule that only distributes the
 *     derivative (sum, negation, constant factor, finite sum), or it finishes
 *     a derivative of a bare variable (d(z_i, z_j) = δ_ij).
 * - `brief`: what a textbook prints: the first rule applied, then the rest of
 *   the differentiation as one line, then the algebra after it as one line
 *   (a part without derivatives is one line).
 *
 * A merged line is a claim of its own, "the state before its first step
 * equals the state after its last", and must be verified as one step
 * (`verifyLines` in verify-lines.ts); a step marked by `endsLine` (a failing
 * step) always ends its line.
 *
 *     groupSteps(d.steps, { detail: 'standard' }).map((g) => g.titles)
 *     // [['Derivative of the sigmoid (chain rule)'], ['Derivative of the variable', 'Multiplying by one']]
 */
import type { Expr } from '../expr/node.js';
import type { Path } from '../expr/path.js';
import { some } from '../expr/traverse.js';
import { toPlain } from '../expr/to-plain.js';
import { equal } from '../expr/equal.js';
import type { Step } from './step.js';

/** How many lines a derivation is shown in. */
export type Detail = 'brief' | 'standard' | 'full';

export const DETAILS: readonly Detail[] = ['brief', 'standard', 'full'];
export const DEFAULT_DETAIL: Detail = 'standard';

/** 'brief', 'standard' or 'full', else undefined (the caller says what was expected). */
export function readDetail(text: string): Detail | undefined {
  return (DETAILS as readonly string[]).includes(text) ? (text as Detail) : undefined;
}

export interface StepLine {
  /** The steps shown on this line, with their index in the derivation. */
  readonly steps: readonly { readonly step: Step; readonly index: number }[];
  /** The rule titles of the line, first use order, each once. */
  readonly titles: readonly string[];
  /** The whole expression before the line's first step and after its last: the line's own claim. */
  readonly before: Expr;
  readonly after: Expr;
}

export interface GroupOptions {
  readonly detail?: Detail;
  /** `endsLine(i)`: step i must be the last of its line (a failing step is shown on a line of its own). */
  readonly endsLine?: (index: number) => boolean;
}

/**
 * Rules that only carry the derivative inside (d(u + v) = d(u) + d(v), d(c u) = c d(u),
 * d(Σ u) = Σ d(u)): the rules applied to the pieces they produce belong on
 * their line. Rule ids are stable, so naming them here is safe.
 */
const DISTRIBUTING = new Set(['d.sum', 'd.neg', 'd.const-factor', 'd.const-divisor', 'd.under-sum']);

const isPrefix = (p: Path, q: Path): boolean => p.length <= q.length && p.every((x, i) => q[i] === x);
const disjoint = (p: Path, q: Path): boolean => !isPrefix(p, q) && !isPrefix(q, p);
// vjp(G, F, X) is a derivative still to be taken in matrix form (src/derive/shaped-derivative.ts).
const hasDeriv = (e: Expr): boolean => some(e, (x) => x.kind === 'deriv' || (x.kind === 'call' && x.fn === 'vjp'));
const isDerivativeStep = (s: Step): boolean => s.redex.kind === 'deriv';

/** d(z_i, z_j) → δ_ij, d(x, x) → 1: the derivative of a variable, finished in the step (not ∂C/∂s for a C that stands for more). */
const FINISHING = new Set(['d.var', 'd.index']);
const finishesVariable = (s: Step): boolean => FINISHING.has(s.rule);

type Member = { step: Step; index: number };

function joinsStandard(line: readonly Member[], step: Step, printedSame: boolean): boolean {
  const previous = line[line.length - 1]?.step;
  const first = line[0]?.step;
  if (previous === undefined || first === undefined) return false;
  if (printedSame || step.minor === true || previous.rule === step.rule) return true;
  if (!isDerivativeStep(step)) return false;
  if (finishesVariable(step)) return true;
  // A sibling: no step of the line (but a distributing first one) rewrote around or inside it.
  return line.every(({ step: s }, k) => disjoint(s.path, step.path) || (k === 0 && DISTRIBUTING.has(s.rule) && isPrefix(s.path, step.path)));
}

/** brief: line 1 is the first rule applied; then everything while derivatives remain; then the algebra. */
function phase(step: Step, index: number): number {
  if (!hasDeriv(step.before)) return 2;
  return index === 0 ? 0 : 1;
}

export function groupSteps(steps: readonly Step[], opts: GroupOptions = {}): StepLine[] {
  const detail = opts.detail ?? DEFAULT_DETAIL;
  const endsLine = opts.endsLine ?? (() => false);
  const out: { members: Member[]; titles: string[]; printed: string; phase: number }[] = [];
  steps.forEach((step, index) => {
    const printed = detail === 'full' ? '' : toPlain(step.after);
    const last = out[out.length - 1];
    const lastMember = last?.members[last.members.length - 1];
    // A step that does not continue from the one before (the equations of a solved system) starts a line: a line is a chain.
    const open = last !== undefined && lastMember !== undefined && !endsLine(lastMember.index) && equal(lastMember.step.after, step.before);
    const p = phase(step, index);
    let joins = false;
    if (open && detail === 'standard') joins = joinsStandard(last.members, step, last.printed === printed);
    // A brief line keeps its phase; bookkeeping joins the line whose step caused it.
    if (open && detail === 'brief') joins = last.phase === p || last.printed === printed || step.minor === true;
    if (last !== undefined && joins) {
      last.members.push({ step, index });
      if (!last.titles.includes(step.title)) last.titles.push(step.title);
      last.printed = printed;
    } else {
      out.push({ members: [{ step, index }], titles: [step.title], printed, phase: p });
    }
  });
  return out.map((l) => {
    const firstStep = (l.members[0] as Member).step;
    const lastStep = (l.members[l.members.length - 1] as Member).step;
    // A brief line names the rules that did the work; bookkeeping is named only on a line of nothing else.
    const main = l.members.filter(({ step }) => step.minor !== true).map(({ step }) => step.title);
    const titles = detail === 'brief' && main.length > 0 ? l.titles.filter((t) => main.includes(t)) : l.titles;
    return { steps: l.members, titles, before: firstStep.before, after: lastStep.after };
  });
}
