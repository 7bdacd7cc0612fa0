/**
 * Source positions: spans are UTF-16 offsets into the text; line and column
 * are 1-based and computed on demand.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** lineCol('a\nbc', 3) -> { line: 2, col: 2 } */
export function lineCol(source: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, source.length);
  for (let i = 0; i < stop; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * The source line around a span with a caret underneath (about 30 characters
 * of context on each side, so very long inputs stay readable):
 *
 *     (x+1
 *         ^
 */
export function excerpt(source: string, span: Span): string {
  const { line, col } = lineCol(source, span.start);
  const text = source.split('\n')[line - 1] ?? '';
  const from = Math.max(0, col - 1 - 30);
  const to = Math.min(text.length, col - 1 + 30);
  const prefix = from > 0 ? '…' : '';
  const suffix = to < text.length ? '…' : '';
  const shown = prefix + text.slice(from, to) + suffix;
  const caretAt = prefix.length + (col - 1 - from);
  const width = Math.max(1, Math.min(span.end - span.start, to - (col - 1)));
  return `${shown}\n${' '.repeat(caretAt)}${'^'.repeat(width)}`;
}
