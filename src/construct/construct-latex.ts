/**
 * `gradtex construct --format latex`: a fragment for notes and solutions,
 * prose as escaped text and every formula in `\[ … \]` (KaTeX renders each
 * with throwOnError; pdflatex needs amsmath). The report is first laid out as
 * paragraphs (prose with our own math, displays, verdicts) so that a
 * problem-set document prints the same paragraphs in HTML and Markdown.
 */
import type { Rational } from '../expr/rational.js';
import { ratLatex } from '../finite/rational-text.js';
import { evaluateNetwork, type StepAtZero } from '../finite/threshold-network.js';
import { escapeLatexText } from '../render/escape.js';
import type { CertificateSection, ConstructionSection, ConstructReport, Section } from './construct-report.js';
import { inequalityText } from './construct-text.js';
import type { KlCounterexample, LogCombination } from './kl-counterexample.js';
import { nameLatex, unitLatex } from './network-text.js';
import type { RowInequality } from './separation-certificate.js';

/** Prose (plain text with our own math between), a displayed formula, or a verdict line. */
export type ReportParagraph =
  | { readonly kind: 'text'; readonly parts: readonly ({ readonly text: string } | { readonly math: string })[] }
  | { readonly kind: 'display'; readonly latex: string }
  | { readonly kind: 'verdict'; readonly verdict: string; readonly text: string };

const display = (latex: string): ReportParagraph => ({ kind: 'display', latex });
const text = (s: string): ReportParagraph => ({ kind: 'text', parts: [{ text: s }] });
const verdict = (v: { readonly verdict: string; readonly text: string }): ReportParagraph => ({ kind: 'verdict', verdict: v.verdict, text: v.text });

function array(header: readonly string[], rows: readonly (readonly string[])[], split: readonly number[]): string {
  const spec = header.map((_, i) => (split.includes(i) ? '|c' : 'c')).join('');
  return `\\begin{array}{${spec}}\n${header.join(' & ')} \\\\ \\hline\n${rows.map((r) => `${r.join(' & ')} \\\\`).join('\n')}\n\\end{array}`;
}

const conventionLatex = (s: StepAtZero): string =>
  s === 0 ? '\\operatorname{step}(z) = 1 \\text{ if } z > 0,\\quad 0 \\text{ if } z \\le 0' : '\\operatorname{step}(z) = 1 \\text{ if } z \\ge 0,\\quad 0 \\text{ if } z < 0';

function constructionLatex(s: ConstructionSection): ReportParagraph[] {
  const net = s.network;
  const units = display(`\\begin{aligned}\n${net.units.map((u) => unitLatex(u).replace(' = ', ' &= ')).join(' \\\\\n')}\n\\end{aligned}`);
  const header = [...net.inputs, ...net.units.map((u) => u.name), 'target'].map(nameLatex);
  const rows = s.domain.points.map((p, i) => {
    const v = evaluateNetwork(net, p);
    return [...p.map(ratLatex), ...net.units.map((u) => ratLatex(v.get(u.name) as Rational)), ratLatex(s.targets[i] as Rational)];
  });
  const letters = s.symbolic === undefined ? [] : [text('In the letters of the problem:'), display(`\\begin{aligned}\n${s.symbolic.latex.map((l) => l.replace(' = ', ' &= ')).join(' \\\\\n')}\n\\end{aligned}`), text(s.symbolic.note)];
  const convention: ReportParagraph = { kind: 'text', parts: [{ text: `${s.heading}, with ` }, { math: conventionLatex(net.stepAtZero) }, { text: ':' }] };
  return [convention, units, ...letters, text('Every case, exactly:'), display(array(header, rows, [net.inputs.length, net.inputs.length + net.units.length])), verdict(s.verdict)];
}

