/**
 * Worked examples: values a document gives its names in prose and the
 * relations that follow them. "Take $w_1 = 0.5$, $x = 1$", "Numbers: $w = 2$,
 * $b = -1$ give $\hat y = 5$", "starting from $w_0 = 0$ with step size
 * $\eta = 0.25$", "For $z = \log 3$: …", "e.g. $x = 2$ gives $x^2 = 4$".
 *
 * 1. A binding is inline math `v = c` with v a plain name (not a function)
 *    and c a number (no letters), unless the prose draws it as a conclusion
 *    ("so $v = 2$") or v has a definition that is not itself a value
 *    (`\hat y = w x + b` makes "$\hat y = 5$" a claim). The binding is a
 *    definition fact of the ledger, marked `example`.
 * 2. Its scope (scopes.ts `exampleEnd`): the whole section when given in the
 *    section's first paragraph (the problem's setup); otherwise its
 *    paragraph, carried over display math and a paragraph continuing its
 *    sentence; its sentence when the sentence is hypothetical ("e.g.",
 *    "if"). A later value for the same name ends it (a gradient-descent
 *    trace: `w_1 = 6.5` after `w_1 = …`), and so does a LaTeX \paragraph.
 * 3. A relation that uses a binding (directly or through definitions) is
 *    judged twice: in general first (without the example's values), and only
 *    when that does not come out proved or holds, with the values
 *    substituted (after derivatives are taken: ∂E/∂w at w = 2). The verdict
 *    says which values were used and where they were given, so a relation
 *    that only holds at the example is never reported as true in general.
 *    A failure with the values is a failure (the relation is false at the
 *    example's point, hence false in general too).
 *
 *     judgeInExample(active, used, (facts) => judgeStep(…), describe)
 */
import { symbolsOf } from '../expr/traverse.js';
import type { Stated } from './fact-ledger.js';
import type { Fact } from './facts.js';
import type { Judgement } from './judgement.js';

/** A value given to a plain name: `v = c` with c a number (no letters, no function parameter). */
export function isValue(f: Fact): boolean {
  return f.kind === 'define' && f.param === undefined && f.params === undefined && f.value.kind !== 'sym' && symbolsOf(f.value).length === 0;
}

/** "w = 2, x = 1 (line 5), eta = 0.5 (line 7)": the values, grouped by the line that gave them. */
export function describeValues(values: readonly Stated[], describe: (f: Fact) => string): string {
  const byLine = new Map<number, string[]>();
  for (const st of values) byLine.set(st.line, [...(byLine.get(st.line) ?? []), describe(st.fact)]);
  return [...byLine].map(([line, vs]) => `${vs.join(', ')} (line ${line})`).join(', ');
}

const TRUE: ReadonlySet<Judgement['verdict']> = new Set(['proved', 'holds']);

/**
 * Judges a step that uses the values of a worked example: in general first,
 * then with the values. `judge` takes the facts to use; `used` are the facts
 * in scope that speak about the step. Returns the judgement and the values
 * it rests on (empty when the general judgement decided).
 */
export function judgeInExample(active: readonly Stated[], used: readonly Stated[], judge: (facts: readonly Stated[]) => Judgement, describe: (f: Fact) => string): { judgement: Judgement; values: Stated[] } {
  const values = used.filter((st) => st.example === true);
  if (values.length === 0) return { judgement: judge(active), values: [] };
  const general = judge(active.filter((st) => st.example !== true));
  if (TRUE.has(general.verdict)) return { judgement: general, values: [] };
  const at = judge(active);
  const given = `with the worked example's values ${describeValues(values, describe)}`;
  const elsewhere = general.verdict === 'fails' ? `; for other values it does not hold (${general.evidence.summary})` : '';
  if (TRUE.has(at.verdict) || at.verdict === 'fails') return { judgement: { verdict: at.verdict, evidence: { ...at.evidence, summary: `${given}: ${at.evidence.summary}${at.verdict === 'fails' ? '' : elsewhere}` } }, values };
  // Undecided with the values: a general failure may be about other values, so it proves nothing either.
  return { judgement: { verdict: 'undecided', evidence: { ...at.evidence, summary: `${given}: ${at.evidence.summary}${elsewhere}` } }, values };
}
