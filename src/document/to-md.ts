/**
 * Markdown with math for KaTeX/remark-math: $$\begin{aligned}…\end{aligned}$$
 * derivations. User text is escaped, unreadable math is a code span no
 * content can close (md-escape.ts), so no user text becomes HTML or Markdown
 * structure.
 */
import { buildBlocks, chainLatex, definitionsLatex, derivationLatex, type Block } from './blocks.js';
import { codeSpan, displayMathMd, escapeBlockStart, escapeMarkdownText, inlineMathMd } from './md-escape.js';
import type { Segment } from '../render/prose.js';
import type { SolvedSpec } from './solve.js';
import { fillTemplate } from './template.js';

/** Math we printed ourselves as inline math; math we could not read, as the user wrote it, in a code span. */
function segmentMd(s: Segment): string {
  if (s.kind === 'text') return escapeMarkdownText(s.text);
  return (s.latex === undefined ? undefined : inlineMathMd(s.latex)) ?? codeSpan(`$${s.source}$`);
}

function blockMd(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdownText(b.text)}`;
    case 'prose':
      return escapeBlockStart(b.segments.map(segmentMd).join(''));
    case 'derivation': {
      const where = definitionsLatex(b);
      return displayMathMd(derivationLatex(b, 'aligned')) + (where === undefined ? '' : `\n\n${displayMathMd(where)}`);
    }
    case 'math':
      return displayMathMd(b.latex);
    case 'check':
      return `*${escapeMarkdownText(b.text)}*`;
    case 'chain':
      return displayMathMd(chainLatex(b, 'aligned'));
    case 'note':
      return `Note: ${inlineMathMd(b.latex) ?? codeSpan(b.latex)}.`;
  }
}

export function toMarkdownDocument(solved: SolvedSpec, template: string): string {
  const body = buildBlocks(solved).map(blockMd).join('\n\n');
  return fillTemplate(template, { title: escapeMarkdownText(solved.spec.title), author: escapeMarkdownText(solved.spec.author), date: escapeMarkdownText(solved.spec.date), body }, 'Markdown template');
}
