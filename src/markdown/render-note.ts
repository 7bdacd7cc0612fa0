/**
 * A Markdown note to HTML through the standard unified pipeline with
 * remark-gradtex in it: remark-parse, remark-math, remark-gradtex,
 * remark-report-html, remark-rehype, rehype-safe-urls, rehype-sanitize, rehype-katex,
 * rehype-stringify. The messages of every plugin (ours and rehype-katex's)
 * come back with the HTML. Raw HTML in the note never reaches the page
 * (remark-rehype drops it, the sanitiser would remove it), links keep only
 * relative, http, https and mailto addresses, and images load only from
 * relative addresses unless `allowRemoteImages` is set.
 *
 *     const r = await renderNote('```derive\nd/dx x^2\n```\n', { path: 'note.md' });
 *     r.html;      // '<pre><code class="language-math math-display"><span class="katex-display">…'
 *     r.messages;  // []
 */
import rehypeKatex from 'rehype-katex';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeSafeUrls } from './rehype-safe-urls.js';
import { remarkGradtex, type RemarkGradtexOptions } from './remark-gradtex.js';
import { remarkReportHtml } from './remark-report-html.js';
import { noteSchema } from './sanitize-schema.js';
import { checkMarkdownSource, checkTreeDepth } from '../check/nesting-depth.js';

/** One message of the run, flattened so callers need not know vfile. */
export interface NoteMessage {
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly reason: string;
  /** 'gradtex', 'rehype-katex', … */
  readonly source: string | undefined;
  readonly ruleId: string | undefined;
  /** true: fatal, false: warning, undefined: informational (as vfile counts them). */
  readonly fatal: boolean | undefined;
}

export interface RenderedNote {
  /** The body HTML (no page around it). */
  readonly html: string;
  readonly messages: readonly NoteMessage[];
}

export interface NoteOptions extends RemarkGradtexOptions {
  /** The file's path, used in messages. */
  readonly path?: string;
  /** Let `<img>` load http(s) addresses; by default a remote image is shown as a link to it. */
  readonly allowRemoteImages?: boolean;
}

/** The first Markdown heading's text, for a page title. */
export function noteTitle(markdown: string): string | undefined {
  const m = /^#\s+(.+?)\s*#*\s*$/m.exec(markdown);
  return m?.[1];
}

/** `file:line:col: message [source:ruleId]`, as linters print. */
export function formatNoteMessage(path: string, m: NoteMessage): string {
  const where = m.line === undefined ? path : `${path}:${m.line}:${m.column ?? 1}`;
  const kind = m.fatal === true ? 'error' : m.fatal === false ? 'warning' : 'info';
  const origin = m.source === undefined ? '' : ` [${m.source}${m.ruleId === undefined ? '' : `:${m.ruleId}`}]`;
  return `${where}: ${kind}: ${m.reason}${origin}`;
}

/**
 * Runs the pipeline. With `failOnError` a failed check is fatal: the result
 * still holds every message, and `failed` is true; the HTML is then empty.
 * A note nested too deeply throws MarkdownDepthError (nesting-depth.ts).
 */
export async function renderNote(markdown: string, opts: NoteOptions = {}): Promise<RenderedNote & { readonly failed: boolean }> {
  const { path, allowRemoteImages = false, ...pluginOptions } = opts;
  // Sanitised before KaTeX: KaTeX's own markup (trust off) is not user HTML, and the schema would strip its styles.
  const processor = unified()
    .use(remarkParse)
    .use(remarkMath)
    .use(remarkGradtex, pluginOptions)
    .use(remarkReportHtml)
    .use(remarkRehype)
    .use(rehypeSafeUrls, { allowRemoteImages })
    .use(rehypeSanitize, noteSchema(allowRemoteImages))
    .use(rehypeKatex)
    .use(rehypeStringify);
  // Our own file: when the run rejects we still want all its messages.
  const vfile = new VFile({ value: markdown, ...(path !== undefined ? { path } : {}) });
  // Deep nesting overflows the recursive tree walks of remark and rehype: refused first (MarkdownDepthError).
  checkMarkdownSource(markdown);
  const tree = processor.parse(vfile);
  checkTreeDepth(tree);
  let html = '';
  let failed = false;
  try {
    const hast = await processor.run(tree, vfile);
    html = processor.stringify(hast, vfile);
  } catch (e) {
    // A fatal message was already recorded on the file; anything else is a bug to surface.
    if (!vfile.messages.some((m) => m === e)) throw e;
    failed = true;
  }
  const messages = vfile.messages.map((m) => ({
    line: m.line ?? undefined,
    column: m.column ?? undefined,
    reason: m.reason,
    source: m.source ?? undefined,
    ruleId: m.ruleId ?? undefined,
    fatal: m.fatal ?? undefined,
  }));
  return { html, messages, failed: failed || messages.some((m) => m.fatal === true) };
}
