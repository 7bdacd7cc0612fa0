/**
 * Symbolic proofs of steps (src/proof/step-proof.ts): a step is proved only
 * when it is found again as an instance of its rule, a definition or an
 * exact rational identity, with its conditions discharged. A proof must be
 * able to fail: every step of every named derivation, with its right side
 * tampered with, must lose its proof.
 */
import { describe, expect, it } from 'vitest';
import { mul, num, sym } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { replaceAt, some, subtermAt } from '../../src/expr/traverse.js';
import { parsePlain } from '../../src/parse/index.js';
import { acEqual } from '../../src/proof/ac-key.js';
import { rationalIdentity } from '../../src/proof/rational-identity.js';
import { dischargeCondition } from '../../src/proof/side-conditions.js';
import { proveStep, type ProofContext, type StepProof } from '../../src/proof/step-proof.js';
import type { Step } from '../../src/proof/step.js';
import { computeNamed, loadNamedSpec, namedDerivationNames } from '../../src/derive/named/index.js';
import { definitionResolver, unfold } from '../../src/derive/named/definitions.js';
import { partIndexRanges } from '../../src/derive/named/index-ranges.js';
import { stepProofs } from '../../src/derive/named/step-proofs.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { checkGuard } from '../../src/rewrite/guards.js';

const engine = createEngine();
const p = parsePlain;

/** The prover's view of the library, as the named derivations give it. */
function context(extra: Partial<ProofContext> = {}): ProofContext {
  return {
    rule: (id) => {
      const r = engine.library.byId(id);
      if (r === undefined) return undefined;
      return r.type === 'builtin' ? { kind: 'builtin', builtin: r.builtin } : { kind: 'pattern', statement: r };
    },
    guard: (name, args) => checkGuard(name, args),
    ...extra,
  };
}

/** A step rewriting `before` at `path` by `rule` with `bindings`. */
function stepAt(rule: string, before: Expr, path: number[], contractum: Expr, bindings: Record<string, Expr>): Step {
  const redex = subtermAt(before, path) as Expr;
  return { rule, title: rule, path, before, after: replaceAt(before, path, contractum), redex, contractum, bindings: new Map(Object.entries(bindings)), notes: [] };
}

describe('the canonical key', () => {
  it('should identify sums and products in any order and sums with renamed indices', () => {
    expect(acEqual(p('b*a + sum(x_k, k, 1, n)'), p('sum(x_m, m, 1, n) + a*b'))).toBe(true);
    expect(acEqual(p('(a + b) + c'), p('a + (c + b)'))).toBe(true);
  });
  it('should tell different expressions apart', () => {
    expect(acEqual(p('sum(x_k, k, 1, n)'), p('sum(x_k, k, 1, m)'))).toBe(false);
    expect(acEqual(p('sum(x_k*y_j, k, 1, n)'), p('sum(x_j*y_k, k, 1, n)'))).toBe(false);
    expect(acEqual(p('a - b'), p('b - a'))).toBe(false);
    expect(acEqual(p('a/b'), p('b/a'))).toBe(false);
  });
});

