/**
 * A derivation as an aligned block: `align*` for LaTeX documents, `aligned`
 * inside display math for KaTeX (which has no align*). The first line shows
 * the left-hand side, then one line per step, annotated with the rule's
 * title and the step's notes. Steps share a line as src/proof/group-steps.ts
 * decides for every printer, and the line lists every title.
 *
 *     \begin{align*}
 *     \frac{d}{dx}\left(\sigma\left(x\right)\right) &= … \tag*{$\text{Derivative of the sigmoid}$} \\
 *     &= … \tag*{$\text{Multiplying by one}$}
 *     \end{align*}
 */
import type { Expr } from '../expr/node.js';
import { groupSteps, type Detail } from '../proof/group-steps.js';
import type { Derivation, Step } from '../proof/step.js';
import { escapeLatexText } from './escape.js';
import { noteToLatex } from './notes.js';
import { toLatex } from './to-latex.js';
import { alignRows, FRAGMENT_WIDTH_EM } from './break-display.js';

export interface DerivationLatexOptions {
  readonly env: 'align*' | 'aligned';
  /** What the first line shows on the left (default: the derivation's start), e.g. a deriv node. */
  readonly lhs?: Expr;
  /** Print rule titles and step notes as annotations (default true). */
  readonly titles?: boolean;
  /** Extra LaTeX annotation per displayed line, e.g. a verdict; receives the last step of the line. */
  readonly annotate?: (step: Step, index: number) => string | undefined;
  /** How many lines (src/proof/group-steps.ts; default standard). */
  readonly detail?: Detail;
  /** Step i must end its line (a failing step is shown on a line of its own). */
  readonly endsLine?: (index: number) => boolean;
  /** align* only: the text width in em the lines are broken to (src/render/break-display.ts; default: a fragment's, FRAGMENT_WIDTH_EM). */
  readonly width?: number;
}

interface Line {
  readonly latex: string;
  readonly titles: readonly string[];
  readonly steps: readonly { readonly step: Step; readonly index: number }[];
}

/** The displayed lines: the shared grouping of src/proof/group-steps.ts. */
function lines(d: Derivation, opts: DerivationLatexOptions): Line[] {
  const grouping = { ...(opts.detail !== undefined ? { detail: opts.detail } : {}), ...(opts.endsLine !== undefined ? { endsLine: opts.endsLine } : {}) };
  return groupSteps(d.steps, grouping).map((g) => ({ latex: toLatex(g.after), titles: g.titles, steps: g.steps }));
}

function annotations(l: Line, opts: DerivationLatexOptions): string[] {
  const notes: string[] = [];
  if (opts.titles ?? true) {
    const titles = l.titles;
    // A long run of routine steps is summarised, so the line fits a page;
    // the JSON and text outputs still list every rule.
    const routine = l.steps.every(({ step }) => step.minor === true);
    // Bookkeeping merged into a line is named once as "simplifying" when there is more than one kind of it.
    const minorTitles = new Set(l.steps.filter(({ step }) => step.minor === true).map(({ step }) => step.title));
    const main = titles.filter((t) => !minorTitles.has(t) || l.steps.some(({ step }) => step.title === t && step.minor !== true));
    if (routine && titles.length > 2) notes.push('\\text{Simplifying}');
    else if (!routine && titles.length - main.length > 1) notes.push(...main.map((t) => `\\text{${escapeLatexText(t)}}`), '\\text{simplifying}');
    else for (const t of titles) notes.push(`\\text{${escapeLatexText(t)}}`);
    // Conditions (where a step holds) are printed beside KaTeX lines; in a
    // document they follow the derivation as notes, so a tag stays short.
    if (opts.env === 'aligned') for (const { step } of l.steps) notes.push(...step.notes.map(noteToLatex));
  }
  const last = l.steps[l.steps.length - 1];
  const extra = last !== undefined && opts.annotate !== undefined ? opts.annotate(last.step, last.index) : undefined;
  if (extra !== undefined) notes.push(extra);
  return notes;
}

/**
 * derivationToLatex(d, { env: 'aligned', lhs: deriv(x2, x) }) ===
 * '\\begin{aligned}\n\\frac{d}{dx}\\left(x^{2}\\right) &= 2 x && \\text{Power rule}\n\\end{aligned}'
 */
export function derivationToLatex(d: Derivation, opts: DerivationLatexOptions): string {
  const lhs = toLatex(opts.lhs ?? d.start);
  const body: string[] = [];
  const ls = lines(d, opts);
  const result = toLatex(d.result);
  if (opts.env === 'align*' && !(ls.length === 0 && result === lhs)) {
    // In a LaTeX document the annotation is a tag at the right margin, which
    // amsmath moves below a line that is too long to share it; lines wider
    // than the text are broken (src/render/break-display.ts).
    const rows = ls.length === 0 ? [{ left: lhs, right: `= ${result}`, notes: [] }] : ls.map((l, i) => ({ left: i === 0 ? lhs : '', right: `= ${l.latex}`, notes: annotations(l, opts) }));
    return `\\begin{align*}\n${alignRows(rows, opts.width ?? FRAGMENT_WIDTH_EM).join(' \\\\\n')}\n\\end{align*}`;
  }
  if (ls.length === 0) body.push(result === lhs ? lhs : `${lhs} &= ${result}`);
  ls.forEach((l, i) => {
    const notes = annotations(l, opts);
    // KaTeX's aligned has no per-line tags, so there the annotation is a last
    // column; a formula wider than the page scrolls in its own box.
    const annotation = notes.length === 0 ? '' : ` && ${notes.join(',\\ ')}`;
    body.push(`${i === 0 ? `${lhs} ` : ''}&= ${l.latex}${annotation}`);
  });
  return `\\begin{${opts.env}}\n${body.join(' \\\\\n')}\n\\end{${opts.env}}`;
}
