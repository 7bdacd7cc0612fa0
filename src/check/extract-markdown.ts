/**
 * Math in Markdown, read with unified + remark-parse + remark-math: `$$`
 * blocks (and `$$…$$` written inline) and fenced ```` ```math ```` blocks
 * (a `code` node with lang `math` to remark) are display math, `$…$` inline
 * math; `\[…\]` and `\(…\)` in the text of a paragraph (which remark reads
 * as escaped brackets) are display and inline math too; other code is never
 * math. `<!-- gradtex: assume … -->` comments are directives. Offsets point
 * at the math itself inside the file, not at the fence.
 *
 *     extractMarkdown('Let $x > 0$.\n\n$$\n\\ln x \\le x - 1\n$$\n')
 *     // [{ kind: 'math', display: false, text: 'x > 0', … }, { kind: 'math', display: true, text: '\\ln x \\le x - 1', … }]
 */
import { checkBlockParts } from '../parse/check-block-parts.js';
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

/** `\[…\]` and `\(…\)` in a paragraph's own text (code spans and `$` math inside it masked). */
function bracketMath(source: string, paragraph: Positioned, start: number, end: number): Segment[] {
  const chars = source.slice(start, end).split('');
  const mask = (n: Positioned): void => {
    const s = n.position?.start.offset;
    const e = n.position?.end.offset;
    if ((n.type === 'inlineCode' || n.type === 'inlineMath' || n.type === 'html') && s !== undefined && e !== undefined) {
      for (let k = s - start; k < e - start; k++) chars[k] = ' ';
    }
    for (const c of n.children ?? []) mask(c);
  };
  mask(paragraph);
  const out: Segment[] = [];
  for (const m of chars.join('').matchAll(/\\\[([^]*?)\\\]|\\\(([^]*?)\\\)/g)) {
    const inner = m[1] ?? m[2] ?? '';
    out.push({ kind: 'math', display: m[1] !== undefined, text: inner, offset: start + m.index + 2 });
  }
  return out;
}

/** A relation sign of LaTeX or plain text. */
const RELATION_SIGN = /[=<>≤≥≠]|\\(?:le|ge|leq|geq|ne|neq|lt|gt)(?![A-Za-z])/;

/**
 * Text that holds a `$` left without a partner, next to a relation: remark-math
 * paired the dollars another way than the author meant ("Cost $5, so
 * $x^2 = 4$" pairs `$5, so $` and leaves `x^2 = 4$` as text). Reported "not
 * read" rather than dropped; a dollar escaped as `\$` is prose.
 */
function strayDollarMath(source: string, start: number, end: number): Segment | undefined {
  const raw = source.slice(start, end);
  // A dollar that closes math (after a non-blank) with a relation before it, or opens it (before a non-blank
  // that is not a digit: $10 is money) with a relation after it.
  const suspect = [...raw.matchAll(/(?<!\\)\$/g)].some(({ index: i }) => {
    const closes = i > 0 && /\S/.test(raw[i - 1] ?? '') && !/\d/.test(raw[i + 1] ?? '') && RELATION_SIGN.test(raw.slice(0, i));
    const opens = /[^\s\d]/.test(raw[i + 1] ?? ' ') && RELATION_SIGN.test(raw.slice(i + 1));
    return closes || opens;
  });
  if (!suspect) return undefined;
  const text = raw.trim().replace(/\s+/g, ' ');
  return { kind: 'skipped', text: text.length > 80 ? `${text.slice(0, 77)}…` : text, offset: start + (raw.length - raw.trimStart().length), reason: "a '$' here pairs with no other (the dollars before it were paired another way, e.g. '$5, so $'): the math around it is not read; write \\$ for a dollar sign" };
}

/**
 * Math with a relation inside a raw HTML block (`<div>$$x = x + 1$$</div>`, `<details>`): Markdown, and so
 * math, is not parsed there (CommonMark), so it is reported "not read" at its place instead of vanishing. An HTML
 * comment (`<!-- … -->`) is hidden on purpose and stays silent.
 */
