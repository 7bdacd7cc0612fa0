/**
 * "where …" clauses after a display: the inline math of the sentence that
 * continues a display with "where", "with" or "here" defines symbols the
 * display already uses, so it applies to that display too (and on, as any
 * prose definition).
 *
 *     $$\sigma'(z) = p (1 - p)$$
 *     where $p = \sigma(z)$.          <- p is defined for the display above
 *
 *     whereClause(source, display, segments)   // [the segment of p = \sigma(z)]
 */
import type { Segment } from './segments.js';

type MathSegment = Extract<Segment, { kind: 'math' }>;

/** Prose that opens a where-clause right after a display (a comma or a closing $$ first). */
/** ("with equality for $a = b$" is the inequality's equality case, equality-case.ts: no definition of a.) */
const OPENS = /^[\s,;:]*(?:\$\$|\\\]|\\end\{[A-Za-z*]+\})?[\s,;:]*(?:where|with\b(?!\s+equality\b)|here)\b/i;

/**
 * The inline math segments of the where-clause that follows `display`, up to
 * the end of its sentence (a full stop, or a blank line); [] when no clause follows.
 */
export function whereClause(source: string, display: MathSegment, segments: readonly Segment[]): MathSegment[] {
  const end = display.offset + display.text.length;
  const after = source.slice(end, end + 400);
  const open = OPENS.exec(after);
  if (open === null) return laterWhere(source, end, segments);
  const rest = after.slice(open[0].length).replace(/\$[^$\n]*\$/g, (m) => ' '.repeat(m.length));
  const stop = /\.(?:\s|$)|\n[ \t]*\n/.exec(rest);
  const limit = end + open[0].length + (stop === null ? rest.length : stop.index);
  return segments.filter((s): s is MathSegment => s.kind === 'math' && !s.display && s.offset > end && s.offset < limit);
}

/**
 * Inline math introduced by "where" later in the sentence that runs on from
 * `from` (the end of a display or of an inline claim): "$$…$$ so
 * $KL(p, q) \ge 0$, where $KL(p, q) = …$." A full stop ends the sentence; so
 * does a blank line, unless the prose after it starts in lower case (the
 * sentence goes on after a display).
 */
export function laterWhere(source: string, from: number, segments: readonly Segment[]): MathSegment[] {
  const rest = source.slice(from, from + 600).replace(/\$[^$\n]*\$/g, (m) => ' '.repeat(m.length));
  const stop = /\.(?:\s|$)|\n[ \t]*\n(?=\s*(?:[^a-z\s]|$))/.exec(rest);
  const limit = from + (stop === null ? rest.length : stop.index);
  return segments.filter((s): s is MathSegment => s.kind === 'math' && !s.display && s.offset > from && s.offset < limit && /\bwhere\s*\$?$/i.test(source.slice(Math.max(from, s.offset - 12), s.offset)));
}

/** Prose that opens a using-clause right after a display: "$$…$$ using $\sum_i p_i = 1$". */
const USING = /^[\s,;:]*(?:\$\$|\\\]|\\end\{[A-Za-z*]+\})?[\s,;:]*using\b/i;

/**
 * The inline math of a using-clause right after `display`, to the end of its
 * sentence: the facts it states (a constraint such as \sum_i p_i = 1) are
 * what the display's steps rely on, so they hold for that display.
 */
export function usingClause(source: string, display: MathSegment, segments: readonly Segment[]): MathSegment[] {
  const end = display.offset + display.text.length;
  const after = source.slice(end, end + 400);
  const open = USING.exec(after);
  if (open === null) return [];
  const rest = after.slice(open[0].length).replace(/\$[^$\n]*\$/g, (m) => ' '.repeat(m.length));
  const stop = /\.(?:\s|$)|\n[ \t]*\n/.exec(rest);
  const limit = end + open[0].length + (stop === null ? rest.length : stop.index);
  return segments.filter((s): s is MathSegment => s.kind === 'math' && !s.display && s.offset > end && s.offset < limit);
}
