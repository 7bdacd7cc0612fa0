/** The standalone HTML page: KaTeX rendered at build time (trust: false), prose escaped. */
import { renderKatex } from '../render/index.js';
import { buildBlocks, chainLatex, definitionsLatex, derivationLatex, type Block } from './blocks.js';
import { escapeHtml } from '../render/html-escape.js';
import type { Segment } from '../render/prose.js';
import type { SolvedSpec } from './solve.js';
import { fillTemplate } from './template.js';
import { htmlFragment } from './fragment.js';

/** KaTeX HTML, or the LaTeX source shown as code with the error (a page never breaks). */
function math(latex: string, display: boolean): string {
  const r = renderKatex(latex, { displayMode: display });
  if (r.ok) return r.html;
  return `<code class="render-error" title="${escapeHtml(r.message)}">${escapeHtml(latex)}</code>`;
}

function segmentHtml(s: Segment): string {
  if (s.kind === 'text') return escapeHtml(s.text);
  return s.latex === undefined ? `<code>${escapeHtml(`$${s.source}$`)}</code>` : math(s.latex, false);
}

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'prose':
      return `<p>${b.segments.map(segmentHtml).join('')}</p>`;
    case 'derivation': {
      const where = definitionsLatex(b);
      return `<div class="derivation">${math(derivationLatex(b, 'aligned'), true)}${where === undefined ? '' : math(where, true)}</div>`;
    }
    case 'math':
      return math(b.latex, true);
    case 'check':
      return `<p class="check${b.failed ? ' failed' : ''}">${escapeHtml(b.text)}</p>`;
    case 'chain':
      return `<div class="derivation">${math(chainLatex(b, 'aligned'), true)}</div>`;
    case 'note':
      return `<p class="note">Note: ${math(b.latex, false)}.</p>`;
    case 'table': {
      const row = (cells: readonly string[], tag: 'th' | 'td'): string => `<tr>${cells.map((c) => `<${tag}>${math(c, false)}</${tag}>`).join('')}</tr>`;
      return `<table class="values"><caption>${escapeHtml(b.caption)}</caption><thead>${row(b.columns, 'th')}</thead><tbody>${b.rows.map((r) => row(r, 'td')).join('')}</tbody></table>`;
    }
    case 'figure':
      // The SVG is ours (every label escaped by graph-svg.ts); it scrolls inside its own box when wider than the page.
      return `<figure class="drawing" role="img" aria-label="${escapeHtml(b.alt)}">${b.svg}</figure>`;
  }
}

export function toHtmlDocument(solved: SolvedSpec, template: string, katexCss: string): string {
  const body = buildBlocks(solved).map(blockHtml).join('\n');
  return fillTemplate(template, { title: escapeHtml(solved.spec.title), author: escapeHtml(solved.spec.author), date: escapeHtml(solved.spec.date), katexCss: escapeHtml(katexCss), body }, 'HTML template');
}

/** The body alone as one `<section>` for your own page (`render --fragment`); the page links KaTeX's stylesheet. */
export function toHtmlFragment(solved: SolvedSpec, katexCss: string): string {
  return htmlFragment(buildBlocks(solved).map(blockHtml).join('\n'), solved.spec.title, katexCss);
}
