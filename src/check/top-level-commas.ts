/**
 * Splitting a list written in math at its top-level commas (not inside
 * (), [], {}): `x, y > 0`, `L(a, b, c)`, `\{1, \dots, n\}`.
 *
 *     splitTopLevelCommas('a, f(b, c), d')   // ['a', 'f(b, c)', 'd']
 */

/** A piece of a comma-separated list and where it starts in the text. */
export interface Piece {
  readonly text: string;
  readonly start: number;
}

/** Split at top-level commas (not inside (), [], {}), with each trimmed piece's offset. */
export function splitTopLevelCommasAt(text: string): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let from = 0;
  const push = (to: number): void => {
    const raw = text.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim() !== '') out.push({ text: raw.trim(), start: from + lead });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      push(i);
      from = i + 1;
    }
  }
  push(text.length);
  return out;
}

/** Split at top-level commas (not inside (), [], {}). */
export function splitTopLevelCommas(text: string): string[] {
  return splitTopLevelCommasAt(text).map((p) => p.text);
}
