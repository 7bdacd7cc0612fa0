/**
 * Laws of the numeric checker on random trees (fixed seed): an expression
 * always equals itself, and a wrong identity built from it (e = 2e, e = -e)
 * only passes when e is itself 0 on the sampled domain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mul, neg, num } from '../../src/expr/build.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { toPlain } from '../../src/render/index.js';
import { arbExpr } from '../properties/arbitrary-expr.js';

const SEED = 20251123;

describe('checkEqualNumeric on random trees', () => {
  it('should never fail e = e', () => {
    let decided = 0;
    fc.assert(
      fc.property(arbExpr({ depth: 3 }), (e) => {
        const v = checkEqualNumeric(e, e, { points: 8, seed: 3 });
        if (v.verdict === 'fails') throw new Error(`${toPlain(e)} = itself failed: ${JSON.stringify(v)}`);
        if (v.verdict === 'holds') decided++;
        return true;
      }),
      { seed: SEED, numRuns: 300 },
    );
    // Most random trees have a domain: the law is not vacuously true.
    expect(decided).toBeGreaterThan(150);
  });

  it('should pass e = 2e or e = -e only when e = 0 passes too', () => {
    let refuted = 0;
    fc.assert(
      fc.property(arbExpr({ depth: 3 }), fc.boolean(), (e, double) => {
        const wrong = double ? mul(num(2), e) : neg(e);
        const v = checkEqualNumeric(e, wrong, { points: 8, seed: 5 });
        if (v.verdict === 'fails') refuted++;
        if (v.verdict !== 'holds') return true;
        const zero = checkEqualNumeric(e, num(0), { points: 8, seed: 5 });
        if (zero.verdict !== 'holds') throw new Error(`${toPlain(e)} = ${toPlain(wrong)} passed but e is not 0: ${JSON.stringify(zero)}`);
        return true;
      }),
      { seed: SEED, numRuns: 300 },
    );
    expect(refuted).toBeGreaterThan(150);
  });
});
