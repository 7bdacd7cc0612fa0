/**
 * The functions added to the table for issue 13 (cosh, sinh, erf, Φ, the
 * normal density, GELU, LeakyReLU, the hinge loss): each one entry in
 * src/expr/functions.ts plus rules, so parsing, printing, evaluation,
 * derivatives with verified steps, special values and kinks come from there.
 */
import { describe, expect, it } from 'vitest';
import { call, num, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { lookupFunction } from '../../src/expr/functions.js';
import { kinkAt } from '../../src/derive/kinks.js';
import { differentiate } from '../../src/derive/differentiate.js';
import { FLOAT_OPS } from '../../src/numeric/float-ops.js';
import { jetOps } from '../../src/numeric/jet.js';
import { evaluateReal } from '../../src/numeric/real-evaluate.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { verifyDerivation } from '../../src/proof/verify.js';
import { toLatex, toPlain } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { simplify } from '../../src/simplify/simplify.js';

const engine = createEngine();
const x = sym('x');
const at = (e: string, v: number): number => evaluateReal(parsePlain(e), FLOAT_OPS, new Map([['x', v]]));
const derive = (e: string): { result: string; verdict: string } => {
  const d = differentiate(engine, parsePlain(e), [x]);
  return { result: toPlain(d.result), verdict: verifyDerivation(d).verdict };
};
const simplified = (e: string): string => toPlain(simplify(engine, parsePlain(e)).result);
const point = (v: string): ReadonlyMap<string, ReturnType<typeof parsePlain>> => new Map([['x', parsePlain(v)]]);

describe('derivatives, every step verified', () => {
  it('should differentiate GELU to Φ(x) + x φ(x)', () => {
    const d = differentiate(engine, parsePlain('gelu(x)'), [x]);
    expect(d.steps[0]?.rule).toBe('d.gelu');
    expect(toPlain(d.result)).toBe('normcdf(x) + x*normpdf(x)');
    expect(verifyDerivation(d).verdict).toBe('holds');
    expect(toLatex(d.result)).toBe('\\Phi(x) + x \\operatorname{normpdf}(x)');
  });

  it('should differentiate cosh to sinh and back, erf, Φ and φ', () => {
    expect(derive('cosh(x)')).toMatchObject({ result: 'sinh(x)' });
    expect(derive('sinh(x)')).toMatchObject({ result: 'cosh(x)' });
    for (const e of ['cosh(x)', 'sinh(x)', 'erf(x)', 'normcdf(x)', 'normpdf(x)', 'erf(x^2)', 'normcdf(2*x) * sinh(x)', 'gelu(sin(x))', 'leakyrelu(x, 0.2)', 'hinge(x^2)', 'leakyrelu(x^3 - x, 1/4)']) {
      expect(['holds', 'proved'], e).toContain(derive(e).verdict);
    }
    expect(derive('normcdf(x)').result).toBe('normpdf(x)');
    expect(derive('normpdf(x)').result).toBe('-x*normpdf(x)');
  });

  it('should derive the slope α of LeakyReLU (its second argument) too', () => {
    const d = differentiate(engine, parsePlain('leakyrelu(-2, x)'), [x]);
    expect(verifyDerivation(d).verdict).toBe('holds');
    expect(at(toPlain(d.result), 0.3)).toBe(-2);
  });
});

describe('kinks: not differentiable there, never a value at the kink', () => {
  it('should find the hinge not differentiable at margin 1 (left -1, right 0)', () => {
    const d = differentiate(engine, parsePlain('hinge(x)'), [x]);
    const k = kinkAt(engine, parsePlain('hinge(x)'), [x], d.result, point('1'));
    expect(k.kind).toBe('not-differentiable');
    if (k.kind !== 'not-differentiable') return;
    expect(k.proved).toBe(true);
    expect(k.statement).toContain('left derivative -1, right derivative 0');
    expect(kinkAt(engine, parsePlain('hinge(x)'), [x], d.result, point('0')).kind).toBe('smooth');
  });

  it('should find LeakyReLU not differentiable at 0 (left α, right 1), but differentiable for α = 1', () => {
    const f = parsePlain('leakyrelu(x, 1/10)');
    const k = kinkAt(engine, f, [x], differentiate(engine, f, [x]).result, point('0'));
    expect(k.kind).toBe('not-differentiable');
    if (k.kind === 'not-differentiable') expect(k.statement).toContain('left derivative 1/10, right derivative 1');
    const g = parsePlain('leakyrelu(x, 1)');
    expect(kinkAt(engine, g, [x], differentiate(engine, g, [x]).result, point('0')).kind).toBe('differentiable');
  });

  it('should leave jets undefined at a kink (no derivative value there)', () => {
    const J = jetOps(FLOAT_OPS, 1);
    const lr = lookupFunction('leakyrelu')?.real?.(J, [J.variable(0), J.constant(0.1)]).coefficients ?? [];
    expect(lr[1]).toBeNaN();
    const h = lookupFunction('hinge')?.real?.(J, [J.add(J.variable(0), J.constant(1))]).coefficients ?? [];
    expect(h[1]).toBeNaN();
  });
});

describe('values and identities', () => {
  it('should fold erf(0) = 0, Φ(0) = 1/2 and the other special values by named rules', () => {
    expect(simplified('erf(0)')).toBe('0');
    expect(simplified('normcdf(0)')).toBe('1/2');
    expect(simplified('cosh(0) + sinh(0) + gelu(0) + leakyrelu(0, 3)')).toBe('1');
    expect(simplified('hinge(1) + hinge(3) + hinge(-1)')).toBe('2');
    expect(simplified('leakyrelu(-2, 1/10) + leakyrelu(5, 1/10)')).toBe(simplified('5 - 1/5'));
  });

  it('should prove tanh = sinh/cosh and the definitions of cosh, sinh and GELU by rewriting', () => {
    expect(simplified('sinh(x)/cosh(x)')).toBe('tanh(x)');
    expect(simplified('(exp(x) + exp(-x))/2')).toBe('cosh(x)');
    expect(simplified('x*normcdf(x)')).toBe('gelu(x)');
  });

  it('should evaluate every new function in doubles', () => {
    expect(at('cosh(x)', 0.7)).toBeCloseTo(Math.cosh(0.7), 15);
    expect(at('sinh(x)', -0.7)).toBeCloseTo(Math.sinh(-0.7), 15);
    expect(at('gelu(x)', 1)).toBeCloseTo(0.8413447460685429, 15);
    expect(at('normcdf(x)', 1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(at('leakyrelu(x, 0.01)', -3)).toBeCloseTo(-0.03, 15);
    expect(at('hinge(x)', 0.25)).toBe(0.75);
  });
});

describe('reading and printing', () => {
  it('should read the LaTeX names', () => {
    const cases: [string, ReturnType<typeof call>][] = [
      ['\\operatorname{GELU}(x)', call('gelu', [x])],
      ['\\text{GELU}(x)', call('gelu', [x])],
      ['\\mathrm{erf}(x)', call('erf', [x])],
      ['\\operatorname{erf}(x)', call('erf', [x])],
      ['\\cosh(x)', call('cosh', [x])],
      ['\\sinh(x)', call('sinh', [x])],
      ['\\Phi(x)', call('normcdf', [x])],
      ['\\operatorname{LeakyReLU}(x, \\frac{1}{10})', call('leakyrelu', [x, num(1, 10)])],
      ['\\text{LeakyReLU}(x, \\alpha)', call('leakyrelu', [x, sym('alpha')])],
      ['\\operatorname{hinge}(x)', call('hinge', [x])],
      ['\\operatorname{normpdf}(x)', call('normpdf', [x])],
    ];
    for (const [s, e] of cases) expect(equal(parseLatex(s), e), s).toBe(true);
  });

  it('should keep \\Phi alone a Greek letter, and \\phi(x), \\varphi(x) unknown functions', () => {
    expect(equal(parseLatex('\\Phi'), sym('Phi'))).toBe(true);
    // Plain Phi(x) stays an unknown function, so Phi'(x) is its derivative (the normal CDF is normcdf).
    expect(equal(parsePlain('Phi(x)'), call('Phi', [x]))).toBe(true);
    expect(lookupFunction('Phi')).toBeUndefined();
    expect(equal(parseLatex('\\phi(z)'), call('phi', [sym('z')]))).toBe(true);
    expect(equal(parseLatex('\\varphi(z)'), call('varphi', [sym('z')]))).toBe(true);
  });

  it('should print in LaTeX', () => {
    expect(toLatex(call('gelu', [x]))).toBe('\\operatorname{GELU}(x)');
    expect(toLatex(call('normcdf', [x]))).toBe('\\Phi(x)');
    expect(toLatex(call('cosh', [x]))).toBe('\\cosh(x)');
    expect(toLatex(call('leakyrelu', [x, sym('alpha')]))).toBe('\\operatorname{LeakyReLU}(x, \\alpha)');
  });
});
