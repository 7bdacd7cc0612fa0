/**
 * A LaTeX document in the HTML check report: the body's text as paragraphs
 * (sections as headings, comments dropped), its math rendered by
 * rehype-katex, each formula that holds a relation wrapped together with its
 * marks. Only math found by the same extraction `gradtex check` uses is
 * rendered; everything else is shown as the text it is, escaped.
 *
 *     texBody('\\begin{equation}\n(x+1)^2 = x^2 + 1\n\\end{equation}\n', marks).html
 *     // '<div class="gt-block gt-fails"><pre><code …><span class="katex-display">…'
 */
import type { Element, ElementContent } from 'hast';
import { extractTex } from '../check/extract-tex.js';
import { element, hastHtml, markedBlock, markedInline, placeMarks, text, type Mark } from './check-report-marks.js';
import type { ReportBody } from './check-report-markdown.js';

interface MathHost {
  /** The formula with its delimiters: [start, end) in the file. */
  readonly start: number;
  readonly end: number;
  readonly latex: string;
  readonly display: boolean;
  /** The environment it was written in (align, gather, …), if any. */
  readonly env: string | undefined;
}

const OPENING = /(\\begin\{([A-Za-z]+)\*?\}|\\\[|\\\(|\$\$|\$)\s*$/;
const CLOSING = /^\s*(\\end\{[A-Za-z]+\*?\}|\\\]|\\\)|\$\$|\$)/;

function hostsOf(source: string): MathHost[] {
  const hosts: MathHost[] = [];
  for (const seg of extractTex(source)) {
    if (seg.kind !== 'math') continue;
    const before = OPENING.exec(source.slice(Math.max(0, seg.offset - 40), seg.offset));
    const after = CLOSING.exec(source.slice(seg.offset + seg.text.length, seg.offset + seg.text.length + 40));
    const start = before === null ? seg.offset : seg.offset - before[0].length;
    const end = seg.offset + seg.text.length + (after === null ? 0 : after[0].length);
    hosts.push({ start, end, latex: seg.text, display: seg.display, env: before?.[2] });
  }
  return hosts;
}

/** LaTeX that KaTeX shows as the author meant: rows of align-like environments in `aligned`, no labels. */
function katexLatex(h: MathHost): string {
  const body = h.latex.replace(/\\label\{[^{}]*\}|\\nonumber\b|\\notag\b/g, '');
  if (!h.display) return body;
  if (h.env === 'gather' || h.env === 'multline') return `\\begin{gathered}${body}\\end{gathered}`;
  return /\\\\|&/.test(body) ? `\\begin{aligned}${body}\\end{aligned}` : body;
}

/** Comments blanked to the end of their line (an escaped `\%` stays). */
function dropComments(s: string): string {
  return s.replace(/(?<!\\)%[^\n]*/g, '');
}

const SECTION = /\\(section|subsection|subsubsection)\*?\{([^{}]*)\}/g;

/** Builds paragraphs from text and inline math; display math and headings close the paragraph. */
class Flow {
  readonly blocks: ElementContent[] = [];
  private para: ElementContent[] = [];

  inline(e: ElementContent): void {
    this.para.push(e);
  }

  block(e: Element): void {
    this.close();
    this.blocks.push(e);
  }

  text(raw: string): void {
    let from = 0;
    const s = dropComments(raw);
    for (const m of s.matchAll(SECTION)) {
      this.prose(s.slice(from, m.index));
      this.block(element(m[1] === 'section' ? 'h2' : 'h3', [], [text(m[2] ?? '')]));
      from = m.index + m[0].length;
    }
    this.prose(s.slice(from));
  }

  private prose(s: string): void {
    const parts = s.split(/\n[ \t]*\n/);
    parts.forEach((p, k) => {
      if (k > 0) this.close();
      const t = p.replace(/\s+/g, ' ');
      if (t.trim() !== '') this.para.push(text(t));
    });
  }

  close(): void {
    if (this.para.some((c) => c.type !== 'text' || c.value.trim() !== '')) this.blocks.push(element('p', [], this.para));
    this.para = [];
  }
}

export function texBody(source: string, marks: readonly Mark[]): ReportBody {
  const open = /\\begin\{document\}/.exec(source);
  const from = open === null ? 0 : open.index + open[0].length;
  const close = source.indexOf('\\end{document}', from);
  const to = close < 0 ? source.length : close;
  const hosts = hostsOf(source).filter((h) => h.start >= from && h.end <= to);
  const { placed, unplaced } = placeMarks(hosts, marks);
  const flow = new Flow();
  let at = from;
  for (const h of hosts) {
    if (h.start < at) continue; // nested in one already shown
    flow.text(source.slice(at, h.start));
    const math = h.display
      ? element('pre', [], [element('code', ['language-math', 'math-display'], [text(katexLatex(h))])])
      : element('code', ['language-math', 'math-inline'], [text(katexLatex(h))]);
    const ms = placed.get(h);
    if (h.display) flow.block(ms === undefined ? math : markedBlock(math, ms));
    else flow.inline(ms === undefined ? math : markedInline(math, ms));
    at = h.end;
  }
  flow.text(source.slice(at, to));
  flow.close();
  return { html: hastHtml(flow.blocks), unplaced };
}
