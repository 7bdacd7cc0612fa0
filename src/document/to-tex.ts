/** The LaTeX solutions document: align* derivations, escaped prose, safe math. */
import { escapeLatexText, segmentLatex } from '../render/index.js';
import { buildBlocks, chainLatex, definitionsLatex, derivationLatex, type Block } from './blocks.js';
import type { SolvedSpec } from './solve.js';
import { fillTemplate } from './template.js';
import { displayMath, DOCUMENT_WIDTH_EM, FRAGMENT_WIDTH_EM } from '../render/break-display.js';
import { texFragment } from './fragment.js';

const tableRow = (cells: readonly string[]): string => `${cells.map((c) => `$${c}$`).join(' & ')} \\\\`;

/** One block in LaTeX, its displays broken to `width` em (src/render/break-display.ts). */
function blockTex(b: Block, width: number): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 2 ? `\\section*{${escapeLatexText(b.text)}}` : `\\subsection*{${escapeLatexText(b.text)}}`;
    case 'prose':
      return b.segments.map(segmentLatex).join('');
    case 'derivation': {
      const where = definitionsLatex(b);
      return derivationLatex(b, 'align*', width) + (where === undefined ? '' : `\n${displayMath(where, width)}`);
    }
    case 'math':
      return displayMath(b.latex, width);
    case 'check':
      return `\\noindent\\emph{${escapeLatexText(b.text)}}`;
    case 'chain':
      return chainLatex(b, 'align*', width);
    case 'note':
      return `\\noindent Note: $${b.latex}$.`;
    case 'table':
      return [`\\paragraph{${b.captionLatex}}`, '\\begin{center}\\small', `\\begin{tabular}{${b.columns.map(() => 'l').join('')}}`, '\\hline', tableRow(b.columns), '\\hline', ...b.rows.map(tableRow), '\\hline', '\\end{tabular}', '\\end{center}'].join('\n');
    case 'figure':
      return `\\begin{center}\n${b.tikz}\n\\end{center}`;
  }
}

export function toTexDocument(solved: SolvedSpec, template: string): string {
  const body = buildBlocks(solved).map((b) => blockTex(b, DOCUMENT_WIDTH_EM)).join('\n\n');
  return fillTemplate(template, { title: escapeLatexText(solved.spec.title), author: escapeLatexText(solved.spec.author), date: escapeLatexText(solved.spec.date), body }, 'LaTeX template');
}

/** The body alone, for `\input{…}` in your own document (`render --fragment`): no preamble, the packages it needs in a comment. */
export function toTexFragment(solved: SolvedSpec): string {
  return texFragment(buildBlocks(solved).map((b) => blockTex(b, FRAGMENT_WIDTH_EM)).join('\n\n'), solved.spec.title);
}
