/**
 * Definitions written with an elementwise product, δ₁ = (W₂ᵀ δ₂) ⊙ a ⊙ (1 − a):
 * read without shapes, ⊙ was an ordinary product and the order and grouping
 * of the factors are lost. Their text is found again in the document
 * so that shaped-definitions.ts can read it under the shapes (⊙ as hadamard).
 * A text (with ⊙ in it) is kept only when it reads, without shapes, as
 * exactly the value the document's reader gave: never a neighbour's formula.
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

/** The right sides after each `=` of a line, cut at the end of their math, trailing punctuation dropped. */
function candidates(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/=/g)) {
    const rest = line.slice((m.index ?? 0) + 1);
    const end = END.exec(rest);
    const text = (end === null ? rest : rest.slice(0, end.index)).replace(/[\s,.;]+$/, '').trim();
    if (text !== '') out.push(text);
  }
  return out;
}

export function elementwiseDefinitionTexts(source: string, active: readonly Stated[]): Map<string, string> {
  // Every line of the document: a definition restated or read from prose ("With $δ_1 = …$") may carry another line number.
  const texts = source
    .split('\n')
    .filter((l) => ELEMENTWISE.test(l))
    .flatMap(candidates)
    .filter((t) => ELEMENTWISE.test(t));
  const out = new Map<string, string>();
  for (const st of active) {
    if (st.fact.kind !== 'define') continue;
    const value = st.fact.value;
    const text = texts.find((t) => {
      const e = tryParseLatex(t);
      return e !== undefined && equal(e, value);
    });
    if (text !== undefined) out.set(symKey(st.fact.sym), text);
  }
  return out;
}
