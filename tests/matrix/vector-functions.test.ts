/**
 * Log-sum-exp and softmax of a vector as function-table entries
 * (src/expr/functions.ts: lse, softmax), written out over the entries with
 * the max-shift (src/matrix/lower.ts), differentiated by their rules
 * (rules/vector-functions.rules): by an entry in index notation, by the
 * whole vector as a gradient or a Jacobian. Values checked against
 * independent references: NumPy-style sums in doubles, 60-digit BigNumber.
 */
import { describe, expect, it } from 'vitest';
import { num, sym } from '../../src/expr/build.js';
import { lookupFunction } from '../../src/expr/functions.js';
import type { Expr } from '../../src/expr/node.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { symKey } from '../../src/expr/sym-key.js';
import { entryOf, FreshIndices } from '../../src/matrix/lower.js';
import { shapeContext } from '../../src/matrix/shape.js';
import { unrollSums } from '../../src/matrix/unroll-sums.js';
import { checkMatrixEqual } from '../../src/matrix-check/check-matrix-equal.js';
import { bigOps } from '../../src/numeric/big-number.js';
import { evaluate } from '../../src/numeric/evaluate.js';
import { evaluateReal } from '../../src/numeric/real-evaluate.js';
import { shapedDiffResult } from '../../src/derive/shaped-diff-result.js';
import { impliedVectorShapes } from '../../src/derive/implied-shapes.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { toLatex } from '../../src/render/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { simplify } from '../../src/simplify/simplify.js';
import { cli } from '../cli/run.js';
import { differentiate } from '../../src/derive/differentiate.js';
import { replay } from '../../src/proof/replay.js';
import { ruleApplier } from '../../src/rewrite/rule-applier.js';

const engine = createEngine();

/** The entry (i, 1) of e for vectors of the given values, written out (sums and maxima unrolled). */
function lowered(text: string, values: Record<string, readonly number[]>, i = 1): { expr: Expr; env: Map<string, number> } {
  const ctx = shapeContext(Object.entries(values).map(([v, xs]) => `${v}: ${xs.length}`));
  const e = parsePlain(text, { shapes: ctx });
  const expr = unrollSums(entryOf(e, num(i), num(1), ctx, new FreshIndices([e], ctx)));
  const env = new Map<string, number>();
  for (const [v, xs] of Object.entries(values)) xs.forEach((x, k) => env.set(symKey(sym(v, [num(k + 1)])), x));
  return { expr, env };
}

const valueOf = (text: string, values: Record<string, readonly number[]>, i = 1): number => {
  const { expr, env } = lowered(text, values, i);
  return evaluate(expr, env);
};

/** The same entry at 60 digits (the referee's number system). */
const bigValueOf = (text: string, values: Record<string, readonly number[]>, i = 1): string => {
  const { expr, env } = lowered(text, values, i);
  const ops = bigOps(60);
  return evaluateReal(expr, ops, new Map([...env].map(([k, x]) => [k, ops.num(x)]))).toString();
};

/** log Σ e^{z_k} and e^{z_i}/Σ e^{z_k} in doubles, without any shift: the reference where it does not overflow. */
const naiveLse = (z: readonly number[]): number => Math.log(z.reduce((s, x) => s + Math.exp(x), 0));
const naiveSoftmax = (z: readonly number[], i: number): number => Math.exp(z[i - 1] as number) / z.reduce((s, x) => s + Math.exp(x), 0);

describe('the table entries', () => {
  it('should be one entry each, reading LSE and logsumexp as lse, with no nerdamer spelling', () => {
    expect(lookupFunction('LSE')?.name).toBe('lse');
    expect(lookupFunction('logsumexp')?.name).toBe('lse');
    expect(lookupFunction('lse')?.nerdamer).toBeUndefined();
    expect(lookupFunction('softmax')?.nerdamer).toBeUndefined();
  });

  it('should print softmax(z, i) as the entry softmax(z)_i and read it back from LaTeX', () => {
    expect(toLatex(parsePlain('softmax(z, i)'))).toBe('\\operatorname{softmax}(z)_{i}');
    expect(toLatex(parsePlain('lse(z)'))).toBe('\\operatorname{LSE}(z)');
  });

  it('should give a scalar (a vector of one entry) its own values: LSE(u) = u, softmax(u) = 1, no entry 2', () => {
    expect(evaluate(parsePlain('lse(x)'), new Map([['x', 3]]))).toBe(3);
    expect(evaluate(parsePlain('softmax(x)'), new Map([['x', 3]]))).toBe(1);
    expect(evaluate(parsePlain('softmax(x, 1)'), new Map([['x', 3]]))).toBe(1);
    expect(evaluate(parsePlain('softmax(x, 2)'), new Map([['x', 3]]))).toBeNaN();
    expect(simplify(engine, parsePlain('lse(3) + softmax(5)')).steps.map((s) => s.rule)).toEqual(expect.arrayContaining(['sv.lse-single', 'sv.softmax-single']));
  });
});

