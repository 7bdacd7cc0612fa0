import { describe, expect, it } from 'vitest';
import { differentiate, inertDerivative } from '../../src/derive/differentiate.js';
import type { Sym } from '../../src/expr/node.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { FLOAT_OPS } from '../../src/numeric/float-ops.js';
import { jetOps } from '../../src/numeric/jet.js';
import { bigOps } from '../../src/numeric/big-number.js';
import { MAX_DERIVATIVE_ORDER, evaluateReal } from '../../src/numeric/real-evaluate.js';
import { parsePlain } from '../../src/parse/index.js';
import { verifyDerivation } from '../../src/proof/verify.js';
import { createEngine } from '../../src/rewrite/engine.js';

const at = (e: string, x: number, y = 0.7): number => evaluateReal(parsePlain(e), FLOAT_OPS, new Map([['x', x], ['y', y]]));
const nth = (f: string, n: number): string => (n === 0 ? f : `d(${nth(f, n - 1)}, x)`);

describe('Taylor jets', () => {
  it('should give the Taylor coefficients of sin', () => {
    const J = jetOps(FLOAT_OPS, 3);
    const c = J.sin(J.variable(0.5)).coefficients;
    [Math.sin(0.5), Math.cos(0.5), -Math.sin(0.5) / 2, -Math.cos(0.5) / 6].forEach((v, k) => expect(c[k]).toBeCloseTo(v, 15));
  });

  it('should differentiate to high order without finite differences', () => {
    expect(at(nth('sin(x)', 5), 0.5)).toBeCloseTo(Math.cos(0.5), 14);
    expect(at(nth('sin(x)', 12), 0.5)).toBeCloseTo(Math.sin(0.5), 12);
    expect(at(nth('x', 5), 4.49)).toBe(0);
    expect(at(nth('x^5', 5), -2.3)).toBe(120);
    const s = 1 / (1 + Math.exp(-0.892));
    expect(at(nth('sigma(x)', 3), 0.892)).toBeCloseTo(s * (1 - s) * (1 - 6 * s + 6 * s * s), 14);
  });

  it('should take mixed and nested derivatives', () => {
    expect(at('d(d(x^3*y^2, x), y)', 0.5)).toBeCloseTo(3 * 0.25 * 2 * 0.7, 14);
    expect(at('d(x*d(x^3, x), x)', 0.5)).toBeCloseTo(9 * 0.25, 14);
    expect(at('d(x^x, x)', 2)).toBeCloseTo(4 * (Math.log(2) + 1), 14);
  });

  it('should be undefined at a kink and outside the domain, exact next to a kink', () => {
    expect(at('d(abs(x), x)', 0)).toBeNaN();
    expect(at('d(relu(x), x)', 1e-300)).toBe(1);
    expect(at('d(log(x), x)', -1)).toBeNaN();
    expect(at('d(log(sigma(x)), x)', -4181)).toBeNaN(); // sigma underflows to 0: no value, no slope
  });

  it('should work over BigNumbers as over doubles', () => {
    const ops = bigOps(60);
    const v = evaluateReal(parsePlain(nth('tanh(x)', 4)), ops, new Map([['x', ops.num(0.3)]]));
    expect(v.toNumber()).toBeCloseTo(at(nth('tanh(x)', 4), 0.3), 12);
  });

  it('should refuse derivatives above the documented order', () => {
    const v = checkEqualNumeric(parsePlain(nth('sin(x)', MAX_DERIVATIVE_ORDER + 1)), parsePlain('cos(x)'));
    expect(v).toMatchObject({ verdict: 'undecided', reason: expect.stringContaining(`order above ${MAX_DERIVATIVE_ORDER}`) as unknown as string });
  });
});

describe('high-order derivatives of the engine', () => {
  const engine = createEngine();
  const x = parsePlain('x') as Sym;
  for (const [f, n] of [['sin(x)', 5], ['sigma(x)', 4], ['x', 5], ['sigma(x)', 8]] as const) {
    it(`should verify the derivative of order ${n} of ${f}`, () => {
      const wrt = Array.from({ length: n }, () => x);
      const d = differentiate(engine, parsePlain(f), wrt);
      const report = verifyDerivation(d, inertDerivative(parsePlain(f), wrt), { checkSteps: false });
      expect(report.verdict).toMatch(/^(proved|holds)$/);
    });
  }

  it('should fail a wrong fifth derivative', () => {
    expect(checkEqualNumeric(parsePlain(nth('sin(x)', 5)), parsePlain('-cos(x)')).verdict).toBe('fails');
    expect(checkEqualNumeric(parsePlain(nth('sin(x)', 5)), parsePlain('cos(x) + 1e-12')).verdict).toBe('fails');
  });
});
