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

/**
 * The declared shape of a symbol. A subscripted symbol has one only when it
 * was declared with that subscript (W_1: h x n names a matrix); otherwise it
 * is an entry (W_{ij}, x_2: scalars), so the lookup by its whole key is the
 * rule for both.
 */
export function declaredShape(ctx: ShapeContext, s: Sym): Shape | undefined {
  return ctx.get(symKey(s));
}

/**
 * Two declared names whose entries would be the same symbols: the entries
 * of W_1 are W_{1,i,j} (its subscript first), so a matrix x and a vector x_1
 * would share x_{1,i}. Such a context is refused rather than sampled with
 * one value for two different entries. undefined when every name is clear.
 */
export function entryNameClash(ctx: ShapeContext): string | undefined {
  const names = [...ctx].flatMap(([key, shape]) => {
    const m = /^([^_^]+)(?:_\{([^}]*)\})?(\^.*)?$/.exec(key);
    if (m === null) return [];
    const subs = m[2] === undefined ? [] : m[2].split(',');
    return [{ key, family: `${m[1]}${m[3] ?? ''}`, subs, arity: subs.length + (shape.vector ? 1 : 2) }];
  });
  for (const [k, a] of names.entries()) {
    for (const b of names.slice(k + 1)) {
      // The entries meet when they have as many subscripts and the fixed ones agree where both are fixed (W_1 and W_2 never meet).
      if (a.family !== b.family || a.arity !== b.arity) continue;
      const fixed = Math.min(a.subs.length, b.subs.length);
      if (a.subs.slice(0, fixed).every((x, p) => x === b.subs[p])) return `${a.key} and ${b.key} are both declared: their entries would have the same names (write one of them with another letter)`;
    }
  }
  return undefined;
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
/**
 * A name as people write it, once bold is taken off: W, W1, W_1, W_{12},
 * W^{(1)}, b^{[2]}, \delta_2, W_1^{(2)} (not W^(1), a power in plain syntax). Groups: letters, subscript
 * (digits, from W1, W_1 or W_{1}), layer label (digits or one letter, in
 * round or square brackets). A letter subscript (x_i) is an entry, never a name.
 */
const NAME = /^\\?([A-Za-z]+?)(?:(\d+)|_(\d)|_\{(\d+)\})?(?:\^\{[([](\d+|[A-Za-z])[)\]]\})?$/;
/** \mathbf{W}, \boldsymbol{W_1}, \bm W, \vec x: the letters inside (bold only says "vector or matrix"). */
const BOLD = /\\(?:mathbf|boldsymbol|bm|vec)\s*(?:\{\s*([^{}]*?)\s*\}|\s([A-Za-z]))/g;

/** The name written without bold and blanks: `\mathbf{W}_1` -> `W_1`. */
function plainName(text: string): string {
  return text.replace(BOLD, (_m, inner: string | undefined, letter: string | undefined) => inner ?? letter ?? '').replace(/\s+/g, '');
}

function readSize(text: string, decl: string): Size {
  const t = text.trim();
  if (!SIZE.test(t)) throw new ShapeError(`cannot read the size '${t}' in '${decl}': a size is a positive integer or a name such as n`);
  return /^\d+$/.test(t) ? Number(t) : t;
}

/**
 * One declaration: `NAME: SIZE [x SIZE]` or `NAME=SIZE[xSIZE]` (× also
 * accepted). One size is a vector, two a matrix. NAME may be numbered or
 * carry a layer label: `W_1: h x n`, `W1: h x n` (the same name),
 * `W^{(1)}: h x n`, `b^{[2]}: k` (the same as b^{(2)}), `\mathbf{W}: h x n`.
 *
 *     parseShapeDeclaration('A=2x3')    // A is 2×3
 *     parseShapeDeclaration('x: n')     // x is a vector of n entries
 */
export function parseShapeDeclaration(text: string): { readonly name: string; readonly key: string; readonly shape: Shape } {
  const m = /^\s*([^:=]+?)\s*[:=]\s*(.+?)\s*$/.exec(text);
  if (m === null) throw new ShapeError(`cannot read the shape '${text}': write NAME: ROWS x COLS (W: h x n), NAME: SIZE for a vector (x: n), or A=2x3`);
  const nameText = m[1] as string;
  const n = NAME.exec(plainName(nameText));
  if (n === null) throw new ShapeError(`cannot read the name '${nameText}' in '${text}': a matrix or vector name is letters, optionally numbered (W1, W_1) or with a layer label as in W^{(1)}, b^{[2]}`);
  const index = n[2] ?? n[3] ?? n[4];
  const label = n[5];
  const s = sym(n[1] as string, index === undefined ? [] : [num(Number(index))], label === undefined ? [] : [/^\d+$/.test(label) ? num(Number(label)) : sym(label)]);
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
  const clash = entryNameClash(ctx);
  if (clash !== undefined) throw new ShapeError(clash);
  return ctx;
}