describe('values written out with the max-shift', () => {
  const z = [2, 4.5, 1, 3.5];

  it('should agree with the unshifted sums where they do not overflow, to 1e-15', () => {
    expect(Math.abs(valueOf('lse(z)', { z }) - naiveLse(z))).toBeLessThan(1e-14);
    for (let i = 1; i <= 4; i++) expect(Math.abs(valueOf('softmax(z)', { z }, i) - naiveSoftmax(z, i))).toBeLessThan(1e-15);
    expect(Math.abs(valueOf('softmax(z, 3)', { z }) - naiveSoftmax(z, 3))).toBeLessThan(1e-15);
  });

  it('should not overflow: LSE(1000, 1000) = 1000 + log 2, softmax(1000, 0) = (1, e^-1000), softmax(-1000, -1000) = (1/2, 1/2)', () => {
    expect(naiveLse([1000, 1000])).toBe(Infinity);
    expect(valueOf('lse(z)', { z: [1000, 1000] })).toBe(1000 + Math.log(2));
    expect(valueOf('softmax(z)', { z: [1000, 1000] }, 2)).toBe(0.5);
    expect(valueOf('softmax(z)', { z: [1000, 0] }, 1)).toBe(1);
    expect(valueOf('softmax(z)', { z: [1000, 0] }, 2)).toBe(0);
    expect(valueOf('softmax(z)', { z: [-1000, -1000] }, 1)).toBe(0.5);
    expect(valueOf('lse(z)', { z: [-1000, -1000] })).toBe(-1000 + Math.log(2));
  });

  it('should give the same values at 60 digits (the referee): LSE(1000, 1000) and e^-1000 resolved', () => {
    expect(bigValueOf('lse(z)', { z: [1000, 1000] })).toMatch(/^1000\.69314718055994530941723212145817656807550013436025525412/);
    // softmax(1000, 0)_2 = 1/(1 + e^1000) = 5.07595889754945676529…e-435 (e^-1000 to 17 digits).
    expect(bigValueOf('softmax(z)', { z: [1000, 0] }, 2)).toMatch(/^5\.0759588975494567652\d*e-435$/);
  });

  it('should take a single entry as it is, and have no value at an index out of range', () => {
    expect(valueOf('lse(z)', { z: [7] })).toBe(7);
    expect(valueOf('softmax(z)', { z: [7] })).toBe(1);
    expect(valueOf('softmax(z, 2)', { z: [7, 1] })).toBeCloseTo(naiveSoftmax([7, 1], 2), 15);
    // Out of range the entry z_3 (z_0) does not exist, and the range factor is undefined besides.
    const noValue = (text: string): boolean => {
      try {
        return Number.isNaN(valueOf(text, { z: [7, 1] }));
      } catch {
        return true;
      }
    };
    expect(noValue('softmax(z, 3)')).toBe(true);
    expect(noValue('softmax(z, 0)')).toBe(true);
    expect(noValue('softmax(z, 2)')).toBe(false);
    // Even where the entry exists (a vector of 2 read as one of 1), the range factor alone leaves no value.
    expect(evaluate(parsePlain('softmax(x, 2)'), new Map([['x', 1]]))).toBeNaN();
  });
});

describe('identities and special values, checked entry by entry at sizes 1 to 7', () => {
  const ctx = shapeContext(['z: n']);
  it.each([
    ['lse(z + 3*ones(z))', 'lse(z) + 3'],
    ['softmax(z - 2*ones(z))', 'softmax(z)'],
    ['sum(softmax(z))', '1'],
    ['log(softmax(z, j))', 'z_j - lse(z)'],
    ['lse(5*ones(n))', '5 + log(n)'],
    ['softmax(5*ones(n))', 'ones(n)/n'],
    ['lse(z)', 'log(sum(exp(z_k), k, 1, n))'],
    ['softmax(z, i)', 'exp(z_i)/sum(exp(z_k), k, 1, n)'],
  ])('should hold: %s = %s', (a, b) => {
    expect(checkMatrixEqual(parsePlain(a, { shapes: ctx }), parsePlain(b, { shapes: ctx }), ctx).verdict).toBe('holds');
  });

  it.each([
    ['lse(z + 3*ones(z))', 'lse(z) + 2'],
    ['softmax(z + z)', 'softmax(z)'],
    ['lse(z)', 'sum(z_k, k, 1, n)'],
    ['log(softmax(z, j))', 'z_j + lse(z)'],
    ['lse(5*ones(n))', '5'],
  ])('should fail: %s = %s', (a, b) => {
    expect(checkMatrixEqual(parsePlain(a, { shapes: ctx }), parsePlain(b, { shapes: ctx }), ctx).verdict).toBe('fails');
  });
});

