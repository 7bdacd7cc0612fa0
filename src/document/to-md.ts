/** Markdown with math for KaTeX/remark-math: $$\begin{aligned}…\end{aligned}$$ derivations. */
import { buildBlocks, chainLatex, definitionsLatex, derivationLatex, type Block } from './blocks.js';
import type { Segment } from '../render/prose.js';
import type { SolvedSpec } from './solve.js';
import { fillTemplate } from './template.js';

/** Markdown text: HTML and Markdown punctuation that could change structure is escaped. */
function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]<>#|$]/g, (c) => `\\${c}`);
}

function segmentMd(s: Segment): string {
  if (s.kind === 'text') return escapeMarkdown(s.text);
  return s.latex === undefined ? `\`$${s.source.replace(/`/g, "'")}$\`` : `$${s.latex}$`;
}

function blockMd(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'prose':
      return b.segments.map(segmentMd).join('');
    case 'derivation': {
      const where = definitionsLatex(b);
      return `$$\n${derivationLatex(b, 'aligned')}\n$$` + (where === undefined ? '' : `\n\n$$\n${where}\n$$`);
    }
    case 'math':
      return `$$\n${b.latex}\n$$`;
    case 'check':
      return `*${escapeMarkdown(b.text)}*`;
    case 'chain':
      return `$$\n${chainLatex(b, 'aligned')}\n$$`;
    case 'note':
      return `Note: $${b.latex}$.`;
  }
}

export function toMarkdownDocument(solved: SolvedSpec, template: string): string {
  const body = buildBlocks(solved).map(blockMd).join('\n\n');
  return fillTemplate(template, { title: escapeMarkdown(solved.spec.title), author: escapeMarkdown(solved.spec.author), date: escapeMarkdown(solved.spec.date), body }, 'Markdown template');
}
