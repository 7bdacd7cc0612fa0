/**
 * Math in a .tex file: the environments equation(*), align(*), gather(*),
 * multline(*), eqnarray(*), flalign(*), and \[ \], $$ $$ as display math;
 * $…$ and \( \) as inline math (definitions and domains in the prose);
 * `% gradtex: assume …` comments as directives. Comments are blanked first,
 * so a commented-out equation is not checked. One pass, linear in the file
 * (a file of 10,000 `$` signs is fine).
 *
 *     extractTex('for $x > 0$:\n\\begin{equation}\n\\ln x \\le x - 1\n\\end{equation}\n')
 */
import { ASSUME_DIRECTIVE, type Segment } from './segments.js';

const DISPLAY_ENVIRONMENTS = /^\\begin\{(equation|align|gather|multline|eqnarray|flalign|displaymath)(\*?)\}/;

/** The text with comments blanked (same length), and the directives found in them. */
function blankComments(source: string): { text: string; directives: Segment[] } {
  const chars = source.split('');
  const directives: Segment[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '%') continue;
    let j = i;
    while (j < chars.length && chars[j] !== '\n') j++;
    const comment = source.slice(i, j);
    const m = ASSUME_DIRECTIVE.exec(comment);
    if (m !== null && m[1] !== undefined) directives.push({ kind: 'assume', text: m[1], offset: i + (m.index ?? 0) + m[0].indexOf(m[1]) });
    for (let k = i; k < j; k++) chars[k] = ' ';
    i = j;
  }
  return { text: chars.join(''), directives };
}

export function extractTex(source: string): Segment[] {
  const { text, directives } = blankComments(source);
  const out: Segment[] = [...directives];
  const push = (display: boolean, from: number, to: number): void => {
    out.push({ kind: 'math', display, text: text.slice(from, to), offset: from });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') {
      const env = DISPLAY_ENVIRONMENTS.exec(text.slice(i, i + 40));
      if (env !== null) {
        const close = `\\end{${env[1]}${env[2]}}`;
        const from = i + env[0].length;
        const to = text.indexOf(close, from);
        if (to < 0) break;
        push(true, from, to);
        i = to + close.length;
        continue;
      }
      const next = text[i + 1];
      if (next === '[' || next === '(') {
        const close = next === '[' ? '\\]' : '\\)';
        const to = text.indexOf(close, i + 2);
        if (to < 0) break;
        push(next === '[', i + 2, to);
        i = to + 2;
        continue;
      }
      i += 2; // an escaped character such as \$ or \%
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
      if (to < 0) break;
      push(double, from, to);
      i = to + (double ? 2 : 1);
      continue;
    }
    i++;
  }
  out.sort((a, b) => a.offset - b.offset);
  return out;
}
