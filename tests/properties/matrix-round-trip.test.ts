/**
 * Random well-shaped matrix expressions (products, transposes, sums, scalar
 * multiples, elementwise functions) under declared shapes: the plain and
 * LaTeX printers' output reads back to the same matrix (checked entry by
 * entry), printing is stable after one round trip, and KaTeX accepts the
 * LaTeX.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, call, mul, neg, num, sym } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { checkMatrixEqual } from '../../src/matrix-check/check-matrix-equal.js';
import { matmul, transpose } from '../../src/matrix/matrix-calls.js';
import { shapeContext } from '../../src/matrix/shape.js';
import { createRng, type Rng } from '../../src/numeric/rng.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { renderKatex, toLatex, toPlain } from '../../src/render/index.js';

const SEED = 4242;
const ctx = shapeContext(['A: n x p', 'C: n x n', 'P: p x p', 'x: n', 'y: p', 'W^{(1)}: p x n']);
type Dim = 'n' | 'p' | 1;
const DIMS: readonly Dim[] = ['n', 'p', 1];

/** A symbol (or the transpose of one) of shape r×c: every shape over {1, n, p} has one. */
function leaf(r: Dim, c: Dim, rng: Rng): Expr {
  const key = `${r}x${c}`;
  const table: Record<string, Expr[]> = {
    nxp: [sym('A')],
    nxn: [sym('C')],
    pxp: [sym('P')],
    nx1: [sym('x')],
    px1: [sym('y')],
    '1x1': [sym('alpha'), num(3)],
    pxn: [transpose(sym('A')), sym('W', [], [num(1)])],
    '1xn': [transpose(sym('x'))],
    '1xp': [transpose(sym('y'))],
  };
  const options = table[key] ?? [];
  return options[rng.int(0, options.length - 1)] as Expr;
}

function gen(r: Dim, c: Dim, depth: number, rng: Rng): Expr {
  if (depth === 0) return leaf(r, c, rng);
  const scalar = r === 1 && c === 1;
  switch (rng.int(0, 5)) {
    case 0: {
      const k = DIMS[rng.int(0, 1)] as Dim;
      return matmul([gen(r, k, depth - 1, rng), leaf(k, c, rng)]);
    }
    case 1:
      return transpose(gen(c, r, depth - 1, rng));
    case 2:
      return add(gen(r, c, depth - 1, rng), gen(r, c, depth - 1, rng));
    case 3:
      return scalar ? gen(r, c, depth - 1, rng) : mul(sym('beta'), gen(r, c, depth - 1, rng));
    case 4:
      return call('tanh', [gen(r, c, depth - 1, rng)]);
    default:
      return neg(gen(r, c, depth - 1, rng));
  }
}

const arbMatrix = fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom<[Dim, Dim]>(['n', 'p'], ['p', 1], ['n', 'n'], [1, 'p'])).map(([seed, [r, c]]) => gen(r, c, 3, createRng(seed)));

describe('matrix expressions: printing and reading back under shapes', () => {
  it('should read the plain and LaTeX output back to the same matrix, and print it the same again', () => {
    fc.assert(
      fc.property(arbMatrix, (e) => {
        const plain = toPlain(e);
        const fromPlain = parsePlain(plain, { shapes: ctx });
        expect(toPlain(fromPlain)).toBe(plain);
        const latex = toLatex(e);
        const fromLatex = parseLatex(latex, { shapes: ctx });
        expect(toLatex(fromLatex)).toBe(latex);
        for (const back of [fromPlain, fromLatex]) expect(checkMatrixEqual(e, back, ctx, { points: 1 }).verdict, plain).toBe('holds');
        return true;
      }),
      { seed: SEED, numRuns: 40 },
    );
  });

  it('should produce LaTeX that KaTeX accepts', () => {
    fc.assert(
      fc.property(arbMatrix, (e) => renderKatex(toLatex(e), { displayMode: true }).ok),
      { seed: SEED, numRuns: 200 },
    );
  });
});