describe('exact rational identities', () => {
  it('should prove the algebra of the builtins', () => {
    expect(rationalIdentity(p('a*(b + c)'), p('a*b + a*c'))).toBe(true);
    expect(rationalIdentity(p('2 + 3*x + x'), p('5 + 4*x - 3'))).toBe(true);
    expect(rationalIdentity(p('x*y/(x*z)'), p('y/z'))).toBe(true);
    expect(rationalIdentity(p('(a + b)^2'), p('a^2 + 2*a*b + b^2'))).toBe(true);
    expect(rationalIdentity(p('1/a + 1/b'), p('(a + b)/(a*b)'))).toBe(true);
    expect(rationalIdentity(p('(sum(x_i, i, 1, n) - sum(y_i, i, 1, n))/n'), p('-1/n*sum(y_i - x_i, i, 1, n)'))).toBe(true);
  });
  it('should refuse what is false', () => {
    expect(rationalIdentity(p('(a + b)^2'), p('a^2 + b^2'))).toBe(false);
    expect(rationalIdentity(p('a/b'), p('b/a'))).toBe(false);
    expect(rationalIdentity(p('sum(x_i*y_i, i, 1, n)'), p('sum(x_i, i, 1, n)*sum(y_i, i, 1, n)'))).toBe(false);
    expect(rationalIdentity(p('sum(x_i, i, 1, n)'), p('sum(x_i, i, 1, m)'))).toBe(false);
    expect(rationalIdentity(p('0.1 + 0.2'), p('0.3'))).toBe(false);
  });
  it('should refuse a right side defined on less than the left side', () => {
    // x = x^2/x holds only where x ≠ 0: the right side divides by something new.
    expect(rationalIdentity(p('x'), p('x^2/x'))).toBe(false);
    // log(u) appears only on the right: not an identity wherever the left is defined.
    expect(rationalIdentity(p('0'), p('log(u) - log(u)'))).toBe(false);
  });
});

describe('side conditions', () => {
  const none = (e: Expr): Expr => e;
  it('should discharge u > 0 and u ≠ 0 where the left side is undefined otherwise', () => {
    expect(dischargeCondition('positive', [p('u')], p('d(log(u), x)'), none, [])).toBeUndefined();
    expect(dischargeCondition('nonzero', [p('u')], p('u*v/(u*w)'), none, [])).toBeUndefined();
  });
  it('should discharge by the signs of the parts', () => {
    expect(dischargeCondition('positive', [p('1 - sigma(z)')], p('q'), none, [])).toBeUndefined();
    expect(dischargeCondition('nonzero', [p('sum(exp(z_k), k, 1, c)')], p('q'), none, [])).toBeUndefined();
    expect(dischargeCondition('positive', [p('y_i')], p('q'), (e) => unfold(e, [{ head: sym('y', [sym('i')]), body: p('exp(z_i)/sum(exp(z_k), k, 1, c)') }]), [])).toBeUndefined();
  });
  it('should leave an assumption that nothing establishes', () => {
    expect(dischargeCondition('positive', [p('u')], p('log(u*v)'), none, [])).toBeDefined();
    expect(dischargeCondition('positive', [p('1 - x')], p('q'), none, [])).toBeDefined();
    expect(dischargeCondition('nonzero', [p('sum(x_k, k, 1, c)')], p('q'), none, [])).toBeDefined();
    expect(dischargeCondition('inrange', [p('j'), num(1), p('c')], p('q'), none, [])).toBeDefined();
    expect(dischargeCondition('inrange', [p('j'), num(1), p('c')], p('q'), none, [{ index: p('j'), lo: num(1), hi: p('c'), why: '' }])).toBeUndefined();
    expect(dischargeCondition('inrange', [p('j'), num(1), p('c')], p('q'), none, [{ index: p('j'), lo: num(1), hi: p('n'), why: '' }])).toBeDefined();
  });
});

