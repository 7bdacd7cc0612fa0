/**
 * LaTeX of a named derivation: a bold heading per part and its steps as an
 * aligned block (align* for documents, aligned inside display math for
 * KaTeX, which has no align*), each line annotated with its rule's title.
 *
 *     namedToLatex(verified, 'align*')
 *     // "\noindent\textbf{Derivative of the sigmoid.} …\n\begin{align*}…"
 */
import { derivationToLatex, escapeLatexText, toLatex, trustedProseLatex } from '../../render/index.js';
import { answerOf } from './to-json.js';
import { declaredSizes } from './sizes.js';
import type { VerifiedNamed, VerifiedPart } from './verify.js';
import { DEFAULT_DETAIL, type Detail } from '../../proof/group-steps.js';

export type LatexEnv = 'align*' | 'aligned';

/** One part's steps as an aligned block, failing steps marked. */
export function partToLatex(p: VerifiedPart, env: LatexEnv, detail: Detail = DEFAULT_DETAIL): string {
  const c = p.computed;
  if (c.solution !== undefined) {
    // A solved system reads as its solution, then the model with it put in.
    const rows = c.solution.map((u) => `${toLatex(u.unknown)} &= ${toLatex(u.value)}`);
    rows.push(`${toLatex(c.lhs)} &= ${toLatex(c.derivation.result)}`);
    return `\\begin{${env}}\n${rows.join(' \\\\\n')}\n\\end{${env}}`;
  }
  return derivationToLatex(c.derivation, {
    env,
    lhs: p.computed.lhs,
    detail,
    endsLine: (i) => p.steps[i]?.verdict === 'fails',
    annotate: (_s, i) => (p.steps[i]?.verdict === 'fails' || p.lines.some((l) => l.to === i && l.verdict.verdict === 'fails') ? '\\text{(FAILS the numeric check)}' : undefined),
  });
}

function heading(p: VerifiedPart): string {
  const c = p.computed;
  const title = c.part.title !== '' ? c.part.title : c.part.kind;
  // Titles may hold inline math ($k = l$), printed from our own parse like a statement's.
  return trustedProseLatex(`${title}${c.caseText !== undefined ? ` (case ${c.caseText})` : ''}.`);
}

export function namedToLatex(v: VerifiedNamed, env: LatexEnv = 'align*'): string {
  const spec = v.computed.spec;
  const out = [`\\noindent\\textbf{${escapeLatexText(spec.title)}.} ${trustedProseLatex(spec.statement.trim())}`];
  if (spec.shapes.trim() !== '') out.push(`\\noindent Sizes: ${declaredSizes(spec.shapes).map((d) => `$${d.latex}$`).join(', ')}.`);
  for (const d of spec.definitions) out.push(`% definition: ${d.define}`);
  for (const h of spec.hypotheses) out.push(`% hypothesis: ${h.text.replace(/\n/g, ' ')}`);
  for (const p of v.parts) out.push('', `\\noindent\\emph{${heading(p)}}`, partToLatex(p, env, v.detail), `% check: ${p.verdict}`);
  const answer = answerOf(v);
  if (answer !== undefined) out.push('', `% answer: ${toLatex(answer)}`);
  out.push(`% check: ${v.verdict}`);
  return out.join('\n') + '\n';
}
