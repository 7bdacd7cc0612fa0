/**
 * The function table is the one home of what gradtex knows about a function
 * (src/expr/functions.ts): these tests tie it to its rules in rules/ and show
 * that a function added as one entry plus its rules (elu) works everywhere
 * without further edits.
 */
import { describe, expect, it } from 'vitest';
import { call, num, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { FUNCTIONS, lookupFunction } from '../../src/expr/functions.js';
import type { Expr } from '../../src/expr/node.js';
import { differentiate } from '../../src/derive/differentiate.js';
import { FLOAT_OPS } from '../../src/numeric/float-ops.js';
import { jetOps } from '../../src/numeric/jet.js';
import { evaluateReal } from '../../src/numeric/real-evaluate.js';
import { nerdamerDerivative } from '../../src/numeric/nerdamer-bridge.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { verifyDerivation } from '../../src/proof/verify.js';
import { toLatex, toPlain } from '../../src/render/index.js';
import { foldConstants } from '../../src/rewrite/builtins/fold-constants.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { simplify } from '../../src/simplify/simplify.js';
import { positivity } from '../../src/check/positivity.js';

const engine = createEngine();
const x = sym('x');
const at = (e: string, v: number): number => evaluateReal(parsePlain(e), FLOAT_OPS, new Map([['x', v]]));

/** The function a rule's left side is about: d(f(…), x) for a derivative rule, f(…) for a value. */
function headOf(lhs: Expr): string | undefined {
  const inner = lhs.kind === 'call' && lhs.fn === 'd' ? lhs.args[0] : lhs.kind === 'deriv' ? lhs.body : lhs;
  return inner !== undefined && inner.kind === 'call' ? inner.fn : undefined;
}

describe('the function table and rules/', () => {
  it('should name rules that exist and are about the function', () => {
    for (const f of FUNCTIONS) {
      for (const id of [f.derivativeRule, ...(f.otherArityDerivativeRule === undefined ? [] : [f.otherArityDerivativeRule]), ...(f.specialValueRules ?? [])]) {
        if (id === undefined) continue;
        const rule = engine.library.byId(id);
        expect(rule, `${f.name}: ${id}`).toBeDefined();
        if (rule?.type === 'pattern') expect(headOf(rule.lhs), `${f.name}: ${id}`).toBe(f.name);
      }
    }
  });

  it('should give every function but the Kronecker delta (its arguments are indices) and the maxima with a kink at a tie (‖v‖_∞, max over an index) a derivative rule', () => {
    expect(FUNCTIONS.filter((f) => f.derivativeRule === undefined).map((f) => f.name)).toEqual(['norminf', 'delta', 'maxover']);
  });

  it('should list every derivative rule of a table function in its entry', () => {
    for (const rule of engine.library.sets.get('derive')?.rules ?? []) {
      if (rule.type !== 'pattern') continue;
      const head = headOf(rule.lhs);
      const spec = head === undefined ? undefined : lookupFunction(head);
      if (spec !== undefined) expect([spec.derivativeRule, spec.otherArityDerivativeRule], rule.id).toContain(rule.id);
    }
  });

  it('should state special values as named rules, not as arithmetic', () => {
    const steps = simplify(engine, parsePlain('sigma(0) + log(1) + tanh(0)')).steps.map((s) => s.rule);
    expect(steps).toEqual(expect.arrayContaining(['sv.sigma-zero', 'sv.log-one', 'sv.tanh-zero']));
    expect(foldConstants(parsePlain('log(1)'))).toBeUndefined();
    expect(toPlain(foldConstants(parsePlain('sqrt(9/4)')) ?? num(0))).toBe('3/2');
  });

  it('should read sign facts from the table', () => {
    const pos = positivity([]);
    expect(pos(parsePlain('sigma(x) * exp(x) + softplus(x)'))).toBe(true);
    expect(pos(parsePlain('sqrt(x)'))).toBe(false);
    expect(pos(parsePlain('sqrt(2)'))).toBe(true);
    expect(pos(parsePlain('tanh(x)'))).toBe(false);
  });
});

describe('elu, added as one entry and its rules', () => {
  it('should evaluate both branches and 0', () => {
    expect(at('elu(x)', 2)).toBe(2);
    expect(at('elu(x)', 0)).toBe(0);
    expect(at('elu(x)', -1)).toBeCloseTo(Math.exp(-1) - 1, 15);
    // e^u - 1 by expm1: the naive difference keeps only 4 digits here (-1.0000889e-12).
    const tiny = lookupFunction('elu')?.evaluate([-1e-12]) ?? NaN;
    expect(Math.abs(tiny - (-1e-12 + 5e-25))).toBeLessThan(1e-27);
  });

  it('should be differentiable at 0 (C¹ for α = 1: no kink) with no second derivative there', () => {
    // The table's kink is that of ELU(u, α), whose left branch needs α: the one-argument ELU has none (tests/expr/elu-scale.test.ts).
    expect(lookupFunction('elu')?.kink?.below).toBe('v*(exp(u) - 1)');
    expect(at('d(elu(x), x)', 0)).toBe(1);
    expect(at('d(elu(x), x)', -0.5)).toBeCloseTo(Math.exp(-0.5), 15);
    expect(at('d(elu(x), x)', 0.5)).toBe(1);
    expect(at('d(d(elu(x), x), x)', 0)).toBeNaN();
    const J = jetOps(FLOAT_OPS, 2);
    const c = lookupFunction('elu')?.real?.(J, [J.variable(0)]).coefficients ?? [];
    expect(c.slice(0, 2)).toEqual([0, 1]);
    expect(c[2]).toBeNaN();
  });

  it('should differentiate to e^{min(x, 0)}, every step verified', () => {
    const d = differentiate(engine, parsePlain('elu(x)'), [x]);
    expect(d.steps[0]?.rule).toBe('d.elu');
    expect(toPlain(d.result)).toBe('exp(min(x, 0))');
    expect(verifyDerivation(d).verdict).toBe('holds');
  });

  it('should fold its values at numbers by named rules', () => {
    expect(toPlain(simplify(engine, parsePlain('elu(0) + elu(3) + elu(-2)')).result)).toBe(toPlain(simplify(engine, parsePlain('3 + exp(-2) - 1')).result));
  });

  it('should print and parse as ELU', () => {
    expect(toLatex(call('elu', [x]))).toBe('\\operatorname{ELU}(x)');
    for (const s of ['\\operatorname{elu}(x)', '\\text{ELU}(x)', '\\operatorname{ELU}\\left(x\\right)']) expect(equal(parseLatex(s), call('elu', [x])), s).toBe(true);
    expect(equal(parsePlain('ELU(x)'), call('elu', [x]))).toBe(true);
  });

  it('should not ask nerdamer, which has no spelling for it, and say why', () => {
    expect(nerdamerDerivative(parsePlain('elu(x)'), x)).toEqual({ unsupported: 'uses a function nerdamer cannot express (elu)' });
  });
});
