import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/node.js';
import { symKey } from '../../src/expr/sym-key.js';
import { BOUNDED_OPS, type Bounded } from '../../src/numeric/bounded-ops.js';
import { compile, freeSymbols } from '../../src/numeric/evaluate.js';
import { FLOAT_OPS } from '../../src/numeric/float-ops.js';
import { SALT, indexRoles, indexedValueAt, indexedValuesOf, needsIndexedMode } from '../../src/numeric/indexed.js';
import fc from 'fast-check';
import { evaluateReal } from '../../src/numeric/real-evaluate.js';
import { createRng } from '../../src/numeric/rng.js';
import { SubtreeSet, internTrees, sameTree, sharedSubtrees } from '../../src/numeric/shared-subtrees.js';
import { children } from '../../src/expr/traverse.js';
import { parsePlain } from '../../src/parse/index.js';
import { walkReal } from './real-evaluate-walk.js';

/**
 * Repeated subtrees in every kind of scope: at the top, inside sums that bind
 * a letter free outside (k), inside derivatives (a jet there, a number
 * outside), under an indexed derivative variable, and in orders that differ
 * (a + b against b + a: not the same tree).
 */
const REPEATS = [
  'exp(x*y)/(1 + exp(x*y)) + exp(x*y)*exp(x*y)',
  'k*exp(k) + sum(k*exp(k), k, 1, n) + sum(sum(k*exp(k)*j, j, 1, k), k, 1, n) + k*exp(k)',
  'exp(x*y) + d(exp(x*y)*sin(exp(x*y)), x) + d(d(exp(x*y), x), y)',
  'd(W_{p,q}*W_{1,2} + sigma(W_{p,q}*W_{1,2}) + W_{p,q}*W_{1,2}, W_{1,2}) + W_{p,q}*W_{1,2}',
  'sum(sum(W_{i,r}*relu(b_r + sum(V_{r,k}*x_k, k, 1, n)), r, 1, m)^2 + relu(b_i + sum(V_{i,k}*x_k, k, 1, n)), i, 1, o) + relu(b_i + sum(V_{i,k}*x_k, k, 1, n))',
  '(a + b)*(b + a) + (a + b)^2 + log(1 + (a + b)^2) - log(1 + (b + a)^2)',
  'd(sum(exp(z_k)*log(sum(exp(z_j), j, 1, n)), k, 1, n) + sum(exp(z_j), j, 1, n), z_i)',
  'delta(i, j)*x_i*x_i + sum(delta(i, k)*x_k*x_k, k, 1, n) + x_i*x_i',
];

/** A point for e: the salt in [0, 1), sizes and indices 1..4, the rest in [-2, 2]. */
function pointFor(e: Expr, seed: number): Map<string, number> {
  const indexed = needsIndexedMode(e);
  const roles = indexRoles(e);
  const rng = createRng(seed);
  const env = new Map<string, number>();
  for (const s of freeSymbols(e, [], indexed)) {
    const k = symKey(s);
    if (k === symKey(SALT)) env.set(k, rng.next());
    else if (roles.has(k)) env.set(k, 1 + Math.floor(rng.next() * 4));
    else env.set(k, rng.next() * 4 - 2);
  }
  return env;
}

const same = (a: number, b: number): boolean => Object.is(a, b);

