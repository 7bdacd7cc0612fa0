/**
 * Math in a .tex file the way people write it:
 *
 * - display: the environments equation, align, alignat (its column count
 *   skipped), flalign, gather, multline, eqnarray, displaymath, and aligned,
 *   gathered, split, multlined written on their own, all with starred forms;
 *   `\[ \]` and `$$ $$` (an aligned inside them is layout, blanked by the
 *   splitter);
 * - inline: `$…$`, `\( \)` and the `math` environment, and the math in an
 *   `\intertext{…}` or `\shortintertext{…}` between display lines (prose
 *   that may state facts, such as "for $x > 0$");
 * - not math: `%` comments (a `% gradtex: assume …` comment is a
 *   directive), `\iffalse … \fi`, `verbatim`, `Verbatim`, `lstlisting`,
 *   `minted` and `comment` environments, `\verb|…|`;
 * - skipped on purpose, so each line of them holding a relation is reported
 *   "not read": `algorithmic`/`algorithm` (assignments such as `i = i + 1`
 *   are not claims), `tikzpicture`, `picture`, `CD`.
 *
 * An environment, `\[`, `\(`, `$` or `$$` that is never closed, or an
 * `\iffalse` without its `\fi`, is a DocumentError at where it opens: bad
 * input, never silence. One pass, linear in the file.
 *
 *     extractTex('for $x > 0$:\n\\begin{equation}\n\\ln x \\le x - 1\n\\end{equation}\n')
 */
import { lineCol } from '../parse/index.js';
import { DocumentError } from './document-error.js';
import { hasRelation } from './unjudged-relations.js';
import { ASSUME_DIRECTIVE, type Segment } from './segments.js';

/** Environments whose body is display math (a name, then `*` optionally). */
const DISPLAY = /^\\begin\{(equation|align|alignat|flalign|gather|multline|eqnarray|displaymath|aligned|alignedat|gathered|split|multlined)(\*?)\}/;
/** Environments whose body is inline math. */
const INLINE = /^\\begin\{(math)\}/;
/** Environments that are not math at all: their body is blanked. */
const NOT_MATH = /^\\begin\{(verbatim\*?|Verbatim\*?|lstlisting|minted|comment)\}/;
/** Environments holding math-like lines gradtex does not judge. */
const SKIPPED = /^\\begin\{(algorithmic|algorithm|tikzpicture|picture|CD)(\*?)\}/;
/** Prose between display lines. */
const INTERTEXT = /\\(?:short)?intertext\s*\{/g;

function fail(source: string, offset: number, message: string): never {
  const lc = lineCol(source, offset);
  throw new DocumentError(message, lc.line, lc.col);
}

/** source[from, to) blanked into chars (line breaks kept, so offsets and lines stay). */
function blank(chars: string[], from: number, to: number): void {
  for (let k = from; k < to; k++) if (chars[k] !== '\n') chars[k] = ' ';
}

/**
 * The text with everything that is not LaTeX to read blanked (same length):
 * comments, verbatim-like environments, `\verb`, `\iffalse … \fi`; and the
 * directives found in comments.
 */
function blankNonMath(source: string): { text: string; directives: Segment[] } {
  const chars = source.split('');
  const directives: Segment[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '%') {
      let j = i;
      while (j < source.length && source[j] !== '\n') j++;
      const m = ASSUME_DIRECTIVE.exec(source.slice(i, j));
      if (m !== null && m[1] !== undefined) directives.push({ kind: 'assume', text: m[1], offset: i + m.index + m[0].indexOf(m[1]) });
      blank(chars, i, j);
      i = j;
      continue;
    }
    if (c !== '\\') continue;
    const head = source.slice(i, i + 24);
    const verbatim = NOT_MATH.exec(head);
    if (verbatim !== null) {
      const close = `\\end{${verbatim[1] ?? ''}}`;
      const to = source.indexOf(close, i + verbatim[0].length);
      if (to < 0) fail(source, i, `\\begin{${verbatim[1] ?? ''}} is never closed (no ${close})`);
      blank(chars, i, to + close.length);
      i = to + close.length - 1;
      continue;
    }
    const verb = /^\\verb\*?([^A-Za-z\s*])/.exec(head);
    if (verb !== null && verb[1] !== undefined) {
      const to = source.indexOf(verb[1], i + verb[0].length);
      const end = to < 0 || source.slice(i, to).includes('\n') ? fail(source, i, `\\verb${verb[1]} is never closed on its line`) : to + 1;
      blank(chars, i, end);
      i = end - 1;
      continue;
    }
    if (/^\\iffalse(?![A-Za-z])/.test(head)) {
      const end = matchingFi(source, i + '\\iffalse'.length);
      if (end === undefined) fail(source, i, '\\iffalse is never closed (no \\fi)');
      blank(chars, i, end);
      i = end - 1;
      continue;
    }
    i++; // an escaped character such as \% or \\
  }
  return { text: chars.join(''), directives };
}

