/**
 * A report as a LaTeX article that compiles with plain pdflatex
 * (-no-shell-escape). Each plot is drawn with pgfplots when pgfplots.sty is
 * installed (decided by TeX at compile time, so the same file works
 * everywhere) and with picture mode otherwise. All text is escaped.
 *
 *     writeFileSync('report.tex', reportToTex(report));
 */
import { texText as escapeLatexText } from './tex-text.js';
import { plotToPgfplots } from './pgfplots-plot.js';
import { plotToPicture } from './picture-plot.js';
import type { Plot, Report, Table } from './report-model.js';

/** 'auto': pgfplots if installed; the others force one way (tests use them). */
export type TexPlotMode = 'auto' | 'pgfplots' | 'picture';

function preamble(mode: TexPlotMode): string {
  const lines = ['\\documentclass[11pt]{article}', '\\usepackage[margin=2.5cm]{geometry}', '\\usepackage{color}', '\\usepackage{graphicx}', '\\newif\\ifgtxpgfplots'];
  if (mode === 'auto') lines.push('\\IfFileExists{pgfplots.sty}{\\gtxpgfplotstrue}{}');
  if (mode === 'pgfplots') lines.push('\\gtxpgfplotstrue');
  lines.push('\\ifgtxpgfplots\\usepackage{pgfplots}\\pgfplotsset{compat=1.9}\\fi');
  return lines.join('\n');
}

function figure(plot: Plot): string {
  return ['\\begin{figure}[ht]', '\\centering', '\\ifgtxpgfplots', plotToPgfplots(plot).trimEnd(), '\\else', plotToPicture(plot).trimEnd(), '\\fi', `\\caption{${escapeLatexText(plot.title)}}`, '\\end{figure}'].join('\n');
}

function table(t: Table): string {
  const head = t.columns.map((c) => `\\textbf{${escapeLatexText(c)}}`).join(' & ');
  const rows = t.rows.map((r, i) => {
    const cells = r.map((c) => escapeLatexText(c));
    return (i === t.highlight ? cells.map((c) => `\\textbf{${c}}`) : cells).join(' & ') + ' \\\\';
  });
  return [
    '\\begin{table}[ht]',
    '\\centering',
    `\\caption{${escapeLatexText(t.caption)}}`,
    // Wide tables (the XOR predictions) need the smaller type to fit the text width.
    t.columns.length > 6 ? '\\footnotesize' : '\\small',
    `\\begin{tabular}{${'r'.repeat(t.columns.length)}}`,
    '\\hline',
    `${head} \\\\`,
    '\\hline',
    ...rows,
    '\\hline',
    '\\end{tabular}',
    '\\end{table}',
  ].join('\n');
}

export function reportToTex(report: Report, mode: TexPlotMode = 'auto'): string {
  const body: string[] = [];
  for (const s of report.sections) {
    body.push(`\\section*{${escapeLatexText(s.heading)}}`);
    for (const p of s.paragraphs) body.push(escapeLatexText(p) + '\n');
    for (const t of s.tables) body.push(table(t));
    for (const p of s.plots) body.push(figure(p));
    body.push('\\clearpage');
  }
  return [preamble(mode), `\\title{${escapeLatexText(report.title)}}`, '\\author{gradtex train}', '\\date{}', '\\begin{document}', '\\maketitle', ...body, '\\end{document}', ''].join('\n');
}
