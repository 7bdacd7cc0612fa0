/**
 * For random expression trees, whatever `gradtex graph` marks "agrees" is
 * true: the Jacobian entry from both sweeps matches a central finite
 * difference of the original expression (Richardson-extrapolated, from
 * src/numeric, not from the graph), and forward and reverse mode agree with
 * each other. Points outside the domain are refused (PointError), never judged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sym } from '../../src/expr/build.js';
import { parsePoint, PointError } from '../../src/derive/point.js';
import { GraphError } from '../../src/graph/build-graph.js';
import { graphReport } from '../../src/graph/graph-report.js';
import { centralDifference } from '../../src/numeric/finite-difference.js';
import { compile } from '../../src/numeric/evaluate.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { arbExpr } from '../properties/arbitrary-expr.js';

const engine = createEngine();
const SEED = 1313;
const point = parsePoint(['x=0.7,y=1.3']);
const AT = new Map([
  ['x', 0.7],
  ['y', 1.3],
]);

describe('graphs of random trees', () => {
  it('should mark an entry "agrees" only when it matches an independent finite difference', () => {
    let judged = 0;
    fc.assert(
      fc.property(arbExpr({ depth: 3, vars: ['x', 'y'] }), (e) => {
        let report;
        try {
          report = graphReport(engine, { definitions: [{ name: sym('f'), expr: e }], outputs: ['f'] }, point, { step: 0.001, scheme: 'central' });
        } catch (err) {
          if (err instanceof PointError || err instanceof GraphError) return; // outside the domain, or no variable: refused, not judged
          throw err;
        }
        const vars = report.inputNames.map((n) => (n.kind === 'sym' ? n : sym('?')));
        const f = compile(e, vars);
        const at = vars.map((v) => AT.get(v.name) ?? NaN);
        report.jacobian[0]?.forEach((entry, j) => {
          if (entry.status !== 'agrees') return;
          const fd = centralDifference(f, at, j);
          if (!Number.isFinite(fd)) return; // a kink near the point: the finite difference cannot decide
          judged++;
          expect(Math.abs(entry.forward - fd), `${toPlain(e)} ∂/∂${toPlain(vars[j] ?? sym('?'))}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
          expect(Math.abs(entry.forward - entry.reverse)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(entry.forward)));
        });
      }),
      { seed: SEED, numRuns: 150 },
    );
    // The property must have judged something, or it proves nothing.
    expect(judged).toBeGreaterThan(80);
  });
});