/** The offset after the `\fi` that closes a conditional opened before `from` (nested `\if…` counted). */
function matchingFi(source: string, from: number): number | undefined {
  const re = /\\(if[A-Za-z]*|fi)(?![A-Za-z])/g;
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(source); m !== null; m = re.exec(source)) {
    if (m[1] === 'fi') {
      if (--depth === 0) return m.index + m[0].length;
    } else depth++;
  }
  return undefined;
}

/** Inline math inside `\intertext{…}` of a display body starting at `offset`. */
function intertextMath(text: string, from: number, to: number, out: Segment[]): void {
  const body = text.slice(from, to);
  for (const m of body.matchAll(INTERTEXT)) {
    const open = from + m.index + m[0].length - 1;
    let depth = 0;
    let end = open;
    for (; end < to; end++) {
      if (text[end] === '\\') end++;
      else if (text[end] === '{') depth++;
      else if (text[end] === '}' && --depth === 0) break;
    }
    for (const d of text.slice(open + 1, end).matchAll(/\$([^$]+)\$|\\\(([^]*?)\\\)/g)) {
      const inner = d[1] ?? d[2] ?? '';
      out.push({ kind: 'math', display: false, text: inner, offset: open + 1 + d.index + d[0].indexOf(inner) });
    }
  }
}

/** Each line of a skipped environment that holds a relation. */
function skippedLines(text: string, from: number, to: number, env: string, out: Segment[]): void {
  let start = from;
  for (const line of text.slice(from, to).split('\n')) {
    const lead = line.length - line.trimStart().length;
    const body = line.trim();
    if (body !== '' && hasRelation(body.replace(/\$/g, ' '))) {
      out.push({ kind: 'skipped', text: body, offset: start + lead, reason: `inside \\begin{${env}}, which gradtex does not read (an algorithm's assignments or a diagram are not claims)` });
    }
    start += line.length + 1;
  }
}

export function extractTex(source: string): Segment[] {
  const { text, directives } = blankNonMath(source);
  const out: Segment[] = [...directives];
  const push = (display: boolean, from: number, to: number): void => {
    out.push({ kind: 'math', display, text: text.slice(from, to), offset: from });
  };
  /** The end of `close` searched from `from`, or a DocumentError at `openAt`. */
  const closing = (close: string, from: number, openAt: number, what: string): number => {
    const to = text.indexOf(close, from);
    if (to < 0) fail(source, openAt, `${what} is never closed (no ${close})`);
    return to;
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      const head = text.slice(i, i + 40);
      const env = DISPLAY.exec(head) ?? INLINE.exec(head) ?? SKIPPED.exec(head);
      if (env !== null) {
        const name = `${env[1] ?? ''}${env[2] ?? ''}`;
        const close = `\\end{${name}}`;
        let from = i + env[0].length;
        // alignat{2}: the number of column pairs is not math.
        const columns = /^\s*\{\d+\}/.exec(text.slice(from, from + 12));
        if (columns !== null && /^align(ed)?at/.test(name)) from += columns[0].length;
        const to = closing(close, from, i, `\\begin{${name}}`);
        if (SKIPPED.test(head)) skippedLines(text, from, to, name, out);
        else if (INLINE.test(head)) push(false, from, to);
        else {
          push(true, from, to);
          intertextMath(text, from, to, out);
        }
        i = to + close.length;
        continue;
      }
      const next = text[i + 1];
      if (next === '[' || next === '(') {
        const close = next === '[' ? '\\]' : '\\)';
        const to = closing(close, i + 2, i, `\\${next}`);
        push(next === '[', i + 2, to);
        i = to + 2;
        continue;
      }
      i += 2; // an escaped character such as \$ or \%, or a command's first letter
      continue;
    }
    if (c === '$') {
      const double = text[i + 1] === '$';
      const from = i + (double ? 2 : 1);
      let to = from;
      // The closing delimiter: the next unescaped $ (or $$).
      for (;;) {
        to = text.indexOf(double ? '$$' : '$', to);
        if (to < 0 || text[to - 1] !== '\\') break;
        to++;
      }
      if (to < 0) fail(source, i, `${double ? '$$' : '$'} is never closed`);
      push(double, from, to);
      i = to + (double ? 2 : 1);
      continue;
    }
    i++;
  }
  out.sort((a, b) => a.offset - b.offset);
  return out;
}
