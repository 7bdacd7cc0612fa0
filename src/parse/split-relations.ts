/**
 * A display block split into chains of relations, with offsets into the
 * block so each step can be reported where it was written:
 *
 *     L &= -\log \sigma(z)          \\
 *       &= \log(1 + e^{-z})  \quad \text{(definition of σ)} \\
 *     \frac{dL}{dz} &\le 1.
 *
 * gives two chains: [L, -\log\sigma(z), \log(1+e^{-z})] with relations
 * [=, =], and [\frac{dL}{dz}, 1] with [≤]. A row that starts with a relation
 * continues the chain above it (aligned `&=` lines); a row without any
 * relation continues the last side (a long right-hand side broken over
 * lines). Layout and prose are blanked, keeping offsets: environments,
 * `&`, `\\`, `\text{…}`, `\tag{…}`, `\label{…}`, `\quad`, `\nonumber`, `\blacksquare`,
 * thin spaces, an `&&` annotation column; trailing `.`, `,`, `;` are dropped.
 * Only relations outside braces count, so `\sum_{i=1}^{n}` stays whole, and
 * an environment inside an expression (`\begin{cases} … \end{cases}`, a
 * matrix) is one piece of math: its rows, columns, conditions and words are
 * the expression reader's (latex-cases.ts), not rows and relations of the block.
 */
import { LATEX_RELATIONS, type Relation } from './relation.js';
import { lookupFunction } from '../expr/functions.js';

/** One side of a chain: its LaTeX (layout removed) and its offsets in the block. */
export interface ChainSide {
  readonly latex: string;
  readonly start: number;
  readonly end: number;
}

export interface ChainRelation {
  readonly rel: Relation;
  readonly start: number;
  readonly end: number;
  /** Written `:=`, `\coloneqq`, `\triangleq` or `\stackrel{def}{=}`: a definition, not a claim. */
  readonly definition: boolean;
}

/** sides.length === rels.length + 1 */
export interface RawChain {
  readonly sides: readonly ChainSide[];
  readonly rels: readonly ChainRelation[];
}

