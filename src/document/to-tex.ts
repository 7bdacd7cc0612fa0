/** The LaTeX solutions document: align* derivations, escaped prose, safe math. */
import { escapeLatexText } from '../render/index.js';
import { buildBlocks, chainLatex, definitionsLatex, derivationLatex, type Block } from './blocks.js';
import type { Segment } from './prose.js';
import type { SolvedSpec } from './solve.js';
import { fillTemplate } from './template.js';

function segmentTex(s: Segment): string {
  if (s.kind === 'text') return escapeLatexText(s.text);
  return s.latex === undefined ? `\\texttt{${escapeLatexText(`$${s.source}$`)}}` : `$${s.latex}$`;
}

function blockTex(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.level === 2 ? `\\section*{${escapeLatexText(b.text)}}` : `\\subsection*{${escapeLatexText(b.text)}}`;
    case 'prose':
      return b.segments.map(segmentTex).join('');
    case 'derivation': {
      const where = definitionsLatex(b);
      return derivationLatex(b, 'align*') + (where === undefined ? '' : `\n\\[ ${where} \\]`);
    }
    case 'math':
      return `\\[ ${b.latex} \\]`;
    case 'check':
      return `\\noindent\\emph{${escapeLatexText(b.text)}}`;
    case 'chain':
      return chainLatex(b, 'align*');
    case 'note':
      return `\\noindent Note: $${b.latex}$.`;
  }
}

export function toTexDocument(solved: SolvedSpec, template: string): string {
  const body = buildBlocks(solved).map(blockTex).join('\n\n');
  return fillTemplate(template, { title: escapeLatexText(solved.spec.title), author: escapeLatexText(solved.spec.author), date: escapeLatexText(solved.spec.date), body }, 'LaTeX template');
}
