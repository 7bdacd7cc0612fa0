/**
 * A line plot in LaTeX's own picture environment, which needs no package
 * beyond `color`: the report falls back to it when pgfplots is not
 * installed. Straight segments of any slope are drawn as degenerate \qbezier
 * curves (control point at the midpoint), since \line only knows a few slopes.
 *
 *     plotToPicture(plot); // '\\setlength{\\unitlength}{1pt}\\begin{picture}(…)…'
 */
import { texText as escapeLatexText } from './tex-text.js';
import { colour, plotFrame, segments } from './plot-frame.js';
import type { Plot } from './report-model.js';
import { formatTick } from './ticks.js';

const WIDTH = 300;
const HEIGHT = 170;
const LEFT = 40;
const BOTTOM = 30;

const f = (v: number): string => (Math.round(v * 100) / 100).toString();

export function plotToPicture(plot: Plot): string {
  const frame = plotFrame(plot, { width: WIDTH, height: HEIGHT });
  const X = (v: number): number => LEFT + frame.px(v);
  const Y = (v: number): number => BOTTOM + frame.py(v);
  const legendHeight = plot.series.length * 12 + 6;
  const out: string[] = [];
  out.push('\\setlength{\\unitlength}{1pt}');
  out.push(`\\begin{picture}(${LEFT + WIDTH + 10},${BOTTOM + HEIGHT + legendHeight + 14})`);
  out.push(`\\put(${f(LEFT + WIDTH / 2)},${BOTTOM + HEIGHT + legendHeight + 6}){\\makebox(0,0){${escapeLatexText(plot.title)}}}`);
  out.push(`\\put(${LEFT},${BOTTOM}){\\line(1,0){${WIDTH}}}`);
  out.push(`\\put(${LEFT},${BOTTOM}){\\line(0,1){${HEIGHT}}}`);
  for (const t of frame.x.ticks) {
    out.push(`\\put(${f(X(t))},${BOTTOM}){\\line(0,-1){3}}`);
    out.push(`\\put(${f(X(t))},${BOTTOM - 10}){\\makebox(0,0){\\scriptsize ${escapeLatexText(formatTick(t, frame.x.step))}}}`);
  }
  for (const t of frame.y.ticks) {
    out.push(`\\put(${LEFT},${f(Y(t))}){\\line(-1,0){3}}`);
    out.push(`\\put(${LEFT - 5},${f(Y(t))}){\\makebox(0,0)[r]{\\scriptsize ${escapeLatexText(formatTick(t, frame.y.step))}}}`);
  }
  out.push(`\\put(${f(LEFT + WIDTH / 2)},${BOTTOM - 24}){\\makebox(0,0){\\small ${escapeLatexText(plot.xLabel)}}}`);
  out.push(`\\put(${LEFT - 32},${f(BOTTOM + HEIGHT / 2)}){\\makebox(0,0){\\rotatebox{90}{\\small ${escapeLatexText(plot.yLabel)}}}}`);
  plot.series.forEach((s, i) => {
    const [r, g, b] = colour(i);
    const curves: string[] = [];
    for (const run of segments(s.points)) {
      for (let k = 0; k + 1 < run.length; k++) {
        const [x0, y0] = run[k] ?? [0, 0];
        const [x1, y1] = run[k + 1] ?? [0, 0];
        curves.push(`\\qbezier(${f(X(x0))},${f(Y(y0))})(${f((X(x0) + X(x1)) / 2)},${f((Y(y0) + Y(y1)) / 2)})(${f(X(x1))},${f(Y(y1))})`);
      }
    }
    const ly = BOTTOM + HEIGHT + legendHeight - 8 - i * 12;
    out.push(`{\\color[rgb]{${r},${g},${b}}\\linethickness{0.8pt}${curves.join('')}`);
    out.push(`\\put(${LEFT + 4},${ly}){\\line(1,0){16}}}`);
    out.push(`\\put(${LEFT + 24},${ly}){\\makebox(0,0)[l]{\\footnotesize ${escapeLatexText(s.name)}}}`);
  });
  out.push('\\end{picture}');
  return out.join('\n') + '\n';
}