const ENVIRONMENT = /\\(?:begin|end)\{(?:aligned|alignedat|align\*?|alignat\*?|split|gathered|multlined|gather\*?|equation\*?|multline\*?|eqnarray\*?|flalign\*?)\}(?:\{\d+\})?/g;
/** Commands dropped together with their braced argument. */
const WITH_ARGUMENT = /(?<!\\)\\(?:text|textrm|textit|textbf|mbox|intertext|shortintertext|tag\*?|label|eqref|ref|hspace\*?|vspace\*?|phantom)\s*\{/g;
/** Commands dropped alone. */
const ALONE = /(?<!\\)\\(?:nonumber|notag|quad|qquad|displaystyle|textstyle|medskip|smallskip|bigskip|noindent|blacksquare|square|qed|Box|qedhere)(?![A-Za-z])|(?<!\\)\\[,;:! ]/g;
/** Words or punctuation joining two relations side by side (at least two characters, where the row break goes). */
const CONJUNCTION = /(?<!\\)\\(?:text|textrm|mbox)\s*\{\s*(?:and|also)\s*\}|,\s*\\q?quad(?![A-Za-z])/g;
const WIDE_SPACE = /(?<![\\,]\s*)\\qquad(?![A-Za-z])/g;

/** A relation sign with a label over or under it: \stackrel{(a)}{=}, \overset{\text{def}}{=}, \underset{…}{\le}; \mathrel{=} without one. */
const LABELLED_RELATION = /(?<!\\)\\(?:stackrel|overset|underset|mathrel)\s*\{/g;
/** The signs a label may sit over: one relation character, or a relation command (relation.ts, or a definition command). */
const SIGN = /^\s*(?:=|<|>|<=|>=|\\(?:le|leq|leqslant|ge|geq|geqslant|lt|gt|ne|neq|approx|coloneqq|triangleq|equiv))\s*$/;
/** A label that makes `=` a definition: def, \text{def}, \mathrm{def}, \triangle, a colon. */
const DEFINITION_LABEL = /^\s*(?:\\(?:text|mathrm|textrm|rm)\s*\{\s*def\.?\s*\}|def\.?|\\triangle|:)\s*$/;
/** Wrappers around a whole relation that only change its look: \boxed{…}, \fbox{…}, \color{red}{…}, \textcolor{red}{…}, \colorbox{red}{…}. */
const LOOK = /(?<!\\)\\(?:boxed|fbox|textcolor\s*\{[^{}]*\}|colorbox\s*\{[^{}]*\}|color\s*\{[^{}]*\})/g;

/**
 * \stackrel{(a)}{=} and its kin: the label blanked, the sign kept at its place (a definition label writes `:`
 * before `=`, so the sign reads as `:=`).
 */
function unlabelRelations(block: string, chars: string[]): void {
  for (const m of block.matchAll(LABELLED_RELATION)) {
    const labelled = !m[0].includes('mathrel');
    const labelEnd = labelled ? groupEnd(block, m.index + m[0].length - 1) : m.index + m[0].length - 1;
    let open = labelEnd;
    while (/\s/.test(block[open] ?? '')) open++;
    if (block[open] !== '{') continue;
    const close = groupEnd(block, open);
    const sign = block.slice(open + 1, close - 1);
    // A label holding a relation (\underset{x > 1}{>}) is a condition: not blanked (relationInArgument lists it as not read).
    if (!SIGN.test(sign) || (labelled && relationTokens(block, m.index + m[0].length, labelEnd - 1).length > 0)) continue;
    const first = open + 1 + (sign.length - sign.trimStart().length);
    const last = open + 1 + sign.trimEnd().length;
    blankRange(chars, m.index, first);
    blankRange(chars, last, close);
    if (labelled && sign.trim() === '=' && DEFINITION_LABEL.test(block.slice(m.index + m[0].length, labelEnd - 1))) chars[first - 1] = ':';
  }
}

/**
 * \boxed{x = 2}, \color{red}{a = b}, and a bare group {x = x + 1} holding a whole relation: the wrapper and its
 * braces blanked, so the relation is one of the block (a group without a relation is left alone: 2\boxed{x + 1}
 * keeps its bracket). A \color switch alone is blanked too.
 */
function unwrapRelations(block: string, chars: string[]): void {
  const unwrap = (open: number, from: number): boolean => {
    const close = groupEnd(block, open);
    if (block[close - 1] !== '}' || relationTokens(block, open + 1, close - 1).length === 0) return false;
    blankRange(chars, from, open + 1);
    chars[close - 1] = ' ';
    return true;
  };
  for (const m of block.matchAll(LOOK)) {
    let open = m.index + m[0].length;
    while (/\s/.test(block[open] ?? '')) open++;
    if (block[open] !== '{' || !unwrap(open, m.index)) {
      if (m[0].startsWith('\\color')) blankRange(chars, m.index, m.index + m[0].length);
    }
  }
  // A bare group: a brace after no command, script or other group (those make it an argument).
  for (let i = 0; i < block.length; i++) {
    if (block[i] === '\\') {
      i++;
      continue;
    }
    if (block[i] !== '{' || chars[i] !== '{') continue;
    const before = block.slice(0, i).replace(/\s+$/, '');
    if (/(?:\\[A-Za-z]+\*?|[_^}\]])$/.test(before)) continue;
    unwrap(i, i);
  }
}

