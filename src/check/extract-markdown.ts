/**
 * Math in Markdown, read with unified + remark-parse + remark-math: `$$`
 * blocks (and `$$…$$` written inline) are display math, `$…$` inline math;
 * `<!-- gradtex: assume … -->` comments are directives. Offsets point at the
 * math itself inside the file, not at the fence.
 *
 *     extractMarkdown('Let $x > 0$.\n\n$$\n\\ln x \\le x - 1\n$$\n')
 *     // [{ kind: 'math', display: false, text: 'x > 0', … }, { kind: 'math', display: true, text: '\\ln x \\le x - 1', … }]
 */
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Node } from 'unist';
import { checkMarkdownSource, checkTreeDepth } from './nesting-depth.js';
import { splitDisplayFences } from './display-fences.js';
import { ASSUME_DIRECTIVE, type Segment } from './segments.js';

interface Positioned {
  readonly type: string;
  readonly value?: string;
  readonly lang?: string | null;
  readonly position?: { readonly start: { readonly offset?: number }; readonly end: { readonly offset?: number } };
  readonly children?: readonly Positioned[];
}

/** Where `value` starts inside source[start, end) (remark strips fences and indentation). */
function locate(source: string, value: string, start: number, end: number): number {
  const raw = source.slice(start, end);
  const whole = raw.indexOf(value);
  if (whole >= 0) return start + whole;
  const firstLine = value.split('\n')[0]?.trim() ?? '';
  const line = firstLine === '' ? -1 : raw.indexOf(firstLine);
  if (line >= 0) return start + line;
  return start;
}

/** The math segments of a Markdown file; throws MarkdownDepthError when it nests too deeply to walk. */
export function extractMarkdown(original: string): Segment[] {
  checkMarkdownSource(original);
  // `$$\begin{aligned}` … `\end{aligned}$$` with content on the fence lines.
  const normalised = splitDisplayFences(original);
  const source = normalised.text;
  const parsed: Node = unified().use(remarkParse).use(remarkMath).parse(source);
  checkTreeDepth(parsed);
  const tree = parsed as Positioned;
  const out: Segment[] = [];
  const visit = (n: Positioned): void => {
    const start = n.position?.start.offset;
    const end = n.position?.end.offset;
    // A ```check block (gradtex md's checked chain) is display math the author asked to have judged.
    const checkBlock = n.type === 'code' && n.lang === 'check';
    if ((n.type === 'math' || n.type === 'inlineMath' || checkBlock) && n.value !== undefined && start !== undefined && end !== undefined) {
      const display = n.type !== 'inlineMath' || source.startsWith('$$', start);
      out.push({ kind: 'math', display, text: n.value, offset: normalised.toOriginal(locate(source, n.value, start, end)) });
    } else if (n.type === 'html' && n.value !== undefined && start !== undefined) {
      const m = ASSUME_DIRECTIVE.exec(n.value);
      if (m !== null && m[1] !== undefined) out.push({ kind: 'assume', text: m[1], offset: normalised.toOriginal(start + (m.index ?? 0) + m[0].indexOf(m[1])) });
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  return out;
}
