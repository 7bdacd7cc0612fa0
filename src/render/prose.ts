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
  // ±1, ±x: the sign shown before a side we read.
  const pm = /^\s*\\(pm|mp)(?![A-Za-z])(.*)$/s.exec(src);
  if (pm !== null) {
    const rest = side(pm[2] ?? '');
    return rest === undefined ? undefined : `\\${pm[1] ?? 'pm'} ${rest}`;
  }
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

/** Top-level pieces of `src` between matches of `sep` (outside braces, brackets and parentheses), with the separators. */
function splitTopLevel(src: string, sep: RegExp): { pieces: string[]; seps: string[] } {
  const pieces: string[] = [];
  const seps: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\' && /[{}()[\]]/.test(src[i + 1] ?? '')) {
      i++;
      continue;
    }
    if ('{([' .includes(c)) depth++;
    else if ('})]'.includes(c)) depth--;
    else if (depth === 0) {
      const m = sep.exec(src.slice(i));
      if (m !== null && m.index === 0) {
        pieces.push(src.slice(start, i));
        seps.push(m[0]);
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  pieces.push(src.slice(start));
  return { pieces, seps };
}

/** A set a symbol is said to be in: ℝ, ℝ^n, ℝ^{m×n} (a size of letters and digits), or a set of numbers {−1, 1}. */
function setSide(src: string): string | undefined {
  const real = /^\s*\\mathbb\s*\{?\s*R\s*\}?\s*(?:\^\s*(?:([A-Za-z0-9])|\{\s*([A-Za-z0-9]+)\s*(?:\\times\s*([A-Za-z0-9]+)\s*)?\}))?\s*$/.exec(src);
  if (real !== null) {
    const [, one, rows, cols] = real;
    const exp = one ?? (rows === undefined ? undefined : cols === undefined ? rows : `${rows} \\times ${cols}`);
    return exp === undefined ? '\\mathbb{R}' : `\\mathbb{R}^{${exp}}`;
  }
  const set = /^\s*\\\{(.*)\\\}\s*$/.exec(src);
  if (set !== null) {
    const items = (set[1] ?? '').split(',').map((t) => side(t));
    return items.every((t) => t !== undefined) ? `\\{${items.join(', ')}\\}` : undefined;
  }
  return undefined;
}

/** Display-only arrows and membership: shown between two sides, never read as an equation. */
const DISPLAY_RELATIONS: Readonly<Record<string, string>> = { '\\leftarrow': '\\leftarrow', '\\gets': '\\leftarrow', '\\mapsto': '\\mapsto', '\\to': '\\to', '\\rightarrow': '\\rightarrow', '\\in': '\\in' };
const DISPLAY_RELATION = /^\\(?:leftarrow|gets|mapsto|to|rightarrow|in)(?![A-Za-z])/;
const DOTS = /^\s*\\(?:dots|ldots|cdots)\s*$/;

/** LaTeX for user math, regenerated from our tree; undefined when we cannot read it. Relations are split by the one splitter of src/parse (the checker's). */
export function safeMath(src: string): string | undefined {
  // A list with an ellipsis (z_1, \dots, z_c; i = 1, \dots, n): each item on its own.
  const list = splitTopLevel(src, /^,/);
  if (list.pieces.length > 1 && list.pieces.some((p) => DOTS.test(p))) {
    const items = list.pieces.map((p) => (DOTS.test(p) ? '\\dots' : safeMath(p)));
    return items.every((t) => t !== undefined) ? items.join(', ') : undefined;
  }
  // An update w ← w + η…, a map u ↦ W u, a membership x ∈ ℝ^n: the symbol between sides read as usual.
  const arrows = splitTopLevel(src, DISPLAY_RELATION);
  if (arrows.pieces.length > 1) {
    const sides = arrows.pieces.map((p, i) => (arrows.seps[i - 1] === '\\in' ? (setSide(p) ?? safeMath(p)) : safeMath(p)));
    if (sides.some((t) => t === undefined)) return undefined;
    return sides.map((t, i) => (i === 0 ? t : ` ${DISPLAY_RELATIONS[arrows.seps[i - 1] as string] ?? ''} ${t}`)).join('');
  }
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

/**
 * Prose from gradtex's own data (the statements and part titles of
 * rules/derivations/*.yaml, which only the project edits): math our reader
 * reads is printed from the tree like a user's; math it does not (a matrix
 * product without shapes, \operatorname{softmax}) is kept as written, and
 * tests render every such piece with KaTeX (throwOnError) and pdflatex
 * (tests/derive/named-statements.test.ts). User prose never comes here.
 */
export function trustedProseSegments(text: string): Segment[] {
  return proseSegments(text).map((s) => (s.kind === 'math' && s.latex === undefined ? { ...s, latex: s.source.trim().replace(/\s+/g, ' ') } : s));
}

/** trustedProseSegments in LaTeX text mode. */
export function trustedProseLatex(text: string): string {
  return trustedProseSegments(text).map(segmentLatex).join('');
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
