/**
 * A ```check block read as its author means it: the pieces of math that
 * are chains of their own, each with its offset into the block (so every
 * step is still reported where it was written).
 *
 * - Math delimiters written inside the block (`$$…$$`, `$…$`, `\[…\]`,
 *   `\(…\)`, as a student pastes from a document) are not part of the math:
 *   each delimited piece is read on its own, and text between pieces is a
 *   piece too (it is math or it is reported as not read). Without this the
 *   block was "not read" ('$' is no LaTeX math) and `gradtex md` said
 *   "nothing to check".
 * - A block is LaTeX, where a line break is a space; but in a check block
 *   authors write one claim per line, and
 *
 *       (x+1)^2 = x^2 + 2x + 1
 *       x^2 - 1 = (x-1)(x+1)
 *
 *   read as one chain compared "x^2 + 2x + 1 x^2 - 1", a product, and failed
 *   two correct claims. A line starts a new chain when it states a relation
 *   of its own (something stands before its first relation sign), when the
 *   lines before it in the piece already hold a relation, and nothing joins
 *   the two: the line does not start with an operator or a relation, the
 *   line before does not end with one, and no brace, bracket or environment
 *   is open. Lines that continue a chain (`= …`, `+ …`) or a side broken
 *   over lines stay as they are, and so does anything inside
 *   `\begin{aligned}…\end{aligned}` (rows there are split by `\\`).
 *
 *     checkBlockParts('$$a = b$$\n$$b = c$$')   // [{ text: 'a = b', offset: 2 }, { text: 'b = c', offset: 12 }]
 */
import { splitRelations } from './split-relations.js';

export interface BlockPart {
  readonly text: string;
  /** Where `text` starts in the block. */
  readonly offset: number;
}

/** An unescaped math delimiter: `$$`, `$`, `\[`, `\]`, `\(`, `\)` (not `\\[2pt]`, a row break with its spacing). */
const DELIMITER = /(?<!\\)(?:\\\\)*(\$\$|\$|\\\[|\\\]|\\\(|\\\))/g;
/** A line that starts by continuing what came before: an operator, a relation, a column mark. */
const STARTS_JOINED = /^\s*(?:[-+*/^_=<>&,.)\]}!]|\\(?:cdot|times|div|pm|mp|circ|odot|otimes|oplus|le|leq|leqslant|ge|geq|geqslant|lt|gt|ne|neq|approx|equiv|sim|simeq|propto|to|rightarrow|Rightarrow|implies|iff|Leftrightarrow|quad|qquad|right|bigr|Bigr|biggr|Biggr|end)(?![A-Za-z]))/;
/** A line that ends waiting for more: an operator, a relation, an opening bracket, a row break. */
const ENDS_OPEN = /(?:[-+*/^_=<>&,({[]|\\(?:cdot|times|div|pm|mp|circ|odot|otimes|oplus|le|leq|ge|geq|ne|neq|approx|equiv|left[(.[|]?|quad|qquad|\\))\s*$/;

/** The pieces between math delimiters, or the whole block when it has none. */
function delimitedPieces(value: string): BlockPart[] {
  const marks = [...value.matchAll(DELIMITER)].map((m) => ({ at: (m.index ?? 0) + m[0].length - (m[1] ?? '').length, length: (m[1] ?? '').length }));
  if (marks.length === 0) return [{ text: value, offset: 0 }];
  const out: BlockPart[] = [];
  let from = 0;
  for (const m of marks) {
    out.push({ text: value.slice(from, m.at), offset: from });
    from = m.at + m.length;
  }
  out.push({ text: value.slice(from), offset: from });
  return out.filter((p) => p.text.trim() !== '');
}

/** Braces, brackets and environments open at the end of `text` (a row's content may go on over lines). */
function openGroups(text: string): number {
  let depth = 0;
  for (const m of text.matchAll(/\\\\|\\[{}]|\\(begin|end)\s*\{[^}]*\}|\\left(?![A-Za-z])|\\right(?![A-Za-z])|[{}]/g)) {
    const t = m[0];
    if (t === '\\\\' || t === '\\{' || t === '\\}') continue;
    if (t === '{' || m[1] === 'begin' || t === '\\left') depth++;
    else depth--;
  }
  return depth;
}

function holdsRelation(text: string): boolean {
  return splitRelations(text).length > 0;
}

/** Does `line` state a relation with a left side of its own? */
function startsOwnChain(line: string): boolean {
  const first = splitRelations(line)[0];
  return first !== undefined && (first.sides[0]?.latex.trim() ?? '') !== '';
}

/** One delimited piece cut where a line starts a claim of its own. */
function byClaimLines(piece: BlockPart): BlockPart[] {
  const out: BlockPart[] = [];
  let start = 0;
  let lineStart = 0;
  const text = piece.text;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    if (lineStart > start && line.trim() !== '') {
      const before = text.slice(start, lineStart);
      const previous = before.trimEnd();
      if (!STARTS_JOINED.test(line) && !ENDS_OPEN.test(previous) && openGroups(before) === 0 && holdsRelation(before) && startsOwnChain(line)) {
        out.push({ text: before, offset: piece.offset + start });
        start = lineStart;
      }
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  out.push({ text: text.slice(start), offset: piece.offset + start });
  return out.filter((p) => p.text.trim() !== '');
}

/** The block's pieces of math, each a chain (or chains split by `\\`) of its own. */
export function checkBlockParts(value: string): BlockPart[] {
  return delimitedPieces(value).flatMap(byClaimLines);
}
