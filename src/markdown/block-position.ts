/**
 * Where a character of a block's content sits in the Markdown file. A fenced
 * code block or a `$$` block starts with its fence line; its content begins
 * on the next line, possibly indented (inside a list item or a blockquote
 * the container's prefix is not part of the node's value). Each content line
 * is found at the end of its source line, so the prefix is whatever precedes
 * it there.
 *
 *     const at = blockPositions(source, 3, 'x = 1\ny = 2');
 *     at(8); // { line: 5, column: 3 }: "y = 2" is file line 5, offset 8 is its "="
 */
import type { Point } from 'unist';

/** Maps an offset into the block's content to a 1-based file line and column. */
export type OffsetToPoint = (offset: number) => Point;

/**
 * `fenceLine` is the 1-based line of the opening fence (the node's
 * position.start.line); `value` is the node's content.
 */
export function blockPositions(source: string, fenceLine: number, value: string, fallbackColumn = 1): OffsetToPoint {
  const sourceLines = source.split(/\r?\n/);
  const contentLines = value.split('\n');
  // The column (0-based) at which each content line starts in the file.
  const indents = contentLines.map((text, k) => {
    const line = sourceLines[fenceLine + k] ?? '';
    return line.endsWith(text) ? line.length - text.length : fallbackColumn - 1;
  });
  const starts: number[] = [];
  let offset = 0;
  for (const text of contentLines) {
    starts.push(offset);
    offset += text.length + 1;
  }
  return (at: number) => {
    let k = 0;
    while (k + 1 < starts.length && (starts[k + 1] ?? Infinity) <= at) k++;
    return { line: fenceLine + 1 + k, column: (indents[k] ?? 0) + at - (starts[k] ?? 0) + 1 };
  };
}
