/**
 * Shapes of vectors and matrices, declared by the user: `W: h x n`, `x: n`,
 * `A=2x3`. A size is an integer or a size symbol (n, h, p, c). A vector is a
 * column (n×1); a scalar is 1×1. Shapes live only in a ShapeContext next to
 * the expression: the tree itself stays the same Expr, so every existing
 * tool (printers, traversal, the numeric checker) keeps working.
 *
 *     parseShapeDeclaration('W: h x n')   // { name: 'W', shape: { rows: 'h', cols: 'n', vector: false } }
 */
import { num, sym } from '../expr/build.js';
import type { Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';

/** An integer size or the name of a size symbol. */
export type Size = number | string;

export interface Shape {
  readonly rows: Size;
  readonly cols: Size;
  /** Declared as a vector `x: n`: its entries are x_i, not x_{i,1}. */
  readonly vector: boolean;
}

/** Declared shapes by symbol key (`W`, `W^{(1)}`): symbols not in it are scalars. */
export type ShapeContext = ReadonlyMap<string, Shape>;

export const SCALAR: Shape = { rows: 1, cols: 1, vector: false };

export function isScalarShape(s: Shape): boolean {
  return s.rows === 1 && s.cols === 1;
}

export function sameSize(a: Size, b: Size): boolean {
  return a === b;
}

export function sameShape(a: Shape, b: Shape): boolean {
  return sameSize(a.rows, b.rows) && sameSize(a.cols, b.cols);
}

/** "h×n", "n" for a column vector, "1×n" for a row, "scalar". */
export function shapeText(s: Shape): string {
  if (isScalarShape(s)) return 'scalar';
  if (s.cols === 1) return `${s.rows}`;
  return `${s.rows}×${s.cols}`;
}

/** The declared shape of a symbol without subscripts (W_{ij} is an entry, a scalar). */
export function declaredShape(ctx: ShapeContext, s: Sym): Shape | undefined {
  if (s.sub.length > 0) return undefined;
  return ctx.get(symKey(s));
}

/** Thrown for a shape mismatch; the parsers turn it into a ParseError at the span concerned. */
export class ShapeError extends Error {
  /** For a product: the index of the factor that does not fit (the parser points at it). */
  constructor(
    message: string,
    readonly factor?: number,
  ) {
    super(message);
    this.name = 'ShapeError';
  }
}

const SIZE = /^(?:[1-9]\d*|[A-Za-z][A-Za-z0-9]*)$/;
const NAME = /^([A-Za-z][A-Za-z]*)(?:\^\{\((\d+|[A-Za-z])\)\})?$/;

function readSize(text: string, decl: string): Size {
  const t = text.trim();
  if (!SIZE.test(t)) throw new ShapeError(`cannot read the size '${t}' in '${decl}': a size is a positive integer or a name such as n`);
  return /^\d+$/.test(t) ? Number(t) : t;
}

/**
 * One declaration: `NAME: SIZE [x SIZE]` or `NAME=SIZE[xSIZE]` (× also
 * accepted). One size is a vector, two a matrix. NAME may carry a layer
 * label: `W^{(1)}: h x n`.
 *
 *     parseShapeDeclaration('A=2x3')    // A is 2×3
 *     parseShapeDeclaration('x: n')     // x is a vector of n entries
 */
export function parseShapeDeclaration(text: string): { readonly name: string; readonly key: string; readonly shape: Shape } {
  const m = /^\s*([^:=]+?)\s*[:=]\s*(.+?)\s*$/.exec(text);
  if (m === null) throw new ShapeError(`cannot read the shape '${text}': write NAME: ROWS x COLS (W: h x n), NAME: SIZE for a vector (x: n), or A=2x3`);
  const nameText = m[1] as string;
  const n = NAME.exec(nameText);
  if (n === null) throw new ShapeError(`cannot read the name '${nameText}' in '${text}': a matrix or vector name is letters, optionally with a layer label as in W^{(1)}`);
  const label = n[2];
  const s = sym(n[1] as string, [], label === undefined ? [] : [/^\d+$/.test(label) ? num(Number(label)) : sym(label)]);
  // "2x3", "n x p", "n × p": split on a lone x or ×, which cannot be inside a size name because sizes are split by spaces or digits.
  const parts = (m[2] as string).split(/\s*×\s*|\s+x\s+|(?<=\d)x(?=\d|[A-Za-z])/);
  if (parts.length > 2) throw new ShapeError(`'${text}' has ${parts.length} sizes: a vector has one, a matrix two`);
  const rows = readSize(parts[0] as string, text);
  const cols = parts[1] === undefined ? 1 : readSize(parts[1], text);
  return { name: nameText, key: symKey(s), shape: { rows, cols, vector: parts.length === 1 } };
}

/** A context from declarations; a name declared twice is an error. */
export function shapeContext(declarations: readonly string[]): ShapeContext {
  const ctx = new Map<string, Shape>();
  for (const d of declarations) {
    for (const piece of d.split(/[,;]/)) {
      if (piece.trim() === '') continue;
      const { name, key, shape } = parseShapeDeclaration(piece);
      if (ctx.has(key)) throw new ShapeError(`the shape of ${name} is declared twice`);
      ctx.set(key, shape);
    }
  }
  return ctx;
}
