/**
 * A vector given by its entries in the prose, "for $x = (3, -4)$", next to a
 * claim about it ($\|x\|_1 = 7$). gradtex does not take such a value as a
 * fact (the claim may be about every x); when a claim fails for general x,
 * it is evaluated at the given entries too: failing there as well, it fails
 * whichever x it speaks of, and the counterexample is the document's own.
 *
 *     judgeAtTuple('\\|x\\|_1', '=', '1', 'x = (3, -4)', ctx)   // { agrees: false, lhs: 7, rhs: 1, sizes: { n: 2 }, … }
 */
import { num, sym } from '../expr/build.js';
import { symKey } from '../expr/sym-key.js';
import { entryOf, FreshIndices } from '../matrix/lower.js';
import { unrollSums } from '../matrix/unroll-sums.js';
import { inferShape } from '../matrix/infer-shape.js';
import { isScalarShape, ShapeError, type ShapeContext } from '../matrix/shape.js';
import { instantiateContext, instantiateExpr } from '../matrix-check/check-matrix-equal.js';
import { evaluate, EvaluationError } from '../numeric/index.js';
import { ParseError, parseLatex } from '../parse/index.js';
import type { Relation } from '../parse/relation.js';
import { readShaped } from './judge-shaped.js';

/** x = (3, -4), \mathbf{x} = \left(1, 2\right)^\top: the letter and the entries' text. */
const TUPLE = /^\s*(?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?([A-Za-z])\s*\}?\s*=\s*(?:\\left\s*)?[([]([^()[\]]*)(?:\\right\s*)?[)\]]\s*(?:\^\s*(?:\\top|T|\{\s*(?:\\top|T)\s*\}))?\s*[.,;:]?\s*$/;

export interface TupleValue {
  readonly letter: string;
  readonly entries: readonly number[];
}

/** The vector a tuple premise gives, or undefined when the text is not one (or an entry is not a number). */
export function readTuple(text: string): TupleValue | undefined {
  const m = TUPLE.exec(text);
  if (m === null) return undefined;
  const entries: number[] = [];
  for (const part of (m[2] as string).split(',')) {
    try {
      const v = evaluate(parseLatex(part), new Map());
      if (!Number.isFinite(v)) return undefined;
      entries.push(v);
    } catch (e) {
      if (e instanceof ParseError || e instanceof EvaluationError) return undefined;
      throw e;
    }
  }
  return entries.length > 0 ? { letter: m[1] as string, entries } : undefined;
}

export interface TupleJudgement {
  readonly agrees: boolean;
  readonly lhs: number;
  readonly rhs: number;
  readonly sizes: Readonly<Record<string, number>>;
}

function compare(l: number, r: number, rel: Relation): boolean {
  const close = Math.abs(l - r) <= 1e-9 * Math.max(1, Math.abs(l), Math.abs(r));
  switch (rel) {
    case '=':
      return close;
    case '!=':
      return !close;
    case '<=':
      return l <= r || close;
    case '>=':
      return l >= r || close;
    case '<':
      return l < r && !close;
    case '>':
      return l > r && !close;
    default:
      return false;
  }
}

/** lhs rel rhs evaluated with the vector of `tuple` (its size and entries), or undefined when that cannot be done (other unknowns, a non-scalar side). */
export function judgeAtTuple(lhsLatex: string, rel: Relation, rhsLatex: string, tuple: TupleValue, ctx: ShapeContext): TupleJudgement | undefined {
  const shape = ctx.get(tuple.letter);
  // ≈ has its own tolerance: not judged here.
  if (rel === '~=' || shape === undefined || !shape.vector) return undefined;
  const n = tuple.entries.length;
  if (typeof shape.rows === 'number' && shape.rows !== n) return undefined;
  const sizes: Record<string, number> = typeof shape.rows === 'string' ? { [shape.rows]: n } : {};
  const c = instantiateContext(ctx, sizes);
  const env = new Map(tuple.entries.map((v, k) => [symKey(sym(tuple.letter, [num(k + 1)])), v] as const));
  const side = (text: string): number | undefined => {
    const read = readShaped(text, c, 'latex');
    if (!read.ok) return undefined;
    try {
      const e = instantiateExpr(read.expr, sizes);
      if (!isScalarShape(inferShape(e, c))) return undefined;
      return evaluate(unrollSums(entryOf(e, num(1), num(1), c, new FreshIndices([e], c))), env);
    } catch (err) {
      if (err instanceof EvaluationError || err instanceof ShapeError) return undefined;
      throw err;
    }
  };
  const l = side(lhsLatex);
  const r = side(rhsLatex);
  if (l === undefined || r === undefined || !Number.isFinite(l) || !Number.isFinite(r)) return undefined;
  return { agrees: compare(l, r, rel), lhs: l, rhs: r, sizes };
}

/** The vectors given by their entries in the paragraph around `offset` ($x = (3, -4)$ anywhere in it, before or after the claim). */
export function paragraphTuples(source: string, offset: number, end: number): TupleValue[] {
  const blank = [...source.slice(0, offset).matchAll(/\n[ \t]*\n/g)].pop();
  const start = blank === undefined ? 0 : (blank.index ?? 0) + blank[0].length;
  const out: TupleValue[] = [];
  for (const m of source.slice(start, end).matchAll(/\$([^$]+)\$|\\\(([^]*?)\\\)/g)) {
    const t = readTuple(m[1] ?? m[2] ?? '');
    if (t !== undefined) out.push(t);
  }
  return out;
}
