/**
 * A line plot as a standalone SVG file: axes with ticks and labels, light
 * grid lines, one polyline per series and a legend. Every piece of text is
 * escaped, so a series name such as `</svg><script>` stays text.
 *
 *     writeFileSync('loss-curves.svg', plotToSvg(plot));
 */
import { escapeHtml } from '../../render/html-escape.js';
import { colour, plotFrame, segments } from './plot-frame.js';
import type { Plot } from './report-model.js';
import { formatTick } from './ticks.js';

const WIDTH = 640;
const HEIGHT = 380;
const MARGIN = { left: 64, right: 16, top: 36, bottom: 48 };
const DASHES = ['', '6 4', '2 3', '8 3 2 3'];

const f = (v: number): string => (Math.round(v * 100) / 100).toString();

function rgb(i: number): string {
  const [r, g, b] = colour(i);
  return `rgb(${Math.round(r * 255)},${Math.round(g * 255)},${Math.round(b * 255)})`;
}

export function plotToSvg(plot: Plot): string {
  const w = WIDTH - MARGIN.left - MARGIN.right;
  const h = HEIGHT - MARGIN.top - MARGIN.bottom;
  const frame = plotFrame(plot, { width: w, height: h });
  const X = (v: number): number => MARGIN.left + frame.px(v);
  const Y = (v: number): number => MARGIN.top + h - frame.py(v);
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`);
  out.push(`<title>${escapeHtml(plot.title)}</title>`);
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`);
  out.push(`<text x="${WIDTH / 2}" y="20" text-anchor="middle" font-size="14">${escapeHtml(plot.title)}</text>`);
  for (const t of frame.x.ticks) {
    out.push(`<line x1="${f(X(t))}" y1="${MARGIN.top}" x2="${f(X(t))}" y2="${MARGIN.top + h}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${f(X(t))}" y="${MARGIN.top + h + 16}" text-anchor="middle">${escapeHtml(formatTick(t, frame.x.step))}</text>`);
  }
  for (const t of frame.y.ticks) {
    out.push(`<line x1="${MARGIN.left}" y1="${f(Y(t))}" x2="${MARGIN.left + w}" y2="${f(Y(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${MARGIN.left - 6}" y="${f(Y(t) + 4)}" text-anchor="end">${escapeHtml(formatTick(t, frame.y.step))}</text>`);
  }
  out.push(`<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${w}" height="${h}" fill="none" stroke="black"/>`);
  out.push(`<text x="${MARGIN.left + w / 2}" y="${HEIGHT - 10}" text-anchor="middle">${escapeHtml(plot.xLabel)}</text>`);
  out.push(`<text transform="translate(16 ${MARGIN.top + h / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(plot.yLabel)}</text>`);
  plot.series.forEach((s, i) => {
    const dash = DASHES[i % DASHES.length] ?? '';
    for (const run of segments(s.points)) {
      const pts = run.map(([x, y]) => `${f(X(x))},${f(Y(y))}`).join(' ');
      const shape = run.length === 1 ? `<circle cx="${f(X(run[0]?.[0] ?? 0))}" cy="${f(Y(run[0]?.[1] ?? 0))}" r="2.5" fill="${rgb(i)}"/>` : `<polyline points="${pts}" fill="none" stroke="${rgb(i)}" stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`;
      out.push(shape);
    }
  });
  // About 7 px per character at font-size 12, plus the line sample.
  const legendWidth = Math.min(w - 20, 44 + 7 * Math.max(0, ...plot.series.map((s) => [...s.name].length)));
  const legendX = MARGIN.left + w - legendWidth;
  // A backing box keeps the legend readable where a curve passes under it.
  out.push(`<rect x="${legendX - 6}" y="${MARGIN.top + 4}" width="${legendWidth}" height="${plot.series.length * 18 + 4}" fill="white" fill-opacity="0.85" stroke="#ccc"/>`);
  plot.series.forEach((s, i) => {
    const y = MARGIN.top + 14 + i * 18;
    const dash = DASHES[i % DASHES.length] ?? '';
    out.push(`<line x1="${legendX}" y1="${y}" x2="${legendX + 28}" y2="${y}" stroke="${rgb(i)}" stroke-width="2"${dash === '' ? '' : ` stroke-dasharray="${dash}"`}/>`);
    out.push(`<text x="${legendX + 34}" y="${y + 4}">${escapeHtml(s.name)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