/** Commands whose argument is a piece of an expression, never a whole relation: a relation inside one is not read. */
const ARGUMENT_COMMANDS = /(?<!\\)\\(stackrel|overset|underset|mathbf|mathrm|mathit|mathsf|mathcal|mathbb|boldsymbol|bm|underbrace|overbrace|underline|overline|widehat|widetilde|hat|tilde|bar|vec)\s*\{/g;

/**
 * A relation written inside the argument of a font or accent command (`\mathbf{x = x + 1}`): its offset and the
 * command, or undefined. Such a relation is not one of the block, and is listed as not read, never dropped.
 */
export function relationInArgument(block: string): { at: number; command: string } | undefined {
  for (const m of block.matchAll(ARGUMENT_COMMANDS)) {
    const open = m.index + m[0].length - 1;
    const close = groupEnd(block, open);
    if (relationTokens(block, open + 1, close - 1).length > 0) return { at: m.index, command: m[1] as string };
  }
  return undefined;
}

/**
 * The start of the row holding `at` (after the last `\\\\` before it, or 0) and its end (the next `\\\\`, or the end);
 * a `\\\\` inside an inner environment (a cases row) breaks no row of the block.
 */
function rowStart(block: string, at: number): number {
  const inner = innerRanges(block);
  for (let k = block.lastIndexOf('\\\\', at); k >= 0; k = k === 0 ? -1 : block.lastIndexOf('\\\\', k - 1)) if (!inside(inner, k)) return k + 2;
  return 0;
}
function rowEnd(block: string, at: number): number {
  const inner = innerRanges(block);
  for (let k = block.indexOf('\\\\', at); k >= 0; k = block.indexOf('\\\\', k + 2)) if (!inside(inner, k)) return k;
  return block.length;
}

/** Does block[from, to) hold an = outside braces and inner environments? */
function hasEquation(block: string, from: number, to: number): boolean {
  const text = block.slice(from, to);
  return relationTokens(text, 0, text.length).some((t) => t.rel === '=');
}

/** A column that opens with a condition in words: `& \text{if } x > 0`, `& \quad \text{for } …`. */
const CONDITION_CELL = /^\s*(?:\\q?quad\s*|\\[,;]\s*)*\\(?:text|mbox|textrm)\s*\{\s*(?:if|for|when|where|otherwise|with|since|as|by)\b/;
const DEFINITION_COMMANDS: ReadonlyMap<string, Relation> = new Map([['coloneqq', '='], ['triangleq', '='], ['equiv', '='], ['eqqcolon', '=']]);

/** Environments that are one expression (cases, matrices): never split, never blanked inside. */
const INNER_NAMES = String.raw`cases\*?|dcases\*?|rcases|matrix|pmatrix|bmatrix|Bmatrix|vmatrix|Vmatrix|smallmatrix|array`;
const INNER_ENVIRONMENT = new RegExp(String.raw`\\(begin|end)\{(?:${INNER_NAMES})\}`, 'g');

/** [start, end) of each outermost inner environment, \begin to its \end (to the end of the block when never closed: the reader then says so). */
function innerRanges(block: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (const m of block.matchAll(INNER_ENVIRONMENT)) {
    if (m[1] === 'begin') {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) out.push([start, m.index + m[0].length]);
  }
  if (depth > 0) out.push([start, block.length]);
  return out;
}

/** An indicator's condition in brackets: \mathbb{1}[t \le 0], \mathbf{1}\{y = k\}, \mathbb{1}\left[…\right]. */
const INDICATOR_OPEN = /\\math(?:bb|bf|rm)\s*(?:\{\s*1\s*\}|1)\s*(?:\\left|\\[bB]igg?l?)?\s*(\[|\\\{)/g;

/** [start, end) of each indicator's bracketed condition (to the end of the text when it never closes). */
function indicatorRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(INDICATOR_OPEN)) {
    const open = m.index + m[0].length;
    const square = m[1] === '[';
    let depth = 1;
    let i = open;
    for (; i < text.length && depth > 0; i++) {
      if (square ? text[i] === '[' : text.startsWith('\\{', i)) depth++;
      else if (square ? text[i] === ']' : text.startsWith('\\}', i)) depth--;
      if (!square && text[i] === '\\') i++;
    }
    out.push([m.index, i]);
  }
  return out;
}

/** Pieces of math whose relations are not relations of the block: inner environments and indicators' conditions. */
function opaqueRanges(text: string): [number, number][] {
  return [...innerRanges(text), ...indicatorRanges(text)];
}

const inside = (ranges: readonly [number, number][], i: number): boolean => ranges.some(([s, e]) => i >= s && i < e);

function blankRange(chars: string[], from: number, to: number): void {
  for (let i = from; i < to; i++) if (chars[i] !== '\n') chars[i] = ' ';
}

/** The index after the brace group that opens at `open` (text[open] === '{'). */
function groupEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/**
 * \text{ReLU}(s), \text{softmax}(z): text naming a function (a known one, or
 * any word right before a bracket) is math, left for the parser to read or
 * refuse; blanking it would turn 3\text{ReLU}(s) into 3(s).
 */
function isFunctionText(block: string, command: string, from: number, end: number): boolean {
  if (!/^\\(?:text|textrm|mbox)\s*\{$/.test(command)) return false;
  const word = block.slice(from, end - 1).trim();
  if (!/^[A-Za-z]+$/.test(word)) return false;
  return lookupFunction(word) !== undefined || /^\s*(?:\(|\\left\b|\\[bB]ig)/.test(block.slice(end));
}

/** The block with layout and prose blanked; `\\` row breaks become '\u0000' pairs (same length). */
export function blankLayout(block: string): string {
  return markLayout(block).replace(/\u0001/g, ' ');
}

/** As blankLayout, with each single alignment `&` kept as '\u0001' so equations side by side (`a &= b & c &= d`) can be told apart. */
function markLayout(block: string): string {
  const chars = block.split('');
  const inner = innerRanges(block);
  for (const m of block.matchAll(ENVIRONMENT)) blankRange(chars, m.index, m.index + m[0].length);
  unlabelRelations(block, chars);
  unwrapRelations(block, chars);
  for (const m of block.matchAll(WITH_ARGUMENT)) {
    if (inside(inner, m.index)) continue;
    const end = groupEnd(block, m.index + m[0].length - 1);
    if (!isFunctionText(block, m[0], m.index + m[0].length, end)) blankRange(chars, m.index, end);
  }
  for (const m of block.matchAll(ALONE)) blankRange(chars, m.index, m.index + m[0].length);
  // `a = 1 \text{ and } b = 2`, `a = 1, \quad b = 2`: two relations, not a = (1 b) = 2.
  for (const m of block.matchAll(CONJUNCTION)) {
    if (inside(inner, m.index)) continue;
    chars[m.index] = '\u0000';
    chars[m.index + 1] = '\u0000';
  }
  // `f = \begin{cases}…\end{cases} \qquad g = \begin{cases}…\end{cases}`: a wide space between two equations
  // (each side of it holds an =) parts them too; before a condition (`x^2 \qquad x > 0`) it does not.
  for (const m of block.matchAll(WIDE_SPACE)) {
    if (inside(inner, m.index) || !hasEquation(block, rowStart(block, m.index), m.index) || !hasEquation(block, m.index + m[0].length, rowEnd(block, m.index))) continue;
    chars[m.index] = '\u0000';
    chars[m.index + 1] = '\u0000';
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const range = inner.find(([s, e]) => i >= s && i < e);
    if (range !== undefined) {
      i = range[1] - 1;
      continue;
    }
    if (c === '\\' && chars[i + 1] === '\\') {
      chars[i] = '\u0000';
      chars[i + 1] = '\u0000';
      // An optional spacing argument: \\[2pt]
      if (chars[i + 2] === '[') {
        const close = chars.indexOf(']', i + 2);
        if (close > 0) blankRange(chars, i + 2, close + 1);
      }
      i++;
    } else if (c === '\\') {
      i++;
    } else if (c === '&' && chars[i + 1] === '&') {
      let j = i;
      while (j < chars.length && chars[j] !== '\n' && !(chars[j] === '\\' && chars[j + 1] === '\\')) chars[j++] = ' ';
      i = j - 1;
    } else if (c === '&' && CONDITION_CELL.test(block.slice(i + 1, i + 80))) {
      // `f(x) &= x & \text{if } x > 0`: a condition column, prose like an `&&` annotation.
      let j = i;
      while (j < chars.length && chars[j] !== '\n' && !(chars[j] === '\\' && chars[j + 1] === '\\')) chars[j++] = ' ';
      i = j - 1;
    } else if (c === '&') chars[i] = '\u0001';
  }
  return chars.join('');
}

/** Relations typed as characters (plain-text notes, pasted math). */
const UNICODE_RELATIONS: ReadonlyMap<string, Relation> = new Map<string, Relation>([['≤', '<='], ['≥', '>='], ['≠', '!='], ['≈', '~=']]);

interface Token {
  readonly rel: Relation;
  readonly start: number;
  readonly end: number;
  readonly definition: boolean;
}

/**
 * [start, end) of each outermost pair of parentheses that closes within
 * text[from, to): `P(y = k \mid x) = p_k` and `\mathbb{1}(y = k)` hold an `=`
 * that is part of one side, not a relation of the row. A `(` never closed
 * (an interval [0, 1), a row broken inside a bracket) hides nothing.
 */
function parenRanges(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const open: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') open.push(i);
    else if (c === ')') {
      const start = open.pop();
      if (start !== undefined && open.length === 0) out.push([start, i + 1]);
    }
  }
  return out;
}

/** Top-level relation tokens of text[from, to). */
function relationTokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let depth = 0;
  const opaque = [...opaqueRanges(text), ...parenRanges(text, from, to)];
  for (let i = from; i < to; i++) {
    const skip = opaque.find(([s, e]) => i >= s && i < e);
    if (skip !== undefined) {
      i = skip[1] - 1;
      continue;
    }
    const c = text[i] as string;
    if (c === '\\') {
      const m = /^\\([A-Za-z]+)/.exec(text.slice(i, Math.min(to, i + 20)));
      if (m === null) {
        i++;
        continue;
      }
      const name = m[1] as string;
      const end = i + m[0].length;
      const rel = LATEX_RELATIONS.get(name);
      const def = DEFINITION_COMMANDS.get(name);
      if (depth === 0 && rel !== undefined) out.push({ rel, start: i, end, definition: false });
      else if (depth === 0 && def !== undefined) out.push({ rel: def, start: i, end, definition: true });
      i = end - 1;
    } else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '=' || c === '<' || c === '>')) {
      if (text[i - 1] === ':') continue;
      const next = text[i + 1];
      if ((c === '<' || c === '>') && next === '=') {
        out.push({ rel: c === '<' ? '<=' : '>=', start: i, end: i + 2, definition: false });
        i++;
      } else if (c === '=' && text[i - 1] === '!') {
        out.push({ rel: '!=', start: i - 1, end: i + 1, definition: false });
      } else out.push({ rel: c === '=' ? '=' : c, start: i, end: i + 1, definition: false });
    } else if (depth === 0 && UNICODE_RELATIONS.has(c)) {
      out.push({ rel: UNICODE_RELATIONS.get(c) as Relation, start: i, end: i + 1, definition: false });
    } else if (depth === 0 && c === ':' && text[i + 1] === '=') {
      out.push({ rel: '=', start: i, end: i + 2, definition: true });
      i++;
    }
  }
  return out;
}

