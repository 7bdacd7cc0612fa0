/**
 * A `shapes:` line in a ```derive or ```check block declares the block's
 * vectors and matrices, in the syntax of `--shape`:
 *
 *     ```check
 *     shapes: W: m x n, x: n, b: m
 *     \frac{\partial (W x + b)}{\partial x} = W
 *     ```
 *
 * The line is blanked (same length, so offsets and positions of the rest of
 * the block stay right) and its shapes take over from the note's (`md
 * --shape`) for the names they share.
 *
 *     readBlockShapes('shapes: x: n\nd/dx x^T*x', new Map())   // { value: '            \nd/dx x^T*x', shapes: x ↦ n }
 */
import { shapeContext, ShapeError, type ShapeContext } from '../matrix/shape.js';

export interface BlockShapes {
  /** The block with its `shapes:` lines blanked. */
  readonly value: string;
  readonly shapes: ShapeContext;
  /** A `shapes:` line that cannot be read, at offsets into the block. */
  readonly problem?: { readonly reason: string; readonly start: number; readonly end: number };
}

const SHAPES_LINE = /^([ \t]*)shapes:[ \t]*(.*)$/gm;

export function readBlockShapes(value: string, base: ShapeContext = new Map()): BlockShapes {
  const declarations: string[] = [];
  let problem: BlockShapes['problem'];
  const blanked = value.replace(SHAPES_LINE, (line: string, lead: string, decl: string, offset: number) => {
    try {
      shapeContext([decl]);
      declarations.push(decl);
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      problem ??= { reason: `shapes: ${e.message}`, start: offset + lead.length, end: offset + line.length };
    }
    return ' '.repeat(line.length);
  });
  if (declarations.length === 0 && problem === undefined) return { value, shapes: base };
  let own: ShapeContext = new Map();
  try {
    own = shapeContext(declarations);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    problem ??= { reason: `shapes: ${e.message}`, start: 0, end: 0 };
  }
  return { value: blanked, shapes: new Map([...base, ...own]), ...(problem !== undefined ? { problem } : {}) };
}

/** A fence line opening or closing a code block: its marker and info string. */
const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})[ \t]*([^\s`]*)/;

/**
 * The `shapes:` lines of the ```check blocks of a Markdown note, blanked (so
 * positions stay right) and read: their declarations hold for the whole
 * note, over `base` (`--shape`). A line that cannot be read is left as it is
 * (the block then reports it as math that cannot be read).
 */
export function noteBlockShapes(source: string, base: ShapeContext = new Map()): { readonly source: string; readonly shapes: ShapeContext } {
  const lines = source.split('\n');
  let open: string | undefined;
  let check = false;
  let shapes = base;
  let changed = false;
  lines.forEach((line, i) => {
    const fence = FENCE.exec(line);
    if (open === undefined) {
      if (fence !== null) {
        open = fence[1];
        check = fence[2] === 'check';
      }
      return;
    }
    if (fence !== null && fence[2] === '' && open !== undefined && (fence[1] ?? '').startsWith(open[0] ?? '`') && (fence[1] ?? '').length >= open.length) {
      open = undefined;
      return;
    }
    if (!check || !/^[ \t]*shapes:/.test(line)) return;
    const read = readBlockShapes(line, shapes);
    if (read.problem !== undefined) return;
    shapes = read.shapes;
    lines[i] = read.value;
    changed = true;
  });
  return { source: changed ? lines.join('\n') : source, shapes };
}
