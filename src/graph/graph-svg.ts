/**
 * The graph as SVG at dagre's positions: a rounded box per node with its two
 * lines of plain text, a path per edge along dagre's route, an arrowhead
 * marker. All text is escaped for XML.
 *
 *     graphSvg(drawGraph(report))   // '<svg xmlns="http://www.w3.org/2000/svg" …'
 */
import { escapeHtml } from '../render/html-escape.js';
import type { Drawing } from './graph-drawing.js';

const r = (x: number): string => (Math.round(x * 10) / 10).toString();

export function graphSvg(drawing: Drawing): string {
  const { layout, labels } = drawing;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${r(layout.width)}" height="${r(layout.height)}" viewBox="0 0 ${r(layout.width)} ${r(layout.height)}" font-family="Georgia, serif" font-size="12" role="img" aria-label="computation graph">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
  ];
  for (const e of layout.edges) {
    const d = e.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${r(p.x)},${r(p.y)}`).join(' ');
    out.push(`<path class="edge" d="${d}" fill="none" stroke="#333" marker-end="url(#arrow)"/>`);
  }
  for (const p of layout.nodes) {
    const l = labels[p.id];
    if (l === undefined) continue;
    const fill = l.isInput ? '#e8eefc' : l.isOutput ? '#fde9d4' : '#ffffff';
    out.push(
      `<g class="node" id="node-${p.id}"><rect x="${r(p.x - p.width / 2)}" y="${r(p.y - p.height / 2)}" width="${r(p.width)}" height="${r(p.height)}" rx="6" fill="${fill}" stroke="#333"${l.isOutput ? ' stroke-width="2"' : ''}/>` +
        `<text x="${r(p.x)}" y="${r(p.y - 3)}" text-anchor="middle">${escapeHtml(l.plain[0])}</text>` +
        `<text x="${r(p.x)}" y="${r(p.y + 12)}" text-anchor="middle" fill="#555">${escapeHtml(l.plain[1])}</text></g>`,
    );
  }
  out.push('</svg>');
  return out.join('\n') + '\n';
}
