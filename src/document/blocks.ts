/**
 * The document as a list of blocks, independent of the output format:
 * headings, prose (text and safe math), derivations, values and check lines.
 * The LaTeX, HTML and Markdown writers each print the same blocks.
 */
import { formatVerification } from '../derive/verdict-text.js';
import type { Derivation } from '../proof/step.js';
import type { Detail } from '../proof/group-steps.js';
import { derivationToLatex, noteToLatex, toLatex, toPlain } from '../render/index.js';
import { collectNotes } from '../derive/diff-result.js';
import { everyStepPoints } from '../derive/named/verify.js';
import { abbreviate } from '../render/abbreviate.js';
import { alignRows, FRAGMENT_WIDTH_EM } from '../render/break-display.js';
import type { Expr } from '../expr/node.js';
import { proseSegments, safeMath, trustedProseSegments, type Segment } from '../render/prose.js';
import type { DocumentReport } from '../check/check-document.js';
import { escapeLatexText } from '../render/index.js';
import type { SolvedSpec } from './solve.js';
import { formatNumber } from '../numeric/format-number.js';
import { constructParagraphs } from '../construct/construct-latex.js';
import type { ConstructReport } from '../construct/construct-report.js';
import { graphTikz } from '../graph/graph-latex.js';
import { graphSvg } from '../graph/graph-svg.js';
import { checkSentence, graphTables } from '../graph/graph-tables.js';
import type { Drawing } from '../graph/graph-drawing.js';
import type { GraphReport } from '../graph/graph-report.js';
import type { FindingReport } from '../finite/finding-report.js';

/** The widest a drawing may be on a problem-set page, in cm (A4 or letter less 2.2 cm margins leaves about 16.6 cm). */
const PAGE_WIDTH_CM = 15;

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'prose'; readonly segments: readonly Segment[] }
  | {
      readonly kind: 'derivation';
      readonly derivation: Derivation;
      readonly lhs: Expr;
      readonly definitions: readonly { readonly name: Expr; readonly value: Expr }[];
      /** The lines (src/proof/group-steps.ts); a failing step ends its line. */
      readonly detail: Detail;
      readonly failedSteps: readonly number[];
    }
  | { readonly kind: 'math'; readonly latex: string }
  | { readonly kind: 'check'; readonly text: string; readonly failed: boolean }
  /** A statement about a result (where it holds, which branch is active), as math-mode LaTeX. */
  | { readonly kind: 'note'; readonly latex: string }
  /** A hand derivation as judged: one row per relation, the verdict beside it. */
  | { readonly kind: 'chain'; readonly rows: readonly ChainRow[] }
  /** A table of values: a caption (as text, and as text-mode LaTeX with its math) and cells in math-mode LaTeX. */
  | { readonly kind: 'table'; readonly caption: string; readonly captionLatex: string; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] }
  /** A drawing, once per output: TikZ for LaTeX, SVG for HTML and Markdown; `alt` says what it shows. */
  | { readonly kind: 'figure'; readonly tikz: string; readonly svg: string; readonly alt: string };

export interface ChainRow {
  /** LaTeX of the left side (first row only), the relation and the right side. */
  readonly lhs: string;
  readonly rel: string;
  readonly rhs: string;
  /** "proved", "holds at 24 points", "FAILS at x = 2: 4 vs 5" … as text. */
  readonly verdict: string;
  readonly failed: boolean;
}

const RELATION_LATEX: Readonly<Record<string, string>> = { '=': '=', '<=': '\\le', '>=': '\\ge', '<': '<', '>': '>', '!=': '\\neq', '~=': '\\approx', '=>': '\\Rightarrow', '<=>': '\\iff' };

/** A side as the user wrote it, printed again from our tree (or shown as text when unreadable). */
function sideLatex(src: string): string {
  return safeMath(src) ?? `\\text{${escapeLatexText(src)}}`;
}

