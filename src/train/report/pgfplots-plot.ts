/**
 * A line plot as pgfplots code (a tikzpicture with one axis), for pasting
 * into a LaTeX document that loads pgfplots. Text is escaped for LaTeX.
 *
 *     plotToPgfplots(plot); // '\\begin{tikzpicture}\n\\begin{axis}[…]…'
 */
import { texText as escapeLatexText } from './tex-text.js';
import { PALETTE, plotFrame, segments } from './plot-frame.js';
import type { Plot } from './report-model.js';

const STYLES = ['solid', 'dashed', 'dotted', 'dashdotted'];

/** A number pgfplots reads (no locale, no Infinity). */
function n(v: number): string {
  return Number(v.toPrecision(8)).toString();
}

export function plotToPgfplots(plot: Plot): string {
  const lines: string[] = [];
  // The same ticks as the SVG (whole epochs stay whole).
  const { x, y } = plotFrame(plot, { width: 1, height: 1 });
  const ticks = (t: readonly number[]): string => t.map(n).join(',');
  lines.push('\\begin{tikzpicture}');
  lines.push(
    `\\begin{axis}[width=0.9\\linewidth, height=6.5cm, title={${escapeLatexText(plot.title)}}, xlabel={${escapeLatexText(plot.xLabel)}}, ylabel={${escapeLatexText(plot.yLabel)}}, ` +
      `xmin=${n(x.lo)}, xmax=${n(x.hi)}, ymin=${n(y.lo)}, ymax=${n(y.hi)}, xtick={${ticks(x.ticks)}}, ytick={${ticks(y.ticks)}}, legend pos=north east, legend cell align=left, legend style={fill=white, fill opacity=0.85, text opacity=1}, grid=major]`,
  );
  plot.series.forEach((s, i) => {
    const c = PALETTE[i % PALETTE.length]?.rgb ?? [0, 0, 0];
    const style = STYLES[i % STYLES.length] ?? 'solid';
    // A non-finite value ends a segment: each unbroken run is its own \addplot, the legend entry goes with the first.
    segments(s.points).forEach((run, k) => {
      const coords = run.map(([x, y]) => `(${n(x)},${n(y)})`).join(' ');
      lines.push(`\\addplot[color={rgb,1:red,${c[0]};green,${c[1]};blue,${c[2]}}, thick, ${style}, mark=none${k > 0 ? ', forget plot' : ''}] coordinates {${coords}};`);
      if (k === 0) lines.push(`\\addlegendentry{${escapeLatexText(s.name)}}`);
    });
  });
  lines.push('\\end{axis}');
  lines.push('\\end{tikzpicture}');
  return lines.join('\n') + '\n';
}
