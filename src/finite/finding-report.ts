/**
 * A finding as data: prose, tables and verdict lines, printed by the text
 * formatter here and by the document writers (src/document/blocks.ts), which
 * decide nothing themselves. Shared by the exhaustion over small graphs and
 * by `gradtex experiment` (src/experiment), whose numbers are observations.
 *
 * `observed` is weaker than `holds`: a simulation saw it for the steps it
 * ran; it says nothing about step N + 1. `proved` is reserved for a finite
 * check that covers every case of the statement as printed (and says so).
 */
export type FindingVerdict = 'proved' | 'holds' | 'fails' | 'undecided' | 'observed';

export type FindingParagraph =
  /** Prose; `$…$` marks math, as in a problem-set spec. */
  | { readonly kind: 'text'; readonly text: string }
  /** Cells in plain text: numbers, or words the writers set as text. */
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** The numbers behind the cells, unrounded, row by row (NaN where a cell is a word): for tests and JSON. */
      readonly values?: readonly (readonly number[])[];
      /** The cells as math-mode LaTeX, where the writer of the report has them (expressions); else the documents set the plain cells. */
      readonly latexRows?: readonly (readonly string[])[];
    }
  | { readonly kind: 'verdict'; readonly verdict: FindingVerdict; readonly text: string };

export interface FindingReport {
  readonly title: string;
  readonly paragraphs: readonly FindingParagraph[];
  /** `fails` when any verdict line fails; a document counts it as a failed check. */
  readonly status: FindingVerdict;
  /** One line: what was shown, and how. */
  readonly summary: string;
}

/** The LaTeX the reports' prose uses, as the characters a terminal shows (longest first, so \\infty is not read as \\in). */
const PLAIN_MATH: readonly (readonly [string, string])[] = [
  ['\\sum_{i=1}^{n}', 'Σ_i'], ['\\frac{\\eta}{n}', '(η/n)'], ['\\sum_{i}', 'Σ_i'], ['\\lambda', 'λ'], ['^\\top', 'ᵀ'], ['\\,', ''],
  ['\\frac{1}{n}', '(1/n)'], ['\\hat w', 'ŵ'], ['\\hat b', 'b̂'], ['\\hat y', 'ŷ'], ['\\mathrm{pos}', 'pos'], ['\\partial', '∂'], ['\\lVert ', '‖'], [' \\rVert', '‖'],
  ['\\infty', '∞'], ['\\sigma', 'σ'], ['\\theta', 'θ'], ['\\eta', 'η'], ['\\cdot', '·'], ['\\sum', 'Σ'], ['\\dots', '…'], ['\\to', '→'],
  ['\\le', '≤'], ['\\ge', '≥'], ['\\in', '∈'], ['\\max', 'max'], ['\\ln', 'ln'],
];

function plainMath(text: string): string {
  let out = text.replace(/\$/g, '');
  for (const [tex, plain] of PLAIN_MATH) out = out.split(tex).join(plain);
  return out;
}

/** The report as plain text: tables aligned in columns, verdict lines prefixed by their verdict. */
export function findingToText(r: FindingReport): string {
  const out: string[] = [r.title, ''];
  for (const p of r.paragraphs) {
    if (p.kind === 'text') out.push(plainMath(p.text), '');
    else if (p.kind === 'verdict') out.push(`${p.verdict}: ${p.text}`, '');
    else {
      const all = [p.columns, ...p.rows];
      const widths = p.columns.map((_, j) => Math.max(...all.map((row) => [...(row[j] ?? '')].length)));
      const line = (row: readonly string[]): string => row.map((c, j) => c.padEnd(widths[j] ?? 0)).join('  ').trimEnd();
      out.push(`${p.caption}:`, line(p.columns), widths.map((w) => '-'.repeat(w)).join('  '), ...p.rows.map(line), '');
    }
  }
  out.push(r.summary);
  return `${out.join('\n')}\n`;
}