describe('shared subtrees', () => {
  it('should tell the same tree in the same order from a reordered one', () => {
    expect(sameTree(parsePlain('x + exp(y)'), parsePlain('x + exp(y)'))).toBe(true);
    expect(sameTree(parsePlain('x + exp(y)'), parsePlain('exp(y) + x'))).toBe(false);
    expect(sameTree(parsePlain('x*y*z'), parsePlain('x*z*y'))).toBe(false);
    expect(sameTree(parsePlain('x_{1,2}'), parsePlain('x_{2,1}'))).toBe(false);
    expect(sameTree(parsePlain('d(x^2, x)'), parsePlain('d(x^2, y)'))).toBe(false);
    expect(sameTree(parsePlain('0.1 + x'), parsePlain('1/10 + x'))).toBe(false);
    const seen = new SubtreeSet();
    expect(seen.add(parsePlain('a + b'))).toBe(true);
    expect(seen.add(parsePlain('b + a'))).toBe(true);
    expect(seen.add(parsePlain('a + b'))).toBe(false);
  });

  it('should map every occurrence of a repeated subtree to one representative, and nothing else', () => {
    const e = parsePlain('exp(x*y)/(1 + exp(x*y)) + (x + y)*(y + x)');
    const shared = sharedSubtrees(e, false);
    const reps = new Set(shared.values());
    // exp(x*y) twice (its x*y comes with it); x + y and y + x are different trees.
    expect(reps.size).toBe(1);
    const [rep] = reps;
    expect(rep !== undefined && sameTree(rep, parsePlain('exp(x*y)'))).toBe(true);
    expect(shared.size).toBe(2);
  });

  it('should evaluate with shared values exactly as the tree walk does (doubles, bounded doubles, jets, sums, indices)', () => {
    let compared = 0;
    for (const t of REPEATS) {
      const e = parsePlain(t);
      const indexed = needsIndexedMode(e);
      expect(sharedSubtrees(e, indexed).size, t).toBeGreaterThan(0);
      for (let seed = 1; seed <= 10; seed++) {
        const env = pointFor(e, seed);
        const expected = walkReal(e, FLOAT_OPS, env, { indexed });
        const got = evaluateReal(e, FLOAT_OPS, env, { indexed });
        expect(same(got, expected), `${t} at seed ${seed}: ${got} vs ${expected}`).toBe(true);
        const benv = new Map<string, Bounded>([...env].map(([k, v]) => [k, { value: v, error: 0 }]));
        const bw = walkReal(e, BOUNDED_OPS, benv, { indexed });
        const bc = evaluateReal(e, BOUNDED_OPS, benv, { indexed });
        expect(same(bc.value, bw.value) && same(bc.error, bw.error), `${t} at seed ${seed} (bounded)`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBe(10 * REPEATS.length);
  });

  it('should give the double evaluator the tree walk\'s values where both do the same arithmetic, evaluation after evaluation', () => {
    // The double evaluator (evaluate.ts) shares repeats too; on +, ×, ÷, squares, exp and sums its arithmetic is the
    // walk's. Each point is evaluated, then another, then the first again: a value remembered for one evaluation is
    // never reused in the next.
    const sameArithmetic = [
      'exp(x*y)/(1 + exp(x*y)) + exp(x*y)*exp(x*y)',
      'k*exp(k) + sum(k*exp(k), k, 1, n) + sum(sum(k*exp(k)*j, j, 1, k), k, 1, n) + k*exp(k)',
      'sum(sum(W_{i,r}*exp(b_r + sum(V_{r,k}*x_k, k, 1, n)), r, 1, m)^2 + exp(b_i + sum(V_{i,k}*x_k, k, 1, n)), i, 1, o) + exp(b_i + sum(V_{i,k}*x_k, k, 1, n))',
      '(a + b)*(b + a) + (a + b)^2 + exp((a + b)^2) - exp((b + a)^2)',
      'd(exp(x*y)*exp(x*y) + exp(x*y), x)',
      'exp(x*y) + d(exp(x*y)*exp(exp(x*y)), x) + exp(x*y)',
    ];
    let compared = 0;
    for (const t of sameArithmetic) {
      const e = parsePlain(t);
      const indexed = needsIndexedMode(e);
      expect(sharedSubtrees(e, indexed).size, t).toBeGreaterThan(0);
      const vars = freeSymbols(e, [], indexed);
      const f = compile(e, vars, { indexed });
      for (let seed = 1; seed <= 10; seed++) {
        const env = pointFor(e, seed);
        const values = vars.map((s) => env.get(symKey(s)) as number);
        const expected = walkReal(e, FLOAT_OPS, env, { indexed });
        const first = f(values);
        const other = pointFor(e, seed + 100);
        f(vars.map((s) => other.get(symKey(s)) as number));
        const again = f(values);
        expect(same(first, expected) && same(again, expected), `${t} at seed ${seed}: ${first}, ${again} vs ${expected}`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBe(60);
  });
});

describe('interned trees', () => {
  it('should keep every tree node for node and make each repeat one object', () => {
    const l = parsePlain('exp(x*y)/(1 + exp(x*y)) + (x + y)*(y + x)');
    const r = parsePlain('exp(x*y)*exp(y*x)');
    const [il, ir] = internTrees([l, r]);
    expect(il !== undefined && ir !== undefined && sameTree(il, l) && sameTree(ir, r)).toBe(true);
    const exps: Expr[] = [];
    const walk = (e: Expr): void => {
      if (e.kind === 'call' && e.fn === 'exp') exps.push(e);
      for (const c of children(e)) walk(c);
    };
    walk(il as Expr);
    walk(ir as Expr);
    // exp(x*y) three times, one object; exp(y*x) another.
    expect(exps.length).toBe(4);
    expect(new Set(exps).size).toBe(2);
  });
});

describe('indexed values by name', () => {
  it('should give the values indexedValueAt gives, salt after salt', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.integer({ min: -3, max: 40 }), { maxLength: 3 }), fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 1 })), { maxLength: 8 }), fc.constantFrom('z', 'W', 'ab'), (calls, name) => {
        const valueOf = indexedValuesOf(name);
        for (const [salt, subs, sups] of calls) expect(valueOf(salt, subs, sups)).toBe(indexedValueAt(salt, name, subs, sups));
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it('should give W_{jk}^{(l)} from its table what indexedValueAt gives, at the salt asked, when salts alternate', () => {
    const valueOf = indexedValuesOf('W');
    for (const salt of [0.25, 0.25, 0.5, 0.25, 0.5, 0.5])
      for (const [subs, sups] of [[[2, 3], [1]], [[3, 2], [1]], [[2, 3], [2]], [[15, 0], [15]], [[16, 0], [1]], [[2, 3], [1]]] as const)
        expect(valueOf(salt, subs, sups)).toBe(indexedValueAt(salt, 'W', subs, sups));
    // Different indices, different values (the slots do not collide).
    expect(valueOf(0.25, [2, 3], [1])).not.toBe(valueOf(0.25, [3, 2], [1]));
    expect(valueOf(0.25, [2, 3], [1])).not.toBe(valueOf(0.25, [2, 3], [2]));
  });
});
