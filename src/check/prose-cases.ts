/**
 * A function defined by cases in prose: "Let $g(x) = x^2$ for $x > 0$ and
 * $g(x) = -x^2$ otherwise" (or "… and $g(x) = -x^2$ for $x \le 0$"). Read one
 * piece at a time, the second piece looked like a redefinition and the
 * condition of the first like a fact for the sentence; read together they are
 * one definition, the cases g(x) = {x² if x > 0, −x² otherwise}, which the
 * LaTeX reader takes by indicators (latex-cases.ts) or refuses by name.
 *
 *     proseCases(source, segments, k)
 *     // { first, condition, second, otherCondition?, synthetic: 'g(x) = \begin{cases} x^2 & x > 0 \\ -x^2 & \text{otherwise} \end{cases}' }
 */
import type { Segment } from './segments.js';

type MathSegment = Extract<Segment, { kind: 'math' }>;

export interface ProseCases {
  /** The four (or three) inline pieces: `g(x) = A`, its condition, `g(x) = B`, and B's condition when stated. */
  readonly pieces: readonly MathSegment[];
  /** The second piece: its definition is the same as the first's, reported beside it. */
  readonly second: MathSegment;
  /** One math segment at the first piece's place: the left side as written, then the cases. */
  readonly synthetic: MathSegment;
}

/** `g(x) = A`: a function letter (or command) applied to bare arguments, one `=`, the rest the value. */
const PIECE = /^\s*((?:\\[A-Za-z]+|[A-Za-z])(?:_\{?[A-Za-z0-9]+\}?)?\s*\(\s*[A-Za-z](?:\s*,\s*[A-Za-z])*\s*\))\s*=\s*([^=<>]+?)\s*$/;
/** A comparison as a case's condition (one relation sign, no words). */
const CONDITION = /^[^=<>$]*?(?:<|>|\\le(?:q)?|\\ge(?:q)?|\\lt|\\gt)[^=<>$]*$/;

const isInline = (s: Segment | undefined): s is MathSegment => s?.kind === 'math' && !s.display;

/** The prose between two segments (the closing and opening `$` or `\(` `\)` left out). */
function between(source: string, a: MathSegment, b: MathSegment): string {
  return source.slice(a.offset + a.text.length, b.offset).replace(/^\s*(?:\$|\\\))/, '').replace(/(?:\$|\\\()\s*$/, '');
}

/** The prose case at segments[k], if it opens one. */
export function proseCases(source: string, segments: readonly Segment[], k: number): ProseCases | undefined {
  const [first, condition, second] = [segments[k], segments[k + 1], segments[k + 2]];
  if (!isInline(first) || !isInline(condition) || !isInline(second)) return undefined;
  const a = PIECE.exec(first.text);
  const b = PIECE.exec(second.text);
  if (a === null || b === null || (a[1] as string).replace(/\s+/g, '') !== (b[1] as string).replace(/\s+/g, '')) return undefined;
  if (!/^\s*(?:for|if|when|whenever)\s*$/i.test(between(source, first, condition)) || !CONDITION.test(condition.text)) return undefined;
  if (!/^\s*,?\s*(?:and|while|but)\s*$/i.test(between(source, condition, second))) return undefined;
  const after = source.slice(second.offset + second.text.length).replace(/^\s*(?:\$|\\\))/, '');
  const other = segments[k + 3];
  let otherCondition: MathSegment | undefined;
  if (isInline(other) && /^\s*(?:for|if|when|whenever)\s*$/i.test(between(source, second, other)) && CONDITION.test(other.text)) otherCondition = other;
  else if (!/^\s*(?:otherwise|elsewhere|else)\b/i.test(after)) return undefined;
  const lhsEnd = first.text.indexOf('=');
  const cases = `\\begin{cases} ${a[2]} & ${condition.text.trim()} \\\\ ${b[2]} & ${otherCondition?.text.trim() ?? '\\text{otherwise}'} \\end{cases}`;
  const synthetic: MathSegment = { kind: 'math', display: false, text: `${first.text.slice(0, lhsEnd + 1)} ${cases}`, offset: first.offset };
  return { pieces: [first, condition, second, ...(otherCondition !== undefined ? [otherCondition] : [])], second, synthetic };
}
