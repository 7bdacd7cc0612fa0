/**
 * The acceptance suite of matrix derivatives: each is derived by the rules of
 * rules/matrix-calculus.rules, every step is checked entry by entry, and the
 * result agrees with central finite differences on random matrices at two
 * sets of distinct sizes. Each case records the form a textbook prints
 * (Petersen & Pedersen, The Matrix Cookbook; Goodfellow et al., Deep
 * Learning §6.5; Bishop, PRML §4.3): the reference is checked to be equal to
 * the result entry by entry, and the number of results that are exactly the
 * reference form is counted (a ratchet: it may go up, never down).
 */
import { describe, expect, it } from 'vitest';
import { equal } from '../../src/expr/equal.js';
import type { Sym } from '../../src/expr/node.js';
import { sym } from '../../src/expr/build.js';
import { inferShape } from '../../src/matrix/infer-shape.js';
import { isScalarShape, shapeContext, shapeText } from '../../src/matrix/shape.js';
import { checkMatrixEqual, sizeNames } from '../../src/matrix-check/check-matrix-equal.js';
import { distinctSizeInstances } from '../../src/matrix-check/finite-differences.js';
import { parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { shapedDiffResult } from '../../src/derive/shaped-diff-result.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { CASES } from './derivatives-suite-cases.js';

/** How many results are exactly the textbook form (raise when a rule makes another one match). */
const EXACT_MATCHES_AT_LEAST = 45;

const engine = createEngine();

describe('matrix derivatives by the rules (acceptance suite)', () => {
  it('should hold at least 40 cases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
  });

  const exact: string[] = [];
  for (const c of CASES) {
    it(`should derive ${c.name}: d/d${c.wrt} ${c.expr}, every step checked, the result agreeing with finite differences and with ${c.textbook}`, () => {
      const ctx = shapeContext([c.shapes]);
      const f = parsePlain(c.expr, { shapes: ctx });
      const x = sym(c.wrt) as Sym;
      const instances = distinctSizeInstances(sizeNames(ctx));
      const o = shapedDiffResult(c.expr, f, [x], ctx, { engine, points: 1, instances });
      const j = o.json as { steps?: { rule: string; check: string }[]; finiteDifferences?: { verdict: string; summary: string }; verification?: { verdict: string }; result?: string; reason?: string };
      expect(j.reason, o.text).toBeUndefined();
      expect(j.steps?.every((s) => s.check === 'holds'), o.text).toBe(true);
      expect(j.finiteDifferences?.verdict, o.text).toBe('holds');
      expect(j.verification?.verdict, o.text).not.toBe('fails');
      // The gradient of a scalar has the variable's shape; the Jacobian of an m-vector by an n-vector is m×n.
      const fShape = inferShape(f, ctx);
      const xShape = inferShape(x, ctx);
      expect((o.json as { size?: string }).size).toBe(shapeText(isScalarShape(fShape) ? xShape : { rows: fShape.rows, cols: xShape.rows, vector: false }));
      const reference = parsePlain(c.textbook, { shapes: ctx });
      const result = parsePlain(j.result ?? '', { shapes: ctx });
      const same = checkMatrixEqual(result, reference, ctx, { points: 2, instances });
      expect(same.verdict, `${toPlain(result)} vs ${c.textbook}`).toBe('holds');
      if (equal(result, reference)) exact.push(c.name);
    });
  }

  it('should count the results printed exactly in the textbook form', () => {
    expect(exact.length).toBeGreaterThanOrEqual(EXACT_MATCHES_AT_LEAST);
    console.log(`exact textbook forms: ${exact.length} of ${CASES.length}`);
  });
});
