/**
 * A Markdown document in the HTML check report: the student's own text
 * through the pipeline `gradtex md` uses (remark-parse, remark-math,
 * remark-rehype, the safe-address check, the sanitiser, rehype-katex), with
 * each math block and inline formula that holds a relation wrapped together
 * with its marks. Raw HTML in the document never reaches the page.
 *
 *     markdownBody('$$\n(x+1)^2 = x^2 + 1\n$$\n', marks).html
 *     // '<div class="gt-block gt-fails"><pre>…katex…</pre><ul class="gt-marks"><li …>✗ fails …'
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeKatex from 'rehype-katex';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeSafeUrls } from './rehype-safe-urls.js';
import { noteSchema } from './sanitize-schema.js';
import { splitDisplayFences } from '../check/display-fences.js';
import { markClasses, markedBlock, markedInline, placeMarks, type Mark } from './check-report-marks.js';

export interface ReportBody {
  readonly html: string;
  /** Marks whose line:col lies in no math of the rendered text. */
  readonly unplaced: readonly Mark[];
}

interface Host {
  readonly start: number;
  readonly end: number;
  readonly parent: Root | Element;
  readonly node: Element;
  readonly display: boolean;
}

function classesOf(e: Element): string[] {
  const c = e.properties['className'];
  return Array.isArray(c) ? c.map(String) : [];
}

/** Math (`pre > code.math-display`, `code.math-inline`) and ```check blocks, with their offsets in the original file. */
function findHosts(tree: Root, toOriginal: (offset: number) => number): Host[] {
  const hosts: Host[] = [];
  const stack: (Root | Element)[] = [tree];
  for (let parent = stack.pop(); parent !== undefined; parent = stack.pop()) {
    for (const child of parent.children) {
      if (child.type !== 'element') continue;
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      const code = child.tagName === 'pre' ? child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') : undefined;
      const display = code !== undefined && (classesOf(code).includes('math-display') || classesOf(code).includes('language-check'));
      const inline = child.tagName === 'code' && classesOf(child).includes('math-inline');
      // A ```check block is math the author asked to have judged: shown as display math, as gradtex md shows it.
      if (code !== undefined && classesOf(code).includes('language-check')) code.properties['className'] = ['language-math', 'math-display'];
      if ((display || inline) && start !== undefined && end !== undefined) {
        hosts.push({ start: toOriginal(start), end: toOriginal(Math.max(start, end - 1)) + 1, parent, node: child, display });
        continue;
      }
      stack.push(child);
    }
  }
  return hosts;
}

/** The sanitiser's schema for notes, letting through the classes of the marks. */
function reportSchema(): ReturnType<typeof noteSchema> {
  const base = noteSchema(false);
  const attributes = base.attributes ?? {};
  const classes: [string, ...string[]] = ['className', ...markClasses()];
  const withClasses = (tag: string): NonNullable<typeof base.attributes>[string] => [...(attributes[tag] ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className')), classes];
  return { ...base, attributes: { ...attributes, div: withClasses('div'), span: withClasses('span'), ul: withClasses('ul'), li: withClasses('li') } };
}

export function markdownBody(source: string, marks: readonly Mark[]): ReportBody {
  // `$$\begin{aligned}` … `\end{aligned}$$` on the fence lines, read as gradtex check reads them.
  const normalised = splitDisplayFences(source);
  let unplaced: Mark[] = [];
  const markRelations = () => (tree: Root) => {
    const hosts = findHosts(tree, (o) => normalised.toOriginal(o));
    const placing = placeMarks(hosts, marks);
    unplaced = placing.unplaced;
    for (const [host, ms] of placing.placed) {
      const wrapped = host.display ? markedBlock(host.node, ms) : markedInline(host.node, ms);
      const at = host.parent.children.indexOf(host.node);
      // Root children and element children differ only in doctype, which never holds math.
      (host.parent.children as (RootContent | ElementContent)[])[at] = wrapped;
    }
  };
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkRehype)
    .use(markRelations)
    .use(rehypeSafeUrls, { allowRemoteImages: false })
    .use(rehypeSanitize, reportSchema())
    .use(rehypeKatex, { trust: false })
    .use(rehypeStringify);
  const file = new VFile({ value: normalised.text });
  const html = processor.stringify(processor.runSync(processor.parse(file), file), file);
  return { html, unplaced };
}
