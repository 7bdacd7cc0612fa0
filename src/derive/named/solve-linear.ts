/**
 * Solving a square linear system exactly, for parts such as "set the
 * gradient to zero and solve the normal equations". The coefficients are
 * read off the equations by exact evaluation with the simplifier (so they
 * must be rational numbers), and the system is solved in exact fractions by
 * mathjs's LU decomposition.
 *
 *     solveLinear(engine, [parsePlain('2*a - 1'), parsePlain('a + b')], [a, b])
 *     // [{ unknown: a, value: 1/2 }, { unknown: b, value: -1/2 }]
 */
import { createRequire } from 'node:module';
import type { Fraction, MathJsInstance, Matrix } from 'mathjs';
import { num } from '../../expr/build.js';
import type { Expr, Sym } from '../../expr/node.js';
import { symKey } from '../../expr/sym-key.js';
import type { Engine } from '../../rewrite/engine.js';
import { simplify } from '../../simplify/simplify.js';
import { substitute } from '../../expr/substitute.js';

let exact: MathJsInstance | undefined;

/**
 * A mathjs instance computing in exact fractions, made on first use: loading
 * mathjs takes about a second, which every gradtex command would otherwise
 * pay at start-up although only `solve` parts need it. (The CommonJS build
 * is loaded with require so that this stays synchronous.)
 */
function exactMath(): MathJsInstance {
  if (exact !== undefined) return exact;
  const { all, create } = createRequire(import.meta.url)('mathjs') as typeof import('mathjs');
  // The typings allow `all` to be missing; the package always ships it.
  if (all === undefined) throw new Error('mathjs was installed without its function factories');
  exact = create(all, { number: 'Fraction' });
  return exact;
}

export class LinearSystemError extends Error {
  override readonly name = 'LinearSystemError';
}

export interface SolvedUnknown {
  readonly unknown: Sym;
  readonly value: Expr;
}

function valueAt(math: MathJsInstance, engine: Engine, e: Expr, unknowns: readonly Sym[], values: readonly bigint[], k: number): Fraction {
  const at = new Map(unknowns.map((u, i) => [symKey(u), num(values[i] ?? 0n)]));
  const r = simplify(engine, substitute(e, at)).result;
  if (r.kind !== 'num') throw new LinearSystemError(`equation ${k + 1} does not have rational coefficients in ${unknowns.map(symKey).join(', ')}`);
  return math.fraction(`${r.n}/${r.d}`) as Fraction;
}

/** Unknowns such that every equation (an expression meant to be 0) vanishes. */
export function solveLinear(engine: Engine, equations: readonly Expr[], unknowns: readonly Sym[]): SolvedUnknown[] {
  if (equations.length !== unknowns.length) throw new LinearSystemError(`${equations.length} equations for ${unknowns.length} unknowns: give as many of each`);
  const math = exactMath();
  const zero = unknowns.map(() => 0n);
  const rows: Fraction[][] = [];
  const rhs: Fraction[] = [];
  equations.forEach((e, k) => {
    const c0 = valueAt(math, engine, e, unknowns, zero, k);
    const row = unknowns.map((_, j) => math.subtract(valueAt(math, engine, e, unknowns, zero.map((_, i) => (i === j ? 1n : 0n)), k), c0) as Fraction);
    // Linear means the value at any point is c0 + Σ a_j v_j; one point off the axes tests it.
    const probe = unknowns.map((_, i) => BigInt(i + 2));
    const predicted = row.reduce((s, a, i) => math.add(s, math.multiply(a, math.fraction(Number(probe[i])))) as Fraction, c0);
    if (!math.equal(predicted, valueAt(math, engine, e, unknowns, probe, k))) throw new LinearSystemError(`equation ${k + 1} is not linear in ${unknowns.map(symKey).join(', ')}`);
    rows.push(row);
    rhs.push(math.unaryMinus(c0) as Fraction);
  });
  if (math.equal(math.det(math.matrix(rows)), 0)) throw new LinearSystemError('the equations are not independent (singular system): no unique solution');
  const x = (math.lusolve(math.matrix(rows), math.matrix(rhs)) as Matrix).toArray() as unknown as Fraction[][];
  return unknowns.map((u, i) => {
    const raw = x[i]?.[0];
    if (raw === undefined) throw new LinearSystemError(`no value for ${symKey(u)}`);
    // An exact zero can come back as the plain number 0.
    const f = math.fraction(raw) as Fraction;
    return { unknown: u, value: num(BigInt(f.s) * BigInt(f.n), BigInt(f.d)) };
  });
}
