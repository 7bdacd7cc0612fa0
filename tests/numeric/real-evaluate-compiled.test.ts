import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Expr } from '../../src/expr/node.js';
import { symKey } from '../../src/expr/sym-key.js';
import { some } from '../../src/expr/traverse.js';
import { computeNamed, loadNamedSpec, unfold } from '../../src/derive/named/index.js';
import { BOUNDED_OPS, type Bounded } from '../../src/numeric/bounded-ops.js';
import { compile, freeSymbols } from '../../src/numeric/evaluate.js';
import { FLOAT_OPS } from '../../src/numeric/float-ops.js';
import { SALT, indexRoles, indexedValue, indexedValueAt, needsIndexedMode } from '../../src/numeric/indexed.js';
import { evaluateReal, indexKey } from '../../src/numeric/real-evaluate.js';
import { parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';
import { createRng } from '../../src/numeric/rng.js';
import { walkReal } from './real-evaluate-walk.js';

/** Both sides of every step of some named derivations, with their definitions put in (as verify.ts checks them). */
function namedSides(names: readonly string[]): Expr[] {
  const engine = createEngine();
  return names.flatMap((name) => {
    const spec = loadNamedSpec(name);
    if (spec === undefined) throw new Error(name);
    const c = computeNamed(engine, spec);
    return c.parts.flatMap((p) => {
      if (p.chain !== undefined || p.shapes !== undefined || p.entryShapes !== undefined) return [];
      // A symbol differentiated by stays a variable (as verify.ts leaves it).
      const wrts: string[] = [];
      for (const s of p.derivation.steps) for (const e of [s.redex, s.contractum]) some(e, (x) => (x.kind === 'deriv' && wrts.push(x.wrt.name), false));
      const defs = [...p.unfoldings, ...c.unfoldings].filter((d) => !wrts.includes(d.head.name));
      return p.derivation.steps.flatMap((s) => [unfold(s.redex, defs), unfold(s.contractum, defs)]);
    });
  });
}

/**
 * Derivatives entered many times per evaluation (inside sums), at a point of
 * differentiation fixed (W_{p,q}) or moving with a sum (W_{i,q}), nested, and
 * with inner sums whose terms read not every index around.
 */
const DERIVATIVES_IN_SUMS = [
  'sum(sum(d(W_{i,r}*exp(b_r + sum(V_{r,k}*x_k, k, 1, n)), V_{p,q}), r, 1, m), i, 1, o)',
  'sum(d((y_i - exp(c_i + sum(W_{i,r}*exp(b_r + sum(V_{r,k}*x_k, k, 1, n)), r, 1, m)))^2, V_{p,q}), i, 1, o)',
  'sum(d(exp(W_{i,q}*sum(V_{i,k}*x_k, k, 1, n)), W_{i,q}) + d(exp(W_{p,q}*sum(V_{i,k}*x_k, k, 1, n)), W_{p,q}), i, 1, o)',
  // W_{p,q} is the variable W_{i,q} only where i = p: its value there moves with i although it does not read i.
  'sum(d(exp(W_{p,q})*W_{i,q}^2, W_{i,q}), i, 1, o)',
  'sum(sum(d(d(exp(W_{i,r}*sum(V_{r,k}*x_k, k, 1, n)), V_{p,q})*exp(V_{r,q}), W_{p,r}), r, 1, m), i, 1, o)',
  'sum(d(sum(exp(V_{r,q})*d(exp(sum(V_{r,k}*x_k, k, 1, n))*W_{i,r}, V_{p,q}), r, 1, m), W_{i,p}), i, 1, o)',
];

const HAND = [
  'd(d(d(sin(x), x), x), x)',
  'd(x^y + log(x)*exp(-y), y)',
  'd(d(x*y^3, x), y)',
  'sum(z_k^2, k, 1, n) - sum(d(z_k^2, z_j), k, 1, n)',
  'd(sum(w_k*x_k, k, 1, n)^2, w_j)',
  'd(sum(sum(W_{i,k}*x_k, k, 1, n)^2, i, 1, m), W_{p,q})',
  'd(d(sum(W_{i,k}*x_k*W_{k,i}, k, 1, n), W_{p,q}), W_{q,p})',
  'maxover(z_k, k, 1, n) + delta(i, j)*softplus(z_i)',
  'd(sigma(x)*tanh(x)^(3/2) + abs(x) + relu(x - 1/3), x)',
  'd(f(x)*g(x^2), x)',
  'pi*e + x^0.5',
  // Functions inside sums that do not depend on every index around them (remembered per index value).
  'sum(sum(W_{i,r}*relu(b_r + sum(V_{r,k}*x_k, k, 1, n)), r, 1, m)^2, i, 1, o)',
  'd(sum((c_i + sum(W_{i,r}*tanh(b_r + sum(V_{r,k}*x_k, k, 1, n)), r, 1, m))^2, i, 1, o), V_{p,q})',
  'sum(d(sum(exp(W_{i,r}*sigma(sum(V_{r,k}*x_k, k, 1, n))), r, 1, m), W_{p,q})*exp(y), i, 1, o)',
  // Derivatives inside sums at a point that does not move with them: values that read not every index around are kept between entries.
  ...DERIVATIVES_IN_SUMS,
];

/** Expressions on which the compiled double evaluator does the walk's arithmetic (sums, products, squares, exp). */
const SAME_ARITHMETIC = [
  ...DERIVATIVES_IN_SUMS,
  'sum(sum(W_{i,r}*exp(b_r + sum(V_{r,k}*x_k, k, 1, n)), r, 1, m)^2, i, 1, o)',
  'sum(y_i*sum(exp(z_k*sum(V_{k,j}*x_j, j, 1, n)), k, 1, m), i, 1, o) + exp(sum(x_k, k, 1, n))',
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

function sameBits(a: number, b: number): boolean {
  return Object.is(a, b);
}

describe('compiled real evaluation', () => {
  const sides = [...HAND.map((t) => parsePlain(t)), ...namedSides(['sigmoid', 'softmax-jacobian', 'softmax-regression-gradient', 'logistic-loss'])];

  it('should give, to the last bit, the values of the tree walk it replaced (doubles and bounded doubles, with derivatives and sums)', () => {
    let compared = 0;
    for (const [n, e] of sides.entries()) {
      const indexed = needsIndexedMode(e);
      for (let seed = 1; seed <= 3; seed++) {
        const env = pointFor(e, 1000 * n + seed);
        const walk = (): number => walkReal(e, FLOAT_OPS, env, { indexed });
        const compiled = (): number => evaluateReal(e, FLOAT_OPS, env, { indexed });
        let expected: number | string;
        try {
          expected = walk();
        } catch (err) {
          expected = String(err);
        }
        let got: number | string;
        try {
          got = compiled();
        } catch (err) {
          got = String(err);
        }
        if (typeof expected === 'number' && typeof got === 'number') expect(sameBits(got, expected), `${n}: ${got} vs ${expected}`).toBe(true);
        else expect(got).toEqual(expected);
        const benv = new Map<string, Bounded>([...env].map(([k, v]) => [k, { value: v, error: 0 }]));
        let bw: Bounded | string;
        let bc: Bounded | string;
        try {
          bw = walkReal(e, BOUNDED_OPS, benv, { indexed });
        } catch (err) {
          bw = String(err);
        }
        try {
          bc = evaluateReal(e, BOUNDED_OPS, benv, { indexed });
        } catch (err) {
          bc = String(err);
        }
        if (typeof bw === 'object' && typeof bc === 'object') {
          expect(sameBits(bc.value, bw.value) && sameBits(bc.error, bw.error), `${n}`).toBe(true);
        } else expect(bc).toEqual(bw);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('should evaluate derivative nodes inside compiled checks as the tree walk does', () => {
    for (const t of HAND) {
      const e = parsePlain(t);
      const indexed = needsIndexedMode(e);
      const vars = freeSymbols(e, [], indexed);
      const env = pointFor(e, 7);
      const values = vars.map((s) => env.get(symKey(s)) as number);
      let expected: number | string;
      try {
        expected = walkReal(e, FLOAT_OPS, env, { indexed });
      } catch (err) {
        expected = String(err);
      }
      let got: number | string;
      try {
        got = compile(e, vars, { indexed })(values);
      } catch (err) {
        got = String(err);
      }
      // The compiled double evaluator has its own arithmetic outside derivative nodes; inside them it is the walk's.
      if (typeof expected === 'number' && typeof got === 'number' && e.kind === 'deriv') expect(sameBits(got, expected), t).toBe(true);
    }
  });

  it('should remember values inside sums without changing them (doubles, against the walk)', () => {
    for (const t of SAME_ARITHMETIC) {
      const e = parsePlain(t);
      const vars = freeSymbols(e, [], true);
      const f = compile(e, vars, { indexed: true });
      for (let seed = 1; seed <= 20; seed++) {
        const env = pointFor(e, seed);
        const values = vars.map((s) => env.get(symKey(s)) as number);
        const expected = walkReal(e, FLOAT_OPS, env, { indexed: true });
        const got = f(values);
        expect(got === expected || (Number.isNaN(got) && Number.isNaN(expected)), `${t} at seed ${seed}: ${got} vs ${expected}`).toBe(true);
      }
    }
  });

  it('should hash an indexed variable as its spelled key does', () => {
    const index = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(-0, NaN, Infinity, -Infinity, 2 ** 31, 1e21, -(2 ** 40)));
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('z', 'W', 'x', 'ab'), fc.array(index, { maxLength: 3 }), fc.array(index, { maxLength: 2 }), (salt, name, subs, sups) => {
        expect(indexedValueAt(salt, name, subs, sups)).toBe(indexedValue(salt, indexKey(name, subs, sups)));
      }),
      { seed: 15, numRuns: 2000 },
    );
  });
});
