/**
 * User text into Markdown so that it stays text: escaped prose, code spans
 * that no content can close, and math that cannot end early. Whatever the
 * user typed, a CommonMark (plus remark-math) reader finds no HTML, no
 * link, no image and no construct the text did not ask for.
 *
 *     escapeMarkdownText('a <b> & `c`')  === 'a \\<b\\> \\& \\`c\\`'
 *     codeSpan('x ` y')                  === '`` x ` y ``'
 *     inlineMathMd('x^{2}')              === '$x^{2}$'
 */

/**
 * Markdown and HTML punctuation that could open a construct, backslash
 * escaped (CommonMark lets any ASCII punctuation be escaped). `&` too, so
 * `&lt;` stays four characters instead of becoming `<`. (`!` needs no
 * escape: it opens an image only before `[`, which is escaped.)
 */
const SPECIALS = /[\\`*_{}[\]<>#|$&~]/g;

/** Every run of whitespace holding a line break becomes one space: a prose block stays one paragraph, as it is in LaTeX and HTML. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]\s*/g, ' ');
}

/** Prose text, escaped and on one line. */
export function escapeMarkdownText(s: string): string {
  return oneLine(s).replace(SPECIALS, (c) => `\\${c}`);
}

/**
 * The start of a block, made unable to open a list, a heading underline or
 * an indented code block: `- a`, `+ a`, `= a`, `1. a`, `2) a`.
 */
export function escapeBlockStart(md: string): string {
  const start = md.replace(/^[ \t]+/, '');
  return start.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/**
 * A code span around any text: on one line (a span cannot cross a blank
 * line; CommonMark turns line breaks in it into spaces anyway), fenced with
 * one backtick more than the longest run inside, padded with a space when
 * the text starts or ends with a backtick or a space (CommonMark removes
 * that one space again).
 */
export function codeSpan(text: string): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // Spaces only: CommonMark keeps them as they are (and a span cannot be empty).
  if (/^ *$/.test(flat)) return `${fence}${flat === '' ? ' ' : flat}${fence}`;
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Inline math, or undefined when the LaTeX could end the math early or
 * leave it (a `$`, a backtick or a line break in it); the caller then shows
 * it as code.
 */
export function inlineMathMd(latex: string): string | undefined {
  if (/[$`\r\n]/.test(latex) || latex.trim() === '') return undefined;
  return `$${latex}$`;
}

/**
 * Display math between `$$` lines. A line inside that starts with `$$`
 * would close the block: it is prefixed with an empty group `{}`, which
 * typesets as nothing.
 */
export function displayMathMd(latex: string): string {
  const body = latex.replace(/\r\n?/g, '\n').replace(/^([ \t]*)(?=\$\$)/gm, '$1{}').replace(/\n[ \t]*(?=\n)/g, '\n{}');
  return `$$\n${body}\n$$`;
}
