/**
 * One size per index family for the sums whose range a document leaves
 * unstated. `\sum_j e^{z_j}` alone is read by the LaTeX reader as j = 1..J
 * with a fresh J (src/parse/latex-big-operators.ts); a document that writes
 * `\sum_{j=1}^{K} e^{z_j}` elsewhere, or states `z \in \mathbb{R}^K`, means the
 * same K for every sum over the entries of z. The claims and the definitions
 * in scope are read with that size, and the verdict says so.
 *
 *     const ranges = documentRanges(source, segments, shapes);
 *     withDocumentRanges(parseLatex('\\sum_j e^{z_j}'), ranges)   // { expr: sum(exp(z_j), j, 1, K), notes: ['… 1, …, K (…line 3)'] }
 */
import { call, num, sym } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { lineCol } from '../parse/index.js';
import { mapBottomUp, some } from '../expr/traverse.js';
import type { Segment } from './segments.js';
import type { StatedShape } from './shape-facts.js';
import { twoIndexFamilies } from './two-digit-indices.js';

export interface DocumentRanges {
  /** Family (z) -> its size (K) and the line where the document says so. */
  readonly sizes: ReadonlyMap<string, { readonly size: string; readonly line: number }>;
  /** Capitals the document writes in its math: an unstated J is fresh only when J is written nowhere. */
  readonly written: ReadonlySet<string>;
  /** Families written with two index letters (x_{ij}): their x_{11} is x_{1,1} (two-digit-indices.ts). */
  readonly twoIndexed?: ReadonlySet<string>;
}

/** \sum_{j=1}^{K} followed by its body: the index, the size. */
const STATED_SUM = /\\sum_\{\s*([a-z])\s*=\s*1\s*\}\s*\^\s*\{?\s*([A-Za-z])\s*\}?/g;

export function documentRanges(source: string, segments: readonly Segment[], shapes: readonly StatedShape[]): DocumentRanges {
  const found = new Map<string, { size: string; line: number } | null>();
  const add = (family: string, size: string, offset: number): void => {
    const had = found.get(family);
    if (had === undefined) found.set(family, { size, line: lineCol(source, offset).line });
    else if (had !== null && had.size !== size) found.set(family, null); // two sizes for one family: no guess
  };
  const written = new Set<string>();
  for (const seg of segments) {
    if (seg.kind !== 'math') continue;
    for (const m of seg.text.matchAll(/(?<![A-Za-z\\])([A-Z])(?![A-Za-z])/g)) written.add(m[1] as string);
    for (const m of seg.text.matchAll(STATED_SUM)) {
      const [, index, size] = m as unknown as [string, string, string];
      const after = seg.text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 80);
      for (const f of after.matchAll(new RegExp(String.raw`(?<![A-Za-z\\])([a-z])_\{?\s*${index}(?![A-Za-z0-9])`, 'g'))) add(f[1] as string, size, seg.offset + (m.index ?? 0));
    }
  }
  for (const s of shapes) {
    if (!s.shape.vector) continue;
    // z \in \mathbb{R}^n sizes the sums over z_j by n; z \in \mathbb{R}^2 by 2 (a numeric size left out read \sum_j e^{2 z_j} over a fresh J, so at J = 7 for a vector of one entry).
    const rows = s.shape.rows;
    if (typeof rows === 'string' && /^[A-Za-z]$/.test(rows)) add(s.key, rows, lineOffset(source, s.line));
    else if (typeof rows === 'number' && Number.isSafeInteger(rows) && rows >= 1) add(s.key, String(rows), lineOffset(source, s.line));
  }
  const sizes = new Map<string, { size: string; line: number }>();
  for (const [k, v] of found) if (v !== null) sizes.set(k, v);
  return { sizes, written, twoIndexed: twoIndexFamilies(segments.flatMap((seg) => (seg.kind === 'math' ? [seg.text] : []))) };
}

function lineOffset(source: string, line: number): number {
  let at = 0;
  for (let k = 1; k < line; k++) at = source.indexOf('\n', at) + 1;
  return at;
}

/**
 * e with every sum over an unstated range (sum(u, j, 1, J), J the fresh
 * capital of j and written nowhere in the document) given the document's
 * size for the families its body indexes by j; with the notes to tell.
 */
export function withDocumentRanges(e: Expr, ranges: DocumentRanges | undefined): { readonly expr: Expr; readonly notes: readonly string[] } {
  if (ranges === undefined || ranges.sizes.size === 0) return { expr: e, notes: [] };
  const notes: string[] = [];
  const expr = mapBottomUp(e, (x) => {
    if (x.kind !== 'call' || (x.fn !== 'sum' && x.fn !== 'maxover')) return x;
    const [body, index, lo, hi] = x.args as [Expr, Expr, Expr, Expr];
    if (index.kind !== 'sym' || hi.kind !== 'sym' || hi.sub.length > 0 || hi.name !== index.name.toUpperCase() || ranges.written.has(hi.name)) return x;
    if (!(lo.kind === 'num' && lo.n === 1n && lo.d === 1n)) return x;
    const families = new Set<string>();
    some(body, (y) => {
      if (y.kind === 'sym' && y.sub.length === 1 && y.sub[0]?.kind === 'sym' && y.sub[0].name === index.name) families.add(y.name);
      return false;
    });
    const sizes = [...families].map((f) => ranges.sizes.get(f));
    const first = sizes[0];
    // (x \in \mathbb{R}^n sizes x by n; never by the sum's own index letter.)
    if (first === undefined || first.size === index.name || sizes.some((s) => s === undefined || s.size !== first.size)) return x;
    notes.push(`the range of the ${x.fn === 'maxover' ? 'maximum' : 'sum'} over ${index.name} is not stated: it is read as ${index.name} = 1, …, ${first.size}, the size the document gives ${[...families].sort().join(', ')} (line ${first.line})`);
    return call(x.fn, [body, index, lo, /^[0-9]+$/.test(first.size) ? num(BigInt(first.size)) : sym(first.size)]);
  });
  return { expr, notes: [...new Set(notes)] };
}
