/**
 * Functions of a whole vector given at a point (`--at 'z=[2, 4.5, 1, 3.5]'`):
 * softmax, log-sum-exp and the norms are entries of the function table
 * (src/expr/functions.ts, `ofEntries`), and a vector given at the point has
 * a shape (z: 4), so each call is written out over the entries by the one
 * lowering every shaped check uses (src/matrix/lower.ts), max-shifted:
 *
 *     lse(z)          = max(z_1, …, z_n) + log Σ_k e^{z_k − max(…)}
 *     softmax(z)_j    = e^{z_j − max(…)} / Σ_k e^{z_k − max(…)}
 *
 * so z = [1000, 1000] gives 1000 + log 2 and (1/2, 1/2), not an overflow.
 *
 *     expandVectorFunctions(parsePlain('lse(z) - z_1'), new Map([['z', 3]]))
 *     // { expr: max(z_1, max(z_2, z_3)) + log(…) - z_1 }
 */
import { call, num } from '../expr/build.js';
import { lookupFunction } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import { mapBottomUp } from '../expr/traverse.js';
import { toPlain } from '../expr/to-plain.js';
import { entryOf, FreshIndices } from '../matrix/lower.js';
import { shapeContext, type ShapeContext } from '../matrix/shape.js';
import { unrollSums } from '../matrix/unroll-sums.js';

export class DataError extends Error {
  override readonly name = 'DataError';
}

export interface Expanded {
  /** The expression with every function of a vector written out over its entries. */
  readonly expr: Expr;
  /** For a vector-valued call alone (`softmax(z)`): each entry, and what the vector is called. */
  readonly entries?: { readonly label: string; readonly exprs: readonly Expr[]; readonly written: readonly Expr[] };
}

type VectorCall = Expr & { kind: 'call' };

function isVectorCall(e: Expr): e is VectorCall {
  return e.kind === 'call' && lookupFunction(e.fn)?.ofEntries === true;
}

/** The vector a call reads, checked against the point: its length. */
function lengthOf(e: VectorCall, vectors: ReadonlyMap<string, number>): number {
  const v = e.args[0];
  const name = v?.kind === 'sym' && v.sub.length === 0 && v.sup.length === 0 ? v.name : undefined;
  const n = name === undefined ? undefined : vectors.get(name);
  if (n === undefined) throw new DataError(`${toPlain(e)} needs ${name ?? 'its argument'} as a vector: add --at '${name ?? 'z'}=[…]'`);
  const spec = lookupFunction(e.fn);
  const at = spec?.entryArgument;
  const index = at === undefined ? undefined : e.args[at];
  // softmax(z, 1.5), softmax(z, 2.0): a decimal index is read as a float, and was looked up as an entry named z_{#float…}.
  if (index?.kind === 'float') throw new DataError(`${toPlain(e)} asks for entry ${toPlain(index)}: an entry is a whole number written without a decimal point (1 … ${n})`);
  if (index !== undefined && index.kind === 'num' && (index.d !== 1n || index.n < 1n || index.n > BigInt(n))) {
    throw new DataError(`index out of range: ${toPlain(e)} asks for entry ${toPlain(index)}, but ${name} has ${n} entr${n === 1 ? 'y' : 'ies'} (1 … ${n})`);
  }
  return n;
}

/** The shapes of the vectors at the point: z: 4. */
function contextOf(vectors: ReadonlyMap<string, number>): ShapeContext {
  return shapeContext([...vectors].map(([name, n]) => `${name}: ${n}`));
}

const isVectorValued = (e: VectorCall): boolean => {
  const at = lookupFunction(e.fn)?.entryArgument;
  return at !== undefined && e.args[at] === undefined;
};

export function expandVectorFunctions(e: Expr, vectors: ReadonlyMap<string, number>): Expanded {
  const ctx = contextOf(vectors);
  const fresh = new FreshIndices([e], ctx);
  const lower = (x: Expr, i: number): Expr => unrollSums(entryOf(x, num(i), num(1), ctx, fresh));
  if (isVectorCall(e) && isVectorValued(e)) {
    const n = lengthOf(e, vectors);
    const indices = Array.from({ length: n }, (_, j) => j + 1);
    // Each entry shown as the function's entry, softmax(z)_j, and computed from its max-shifted form.
    return { expr: e, entries: { label: toPlain(e), exprs: indices.map((j) => lower(e, j)), written: indices.map((j) => call(e.fn, [...e.args, num(j)])) } };
  }
  const expr = mapBottomUp(e, (x) => {
    if (!isVectorCall(x)) return x;
    const n = lengthOf(x, vectors);
    if (isVectorValued(x)) throw new DataError(`${toPlain(x)} is a vector: evaluate it on its own, or write one entry, ${x.fn}(${toPlain(x.args[0] ?? num(0))}, 1) (${n} entries)`);
    return lower(x, 1);
  });
  return { expr };
}
