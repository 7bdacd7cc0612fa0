/**
 * Plain-text report of a named derivation: statement, definitions and
 * hypotheses, then each part as `= expression    [rule titles]` lines with
 * its check, then the answer.
 *
 *     namedToText(verifyNamed(computeNamed(engine, spec)))
 *     // "sigmoid: Derivative of the sigmoid\n…\nanswer: sigma(x)*(1 - sigma(x))\n…"
 */
import { noteToPlain, toPlain } from '../../render/index.js';
import type { NumericVerdict } from '../../numeric/index.js';
import { answerOf } from './to-json.js';
import type { VerifiedNamed, VerifiedPart } from './verify.js';
import { formatNumber } from '../../numeric/format-number.js';
import { groupSteps, type Detail } from '../../proof/group-steps.js';
import { declaredSizes } from './sizes.js';


export function verdictLine(v: NumericVerdict): string {
  switch (v.verdict) {
    case 'holds':
      return `holds at ${v.points} random points (max relative error ${formatNumber(v.maxRelError, 3)})`;
    case 'fails':
      return `FAILED at ${Object.entries(v.point)
        .map(([k, x]) => `${k} = ${formatNumber(x, 3)}`)
        .join(', ')} (${formatNumber(v.lhs, 3)} vs ${formatNumber(v.rhs, 3)})`;
    case 'undecided':
      return `undecided: ${v.reason}`;
  }
}

/** How a part was proved, said before its numeric check (which is made either way). */
const PROVED_BY = {
  steps: 'proved step by step (each step an instance of a tested rule, a definition or exact algebra, its conditions discharged); ',
  nerdamer: 'proved symbolically (nerdamer); ',
  none: '',
} as const;

function partText(p: VerifiedPart, n: number, detail: Detail): string[] {
  const c = p.computed;
  const heading = c.part.title !== '' ? c.part.title : c.part.kind;
  const lines = [`[${n}] ${heading}${c.caseText !== undefined ? ` (case ${c.caseText})` : ''}`];
  if (c.solution !== undefined) lines.push(`  solution: ${c.solution.map((u) => `${toPlain(u.unknown)} = ${toPlain(u.value)}`).join(', ')}`);
  lines.push(`  ${toPlain(c.lhs)}`);
  // The lines every printer shows (src/proof/group-steps.ts); a failing step ends its line.
  const failed = (i: number): boolean => p.steps[i]?.verdict === 'fails';
  const lineVerdicts = new Map(p.lines.map((l) => [l.from, l.verdict]));
  for (const g of groupSteps(c.derivation.steps, { detail, endsLine: failed })) {
    // A merged line states each assumption once.
    const notes = [...new Set(g.steps.flatMap(({ step }) => step.notes.map(noteToPlain)))];
    const lastIndex = g.steps[g.steps.length - 1]?.index ?? 0;
    // A chain step says what it compared (entries at sizes) or which shapes do not fit.
    const why = p.stepTexts?.[lastIndex];
    const firstIndex = g.steps[0]?.index ?? 0;
    const line = lineVerdicts.get(firstIndex);
    const lineFailure = line?.verdict === 'fails' ? `  <- steps ${firstIndex + 1} to ${lastIndex + 1} taken together ${verdictLine(line)}` : '';
    const failure = failed(lastIndex) ? `  <- step ${lastIndex + 1} ${why !== undefined ? `FAILED: ${why}` : verdictLine(p.steps[lastIndex] as NumericVerdict)}` : lineFailure;
    lines.push(`  = ${toPlain(g.after)}    [${[...g.titles, ...notes].join('; ')}]${failure}`);
  }
  if (c.derivation.stop !== 'normal-form') lines.push(`  stopped: ${c.derivation.stop}`);
  const badStep = p.stepTexts === undefined ? -1 : p.steps.findIndex((x) => x.verdict !== 'holds');
  if (badStep >= 0) lines.push(`  check: step ${badStep + 1} ${p.steps[badStep]?.verdict === 'fails' ? 'fails' : 'is undecided'}: ${p.stepTexts?.[badStep] ?? ''}`);
  // A chain part's start = result is not sampled itself: its count is the fewest points a step held at.
  else lines.push(`  check: ${PROVED_BY[p.provedBy ?? 'none']}${p.stepTexts !== undefined && p.claim.verdict === 'holds' ? 'every step ' : ''}${verdictLine(p.claim)}`);
  return lines;
}

export function namedToText(v: VerifiedNamed): string {
  const spec = v.computed.spec;
  const out = [`${spec.name}: ${spec.title}`];
  if (spec.statement !== '') out.push(spec.statement.trim());
  for (const d of spec.definitions) out.push(`definition: ${d.define}${d.text !== '' ? `  (${d.text})` : ''}`);
  if (spec.shapes.trim() !== '') out.push(`sizes: ${declaredSizes(spec.shapes).map((d) => d.plain).join(', ')}`);
  if (spec.variant !== '') out.push(`variant: ${spec.variant}`);
  for (const h of spec.hypotheses) out.push(`hypothesis: ${h.text}${h.instance !== undefined ? `  (checked with ${h.instance})` : ''}`);
  v.parts.forEach((p, i) => out.push('', ...partText(p, i + 1, v.detail)));
  const answer = answerOf(v);
  out.push('');
  if (answer !== undefined) out.push(`answer: ${toPlain(answer)}`);
  const f = v.failure;
  const where = f === undefined ? '' : ` (part ${f.part + 1}, ${f.step === 'result' ? 'its result' : `step ${f.step + 1}`})`;
  out.push(`check: ${v.verdict}${where}`);
  return out.join('\n') + '\n';
}
