/**
 * `gradtex graph --format html`: a standalone page with the graph as inline
 * SVG and the tables with KaTeX (throwOnError: a formula KaTeX refuses is an
 * error, never a red half-rendered cell). KaTeX's stylesheet is linked from
 * `katexCss` (copied next to the page by the command).
 *
 *     graphHtml(report, drawing, 'katex/katex.min.css')   // '<!DOCTYPE html>…<svg …'
 */
import { escapeHtml } from '../render/html-escape.js';
import { renderKatex, toLatex } from '../render/index.js';
import type { Drawing } from './graph-drawing.js';
import type { GraphReport } from './graph-report.js';
import { checkSentence, graphTables, type GraphTable } from './graph-tables.js';
import { graphSvg } from './graph-svg.js';

/** A formula KaTeX could not render is a bug in our LaTeX: raised, not shown. */
export class KatexRenderError extends Error {
  constructor(latex: string, message: string) {
    super(`KaTeX could not render ${latex}: ${message}`);
    this.name = 'KatexRenderError';
  }
}

function katex(latex: string, displayMode = false): string {
  const r = renderKatex(latex, { displayMode });
  if (!r.ok) throw new KatexRenderError(latex, r.message);
  return r.html;
}

function tableHtml(t: GraphTable): string {
  const cells = (row: readonly { latex: string }[], tag: 'th' | 'td'): string => `<tr>${row.map((c) => `<${tag}>${katex(c.latex)}</${tag}>`).join('')}</tr>`;
  return `<h2>${escapeHtml(t.caption)}</h2>\n<table>\n<thead>${cells(t.columns, 'th')}</thead>\n<tbody>\n${t.rows.map((r) => cells(r, 'td')).join('\n')}\n</tbody>\n</table>`;
}

const STYLE = `body { font-family: Georgia, "Times New Roman", serif; max-width: 70rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; margin-bottom: 1rem; }
th, td { border-bottom: 1px solid #ccc; padding: 0.2rem 0.6rem; text-align: left; }
h2 { font-size: 1.05rem; margin-top: 1.5rem; }
.graph { overflow-x: auto; }`;

export function graphHtml(report: GraphReport, drawing: Drawing, katexCss: string): string {
  const definitions = report.definitions.map((d) => `${toLatex(d.name)} &= ${toLatex(d.expr)}`).join(' \\\\ ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Computation graph</title>
<link rel="stylesheet" href="${escapeHtml(katexCss)}">
<style>
${STYLE}
</style>
</head>
<body>
<h1>Computation graph</h1>
${katex(`\\begin{aligned} ${definitions} \\end{aligned}`, true)}
<div class="graph">
${graphSvg(drawing)}</div>
${graphTables(report).map(tableHtml).join('\n')}
<p>${escapeHtml(checkSentence(report))}</p>
</body>
</html>
`;
}