function certificateLatex(s: CertificateSection): ReportParagraph[] {
  const unknowns = [...s.table.names.map((n) => `w_{${nameLatex(n)}}`), 'b'];
  const ineq = (r: RowInequality): string => inequalityText(r, unknowns, { ge: '\\ge', times: ' ' });
  const lhs = (r: RowInequality): string => ineq(r).replace(/ (>|\\ge) 0$/, '');
  const rows = s.table.rows.map((row, i) => `(${row.input.map(ratLatex).join(', ')}) \\mapsto ${row.output}: &\\quad ${ineq(s.inequalities[i] as RowInequality)}`);
  const used = s.inequalities.map((r, i) => ({ r, l: s.multipliers[i] as bigint })).filter((t) => t.l > 0n);
  const sum = `${used.map((t) => `${t.l}\\cdot(${lhs(t.r)})`).join(' + ')} = ${s.sum.every((c) => c === 0n) ? '0' : '?'}`;
  return [
    text(`No single unit: a unit step(${s.table.names.map((n) => `w_${n} ${n}`).join(' + ')} + b) computes the table only if every row holds (a row with output 0 is written as the negated sum being at least 0):`),
    display(`\\begin{aligned}\n${rows.join(' \\\\\n')}\n\\end{aligned}`),
    text(`Adding the rows with the multipliers ${s.multipliers.join(', ')} (all nonnegative):`),
    display(sum),
    text(
      (s.valid ? 'A strict inequality has a positive multiplier, so the sum must be positive; it is 0. So 0 > 0, which is impossible: no weights and bias exist.' : 'The combination does not check: the certificate is wrong (an internal error).') +
        (s.bothConventions ? ' The same multipliers rule out the other step convention too.' : ''),
    ),
  ];
}

const logLatex = (c: LogCombination): string =>
  `${c.terms.map((t) => `${ratLatex(t.c)}\\ln\\left(${ratLatex(t.r)}\\right)`).join(' + ')} = ${ratLatex({ n: 1n, d: c.scale })}\\ln\\left(${ratLatex(c.argument)}\\right) \\approx ${c.approx.toPrecision(10)}`;

function klLatex(r: KlCounterexample): ReportParagraph[] {
  const s = r.common.scale;
  return [
    display(`\\mathrm{KL}(p, q) = \\sum_i p_i \\ln\\frac{p_i}{q_i},\\qquad p = (${r.p.map(ratLatex).join(', ')}),\\quad q = (${r.q.map(ratLatex).join(', ')})`),
    display(`\\begin{aligned}\n\\mathrm{KL}(p, q) &= ${logLatex(r.pq)} \\\\\n\\mathrm{KL}(q, p) &= ${logLatex(r.qp)}\n\\end{aligned}`),
    display(`${s}\\,\\mathrm{KL}(p, q) = \\ln ${ratLatex(r.common.left)} ${r.differ ? '\\ne' : '='} \\ln ${ratLatex(r.common.right)} = ${s}\\,\\mathrm{KL}(q, p)`),
    text(r.differ ? `since ${r.common.left.n * r.common.right.d} differs from ${r.common.right.n * r.common.left.d} (cross-multiplied) and ln is one-to-one.` : 'the two sides are equal here.'),
  ];
}

function sectionLatex(s: Section): ReportParagraph[] {
  switch (s.kind) {
    case 'table':
      return [text(`Truth table of ${s.table.title}:`), display(array([...s.table.names.map(nameLatex), s.table.names.includes('y') ? '\\mathit{out}' : 'y'], s.table.rows.map((r) => [...r.input.map(ratLatex), `${r.output}`]), [s.table.names.length]))];
    case 'construction':
      return constructionLatex(s);
    case 'certificate':
      return certificateLatex(s);
    case 'note':
      return [text(s.text)];
    case 'kl':
      return klLatex(s.result);
    case 'claim':
      return [
        text(`Claim: ${s.claim}, for ${s.domain.description}.`),
        ...(s.rows.length === 0 ? [] : [display(array([...s.domain.names.map((n) => (/^[A-Za-z]$/.test(n) ? n : `\\text{${escapeLatexText(n)}}`)), '\\text{left}', '\\text{right}'], s.rows.map((r) => [...r.point.map(ratLatex), `\\text{${escapeLatexText(r.left)}}`, `\\text{${escapeLatexText(r.right)}}`]), [s.domain.names.length]))]),
        verdict(s.verdict),
      ];
  }
}

/** The report's paragraphs after its title: every section, then the status of the whole report. */
export function constructParagraphs(r: ConstructReport): ReportParagraph[] {
  return [...r.sections.flatMap(sectionLatex), verdict({ verdict: r.status, text: r.summary })];
}

function paragraphLatex(p: ReportParagraph): string {
  switch (p.kind) {
    case 'text':
      return p.parts.map((x) => ('math' in x ? `$${x.math}$` : escapeLatexText(x.text))).join('');
    case 'display':
      return `\\[\n${p.latex}\n\\]`;
    case 'verdict':
      return `\\textbf{${escapeLatexText(p.verdict)}}: ${escapeLatexText(p.text)}.`;
  }
}

/** The report as a LaTeX fragment: paragraphs separated by blank lines. */
export function constructLatex(r: ConstructReport): string {
  return [`\\paragraph{${escapeLatexText(r.title)}}`, ...constructParagraphs(r).map(paragraphLatex)].join('\n\n') + '\n';
}