function side(text: string, start: number, end: number): ChainSide {
  let s = start;
  let e = end;
  while (s < e && /[\s\u0000\u0001]/.test(text[s] ?? '')) s++;
  while (e > s && /[\s\u0000\u0001.,;]/.test(text[e - 1] ?? '')) e--;
  return { latex: text.slice(s, e).replace(/[\u0000\u0001]/g, ' '), start: s, end: Math.max(s, e) };
}

/** Rows of the blanked text: [start, end) between `\\` breaks. */
function rows(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\u0000' && text[i + 1] === '\u0000') {
      out.push([from, i]);
      from = i + 2;
      i++;
    }
  }
  out.push([from, text.length]);
  return out;
}

const BLANK = /[\s\u0000\u0001]/;

/** The first / last non-blank index of text[from, to), or undefined. */
function firstFilled(text: string, from: number, to: number): number | undefined {
  for (let i = from; i < to; i++) if (!BLANK.test(text[i] ?? ' ')) return i;
  return undefined;
}
function lastFilled(text: string, from: number, to: number): number | undefined {
  for (let i = to - 1; i >= from; i--) if (!BLANK.test(text[i] ?? ' ')) return i;
  return undefined;
}

/**
 * A row cut into equations written side by side (`a &= b & c &= d` in
 * align or alignat): a new equation starts at an alignment `&` when the row
 * so far holds a relation, the rest of the row holds one too, and no
 * relation touches the `&` (`a &=& b`, eqnarray's layout, is one equation).
 */
