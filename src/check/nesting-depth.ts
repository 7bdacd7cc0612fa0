/**
 * How deeply a Markdown file may nest. remark and rehype walk their trees
 * recursively, so 2,000 nested `>` quotes overflow the stack
 * (hast-util-to-html), and micromark takes minutes on deeply nested lists
 * (500 levels: 30 s) or on long runs of emphasis markers (`*` × 20,000).
 * Before parsing, each line's container markers are counted (quotes `>`,
 * list items, indentation of two columns per list level) and runs of `*`,
 * `_` and `~` measured; after parsing, the tree's depth is measured without
 * recursion. Past MAX_MARKDOWN_DEPTH the file is refused with its line and
 * column, never parsed for minutes or crashed.
 *
 *     checkMarkdownSource('> '.repeat(2000) + 'x')   // throws MarkdownDepthError at 1:201
 */

import type { Node } from 'unist';

/** Block quotes, lists and inline nodes nested deeper than this are refused. */
export const MAX_MARKDOWN_DEPTH = 100;
/** A longer run of one emphasis marker (`*`, `_`, `~`) is refused: micromark matches them in quadratic time. */
export const MAX_DELIMITER_RUN = 2 * MAX_MARKDOWN_DEPTH;

/** A file nested too deeply: line and column (1-based) and what to do. */
export class MarkdownDepthError extends Error {
  constructor(
    readonly line: number,
    readonly col: number,
    readonly detail: string,
  ) {
    super(`${line}:${col}: ${detail}`);
    this.name = 'MarkdownDepthError';
  }
}

const tooDeep = (what: string): string => `${what} nested more than ${MAX_MARKDOWN_DEPTH} levels deep, the limit of gradtex's Markdown reader`;

/**
 * The container depth a line's prefix can open: quote and list markers, and
 * a level per two columns of each run of indentation (a nested list item is
 * indented past its parent's marker).
 */
function prefixDepth(text: string): { depth: number; col: number } {
  let depth = 0;
  let run = 0;
  let i = 0;
  const endRun = (): void => {
    depth += Math.floor(run / 2);
    run = 0;
  };
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      run += c === ' ' ? 1 : 4;
      i++;
      continue;
    }
    endRun();
    if (depth > MAX_MARKDOWN_DEPTH) break;
    if (c === '>') {
      depth++;
      i++;
    } else if ((c === '-' || c === '+' || c === '*') && /^[ \t]|^$/.test(text.slice(i + 1, i + 2))) {
      depth++;
      i++;
    } else {
      const m = /^\d{1,9}[.)](?=[ \t]|$)/.exec(text.slice(i, i + 11));
      if (m === null) break;
      depth++;
      i += m[0].length;
    }
    if (depth > MAX_MARKDOWN_DEPTH) break;
  }
  return { depth, col: Math.max(i, 1) };
}

/** Refuses, before parsing, lines that nest too deeply or hold a run of emphasis markers too long to parse quickly. */
export function checkMarkdownSource(source: string): void {
  const lines = source.split('\n');
  for (const [index, text] of lines.entries()) {
    const p = prefixDepth(text);
    if (p.depth > MAX_MARKDOWN_DEPTH) throw new MarkdownDepthError(index + 1, p.col, tooDeep('block quotes and lists'));
    const run = new RegExp(`([*_~])\\1{${MAX_DELIMITER_RUN},}`).exec(text);
    if (run !== null) throw new MarkdownDepthError(index + 1, run.index + 1, `a run of more than ${MAX_DELIMITER_RUN} '${run[1] ?? ''}' characters; gradtex reads at most ${MAX_DELIMITER_RUN} in a row`);
  }
}

/** Refuses a parsed tree (mdast or hast) deeper than MAX_MARKDOWN_DEPTH, measured without recursion. */
export function checkTreeDepth(tree: Node): void {
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const { node, depth } = top;
    if (depth > MAX_MARKDOWN_DEPTH) {
      const start = node.position?.start;
      throw new MarkdownDepthError(start?.line ?? 1, start?.column ?? 1, tooDeep(`Markdown (${node.type} here)`));
    }
    const kids = (node as { children?: unknown }).children;
    if (Array.isArray(kids)) for (const c of kids as Node[]) stack.push({ node: c, depth: depth + 1 });
  }
}
