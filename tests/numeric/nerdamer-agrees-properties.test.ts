/**
 * nerdamerAgrees is used to call an identity proved, so it must never agree
 * with a wrong one. On random trees (with derivative nodes, fixed seed), a
 * confirmation of e = 2e, e = e + 1 or d(e, x) = its perturbation must be
 * backed by the numeric check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, deriv, mul, num, sym } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { some } from '../../src/expr/traverse.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { nerdamerAgrees, nerdamerDerivativeExpr } from '../../src/numeric/nerdamer-bridge.js';
import { toPlain } from '../../src/render/index.js';
import { arbExpr } from '../properties/arbitrary-expr.js';

const x = sym('x');
const EXPRESSIBLE = ['exp', 'log', 'sqrt', 'sin', 'cos', 'tan', 'tanh', 'sigma', 'softplus', 'abs'];

describe('nerdamerAgrees on random trees', () => {
  it('should never confirm an identity that a point refutes', () => {
    let confirmed = 0;
    const wrongly: string[] = [];
    const ask = (a: Expr, b: Expr): void => {
      if (nerdamerAgrees(a, b) !== true) return;
      confirmed++;
      const v = checkEqualNumeric(a, b, { points: 12, seed: 11 });
      if (v.verdict === 'fails') wrongly.push(`${toPlain(a)} = ${toPlain(b)}: ${JSON.stringify(v)}`);
    };
    fc.assert(
      fc.property(arbExpr({ depth: 3, vars: ['x', 'y'], functions: EXPRESSIBLE }), (e) => {
        // Tiny decimals make nerdamer take seconds (NERDAMER.md); nerdamerAgrees refuses them anyway.
        if (some(e, (n) => n.kind === 'float' && n.value !== 0 && Math.abs(n.value) < 1e-6)) return true;
        ask(e, e);
        ask(e, mul(num(2), e));
        ask(e, add(e, num(1)));
        // nerdamer's own derivative, read back: agreeing with it must mean it is right.
        const d = nerdamerDerivativeExpr(e, x);
        if (!('unsupported' in d)) ask(deriv(e, x), d);
        return true;
      }),
      { seed: 99, numRuns: 150 },
    );
    expect(wrongly).toEqual([]);
    expect(confirmed).toBeGreaterThan(60);
  });
});
