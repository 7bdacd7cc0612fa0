/**
 * A chain of equalities written in LaTeX, split into its sides with their
 * offsets, so a failing step can be reported where it was written:
 *
 *     \frac{d}{dx} x^2 &= 2x \\
 *                      &= x + x    && \text{doubling}
 *
 * gives the sides `\frac{d}{dx} x^2`, `2x` and `x + x`. Layout is ignored:
 * `\begin{aligned}`, `\end{aligned}` (also align*, split, gathered), `&`
 * alignment marks and `\\` line breaks; an annotation column (`&&` up to
 * the end of its line) and a final `.` or `,` are not part of the math.
 * Only an `=` outside braces separates sides, so `\frac{a=b}{c}` stays whole.
 */

/** One side of the chain: the LaTeX text and where it starts and ends in the block. */
export interface ChainSide {
  readonly latex: string;
  readonly start: number;
  readonly end: number;
}

const ENVIRONMENTS = /\\(begin|end)\{(aligned|align\*?|split|gathered|equation\*?)\}/g;

/** The block with layout blanked out (same length, so offsets stay valid). */
function blankLayout(text: string): string {
  const chars = text.replace(ENVIRONMENTS, (m) => ' '.repeat(m.length)).split('');
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (c === '\\' && chars[i + 1] === '\\') {
      chars[i] = ' ';
      chars[i + 1] = ' ';
      i++;
    } else if (c === '\\') {
      i++; // an escaped character such as \& or \{ is math, keep it
    } else if (c === '&' && chars[i + 1] === '&') {
      // Annotation column: blank to the end of the line or the next \\.
      let j = i;
      while (j < chars.length && chars[j] !== '\n' && !(chars[j] === '\\' && chars[j + 1] === '\\')) chars[j++] = ' ';
      i = j - 1;
    } else if (c === '&') chars[i] = ' ';
  }
  return chars.join('');
}

function trimmed(text: string, start: number, end: number): ChainSide | undefined {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /[\s.,;]/.test(text[e - 1] ?? '')) e--;
  return s < e ? { latex: text.slice(s, e), start: s, end: e } : undefined;
}

/**
 * splitChain('a = b\n= c').map((s) => s.latex) -> ['a', 'b', 'c'].
 * An empty side (as in `a = = b`) is returned with empty text, at the place
 * it is missing, so the caller can report it.
 */
export function splitChain(block: string): ChainSide[] {
  const text = blankLayout(block);
  const sides: ChainSide[] = [];
  let depth = 0;
  let from = 0;
  const cut = (to: number): void => {
    sides.push(trimmed(text, from, to) ?? { latex: '', start: from, end: from });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (c === '=' && depth === 0) {
      cut(i);
      from = i + 1;
    }
  }
  cut(text.length);
  return sides;
}
