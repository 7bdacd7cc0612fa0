/**
 * A plain-text document in the HTML check report: its paragraphs as written
 * (line breaks kept, everything escaped by the stringifier), each paragraph
 * that holds a relation wrapped together with its marks. Plain text has no
 * math markup, so nothing is typeset but the relations in the marks.
 *
 *     textBody('Let x > 0.\n\nln x <= x - 1\n', marks).html
 *     // '<p class="gt-plain">Let x > 0.</p><div class="gt-block gt-proved"><p class="gt-plain">ln x &#x3C;= x - 1</p><ul …'
 */
import { element, hastHtml, markedBlock, placeMarks, text, type Mark } from './check-report-marks.js';
import type { ReportBody } from './check-report-markdown.js';

/** Paragraphs: runs of lines between blank lines, as [start, end) offsets. */
function paragraphs(source: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /\S[^]*?(?=\n[ \t]*\n|\s*$)/g;
  for (const m of source.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

export function textBody(source: string, marks: readonly Mark[]): ReportBody {
  const paras = paragraphs(source);
  const { placed, unplaced } = placeMarks(paras, marks);
  const blocks = paras.map((p) => {
    const content = element('p', ['gt-plain'], [text(source.slice(p.start, p.end))]);
    const ms = placed.get(p);
    return ms === undefined ? content : markedBlock(content, ms);
  });
  return { html: hastHtml(blocks), unplaced };
}
