/**
 * The checked blocks of a note (```check blocks and `$$` blocks marked with
 * `<!-- gradtex: check -->`) judged by `gradtex check`'s own machinery: the
 * whole note goes through checkDocument once, so a block gets the same
 * verdicts (proved, holds, fails, undecided), the same facts in scope (`$x > 0$`
 * stated in the prose) and the same relation splitter as `gradtex check` gives
 * it. This file only picks the steps of each block and words them for
 * messages and the verdict line.
 *
 *     const report = checkNote(checker, 'Let $x > 0$.\n\n```check\n\\ln x \\le x - 1\n```\n');
 *     blockSteps(report, 3, 5)[0].verdict   // 'proved'
 *     blockVerdict(blockSteps(report, 3, 5)).text   // '✔ proved'
 */
import { checkDocument, type DocumentOptions, type DocumentReport, type StepReport } from '../check/check-document.js';
import type { Checker } from '../check/judge-step.js';
import { relationLatex } from '../parse/relation.js';

/**
 * Every display of the note judged with the facts in scope (throws
 * DocumentError on contradictory facts). The options are the checker's own
 * (points, seed, …): the plugin passes its options straight through, so an
 * option both know means the same in a note and in `gradtex check`.
 */
export function checkNote(checker: Checker, source: string, opts: DocumentOptions = {}): DocumentReport {
  return checkDocument(checker, source, 'markdown', opts);
}

/** The steps written on lines [fromLine, toLine] (a block's extent), in order. */
export function blockSteps(report: DocumentReport, fromLine: number, toLine: number): StepReport[] {
  return report.chains.flatMap((c) => c.steps.filter((s) => s.line >= fromLine && s.line <= toLine));
}

export type StepProblemKind = 'check-failed' | 'check-syntax' | 'check-undecided';

export interface StepProblem {
  readonly ruleId: StepProblemKind;
  readonly reason: string;
}

function oneLine(latex: string): string {
  return latex.replace(/\s+/g, ' ').trim();
}

/** What a step that is not proved, does not hold and is not a definition says in the note's messages. */
export function stepProblem(s: StepReport): StepProblem | undefined {
  const rel = `${oneLine(s.lhs)} ${relationLatex(s.rel)} ${oneLine(s.rhs)}`;
  if (s.verdict === 'fails') return { ruleId: 'check-failed', reason: `this step does not hold: ${rel}: ${s.evidence.summary}` };
  if (s.verdict !== 'undecided') return undefined;
  if (s.evidence.method === 'parse') return { ruleId: 'check-syntax', reason: s.evidence.summary };
  return { ruleId: 'check-undecided', reason: `this step is undecided: ${rel}: ${s.evidence.summary}` };
}

/**
 * The verdict line under a block, in the verdict words of `gradtex check`:
 * the most serious verdict first. `failed` when a step fails or could not be read.
 */
export function blockVerdict(steps: readonly StepReport[]): { readonly text: string; readonly failed: boolean } {
  const count = (v: StepReport['verdict']): number => steps.filter((s) => s.verdict === v).length;
  const unread = steps.filter((s) => s.verdict === 'undecided' && s.evidence.method === 'parse').length;
  const fails = count('fails');
  const undecided = count('undecided') - unread;
  const plural = (n: number, one: string, many: string): string => (n === 1 ? `a step ${one}` : `${n} steps ${many}`);
  if (fails > 0) return { text: `✗ ${plural(fails, 'fails', 'fail')}`, failed: true };
  if (unread > 0) return { text: `✗ ${plural(unread, 'could not be read', 'could not be read')}`, failed: true };
  if (undecided > 0) return { text: `? ${plural(undecided, 'is undecided', 'are undecided')}`, failed: false };
  const proved = count('proved');
  const holds = count('holds');
  if (proved + holds === 0) return { text: '≔ definitions only: nothing claimed', failed: false };
  if (holds === 0) return { text: proved === 1 ? '✔ proved' : `✔ every step proved (${proved})`, failed: false };
  return { text: `✓ every step holds: ${proved} proved, ${holds} ${holds === 1 ? 'holds' : 'hold'} at sampled points`, failed: false };
}
