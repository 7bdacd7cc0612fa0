/**
 * User prose with inline math ($…$), made safe for each output. Text is
 * escaped; math is parsed with gradtex's LaTeX parser and printed again from
 * the tree, so nothing the user typed reaches LaTeX or HTML as a command.
 * Math the parser does not read is shown literally, as code. Used for
 * problem statements and for the titles of named-derivation parts.
 *
 *     proseSegments('Let $x > 0$.')  // text 'Let ', math 'x > 0', text '.'
 */
import { parseLatex } from '../parse/index.js';
import { relationLatex } from '../parse/relation.js';
import { splitRelations } from '../parse/split-relations.js';
import { escapeLatexText } from './escape.js';
import { toLatex } from './to-latex.js';

export type Segment = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'math'; readonly source: string; readonly latex: string | undefined };

/** An argument of a function head: a name with at most one subscript of letters and digits (x, w_1, w_{12}, x2), or a whole number. */
const HEAD_NAME = String.raw`(?:[A-Za-z][A-Za-z0-9]*(?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?|[0-9]+)`;

/**
 * A function head such as f(x) or f_1(w_1, w_2): a name applied to a list
 * of names or numbers, so it is safe to keep as written (no backslash, every
 * brace paired by construction: `f(x})` is not a head and is shown as code);
 * our parser would read f(x) as the product f x.
 */
const FUNCTION_HEAD = new RegExp(String.raw`^\s*[A-Za-z](?:_(?:\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?\(\s*${HEAD_NAME}(?:\s*,\s*${HEAD_NAME})*\s*\)\s*$`);

/** One side of a relation: an expression, a tuple (a, b, c) or a function head. */
function side(src: string): string | undefined {
  // Kept as written, but on one line: a blank line inside $…$ would end the paragraph (and the math) in TeX.
  if (FUNCTION_HEAD.test(src)) return src.trim().replace(/\s+/g, ' ');
  const tuple = /^\s*\((.*)\)\s*$/.exec(src);
  if (tuple !== null && (tuple[1] ?? '').includes(',')) {
    const items = (tuple[1] ?? '').split(',');
    const printed = items.map((t) => side(t));
    return printed.every((p) => p !== undefined) ? `\\left(${printed.join(', ')}\\right)` : undefined;
  }
  try {
    return toLatex(parseLatex(src));
  } catch {
    return undefined;
  }
}

/** LaTeX for user math, regenerated from our tree; undefined when we cannot read it. Relations are split by the one splitter of src/parse (the checker's). */
export function safeMath(src: string): string | undefined {
  let chains;
  try {
    chains = splitRelations(src);
  } catch {
    return undefined;
  }
  if (chains.length === 0) return src.trim() === '' ? undefined : side(src);
  const printed: string[] = [];
  for (const c of chains) {
    const sides = c.sides.map((x) => side(x.latex));
    if (sides.some((x) => x === undefined)) return undefined;
    printed.push(sides.map((x, i) => (i === 0 ? x : ` ${relationLatex(c.rels[i - 1]?.rel ?? '=')} ${x}`)).join(''));
  }
  return printed.join(', \\quad ');
}

export function proseSegments(text: string): Segment[] {
  const out: Segment[] = [];
  const re = /\$([^$]+)\$/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) });
    const source = m[1] ?? '';
    out.push({ kind: 'math', source, latex: safeMath(source) });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** One prose segment in LaTeX text mode: escaped text, our math, or unreadable math shown as code. */
export function segmentLatex(s: Segment): string {
  if (s.kind === 'text') return escapeLatexText(s.text);
  return s.latex === undefined ? `\\texttt{${escapeLatexText(`$${s.source}$`)}}` : `$${s.latex}$`;
}

/** proseLatex('the case $k = l$') === 'the case $k = l$', with everything else escaped. */
export function proseLatex(text: string): string {
  return proseSegments(text).map(segmentLatex).join('');
}
