/**
 * A sentence that opens with a condition in words: "When all scores are
 * equal, $p_k = \frac{1}{K}$ …", "If the true class is $c$, the loss is just
 * $L = -\log p_c$ …". The condition is about the document's symbols but is
 * no relation gradtex can read (its math, if any, is a bare name), so the
 * claims of the sentence hold only under it: a failure there may lie outside
 * it and is undecided (the ledger's unread conditions), never a verdict.
 * A condition written as math ("If $x > 0$, …") is read as a fact elsewhere.
 *
 *     wordedConditions('When all scores are equal, $p_k = 1/K$.')   // [{ text: 'all scores are equal', from: 0, to: 39, … }]
 */
import { lineCol } from '../parse/index.js';
import type { UnreadCondition } from './fact-ledger.js';

/** "If …," / "When …," at a sentence's start, up to the first comma (no full stop inside). */
const OPENING = /(^|[.?!:]\s+|\n\s*\n\s*)((?:If|When|Whenever|Assuming|Provided)\s+([^.?!,\n]*(?:\n(?!\s*\n)[^.?!,\n]*)*)),/g;
/** A relation inside the condition's math: the condition is math, read by the fact reader. */
const RELATION = /[=<>≤≥≠]|\\(?:le|ge|leq|geq|lt|gt|ne|neq|in|sim|approx)(?![A-Za-z])/;
const MATH = /\$[^$]*\$|\\\([^]*?\\\)/g;

/** The end of the sentence from `from`: a full stop, question or exclamation mark before a space or the end, or a blank line. */
function sentenceEnd(source: string, from: number): number {
  const stop = /[.?!](?=\s|$)|\n\s*\n/g;
  stop.lastIndex = from;
  const m = stop.exec(source);
  return m === null ? source.length : m.index + 1;
}

export function wordedConditions(source: string): UnreadCondition[] {
  const out: UnreadCondition[] = [];
  for (const m of source.matchAll(OPENING)) {
    const clause = m[3] as string;
    const maths = clause.match(MATH) ?? [];
    if (maths.some((x) => RELATION.test(x))) continue;
    // At least two words besides the math: a real condition, not "If so,".
    if (clause.replace(MATH, ' ').split(/\s+/).filter((w) => /^[A-Za-z-]+$/.test(w)).length < 2) continue;
    const from = m.index + (m[1] as string).length;
    out.push({ text: `\\text{${(m[2] as string).replace(/\$/g, '').replace(/\s+/g, ' ')}}`, from, to: sentenceEnd(source, from + (m[2] as string).length), line: lineCol(source, from).line });
  }
  return out;
}
