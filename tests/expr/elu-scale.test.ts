/**
 * ELU with a scale, ELU(u, α) = u for u > 0, α (e^u - 1) otherwise, as the
 * same table entry as ELU(u) (α = 1): its values, its derivative in u and in
 * α, and the kink at 0 when α ≠ 1 (src/derive/kinks.ts: not differentiable
 * there, left and right derivatives stated), none when α = 1.
 */
import { describe, expect, it } from 'vitest';
import { sym } from '../../src/expr/build.js';
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
const at = (e: string, v: number, a = 2): number => evaluateReal(parsePlain(e), FLOAT_OPS, new Map([['x', v], ['a', a]]));
const simplified = (e: string): string => toPlain(simplify(engine, parsePlain(e)).result);
const point = (v: string): ReadonlyMap<string, ReturnType<typeof parsePlain>> => new Map([['x', parsePlain(v)]]);

describe('ELU(x, α)', () => {
  it('should evaluate both branches with the scale, and the one-argument form as α = 1', () => {
    expect(at('elu(x, a)', 2)).toBe(2);
    expect(at('elu(x, a)', -1, 0.5)).toBeCloseTo(0.5 * (Math.exp(-1) - 1), 15);
    expect(at('elu(x, 1) - elu(x)', -0.7)).toBe(0);
    expect(lookupFunction('elu')?.evaluate([-1, 3])).toBeCloseTo(3 * (Math.exp(-1) - 1), 15);
  });

  it('should differentiate in x and in α, every step verified', () => {
    const d = differentiate(engine, parsePlain('elu(x, a)'), [x]);
    expect(d.steps[0]?.rule).toBe('d.elu-alpha');
    expect(verifyDerivation(d).verdict).toBe('holds');
    const r = toPlain(d.result);
    expect(evaluateReal(parsePlain(r), FLOAT_OPS, new Map([['x', -0.5], ['a', 2]]))).toBeCloseTo(2 * Math.exp(-0.5), 14);
    expect(evaluateReal(parsePlain(r), FLOAT_OPS, new Map([['x', 0.5], ['a', 2]]))).toBe(1);
    const da = differentiate(engine, parsePlain('elu(x, a)'), [sym('a')]);
    expect(verifyDerivation(da).verdict).toBe('holds');
    expect(evaluateReal(parsePlain(toPlain(da.result)), FLOAT_OPS, new Map([['x', -1], ['a', 2]]))).toBeCloseTo(Math.exp(-1) - 1, 15);
  });

  it('should be not differentiable at 0 for α ≠ 1 (left α, right 1), differentiable for α = 1 and for ELU(x)', () => {
    const f = parsePlain('elu(x, 1/2)');
    const k = kinkAt(engine, f, [x], differentiate(engine, f, [x]).result, point('0'));
    expect(k.kind).toBe('not-differentiable');
    if (k.kind === 'not-differentiable') expect(k.statement).toContain('left derivative 1/2, right derivative 1');
    const g = parsePlain('elu(x, 1)');
    expect(kinkAt(engine, g, [x], differentiate(engine, g, [x]).result, point('0')).kind).toBe('differentiable');
    const h = parsePlain('elu(x)');
    expect(kinkAt(engine, h, [x], differentiate(engine, h, [x]).result, point('0')).kind).toBe('smooth');
    // Jets: no first derivative at the kink for α = 1/2; the first, not the second, for α = 1.
    const J = jetOps(FLOAT_OPS, 2);
    const c = lookupFunction('elu')?.real?.(J, [J.variable(0), J.constant(0.5)]).coefficients ?? [];
    expect(c[0]).toBe(0);
    expect(c[1]).toBeNaN();
    const c1 = lookupFunction('elu')?.real?.(J, [J.variable(0), J.constant(1)]).coefficients ?? [];
    expect(c1.slice(0, 2)).toEqual([0, 1]);
  });

  it('should fold its values at numbers by named rules, and ELU(u, 1) to ELU(u)', () => {
    expect(simplified('elu(0, a)')).toBe('0');
    expect(simplified('elu(3, 2) + elu(-2, 3)')).toBe(simplified('3 + 3 * (exp(-2) - 1)'));
    expect(simplified('elu(x, 1)')).toBe('elu(x)');
  });

  it('should print and read ELU(x, α) in LaTeX', () => {
    const e = parsePlain('elu(x, alpha)');
    expect(toLatex(e)).toBe('\\operatorname{ELU}(x, \\alpha)');
    expect(toPlain(parseLatex('\\operatorname{ELU}(x, \\alpha)'))).toBe('elu(x, alpha)');
    expect(toPlain(parseLatex('\\operatorname{ELU}(z)'))).toBe('elu(z)');
  });
});
