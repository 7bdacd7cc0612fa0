/**
 * Definitions written with an elementwise product, δ₁ = (W₂ᵀ δ₂) ⊙ a ⊙ (1 − a):
 * read without shapes, ⊙ was an ordinary product and the order and grouping
 * of the factors are lost. Their text is found again in the document
 * so that shaped-definitions.ts can read it under the shapes (⊙ as hadamard).
 * A text (with ⊙ in it) is kept only when, read without shapes, its left
 * side is the defined symbol and its right side exactly the value the
 * document's reader gave: never a neighbour's formula with the same factors.
 *
 *     elementwiseDefinitionTexts(source, active)   // Map { 'delta_{1}' => '(W_2^\top \delta_2) \odot a \odot (1 - a)' }
 */
import { equal } from '../expr/equal.js';
import { symKey } from '../expr/sym-key.js';
import { tryParseLatex } from '../parse/index.js';
import type { Stated } from './fact-ledger.js';

const ELEMENTWISE = /\\(?:odot|circ)(?![A-Za-z])/;
/** Where a right side written inline or on a display line ends: the math's close, a line break, a wide space. */
const END = /\$|\\\)|\\\]|\\\\|\\q?quad(?![A-Za-z])|\\text\{/;

/** Where a left side starts, read backwards: the math's opening, a wide space, a comma or another `=`. */
const START = /(?:\$|\\\(|\\\[|\\q?quad(?![A-Za-z])|,|=)(?![^]*(?:\$|\\\(|\\\[|\\q?quad(?![A-Za-z])|,|=))/;

interface Candidate {
  readonly lhs: string;
  readonly rhs: string;
}

/** The two sides around each `=` of a line, each cut at the edge of its math, trailing punctuation dropped. */
function candidates(line: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of line.matchAll(/=/g)) {
    const before = line.slice(0, m.index ?? 0);
    const start = START.exec(before);
    const lhs = (start === null ? before : before.slice(start.index + start[0].length)).trim();
    const rest = line.slice((m.index ?? 0) + 1);
    const end = END.exec(rest);
    const rhs = (end === null ? rest : rest.slice(0, end.index)).replace(/[\s,.;]+$/, '').trim();
    if (lhs !== '' && rhs !== '') out.push({ lhs, rhs });
  }
  return out;
}

/** A line with inline math in prose ("With $δ_1 = …$,"), where a definition is stated; a display line may be a claim. */
const INLINE_MATH = /(?<!\$)\$(?!\$)|\\\(/;

/**
 * The text of each definition written with ⊙, by symbol key. From the line
 * the definition is stated at on, the first `sym = …` whose sides read as
 * the symbol and its value decides: kept when it has ⊙ (C = A B stated
 * first is never replaced by a later claim C = A ⊙ B with the same factors).
 * Lines after the first are read only when they hold inline math: a
 * definition taken from "With $δ_1 = …$" may be placed earlier than its text.
 */
export function elementwiseDefinitionTexts(source: string, active: readonly Stated[]): Map<string, string> {
  const lines = source.split('\n');
  const out = new Map<string, string>();
  // A symbol whose statements disagree (one with ⊙, one without) gets no text: it is not written in under ⊙.
  const plain = new Set<string>();
  for (const st of active) {
    if (st.fact.kind !== 'define') continue;
    const { sym, value } = st.fact;
    let found: Candidate | undefined;
    for (let k = st.line - 1; k < lines.length && found === undefined; k++) {
      const line = lines[k] ?? '';
      if (k > st.line - 1 && !INLINE_MATH.test(line)) continue;
      found = candidates(line).find((t) => {
        const l = tryParseLatex(t.lhs);
        const r = tryParseLatex(t.rhs);
        return l !== undefined && r !== undefined && equal(l, sym) && equal(r, value);
      });
    }
    if (found !== undefined && ELEMENTWISE.test(found.rhs)) out.set(symKey(sym), found.rhs);
    else plain.add(symKey(sym));
  }
  for (const k of plain) out.delete(k);
  return out;
}