function mathInHtml(source: string, html: string, start: number): Segment[] {
  const out: Segment[] = [];
  const at = source.indexOf(html, start);
  const from = at < 0 ? start : at;
  // Comments blanked, offsets kept.
  const visible = html.replace(/<!--[^]*?-->/g, (c) => ' '.repeat(c.length));
  for (const m of visible.matchAll(/(?<!\\)\$\$([^]*?)\$\$|(?<![\\$])\$([^$\n]+?)\$/g)) {
    const inner = m[1] ?? m[2] ?? '';
    if (!RELATION_SIGN.test(inner)) continue;
    const text = inner.trim().replace(/\s+/g, ' ');
    out.push({ kind: 'skipped', text: text.length > 80 ? `${text.slice(0, 77)}…` : text, offset: from + m.index + (m[1] !== undefined ? 2 : 1), reason: 'math inside a raw HTML block (such as <div> or <details>) is not read: Markdown is not parsed there; leave a blank line after the opening tag and before the closing one' });
  }
  return out;
}

/** The math segments of a Markdown file; throws MarkdownDepthError when it nests too deeply to walk. */
/**
 * A `%` comment inside math (`&= x e^x (2 - x) % oops`), which KaTeX skips to the end of its line, blanked with
 * spaces so that offsets stay; `\%` is a percent sign and stays. Without this the whole row was "not read".
 */
function withoutComments(math: string): string {
  return math.replace(/(^|[^\\])((?:\\\\)*)%[^\n]*/g, (m: string, pre: string, slashes: string) => pre + slashes + ' '.repeat(m.length - pre.length - slashes.length));
}

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
    if (checkBlock && n.value !== undefined && start !== undefined && end !== undefined) {
      // Its pieces: math delimiters pasted into it dropped, and one claim per line (parse/check-block-parts.ts).
      const at = locate(source, n.value, start, end);
      for (const part of checkBlockParts(n.value)) out.push({ kind: 'math', display: true, text: withoutComments(part.text), offset: normalised.toOriginal(at + part.offset) });
    } else if ((n.type === 'math' || n.type === 'inlineMath') && n.value !== undefined && start !== undefined && end !== undefined) {
      const display = n.type !== 'inlineMath' || source.startsWith('$$', start);
      out.push({ kind: 'math', display, text: withoutComments(n.value), offset: normalised.toOriginal(locate(source, n.value, start, end)) });
    } else if (n.type === 'code' && n.lang === 'math' && n.value !== undefined && start !== undefined && end !== undefined) {
      out.push({ kind: 'math', display: true, text: n.value, offset: normalised.toOriginal(locate(source, n.value, start, end)) });
    } else if ((n.type === 'paragraph' || n.type === 'heading' || n.type === 'tableCell') && start !== undefined && end !== undefined) {
      for (const m of bracketMath(source, n, start, end)) out.push({ ...m, offset: normalised.toOriginal(m.offset) });
    } else if (n.type === 'text' && start !== undefined && end !== undefined) {
      const stray = strayDollarMath(source, start, end);
      if (stray !== undefined) out.push({ ...stray, offset: normalised.toOriginal(stray.offset) });
    } else if (n.type === 'html' && n.value !== undefined && start !== undefined) {
      const m = ASSUME_DIRECTIVE.exec(n.value);
      if (m !== null && m[1] !== undefined) out.push({ kind: 'assume', text: m[1], offset: normalised.toOriginal(start + (m.index ?? 0) + m[0].indexOf(m[1])) });
      for (const h of mathInHtml(source, n.value, start)) out.push({ ...h, offset: normalised.toOriginal(h.offset) });
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  // Document order (a paragraph's \(…\) math is found before its $…$ children).
  return out.sort((a, b) => a.offset - b.offset);
}