describe('proving a step', () => {
  it('should prove an instance of a pattern rule found among more operands', () => {
    const s = stepAt('alg.add-zero', p('a + b + 0'), [], p('a + b'), { u: p('a + b') });
    expect(proveStep(s, context())).toEqual({ proved: true, by: 'an instance of alg.add-zero' });
  });
  it('should not prove a step whose right side is not the rule instance, whatever the tag says', () => {
    const s = stepAt('d.sin', p('d(sin(x^2), x)'), [], p('-cos(x^2)*d(x^2, x)'), { u: p('x^2'), x: p('x') });
    expect(proveStep(s, context()).proved).toBe(false);
  });
  it('should not prove a law of logarithms whose condition is only assumed', () => {
    const s = stepAt('log.product', p('log(a*b)'), [], p('log(a) + log(b)'), { u: p('a'), v: p('b') });
    expect(proveStep(s, context())).toMatchObject({ proved: false });
  });
  it('should not prove sifting a Kronecker delta without the index range, and prove it with it', () => {
    const s = stepAt('sum.sift', p('sum(delta(k, j)*x_k, k, 1, n)'), [], p('x_j'), { k: p('k'), j: p('j'), u: p('x_k'), a: num(1), b: p('n') });
    expect(proveStep(s, context()).proved).toBe(false);
    expect(proveStep(s, context({ indexRanges: [{ index: p('j'), lo: num(1), hi: p('n'), why: '' }] })).proved).toBe(true);
  });
  it('should not take a defined symbol for a constant: d(y_i, z_j) = 0 is no instance of d.const when y_i is a softmax of z', () => {
    const defs = [{ head: sym('y', [sym('i')]), body: p('exp(z_i)/sum(exp(z_k), k, 1, c)') }];
    const s = stepAt('d.const', p('d(y_i, z_j)'), [], num(0), { u: p('y_i'), x: p('z_j') });
    expect(proveStep(s, context({ guard: (name, args) => checkGuard(name, args, { definitions: definitionResolver(defs) }) })).proved).toBe(false);
    expect(proveStep(s, context()).proved).toBe(true);
  });
  it('should prove δ(0, l) = 0 only when l has a stated range that leaves 0 out', () => {
    const s = stepAt('hyp.weight-not-bias', p('delta(0, l)'), [], num(0), {});
    expect(proveStep(s, context()).proved).toBe(false);
    expect(proveStep(s, context({ indexRanges: [{ index: p('l'), lo: num(1), hi: p('p'), why: '' }] })).proved).toBe(true);
    expect(proveStep(s, context({ indexRanges: [{ index: p('l'), lo: num(0), hi: p('p'), why: '' }] })).proved).toBe(false);
  });
  it('should not prove a step whose after is not the rewrite of its before', () => {
    const s = stepAt('alg.add-zero', p('a + 0'), [], p('a'), { u: p('a') });
    expect(proveStep({ ...s, after: p('b') }, context()).proved).toBe(false);
  });
});

/** The right side changed: twice it (1 for a 0), and `after` made to agree, so only the proof can object. */
function tampered(s: Step): Step {
  const c = s.contractum.kind === 'num' && s.contractum.n === 0n ? num(1) : mul(num(2), s.contractum);
  return { ...s, contractum: c, after: replaceAt(s.before, s.path, c) };
}

describe('the named derivations', () => {
  it('should lose the proof of every step whose right side is tampered with', () => {
    let proved = 0;
    const wrong: string[] = [];
    for (const name of namedDerivationNames()) {
      const spec = loadNamedSpec(name);
      if (spec === undefined) continue;
      const c = computeNamed(engine, spec);
      const ranges = partIndexRanges(c.parts, c.unfoldings);
      const own = new Set(c.ownRules.map((r) => r.id));
      c.parts.forEach((part, i) => {
        if (part.chain !== undefined || part.shapes !== undefined) return;
        // As the verifier does: a symbol the part differentiates by is not written out.
        const wrts = part.derivation.steps.flatMap((st) => [st.redex, st.contractum]).flatMap((e) => {
          const out: string[] = [];
          some(e, (x) => (x.kind === 'deriv' && out.push(x.wrt.name), false));
          return out;
        });
        const defs = [...part.unfoldings, ...c.unfoldings].filter((d) => !wrts.includes(d.head.name));
        const open = (e: Expr): Expr => unfold(e, defs);
        const honest = stepProofs(c.library, own, part, open, ranges[i] ?? [], definitionResolver(defs));
        const bad = stepProofs(c.library, own, { ...part, derivation: { ...part.derivation, steps: part.derivation.steps.map(tampered) } }, open, ranges[i] ?? [], definitionResolver(defs));
        honest.forEach((h: StepProof, k) => {
          if (!h.proved) return;
          proved++;
          const b = bad[k] as StepProof;
          if (b.proved) wrong.push(`${name} part ${part.part.id} step ${k + 1} (${part.derivation.steps[k]?.rule}): ${b.by}`);
        });
      });
    }
    expect(wrong).toEqual([]);
    expect(proved).toBeGreaterThan(900);
  });
});
