/**
 * Superscripts that always mean the transpose, in the LaTeX reader: \top,
 * \intercal, \mathsf{T}, \mathsf T, \mathrm{T} (also bold or italic T),
 * braced or not. A plain T (x^T) is a transpose only by convention on a
 * letter or under declared shapes (parse-latex.ts asks matrix-reading.ts),
 * since T may be a symbol.
 *
 *     W^\top   W^{\top}   W^{\mathsf{T}}   W^{\mathsf T}   W^\intercal
 *       ^        ^          ^                ^               ^
 */
import type { LatexReader } from './latex-reader.js';

const TRANSPOSE_COMMANDS = new Set(['top', 'intercal']);
const TRANSPOSE_FONTS = new Set(['mathsf', 'mathrm', 'mathbf', 'mathit']);

/** Tokens at k that spell a transpose mark without braces around it: \top (1), \mathsf T (2), \mathsf{T} (4); 0 if none. */
function markAt(p: LatexReader, k: number): number {
  const t = p.peek(k);
  if (t.type === 'cmd' && TRANSPOSE_COMMANDS.has(t.text)) return 1;
  if (t.type !== 'cmd' || !TRANSPOSE_FONTS.has(t.text)) return 0;
  if (p.is('letter', 'T', k + 1)) return 2;
  return p.is('sym', '{', k + 1) && p.is('letter', 'T', k + 2) && p.is('sym', '}', k + 3) ? 4 : 0;
}

/**
 * How many tokens after '^' spell the transpose: \top (1), {\top} (3),
 * \mathsf{T} (4), {\mathsf{T}} (6), {\mathsf T} (4); 0 if none.
 */
export function transposeMark(p: LatexReader): number {
  const bare = markAt(p, 0);
  if (bare > 0) return bare;
  if (!p.is('sym', '{')) return 0;
  const inner = markAt(p, 1);
  return inner > 0 && p.is('sym', '}', inner + 1) ? inner + 2 : 0;
}
