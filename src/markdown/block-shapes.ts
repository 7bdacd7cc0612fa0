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
