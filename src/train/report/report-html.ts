/**
 * A report as one self-contained HTML page: no script, no external file; the
 * plots are inline SVG. All text is escaped.
 *
 *     writeFileSync('report.html', reportToHtml(report));
 */
import { escapeHtml } from '../../render/html-escape.js';
import type { Report, Table } from './report-model.js';
import { plotToSvg } from './svg-plot.js';

const STYLE = `body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; color: #222; }
table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
caption { caption-side: top; text-align: left; font-weight: 600; padding-bottom: .4rem; }
th, td { border-bottom: 1px solid #ddd; padding: .25rem .7rem; text-align: right; }
tr.chosen td { font-weight: 700; background: #eef5ff; }
figure { margin: 1.5rem 0; } svg { max-width: 100%; height: auto; }`;

function table(t: Table): string {
  const head = `<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const rows = t.rows.map((r, i) => `<tr${i === t.highlight ? ' class="chosen"' : ''}>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`);
  return `<table>\n<caption>${escapeHtml(t.caption)}</caption>\n<thead>${head}</thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

export function reportToHtml(report: Report): string {
  const body: string[] = [`<h1>${escapeHtml(report.title)}</h1>`];
  for (const s of report.sections) {
    body.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs) body.push(`<p>${escapeHtml(p)}</p>`);
    for (const t of s.tables) body.push(table(t));
    for (const p of s.plots) body.push(`<figure>\n${plotToSvg(p).trimEnd()}\n<figcaption>${escapeHtml(p.title)}</figcaption>\n</figure>`);
  }
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(report.title)}</title>\n<style>\n${STYLE}\n</style>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
