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

/** Inline math we printed ourselves, or undefined for math shown as code. */
function mathMd(s: Segment): string | undefined {
  return s.kind === 'math' && s.latex !== undefined ? inlineMathMd(s.latex) : undefined;
}

/**
 * Prose: escaped text, our inline math, and math we could not read shown as
 * the user wrote it in a code span. Neighbouring code spans are one span
 * (two spans side by side would merge their backtick fences into one run).
 */
function proseMd(segments: readonly Segment[]): string {
  let out = '';
  let code: string | undefined;
  for (const s of segments) {
    const math = mathMd(s);
    if (s.kind === 'math' && math === undefined) {
      code = (code ?? '') + `$${s.source}$`;
      continue;
    }
    if (code !== undefined) out += codeSpan(code);
    code = undefined;
    // `$x$$y$` would read as one math span holding `$$`: neighbouring math gets a space between.
    if (math !== undefined && out.endsWith('$') && !out.endsWith('\\$')) out += ' ';
    out += s.kind === 'text' ? escapeMarkdownText(s.text) : (math ?? '');
  }
  if (code !== undefined) out += codeSpan(code);
  return out;
}

function blockMd(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdownText(b.text)}`;
    case 'prose':
      return escapeBlockStart(proseMd(b.segments));
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
    case 'table': {
      // A '|' inside a cell would end it: GitHub-flavoured tables take '\\|' for one, inside math too.
      const cell = (c: string): string => (inlineMathMd(c) ?? codeSpan(c)).replace(/\|/g, '\\|');
      const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
      return [`**${escapeMarkdownText(b.caption)}**`, '', row(b.columns), `|${b.columns.map(() => ' --- |').join('')}`, ...b.rows.map(row)].join('\n');
    }
    case 'figure':
      // Markdown output carries no HTML at all (see md-escape.ts), so no SVG: the node table that follows lists every node and its inputs.
      return `*${escapeMarkdownText(`${b.alt}: drawn in the HTML and PDF versions; the node table below lists every node with its inputs.`)}*`;
  }
}

export function toMarkdownDocument(solved: SolvedSpec, template: string): string {
  const body = buildBlocks(solved).map(blockMd).join('\n\n');
  return fillTemplate(template, { title: escapeMarkdownText(solved.spec.title), author: escapeBlockStart(escapeMarkdownText(solved.spec.author)), date: escapeBlockStart(escapeMarkdownText(solved.spec.date)), body }, 'Markdown template');
}
