import { describe, expect, it } from 'vitest';
import { add, call, deriv, div, float, mul, neg, num, pow, sym } from '../../src/expr/build.js';
import { EvaluationError, compile, evaluate } from '../../src/numeric/index.js';
import { parsePlain } from '../../src/parse/index.js';

const x = sym('x');
const y = sym('y');
const at = (src: string, env: Record<string, number>): number => evaluate(parsePlain(src), new Map(Object.entries(env)));

describe('evaluate', () => {
  it('should compute arithmetic by hand-checked values', () => {
    expect(at('x^2 + y', { x: 3, y: 1 })).toBe(10);
    expect(at('(x - y)/(x + y)', { x: 3, y: 1 })).toBe(0.5);
    expect(at('-x*y*2', { x: 3, y: 1.5 })).toBe(-9);
    expect(at('x^(1/2)', { x: 9 })).toBe(3);
    expect(at('2^-x', { x: 3 })).toBe(0.125);
  });

  it('should evaluate sums and products of more than two terms', () => {
    expect(evaluate(add(x, y, num(1), neg(x)), new Map([['x', 5], ['y', 2]]))).toBe(3);
    expect(evaluate(mul(x, y, num(1, 2), float(4)), new Map([['x', 5], ['y', 2]]))).toBe(20);
  });

  it('should evaluate exact fractions and floats', () => {
    expect(evaluate(num(3, 4), new Map())).toBe(0.75);
    expect(evaluate(float(-2.5), new Map())).toBe(-2.5);
  });

  it('should evaluate every function of the table at a hand-computed point', () => {
    expect(at('sigma(0)', {})).toBe(0.5);
    expect(at('sigma(x)', { x: Math.log(3) })).toBeCloseTo(0.75, 15);
    expect(at('softplus(0)', {})).toBeCloseTo(Math.LN2, 15);
    expect(at('softplus(x)', { x: 800 })).toBe(800); // the stable form does not overflow
    expect(at('relu(x) + relu(-x)', { x: -2 })).toBe(2);
    expect(at('max(x, y) - min(x, y)', { x: -2, y: 5 })).toBe(7);
    expect(at('abs(x) * sign(x)', { x: -4 })).toBe(-4);
    expect(at('step(x)', { x: -1 })).toBe(0);
    expect(at('step(x)', { x: 0 })).toBe(0.5);
    expect(at('step(x)', { x: 2 })).toBe(1);
    expect(at('tanh(x)', { x: Math.log(2) })).toBeCloseTo(0.6, 15); // (4 - 1) / (4 + 1)
    expect(at('exp(x) * log(x)', { x: 1 })).toBe(0);
    expect(at('sqrt(x)', { x: 2.25 })).toBe(1.5);
    expect(at('sin(x)^2 + cos(x)^2', { x: 0.7 })).toBeCloseTo(1, 15);
    expect(at('tan(x)', { x: Math.PI / 4 })).toBeCloseTo(1, 15);
  });

  it('should know pi as a constant, not a variable', () => {
    expect(at('cos(pi)', {})).toBe(-1);
    expect(at('2*pi*x', { x: 0.5 })).toBe(Math.PI);
  });

  it('should key indexed symbols as x_{1} and w^{(1)}', () => {
    const e = add(sym('x', [num(1)]), mul(num(10), sym('w', [], [num(1)])));
    expect(evaluate(e, new Map([['x_{1}', 2], ['w^{(1)}', 3]]))).toBe(32);
  });

  it('should give NaN outside a function domain instead of throwing', () => {
    expect(at('log(x)', { x: -1 })).toBeNaN();
    expect(at('sqrt(x)', { x: -4 })).toBeNaN();
    expect(at('x^(1/3)', { x: -8 })).toBeNaN();
    expect(at('1/x', { x: 0 })).toBe(Infinity);
  });

  it('should throw E_EVAL_UNBOUND naming the missing symbol', () => {
    const run = (): number => at('x + y_2', { x: 1 });
    expect(run).toThrow(EvaluationError);
    expect(run).toThrow(/y_\{2\}/);
    try {
      run();
    } catch (e) {
      expect(e instanceof EvaluationError && e.code).toBe('E_EVAL_UNBOUND');
    }
  });

  it('should throw E_EVAL_UNSUPPORTED for a function it does not know', () => {
    try {
      evaluate(call('frobnicate', [x]), new Map([['x', 1]]));
      expect.unreachable('an unknown function must not evaluate');
    } catch (e) {
      expect(e instanceof EvaluationError && e.code).toBe('E_EVAL_UNSUPPORTED');
    }
  });
});

describe('compile', () => {
  it('should take values in the order of the variable list', () => {
    const f = compile(div(x, y), [y, x]);
    expect(f([4, 2])).toBe(0.5);
    expect(f(Float64Array.of(2, 4))).toBe(2);
  });

  it('should be reusable at many points with the same result as evaluate', () => {
    const e = parsePlain('sigma(x*y) + log(1 + x^2)/y');
    const f = compile(e, [x, y]);
    for (const [a, b] of [[0.3, 2], [-1.7, 0.4], [5, -3]] as const) {
      expect(f([a, b])).toBe(evaluate(e, new Map([['x', a], ['y', b]])));
    }
  });

  it('should fail at compile time, not per point, for an unbound symbol', () => {
    expect(() => compile(add(x, y), [x])).toThrow(EvaluationError);
  });
});

describe('derivative nodes', () => {
  it('should evaluate d(u, x) by finite differences to about 1e-9', () => {
    const f = compile(deriv(pow(x, num(3)), x), [x]);
    expect(Math.abs(f([2]) - 12)).toBeLessThan(1e-8);
    const g = compile(deriv(parsePlain('sin(x*y)'), y), [x, y]);
    expect(Math.abs(g([2, 0.5]) - 2 * Math.cos(1))).toBeLessThan(1e-8);
  });

  it('should evaluate nested derivatives with a larger step to about 1e-5', () => {
    const f = compile(deriv(deriv(pow(x, num(4)), x), x), [x]);
    expect(Math.abs(f([1.5]) - 12 * 1.5 ** 2)).toBeLessThan(1e-5 * 27);
    const mixed = compile(deriv(deriv(parsePlain('x^2*y^3'), x), y), [x, y]);
    expect(Math.abs(mixed([1.2, 0.7]) - 6 * 1.2 * 0.7 ** 2)).toBeLessThan(1e-5);
  });

  it('should give NaN at a kink rather than a one-sided slope', () => {
    const f = compile(deriv(call('abs', [x]), x), [x]);
    expect(f([0])).toBeNaN();
    // Automatic differentiation: next to the kink the slope is exact (finite differences gave NaN here).
    expect(f([1e-4])).toBe(1);
    expect(f([2])).toBeCloseTo(1, 10);
    expect(f([-2])).toBeCloseTo(-1, 10);
  });

  it('should treat a variable the body does not use as giving derivative 0', () => {
    expect(evaluate(deriv(parsePlain('y^2'), x), new Map([['x', 1], ['y', 3]]))).toBe(0);
  });
});
