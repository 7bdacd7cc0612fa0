/**
 * `gradtex check --format html`: the student's own document back, each
 * relation marked where it was written (proved, holds, fails, undecided,
 * not read; definitions too), the counterexample or reason beside a failing
 * or undecided line, and the counts at the top: a page a TA can skim. The
 * page shell is templates/check-report.html (named slots, no logic);
 * KaTeX's stylesheet is linked, never inlined. It lives with the Markdown
 * pipeline it reuses (the checker's results come in as a DocumentReport).
 *
 *     reportHtml([{ file: 'hw.md', source, kind: 'markdown', report }], { katexCss: 'katex/katex.min.css', template })
 *     // '<!DOCTYPE html>…<p class="gt-summary">3 relations found: 1 <span class="gt-tag gt-proved">…✔</span> proved, …'
 */
import type { ElementContent } from 'hast';
import { escapeHtml } from '../render/html-escape.js';
import { fillTemplate } from '../document/template.js';
import type { DocumentKind, DocumentReport } from '../check/check-document.js';
import { markdownBody } from './check-report-markdown.js';
import { texBody } from './check-report-tex.js';
import { textBody } from './check-report-text.js';
import { countMarks, element, hastHtml, MARK_STYLES, markList, marksOf, text, verdictTag, type Mark } from './check-report-marks.js';

export interface HtmlReportFile {
  readonly file: string;
  readonly source: string;
  readonly kind: DocumentKind;
  readonly report: DocumentReport;
}

export interface HtmlReportOptions {
  /** The KaTeX stylesheet's address relative to the page. */
  readonly katexCss: string;
  /** The page shell (templates/check-report.html). */
  readonly template: string;
}

/** "12 relations found: 5 ✔ proved, 3 ✓ holds, 1 ✗ fails, 2 ? undecided, 1 ∅ not read; 1 ≔ definition" */
function summary(marks: readonly Mark[]): ElementContent {
  const t = countMarks(marks);
  const claims = marks.length - t.definition - t.assumption;
  const parts: ElementContent[] = [text(`${claims} relation${claims === 1 ? '' : 's'} found: `)];
  MARK_STYLES.forEach((s, k) => {
    const sep = k === 0 ? '' : s.kind === 'definition' ? '; premises: ' : ', ';
    parts.push(text(`${sep}${t[s.kind]} `), verdictTag(s.kind));
  });
  return element('p', ['gt-summary'], parts);
}

function legend(): ElementContent {
  return element(
    'ul',
    ['gt-legend'],
    MARK_STYLES.map((s) => element('li', [], [verdictTag(s.kind), text(` ${s.meaning}`)])),
  );
}

function fileSection(f: HtmlReportFile, marks: readonly Mark[], single: boolean): string {
  const body = f.kind === 'markdown' ? markdownBody(f.source, marks) : f.kind === 'tex' ? texBody(f.source, marks) : textBody(f.source, marks);
  // One file: the counts at the top of the page are this file's.
  const head: ElementContent[] = [element('h2', [], [text(f.file)]), ...(single ? [] : [summary(marks)])];
  const rest: ElementContent[] =
    body.unplaced.length === 0 ? [] : [element('h3', [], [text('Relations outside the text shown above')]), markList(body.unplaced)];
  return `<section class="gt-file">\n${hastHtml(head)}\n<div class="gt-document">\n${body.html}\n</div>\n${hastHtml(rest)}</section>`;
}

export function reportHtml(files: readonly HtmlReportFile[], opts: HtmlReportOptions): string {
  const marks = files.map((f) => marksOf(f.source, f.report));
  const title = files.length === 1 ? `gradtex check: ${files[0]?.file ?? ''}` : `gradtex check: ${files.length} files`;
  return fillTemplate(
    opts.template,
    {
      title: escapeHtml(title),
      katexCss: escapeHtml(opts.katexCss),
      summary: hastHtml([summary(marks.flat())]),
      legend: hastHtml([legend()]),
      body: files.map((f, k) => fileSection(f, marks[k] ?? [], files.length === 1)).join('\n'),
    },
    'check report template',
  );
}
