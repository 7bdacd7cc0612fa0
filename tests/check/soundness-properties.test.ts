/**
 * Soundness over completeness, on random trees (fixed seed): a step made
 * wrong on purpose is never `proved` or `holds`, and a true step is never
 * `fails`. Wrong steps: e = e + 1, e = e + e when e is not 0, e <= e - 1.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, num, sub } from '../../src/expr/build.js';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { arbExpr } from '../properties/arbitrary-expr.js';

const SEED = 4242;
const checker = createChecker(createEngine());
const opts = { points: 8, seed: 5, nerdamer: false };

describe('judgeStep on random trees', () => {
  it('should never call e = e + 1 proved or holding', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 3 }), (e) => {
        const j = judgeStep(checker, e, '=', add(e, num(1)), [], opts);
        if (j.verdict === 'proved' || j.verdict === 'holds') throw new Error(`${toPlain(e)} = … + 1 was ${j.verdict}: ${j.evidence.summary}`);
        return true;
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('should never call e <= e - 1 proved or holding, and never fail e <= e + 1', () => {
    let failed = 0;
    fc.assert(
      fc.property(arbExpr({ depth: 3 }), (e) => {
        const wrong = judgeStep(checker, e, '<=', sub(e, num(1)), [], opts);
        if (wrong.verdict === 'proved' || wrong.verdict === 'holds') throw new Error(`${toPlain(e)} <= … - 1 was ${wrong.verdict}`);
        if (wrong.verdict === 'fails') failed++;
        const right = judgeStep(checker, e, '<=', add(e, num(1)), [], opts);
        if (right.verdict === 'fails') throw new Error(`${toPlain(e)} <= … + 1 failed: ${right.evidence.summary}`);
        return true;
      }),
      { seed: SEED, numRuns: 120 },
    );
    expect(failed).toBeGreaterThan(60);
  });

  it('should never fail e = e, written the same or rearranged as e + 0', () => {
    fc.assert(
      fc.property(arbExpr({ depth: 3 }), (e) => {
        for (const rhs of [e, add(e, num(0))]) {
          const j = judgeStep(checker, e, '=', rhs, [], opts);
          if (j.verdict === 'fails') throw new Error(`${toPlain(e)} = itself failed: ${j.evidence.summary}`);
        }
        return true;
      }),
      { seed: SEED, numRuns: 120 },
    );
  });
});