function equationsOfRow(text: string, from: number, to: number): [number, number][] {
  const cells: [number, number][] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (text[i] === '\u0001') {
      cells.push([start, i]);
      start = i + 1;
    }
  }
  cells.push([start, to]);
  const out: [number, number][] = [];
  let eqStart = from;
  // Columns come in pairs (right-aligned, left-aligned): an equation starts only at an even column.
  cells.forEach(([s, e], k) => {
    if (k === 0 || k % 2 === 1) return;
    const prev = cells[k - 1] as [number, number];
    const first = firstFilled(text, s, e);
    const last = lastFilled(text, prev[0], prev[1]);
    const touches = (first !== undefined && relationTokens(text, s, e).some((t) => t.start === first)) || (last !== undefined && relationTokens(text, prev[0], prev[1]).some((t) => t.end === last + 1));
    if (!touches && relationTokens(text, eqStart, s - 1).length > 0 && relationTokens(text, s, to).length > 0) {
      out.push([eqStart, s - 1]);
      eqStart = s;
    }
  });
  out.push([eqStart, to]);
  return out;
}

/**
 * splitRelations('a = b \\le c').map((c) => c.rels.map((r) => r.rel)) -> [['=', '<=']]
 * Blocks without any relation give no chain. A row that starts with a
 * relation continues the chain of the same column above it.
 */
