/**
 * A derivative under shapes checked against central finite differences on
 * random matrices: an independent reference that shares nothing with the
 * rules or the automatic differentiation of the entry-by-entry check, only
 * the component definitions of lower.ts. Each size symbol takes two sets of
 * distinct values (so a transposed factor changes a shape or an entry), every
 * declared entry and scalar a random value, and every entry of the variable
 * is moved by ±h.
 *
 *     checkFiniteDifferences(f, sym('w'), result, ctx, { transposed: false })   // { verdict: 'holds', instances: [{ d: 2, n: 3 }, { d: 3, n: 2 }], … }
 */
import { num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { evaluate, freeSymbols } from '../numeric/evaluate.js';
import { EvaluationError } from '../numeric/evaluation-error.js';
import { createRng } from '../numeric/rng.js';
import { inferShape } from '../matrix/infer-shape.js';
import { entryOf, entrySymbol, FreshIndices } from '../matrix/lower.js';
import { declaredShape, isScalarShape, type ShapeContext } from '../matrix/shape.js';
import { unrollSums } from '../matrix/unroll-sums.js';
import { instantiateContext, instantiateExpr, sizeNames, type Sizes } from './check-matrix-equal.js';

export type FiniteDifferenceVerdict =
  | { readonly verdict: 'holds'; readonly instances: readonly Sizes[]; readonly entries: number; readonly maxError: number }
  | { readonly verdict: 'fails'; readonly sizes: Sizes; readonly entry: readonly [number, number]; readonly derived: number; readonly difference: number }
  | { readonly verdict: 'undecided'; readonly reason: string };

/** Two instances with distinct sizes: 2, 3, 4, … in name order, then the same values reversed (one name: 2, then 3). */
export function distinctSizeInstances(names: readonly string[]): Sizes[] {
  if (names.length === 0) return [{}];
  const first = names.map((_, k) => 2 + k);
  const second = names.length === 1 ? [3] : [...first].reverse();
  return [first, second].map((vs) => Object.fromEntries(names.map((n, k) => [n, vs[k] as number])));
}

const H = 1e-5;

/**
 * Compares `result` (d f / d x in its layout: shaped like x for a scalar f,
 * the m×n Jacobian for an m-vector f; `transposed` for the other layout)
 * with central differences of f in every entry of x.
 */
export function checkFiniteDifferences(f: Expr, x: Sym, result: Expr, ctx: ShapeContext, opts: { readonly transposed: boolean; readonly seed?: number; readonly zero?: boolean }): FiniteDifferenceVerdict {
  const instances = distinctSizeInstances(sizeNames(ctx));
  const rng = createRng(opts.seed ?? 7);
  let entries = 0;
  let maxError = 0;
  for (const sizes of instances) {
    const c = instantiateContext(ctx, sizes);
    const fi = instantiateExpr(f, sizes);
    const ri = instantiateExpr(result, sizes);
    const xs = declaredShape(c, x);
    const fs = inferShape(fi, c);
    if (xs === undefined || typeof xs.rows !== 'number' || typeof xs.cols !== 'number' || typeof fs.rows !== 'number') return { verdict: 'undecided', reason: `the sizes of ${symKey(x)} are not all declared` };
    const fresh = new FreshIndices([fi, ri], c);
    const outputs = isScalarShape(fs) ? 1 : fs.rows;
    const fEntries = Array.from({ length: outputs }, (_, k) => unrollSums(entryOf(fi, num(k + 1), num(1), c, fresh)));
    const at = (i: number, j: number): Expr => unrollSums(opts.zero === true ? num(0) : entryOf(ri, num(i), num(j), c, fresh));
    // Random values for every symbol either side mentions; positive ones when a negative value leaves f undefined (a logarithm).
    const symbols: Sym[] = [];
    for (const e of fEntries) freeSymbols(e, symbols);
    for (let i = 1; i <= xs.rows; i++) for (let j = 1; j <= xs.cols; j++) freeSymbols(at(i, j), symbols);
    for (let i = 1; i <= xs.rows; i++) for (let j = 1; j <= xs.cols; j++) if (!symbols.some((s) => symKey(s) === symKey(entrySymbol(x, xs, num(i), num(j))))) symbols.push(entrySymbol(x, xs, num(i), num(j)));
    let env: Map<string, number> | undefined;
    for (let attempt = 0; attempt < 4 && env === undefined; attempt++) {
      const candidate = new Map(symbols.map((s) => [symKey(s), attempt < 2 ? rng.uniform(-1.5, 1.5) : rng.uniform(0.2, 1.2)] as [string, number]));
      if (fEntries.every((e) => Number.isFinite(safeEvaluate(e, candidate)))) env = candidate;
    }
    if (env === undefined) return { verdict: 'undecided', reason: `no random point found where ${'f'} is defined with ${JSON.stringify(sizes)}` };
    for (let i = 1; i <= xs.rows; i++) {
      for (let j = 1; j <= xs.cols; j++) {
        const key = symKey(entrySymbol(x, xs, num(i), num(j)));
        const x0 = env.get(key) as number;
        const h = H * Math.max(1, Math.abs(x0));
        for (let k = 0; k < outputs; k++) {
          const fe = fEntries[k] as Expr;
          const plus = safeEvaluate(fe, new Map(env).set(key, x0 + h));
          const minus = safeEvaluate(fe, new Map(env).set(key, x0 - h));
          const difference = (plus - minus) / (2 * h);
          // Gradient: entry (i, j) of x; Jacobian: entry (k, i); the other layout transposes either.
          const [r, q] = isScalarShape(fs) ? [i, j] : [k + 1, i];
          const derived = safeEvaluate(opts.transposed ? at(q, r) : at(r, q), env);
          entries++;
          if (!Number.isFinite(difference) || !Number.isFinite(derived)) return { verdict: 'undecided', reason: `entry (${r}, ${q}) is not finite at the random point with ${JSON.stringify(sizes)}` };
          const error = Math.abs(derived - difference) / Math.max(1, Math.abs(difference));
          maxError = Math.max(maxError, error);
          if (error > 1e-5) return { verdict: 'fails', sizes, entry: opts.transposed ? [q, r] : [r, q], derived, difference };
        }
      }
    }
  }
  return { verdict: 'holds', instances, entries, maxError };
}

function safeEvaluate(e: Expr, env: ReadonlyMap<string, number>): number {
  try {
    return evaluate(e, env);
  } catch (err) {
    if (err instanceof EvaluationError) return NaN;
    throw err;
  }
}

/** One line: "holds: 24 entries agree with central differences at sizes {d = 2, n = 3}, {d = 3, n = 2} (max error 3.1e-10)". */
export function finiteDifferenceText(v: FiniteDifferenceVerdict): string {
  const sizes = (s: Sizes): string => `{${Object.entries(s).map(([k, n]) => `${k} = ${n}`).join(', ')}}`;
  switch (v.verdict) {
    case 'holds':
      return `holds: ${v.entries} entries agree with central differences on random matrices at sizes ${v.instances.map(sizes).join(', ')} (max relative error ${v.maxError.toExponential(1)})`;
    case 'fails':
      return `fails: entry (${v.entry[0]}, ${v.entry[1]}) at sizes ${sizes(v.sizes)} is ${v.derived.toPrecision(6)}, central differences give ${v.difference.toPrecision(6)}`;
    case 'undecided':
      return `undecided: ${v.reason}`;
  }
}