/** Short enough to sit beside an equation: proved / holds at 24 points / fails at x = 2 (4 vs 5). */
function verdictWords(st: DocumentReport['chains'][number]['steps'][number]): string {
  switch (st.verdict) {
    case 'proved':
      return 'proved';
    case 'holds':
      return st.evidence.points !== undefined ? `holds at ${st.evidence.points} points` : 'holds';
    case 'fails':
      return `fails: ${st.evidence.summary}`;
    case 'definition':
      return 'definition';
    case 'undecided':
      return 'undecided';
  }
}

function chainRows(report: DocumentReport): ChainRow[][] {
  return report.chains.map((c) =>
    c.steps.map((st, i) => ({
      lhs: i === 0 ? sideLatex(st.lhs) : '',
      rel: RELATION_LATEX[st.rel] ?? '=',
      rhs: sideLatex(st.rhs),
      verdict: verdictWords(st),
      failed: st.verdict === 'fails',
    })),
  );
}

/** A judged chain as an aligned block with the verdict beside each row; in LaTeX (align*) broken to `width` em. */
export function chainLatex(b: Extract<Block, { kind: 'chain' }>, env: 'align*' | 'aligned', width = FRAGMENT_WIDTH_EM): string {
  const note = (r: ChainRow): string => `\\text{${escapeLatexText(r.verdict)}}`;
  if (env === 'align*') return `\\begin{align*}\n${alignRows(b.rows.map((r) => ({ left: r.lhs, right: `${r.rel} ${r.rhs}`, notes: [note(r)] })), width).join(' \\\\\n')}\n\\end{align*}`;
  const rows = b.rows.map((r) => `${r.lhs} &${r.rel} ${r.rhs} && ${note(r)}`);
  return `\\begin{${env}}\n${rows.join(' \\\\\n')}\n\\end{${env}}`;
}

/** A derivation in the environment a format needs (align* for LaTeX, broken to `width` em; aligned for KaTeX). */
export function derivationLatex(b: Extract<Block, { kind: 'derivation' }>, env: 'align*' | 'aligned', width = FRAGMENT_WIDTH_EM): string {
  return derivationToLatex(b.derivation, { env, lhs: b.lhs, detail: b.detail, endsLine: (i) => b.failedSteps.includes(i), width });
}

/** "where u = …" for an abbreviated derivation, as math-mode LaTeX, or undefined. */
export function definitionsLatex(b: Extract<Block, { kind: 'derivation' }>): string | undefined {
  if (b.definitions.length === 0) return undefined;
  return `\\text{where } ${b.definitions.map((d) => `${toLatex(d.name)} = ${toLatex(d.value)}`).join(',\\quad ')}`;
}

function derivationBlock(derivation: Derivation, lhs: Expr, detail: Detail, failedSteps: readonly number[]): Block {
  const a = abbreviate(derivation, lhs);
  return { kind: 'derivation', derivation: a.derivation, lhs: a.lhs, definitions: a.definitions, detail, failedSteps };
}

/** Indices of the steps whose own check failed. */
function failing(verdicts: readonly ({ readonly verdict: string } | undefined)[]): number[] {
  return verdicts.flatMap((v, i) => (v?.verdict === 'fails' ? [i] : []));
}

/** The check line under a checked derivation: says exactly how many steps were decided, never "every step holds" over an undecided one. */
function chainCheckText(report: DocumentReport): string {
  const steps = report.chains.flatMap((c) => c.steps).filter((st) => st.verdict !== 'definition');
  if (steps.some((st) => st.verdict === 'fails')) return 'Check: a step of this derivation fails (marked above).';
  const unread = report.notRead[0];
  if (unread !== undefined) {
    const n = report.notRead.length;
    return `Check: nothing fails, but ${n} relation${n === 1 ? '' : 's'} could not be read (${unread.reason}).`;
  }
  if (steps.length === 0) return 'Check: no step to check was found.';
  const undecided = steps.filter((st) => st.verdict === 'undecided').length;
  if (undecided > 0) return `Check: no step fails, but ${undecided} of ${steps.length} steps could not be decided (marked above).`;
  return 'Check: every step of this derivation holds.';
}