export function splitRelations(block: string): RawChain[] {
  const text = markLayout(block);
  type Open = { sides: ChainSide[]; rels: ChainRelation[] };
  const chains: Open[] = [];
  let open: Open | undefined;
  /** The chain each column of the row above belongs to. */
  let columns: (Open | undefined)[] = [];
  for (const [rowFrom, rowTo] of rows(text)) {
    const byColumn: (Open | undefined)[] = [];
    const aboveByColumn = columns;
    columns = byColumn;
    equationsOfRow(text, rowFrom, rowTo).forEach(([from, to], column) => {
      if (text.slice(from, to).replace(/[\u0000\u0001\s]/g, '') === '') return;
      const tokens = relationTokens(text, from, to);
      if (tokens.length === 0) {
        // A continuation line of the last side.
        const last = open?.sides[open.sides.length - 1];
        if (open !== undefined && last !== undefined) open.sides[open.sides.length - 1] = side(text, last.start, to);
        byColumn[column] = open;
        return;
      }
      const first = tokens[0] as Token;
      const leading = side(text, from, first.start);
      const above = aboveByColumn[column] ?? open;
      let current: Open;
      if (leading.latex === '' && above !== undefined) current = above;
      else {
        current = { sides: [leading], rels: [] };
        chains.push(current);
      }
      tokens.forEach((t, k) => {
        const next = tokens[k + 1];
        current.rels.push({ rel: t.rel, start: t.start, end: t.end, definition: t.definition });
        current.sides.push(side(text, t.end, next === undefined ? to : next.start));
      });
      open = current;
      byColumn[column] = current;
    });
    if (byColumn.length === 0) columns = aboveByColumn;
  }
  return chains;
}