describe('derivatives', () => {
  const ctx = shapeContext(['z: n']);
  const diff = (text: string, wrt: string): ReturnType<typeof shapedDiffResult> => shapedDiffResult(text, parsePlain(text, { shapes: ctx }), [parsePlain(wrt) as never], ctx, { engine });

  it('should give ∂LSE(z)/∂z_j = softmax(z)_j by the rule d.lse-entry, checked', () => {
    const o = diff('lse(z)', 'z_j');
    expect(o.verdict).toBe('holds');
    expect(o.json['result']).toBe('softmax(z, j)');
    expect((o.json['steps'] as { rule: string }[]).map((s) => s.rule)).toEqual(['d.lse-entry']);
  });

  it('should give ∂softmax(z)_i/∂z_j = softmax(z)_i (δ_ij − softmax(z)_j), and with equal indices s_j (1 − s_j)', () => {
    const o = diff('softmax(z, i)', 'z_j');
    expect(o.verdict).toBe('holds');
    expect(o.json['resultLatex']).toBe('\\operatorname{softmax}(z)_{i} \\left(\\delta_{i j} - \\operatorname{softmax}(z)_{j}\\right)');
    const same = diff('softmax(z, j)', 'z_j');
    expect(same.verdict).toBe('holds');
    expect(same.json['result']).toBe('softmax(z, j)*(1 - softmax(z, j))');
  });

  it('should replay every step by its rule id (the template indexof(z_j) = j included)', () => {
    for (const text of ['lse(z)', 'softmax(z, i)', 'log(softmax(z, i))']) {
      const d = differentiate(engine, parsePlain(text), [sym('z', [sym('j')])]);
      expect(d.steps.length).toBeGreaterThan(0);
      expect(replay(d, ruleApplier(engine.library.rules)).failures).toEqual([]);
    }
  });

  it('should give the gradient softmax(z) and the Jacobian diag(s) − s sᵀ, each step checked and finite differences agreeing', () => {
    const g = diff('lse(z)', 'z');
    expect(g.verdict).toBe('holds');
    expect(g.json['result']).toBe('softmax(z)');
    expect((g.json['steps'] as { rule: string }[]).map((s) => s.rule)).toContain('mat.vjp-lse');
    const j = diff('softmax(z)', 'z');
    expect(j.verdict).toBe('holds');
    expect(j.json['result']).toBe('diag(softmax(z)) - softmax(z)*softmax(z)^T');
    expect(j.json['size']).toBe('n×n');
    expect(j.text).toMatch(/\nfinite differences: holds/);
  });

  it('should backpropagate through a softmax of a linear map (the softmax-regression gradient)', () => {
    const c = shapeContext(['W: c x d, x: d, y: c']);
    const text = 'lse(W*x) - transpose(y)*W*x';
    const o = shapedDiffResult(text, parsePlain(text, { shapes: c }), [sym('W')], c, { engine });
    expect(o.verdict).toBe('holds');
    expect(o.json['result']).toBe('softmax(W*x)*x^T - y*x^T');
  });

  it('should not take Σ_k e^{z_k} for a constant when differentiating by the declared z (its entries are z)', () => {
    const o = diff('log(sum(exp(z_k), k, 1, n))', 'z');
    expect(o.verdict).not.toBe('holds');
    expect(o.verdict).not.toBe('fails');
    expect(o.text).toMatch(/^not derived under shapes: no matrix-calculus rule applies to sum\(exp\(z_k\), k, 1, n\)/);
  });

  it('should take z: n from the notation for diff by an entry, and not when other products need shapes', async () => {
    expect(impliedVectorShapes(parsePlain('lse(z) - softmax(z, 1)'))).toEqual(['z: n']);
    expect(impliedVectorShapes(parsePlain('lse(z) + W*x'))).toBeUndefined();
    const r = await cli(['diff', 'lse(z)', '--wrt', 'z_j']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^d\/dz_j of lse\(z\) {4}\(shapes: z: n\)\n/);
    expect(r.stdout).toContain('result: softmax(z, j)');
  });
});

describe('reading', () => {
  it.each([
    ['\\operatorname{softmax}(z)_i', 'softmax(z, i)'],
    ['\\mathrm{softmax}(z)_{j}', 'softmax(z, j)'],
    ['\\text{softmax}(z)_j', 'softmax(z, j)'],
    ['\\operatorname{LSE}(z)', 'lse(z)'],
    ['\\operatorname{logsumexp}(z)', 'lse(z)'],
  ])('should read %s as %s', (latex, plain) => {
    expect(toPlain(parseLatex(latex))).toBe(plain);
  });
});