/** A construction report as blocks: its prose and displays as they are, each verdict as a check line. */
function constructBlocks(r: ConstructReport): Block[] {
  const out: Block[] = [{ kind: 'prose', segments: [{ kind: 'text', text: `${r.title}.` }] }];
  for (const p of constructParagraphs(r)) {
    if (p.kind === 'display') out.push({ kind: 'math', latex: p.latex });
    else if (p.kind === 'verdict') out.push({ kind: 'check', text: `${p.verdict[0]?.toUpperCase() ?? ''}${p.verdict.slice(1)}: ${p.text}.`, failed: p.verdict === 'fails' });
    else out.push({ kind: 'prose', segments: p.parts.map((x): Segment => ('math' in x ? { kind: 'math', source: x.math, latex: x.math } : { kind: 'text', text: x.text })) });
  }
  return out;
}

/** A computation graph as blocks: the definitions, the drawing, every table, and what was checked. */
function graphBlocks(report: GraphReport, drawing: Drawing): Block[] {
  const definitions = report.definitions.map((d) => `${toLatex(d.name)} &= ${toLatex(d.expr)}`);
  return [
    { kind: 'math', latex: `\\begin{aligned}\n${definitions.join(' \\\\\n')}\n\\end{aligned}` },
    { kind: 'figure', tikz: graphTikz(drawing, PAGE_WIDTH_CM), svg: graphSvg(drawing), alt: `The computation graph of ${report.outputNames.map((n) => toPlain(n)).join(', ')}` },
    ...graphTables(report).map((t): Block => ({ kind: 'table', caption: t.caption, captionLatex: t.captionLatex, columns: t.columns.map((c) => c.latex), rows: t.rows.map((row) => row.map((c) => c.latex)) })),
    { kind: 'check', text: `Check: ${checkSentence(report)}`, failed: report.status === 'differs' },
  ];
}

/** A table cell in math-mode LaTeX: a number as it is, anything else as text. */
function cellLatex(cell: string): string {
  return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/.test(cell) ? cell.replace(/e([-+]?\d+)$/, (_, x: string) => ` \\cdot 10^{${x.replace('+', '')}}`) : `\\text{${escapeLatexText(cell)}}`;
}

/** An experiment's runs or a theorem checked by exhaustion: its prose, its tables, each verdict as a check line. */
function findingBlocks(r: FindingReport): Block[] {
  const out: Block[] = [{ kind: 'prose', segments: proseSegments(`${r.title}.`) }];
  for (const p of r.paragraphs) {
    if (p.kind === 'text') out.push({ kind: 'prose', segments: proseSegments(p.text) });
    else if (p.kind === 'table') out.push({ kind: 'table', caption: p.caption, captionLatex: escapeLatexText(p.caption), columns: p.columns.map(cellLatex), rows: p.latexRows ?? p.rows.map((row) => row.map(cellLatex)) });
    else out.push({ kind: 'check', text: `${p.verdict[0]?.toUpperCase() ?? ''}${p.verdict.slice(1)}: ${p.text}.`, failed: p.verdict === 'fails' });
  }
  out.push({ kind: 'check', text: r.summary, failed: r.status === 'fails' });
  return out;
}

