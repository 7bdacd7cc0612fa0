/**
 * A fast entry-by-entry comparison for the many steps of a matrix derivation:
 * both sides lowered to components (lower.ts) at the given sizes, written out,
 * and evaluated in doubles at a few random points shared by both sides
 * (derivative nodes by automatic differentiation in evaluate.ts). Agreement
 * everywhere is `holds` at those points; any other outcome is handed to
 * checkMatrixEqual, whose special points, rounding bounds and high
 * precision decide it, so a step never comes out `fails` on round-off alone.
 *
 *     quickMatrixEqual(redex, contractum, ctx, [{ m: 2, n: 3 }, { m: 3, n: 2 }])   // { verdict: 'holds', … }
 */
import { num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { compile, freeSymbols, type Compiled } from '../numeric/evaluate.js';
import { EvaluationError } from '../numeric/evaluation-error.js';
import { createRng } from '../numeric/rng.js';
import { inferShape } from '../matrix/infer-shape.js';
import { entryOf, FreshIndices } from '../matrix/lower.js';
import { sameShape, type ShapeContext } from '../matrix/shape.js';
import { unrollSums } from '../matrix/unroll-sums.js';
import { checkMatrixEqual, instantiateContext, instantiateExpr, type MatrixVerdict, type Sizes } from './check-matrix-equal.js';

/** Random points per size instance. */
const POINTS = 2;
const TOLERANCE = 1e-9;

function value(f: Compiled, values: Float64Array): number {
  try {
    return f(values);
  } catch (err) {
    if (err instanceof EvaluationError) return NaN;
    throw err;
  }
}

/** Do lhs and rhs agree entry by entry at random points for every instance? Otherwise the careful checker's verdict. */
export function quickMatrixEqual(lhs: Expr, rhs: Expr, ctx: ShapeContext, instances: readonly Sizes[], seed = 1): MatrixVerdict {
  const careful = (): MatrixVerdict => checkMatrixEqual(lhs, rhs, ctx, { points: 2, instances, seed });
  const shape = inferShape(lhs, ctx);
  if (!sameShape(shape, inferShape(rhs, ctx))) return careful();
  const rng = createRng(seed);
  let entries = 0;
  let points = 0;
  let maxRelError = 0;
  for (const sizes of instances) {
    const c = instantiateContext(ctx, sizes);
    const l = instantiateExpr(lhs, sizes);
    const r = instantiateExpr(rhs, sizes);
    const s = inferShape(l, c);
    if (typeof s.rows !== 'number' || typeof s.cols !== 'number') return careful();
    const fresh = new FreshIndices([l, r], c);
    const pairs: [Expr, Expr][] = [];
    for (let i = 1; i <= s.rows; i++) for (let j = 1; j <= s.cols; j++) pairs.push([unrollSums(entryOf(l, num(i), num(j), c, fresh)), unrollSums(entryOf(r, num(i), num(j), c, fresh))]);
    // One list of symbols for both sides (by key: freeSymbols alone compares every pair), each side compiled once.
    const byKey = new Map<string, Sym>();
    for (const [a, b] of pairs) for (const x of [...freeSymbols(a), ...freeSymbols(b)]) byKey.set(symKey(x), x);
    const symbols = [...byKey.values()];
    let compiled: [Compiled, Compiled][];
    try {
      compiled = pairs.map(([a, b]) => [compile(a, symbols), compile(b, symbols)]);
    } catch (err) {
      if (err instanceof EvaluationError) return careful();
      throw err;
    }
    let good = 0;
    for (let p = 0; p < 3 * POINTS && good < POINTS; p++) {
      // Mixed signs first, then positive values, where a logarithm of an entry is defined.
      const values = Float64Array.from(symbols, () => (p % 2 === 0 && p < 2 * POINTS ? rng.uniform(-1.5, 1.5) : rng.uniform(0.2, 1.4)));
      const vs = compiled.map(([a, b]) => [value(a, values), value(b, values)] as const);
      // A point outside the left side's domain says nothing (a rewrite may widen the domain, log(x) to x^(-1));
      // the right side undefined where the left is defined is for the careful checker.
      if (vs.some(([va]) => !Number.isFinite(va))) continue;
      for (const [va, vb] of vs) {
        if (!Number.isFinite(va) || !Number.isFinite(vb)) return careful();
        const err = Math.abs(va - vb) / Math.max(1, Math.abs(va), Math.abs(vb));
        if (err > TOLERANCE) return careful();
        maxRelError = Math.max(maxRelError, err);
      }
      good++;
      points += pairs.length;
    }
    if (good === 0) return careful();
    entries += pairs.length;
  }
  return { verdict: 'holds', shape, instances, entries, points, maxRelError };
}
