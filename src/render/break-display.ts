/**
 * Displays that fit the page: the rows of an `align*` (a left side, a
 * right side starting with its relation, notes for the tag) laid out so that
 * no row is wider than the text. Three layouts, the first that fits:
 *
 *   1. as written:  `lhs &= rhs \tag*{…}`;
 *   2. long right sides broken before + or − (src/render/break-math.ts),
 *      continuation rows indented under the relation: `&\quad + …`;
 *   3. a long left side on a row of its own, every relation on a new row
 *      indented by a quad: `&lhs \\ &\quad = rhs`.
 *
 * A tag wider than the text is stacked as a right-aligned column of its notes
 * (amsmath moves a tag that does not fit beside its row below it, but a tag
 * wider than the line still runs into the margin).
 *
 *     alignRows([{ left: 'f', right: '= a + b', notes: [] }], 40)
 *     // ['f &= a + b']
 */
import { breakMath, isRelation, type LineBudget } from './break-math.js';
import { nodesText, parseMathTree, type MathNode } from './latex-math-tree.js';
import { estimateMathWidth } from './latex-width.js';

/** The text width, in em of the body font, displays are broken to: gradtex's own page (11pt, 2.2 cm margins on A4 or letter: 43–44 em) less room for the estimate's error. */
export const DOCUMENT_WIDTH_EM = 40;
/** For a fragment in someone else's document: LaTeX's article at 10–12 pt has 32.5–34.5 em of text. */
export const FRAGMENT_WIDTH_EM = 30;

export interface DisplayRow {
  /** The left side (the first row of a derivation), or ''. */
  readonly left: string;
  /** The right side from its relation on: '= 2 x'. */
  readonly right: string;
  /** Math-mode notes for the row's tag (rule titles, a verdict), joined by commas. */
  readonly notes: readonly string[];
}

/** The tag of a row: one line of notes, or a right-aligned column when that is wider than the text. */
function tag(notes: readonly string[], width: number): string {
  if (notes.length === 0) return '';
  const joined = notes.join(',\\ ');
  if (notes.length === 1 || estimateMathWidth(joined) <= width * 0.9) return ` \\tag*{$${joined}$}`;
  const lines: string[][] = [[]];
  for (const n of notes) {
    const cur = lines[lines.length - 1] as string[];
    if (cur.length > 0 && estimateMathWidth([...cur, n].join(',\\ ')) > width * 0.6) lines.push([n]);
    else cur.push(n);
  }
  return ` \\tag*{$\\begin{array}{@{}r@{}}${lines.map((l) => l.join(',\\ ')).join(',\\\\ ')}\\end{array}$}`;
}

/** A line that starts with =, ≈ … continues a chain and aligns with the relation above it. */
const startsWithRelation = (latex: string): boolean => isRelation(parseMathTree(latex)[0]);

const width = (latex: string): number => (latex === '' ? 0 : estimateMathWidth(latex));

/** Rows of layout 2, or undefined when a line still does not fit. */
function underRelation(rows: readonly DisplayRow[], text: number): string[] | undefined {
  const left = Math.max(...rows.map((r) => width(r.left)));
  if (left > text * 0.45) return undefined;
  const budget: LineBudget = { first: text - left, rest: text - left - 1 };
  const out: string[] = [];
  for (const r of rows) {
    const lines = breakMath(r.right, budget);
    if (lines.some((l, i) => width(l) > (i === 0 ? budget.first : budget.rest))) return undefined;
    lines.forEach((l, i) => {
      const last = i === lines.length - 1 ? tag(r.notes, text) : '';
      out.push(i === 0 ? `${r.left === '' ? '' : `${r.left} `}&${l}${last}` : `&${startsWithRelation(l) ? '' : '\\quad '}${l}${last}`);
    });
  }
  return out;
}

/** Rows of layout 3: the left side alone, each relation on its own row. */
function leftAligned(rows: readonly DisplayRow[], text: number): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.left !== '') breakMath(r.left, { first: text, rest: text - 2 }).forEach((l, i) => out.push(i === 0 ? `&${l}` : `&\\qquad ${l}`));
    const lines = r.right === '' ? [] : breakMath(r.right, { first: text - 1, rest: text - 2 });
    lines.forEach((l, i) => out.push(`&${i === 0 || startsWithRelation(l) ? '\\quad' : '\\qquad'} ${l}${i === lines.length - 1 ? tag(r.notes, text) : ''}`));
    if (lines.length === 0 && r.notes.length > 0) out[out.length - 1] += tag(r.notes, text);
  }
  return out;
}

/** The rows of an align* that fits `text` em (see the file comment for the layouts). */
export function alignRows(rows: readonly DisplayRow[], text: number): string[] {
  const left = Math.max(0, ...rows.map((r) => width(r.left)));
  const fitsAsWritten = rows.every((r) => left + width(r.right) <= text);
  if (fitsAsWritten) return rows.map((r) => `${r.left === '' ? '' : `${r.left} `}&${r.right}${tag(r.notes, text)}`);
  return underRelation(rows, text) ?? leftAligned(rows, text);
}

/** Splits `a = b = c` into its left side and the rest from the first relation at the outermost level. */
function splitAtRelation(nodes: readonly MathNode[]): DisplayRow {
  const i = nodes.findIndex((n, k) => k > 0 && isRelation(n));
  if (i < 0) return { left: '', right: nodesText(nodes), notes: [] };
  return { left: nodesText(nodes.slice(0, i)), right: nodesText(nodes.slice(i)), notes: [] };
}

/** `u = a,\quad v = b`: the items of a list of definitions, each keeping its comma. */
function items(nodes: readonly MathNode[]): MathNode[][] {
  const out: MathNode[][] = [[]];
  nodes.forEach((n, i) => {
    if (n.kind === 'atom' && (n.text === '\\quad' || n.text === '\\qquad') && nodes[i - 1]?.text === ',') out.push([]);
    else (out[out.length - 1] as MathNode[]).push(n);
  });
  return out.filter((x) => x.length > 0);
}

/**
 * A display `\[ … \]` for a LaTeX document: as it is when it fits, else an
 * align* of its rows (an `aligned` block's rows, the items of a list of
 * definitions, or one relation chain), broken as alignRows does.
 */
export function displayMath(latex: string, text: number): string {
  if (estimateMathWidth(latex) <= text) return `\\[ ${latex} \\]`;
  const nodes = parseMathTree(latex.trim());
  let rows: DisplayRow[];
  const only = nodes.length === 1 ? nodes[0] : undefined;
  if (only?.kind === 'env' && (only.name === 'aligned' || only.name === 'align*' || only.name === 'gathered')) {
    rows = only.body
      .split(/\\\\/)
      .map((row) => row.trim())
      .filter((row) => row !== '')
      .map((row) => {
        const amp = row.indexOf('&');
        return amp < 0 ? { left: '', right: row, notes: [] } : { left: row.slice(0, amp).trim(), right: row.slice(amp + 1).trim(), notes: [] };
      });
  } else rows = items(nodes).map(splitAtRelation);
  return `\\begin{align*}\n${alignRows(rows, text).join(' \\\\\n')}\n\\end{align*}`;
}