export function buildBlocks(solved: SolvedSpec): Block[] {
  const out: Block[] = [];
  solved.problems.forEach((p, i) => {
    out.push({ kind: 'heading', level: 2, text: `Problem ${i + 1}: ${p.title}` });
    if (p.statement.trim() !== '') out.push({ kind: 'prose', segments: proseSegments(p.statement.trim()) });
    out.push({ kind: 'heading', level: 3, text: 'Solution' });
    for (const r of p.results) {
      switch (r.kind) {
        case 'derivation':
          for (const o of r.outcomes) {
            out.push(derivationBlock(o.derivation, o.start, solved.detail, o.json.steps.flatMap((st, k) => (st.verdict === 'failed' ? [k] : []))));
            for (const n of collectNotes(o.derivation)) out.push({ kind: 'note', latex: noteToLatex(n) });
            for (const b of o.json.branchesLatex ?? []) out.push({ kind: 'note', latex: b });
            if (o.json.valueLatex !== undefined) {
              const approx = o.json.approx !== undefined && Number.isFinite(o.json.approx) ? ` \\approx ${formatNumber(o.json.approx, 10)}` : '';
              // The evaluation bar names the point itself (x_1 = 1, …), as a key prints it.
              out.push({ kind: 'math', latex: `${toLatex(o.start)}\\Big|_{${r.atLatex ?? '\\text{the point}'}} = ${o.json.valueLatex}${approx}` });
            }
            out.push({ kind: 'check', text: `Check: ${formatVerification(o.json.verification)}.`, failed: o.verdict === 'fails' });
          }
          break;
        case 'simplification':
          out.push(derivationBlock(r.derivation, r.derivation.start, solved.detail, failing(r.report.steps.map((st) => st.verdict))));
          out.push({ kind: 'check', text: `Check: ${r.report.how}.`, failed: r.report.verdict === 'fails' });
          break;
        case 'value': {
          const approx = Number.isFinite(r.approx) ? ` \\approx ${formatNumber(r.approx, 10)}` : '';
          out.push({ kind: 'math', latex: `${toLatex(r.expr)} = ${toLatex(r.value)}${r.exact ? approx : ''}` });
          break;
        }
        case 'named':
          for (const part of r.verified.parts) {
            const c = part.computed;
            const title = `${c.part.title !== '' ? c.part.title : c.part.kind}${c.caseText !== undefined ? ` (case ${c.caseText})` : ''}`;
            // A named derivation's titles are the project's own data (rules/derivations): their math is kept when our reader cannot read it.
            out.push({ kind: 'prose', segments: trustedProseSegments(`${title}.`) });
            out.push(derivationBlock(c.derivation, c.lhs, solved.detail, failing(part.steps)));
            const pts = part.claim.verdict === 'holds' ? ` at ${everyStepPoints(part)} random points` : '';
            // A part proved step by step was sampled all the same: say both.
            const said = part.verdict === 'holds' ? `every step holds${pts}` : part.verdict === 'proved' && part.provedBy === 'steps' ? `proved step by step; every step also holds${pts}` : part.verdict;
            out.push({ kind: 'check', text: `Check: ${said}.`, failed: part.verdict === 'fails' });
          }
          break;
        case 'checked':
          for (const rows of chainRows(r.report)) out.push({ kind: 'chain', rows });
          out.push({ kind: 'check', text: chainCheckText(r.report), failed: r.report.chains.some((c) => c.steps.some((st) => st.verdict === 'fails')) });
          break;
        case 'shaped':
          // A derivative by a declared vector: the equation and its size, or the refusal, and the entry-by-entry check.
          if (r.outcome.equationLatex !== undefined) out.push({ kind: 'math', latex: r.outcome.equationLatex });
          if (r.outcome.sizeText !== undefined) out.push({ kind: 'prose', segments: proseSegments(`Size: ${r.outcome.sizeText}.`) });
          out.push({ kind: 'check', text: `Check: ${r.outcome.checkText}.`, failed: r.outcome.verdict === 'fails' });
          break;
        case 'construct':
          out.push(...constructBlocks(r.report));
          break;
        case 'graph':
          out.push(...graphBlocks(r.report, r.drawing));
          break;
        case 'finding':
          out.push(...findingBlocks(r.report));
          break;
        case 'text':
          out.push({ kind: 'prose', segments: proseSegments(r.text) });
          break;
      }
    }
  });
  return out;
}
