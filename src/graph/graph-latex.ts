/**
 * `gradtex graph --format latex`: a complete document that pdflatex
 * compiles: the definitions, the graph drawn with TikZ at dagre's positions,
 * and the tables as `tabular`s. Every piece of math comes from our printers
 * (toLatex) and every piece of text goes through escapeLatexText, so nothing
 * the user typed reaches LaTeX unescaped.
 *
 *     graphLatex(report, drawGraph(report))   // '\\documentclass{article}…\\begin{tikzpicture}…'
 */
import { toLatex } from '../render/index.js';
import type { Drawing } from './graph-drawing.js';
import type { GraphReport } from './graph-report.js';
import { checkSentence, graphTables, type GraphTable } from './graph-tables.js';
import { escapeLatexText } from '../render/escape.js';

/** The widest the picture may be, in cm (a landscape A4 page with 2 cm margins leaves 25.7 cm). */
const MAX_WIDTH_CM = 24;
/** One layout point in cm at full size (1pt is 0.0353 cm). */
const POINT_CM = 0.0353;

const cm = (x: number): string => (Math.round(x * 1000) / 1000).toString();

/** The graph as a tikzpicture at most `maxWidthCm` wide (a problem-set page is narrower than the landscape page of `graph --format latex`): nodes at dagre's centres (y flipped: TikZ's y grows upwards), edges along dagre's routes. */
export function graphTikz(drawing: Drawing, maxWidthCm = MAX_WIDTH_CM): string {
  const { layout, labels } = drawing;
  const scale = Math.min(POINT_CM, maxWidthCm / Math.max(layout.width, 1));
  const lines = ['\\begin{tikzpicture}[every node/.style={draw, rounded corners, align=center, inner sep=2pt, font=\\small}, input/.style={fill=blue!8}, output/.style={fill=orange!15, thick}, >=stealth]'];
  for (const p of layout.nodes) {
    const l = labels[p.id];
    if (l === undefined) continue;
    // The box dagre made room for, so the drawing keeps the layout's proportions.
    const style = [l.isInput ? 'input' : l.isOutput ? 'output' : '', `minimum width=${cm(p.width * scale)}cm`, `minimum height=${cm(p.height * scale)}cm`].filter((x) => x !== '').join(', ');
    lines.push(`  \\node[${style}] (n${p.id}) at (${cm(p.x * scale)}, ${cm(-p.y * scale)}) {$${l.latex[0]}$\\\\ $${l.latex[1]}$};`);
  }
  for (const e of layout.edges) {
    const via = e.points.slice(1, -1).map((q) => `(${cm(q.x * scale)}, ${cm(-q.y * scale)}) -- `);
    lines.push(`  \\draw[->] (n${e.from}) -- ${via.join('')}(n${e.to});`);
  }
  lines.push('\\end{tikzpicture}');
  return lines.join('\n');
}

export function tableTabular(t: GraphTable): string {
  const spec = t.columns.map(() => 'l').join('');
  const row = (cells: readonly { latex: string }[]): string => cells.map((c) => `$${c.latex}$`).join(' & ') + ' \\\\';
  return [`\\subsection*{${t.captionLatex}}`, '', '\\begin{tabular}{' + spec + '}', '\\hline', row(t.columns), '\\hline', ...t.rows.map(row), '\\hline', '\\end{tabular}'].join('\n');
}

export function graphLatex(report: GraphReport, drawing: Drawing): string {
  const definitions = report.definitions.map((d) => `${toLatex(d.name)} &= ${toLatex(d.expr)}`);
  return `\\documentclass{article}
\\usepackage[landscape, margin=2cm]{geometry}
\\usepackage{amsmath}
\\usepackage{tikz}
\\begin{document}
\\section*{Computation graph}
\\begin{align*}
${definitions.join(' \\\\\n')}
\\end{align*}

\\begin{center}
${graphTikz(drawing)}
\\end{center}

${graphTables(report).map(tableTabular).join('\n\n')}

\\bigskip\n\\noindent ${escapeLatexText(checkSentence(report))}
\\end{document}
`;
}
