/**
 * Every pattern rule in rules/ is an identity: instantiate its variables with
 * expressions (some depending on x, some not), keep the instantiations its
 * guards accept, and compare both sides at random points. Derivatives on the
 * left are evaluated by finite differences, so a wrong derivative rule fails.
 * New rules are covered without writing a test.
 *
 * A guard that answers "yes, assuming u > 0" (u ≠ 0, a ≤ j ≤ b) makes the rule
 * an identity only where that holds: both sides are compared there and
 * nowhere else. The pools reach every guard's boundary (expressions that
 * change sign or are negative everywhere, even and fractional exponents,
 * indices at the ends of a sum's range and outside it), so a rule that is
 * only conditionally true and lacks its guard fails, as does one whose right
 * side is undefined where its left side is defined.
 */
import { describe, expect, it } from 'vitest';
import { add, call, div, mul, neg, num, pow, sub, sym } from '../../src/expr/build.js';
import { leftOnlyPoint } from '../../src/check/domain-shrinking.js';
import type { Expr } from '../../src/expr/node.js';
import { checkEqualNumeric, createRng } from '../../src/numeric/index.js';
import { evaluateTemplates } from '../../src/rewrite/apply.js';
import { checkGuard, CONDITIONAL_GUARDS } from '../../src/rewrite/guards.js';
import { loadRuleLibrary } from '../../src/rewrite/load-rules.js';
import { instantiate } from '../../src/rewrite/pattern.js';
import type { PatternRule, VarType } from '../../src/rewrite/rule.js';
import { toPlain } from '../../src/render/index.js';
import { some } from '../../src/expr/traverse.js';
import { lookupFunction } from '../../src/expr/functions.js';
import { checkMatrixEqual } from '../../src/matrix-check/check-matrix-equal.js';
import { shapeContext } from '../../src/matrix/shape.js';

const x = sym('x');
const a = sym('a');
const b = sym('b');
const k = sym('k');
const zk = sym('z', [k]);
const zj = sym('z', [sym('j')]);

/** Candidate values per variable type: a mix of constants, functions of x and of an index k. */
const POOL: Record<VarType, readonly Expr[]> = {
  expr: [a, num(3), add(b, num(1)), x, add(pow(x, num(2)), a), call('sin', [mul(b, x)]), mul(a, call('exp', [div(x, num(3))])), call('sigma', [x]), num(-2, 3), zk, mul(a, call('exp', [zk])), add(zk, x), sub(x, num(1, 2)), neg(add(pow(x, num(2)), num(1)))],
  number: [num(2), num(-3), num(1, 2), num(5, 3), num(0), num(1), num(-1), num(4), num(-1, 2)],
  int: [num(2), num(3), num(-1), num(0)],
  symbol: [x, zj],
};

/**
 * Index-notation rules name their variables by role (the convention of
 * rules/sums.rules): k is the summation index, a and b its range, i and j
 * free indices. They get values that fit the role.
 */
const BY_NAME: Record<string, readonly Expr[]> = {
  k: [k],
  i: [sym('i'), num(2), sym('j')],
  // 0 and 5 lie outside 1..4; j (sampled 1, 2) sits at the lower end of 1..c and partly outside 2..c.
  j: [sym('j'), num(1), num(0), num(5)],
};
const SUM_RANGE: Record<string, readonly Expr[]> = {
  a: [num(1), num(2)],
  // 0 below 2 - 1: an empty range whose b - a + 1 is negative.
  b: [sym('c'), num(4), num(0)],
};

/**
 * An expression defined exactly where a guard's assumption holds (0 times it
 * is added to both sides): log u for u > 0, log u² for u ≠ 0, and
 * log(j − a + 1/2) + log(b − j + 1/2) for an integer index a ≤ j ≤ b, and
 * log(b − a + 3/2) for b − a + 1 ≥ 0 (counts(a, b)).
 */
function whereAssumed(guard: string, args: readonly Expr[]): Expr {
  const [u, lo, hi] = args as [Expr, Expr?, Expr?];
  if (guard === 'positive') return call('log', [u]);
  if (guard === 'nonzero') return call('log', [pow(u, num(2))]);
  if (guard === 'counts' && lo !== undefined) return call('log', [add(sub(lo, u), num(3, 2))]);
  if (guard === 'inrange' && lo !== undefined && hi !== undefined) return add(call('log', [add(sub(u, lo), num(1, 2))]), call('log', [add(sub(hi, u), num(1, 2))]));
  throw new Error(`no domain for the assumption of guard ${guard}`);
}

/** Up to `cap` instantiations: every combination when there are few, else a seeded random choice. */
function instantiations(pools: readonly (readonly Expr[])[], cap: number, rng: { int(lo: number, hi: number): number }): Expr[][] {
  const total = pools.reduce((n, p) => n * p.length, 1);
  if (total <= cap) {
    const out: Expr[][] = [[]];
    for (const pool of pools) out.splice(0, out.length, ...out.flatMap((prefix) => pool.map((v) => [...prefix, v])));
    return out;
  }
  return Array.from({ length: cap }, () => pools.map((pool) => pool[rng.int(0, pool.length - 1)] as Expr));
}
const isSumRule = (r: PatternRule): boolean => r.id.startsWith('sum.') || r.id === 'd.under-sum';

const library = loadRuleLibrary();
/** Rules about the entries of a vector (‖v‖ by v_i) mean nothing with v a number: they are checked entry by entry below. */
const ofEntries = (r: PatternRule): boolean => some(r.lhs, (e) => e.kind === 'call' && lookupFunction(e.fn)?.ofEntries === true);
// The matrix-calculus rules speak of shaped symbols (matmul, vjp, guards on shapes): they are checked
// entry by entry under shapes in tests/matrix/matrix-rules.test.ts, not with scalar pools.
const matrixRule = (r: PatternRule): boolean => r.set.startsWith('matrix-');
const rules = library.rules.filter((r): r is PatternRule => r.type === 'pattern' && !ofEntries(r) && !matrixRule(r));
const entryRules = library.rules.filter((r): r is PatternRule => r.type === 'pattern' && ofEntries(r) && !matrixRule(r));

describe('every rule in rules/ is sound', () => {
  it('should load a non-trivial library', () => {
    expect(rules.length).toBeGreaterThan(40);
  });

  for (const rule of rules) {
    it(`should hold: ${rule.id} (${rule.source.file}:${rule.source.line})`, () => {
      const rng = createRng(rule.order + 11);
      const names = [...rule.vars.keys()];
      const pools = names.map((n) => BY_NAME[n] ?? (isSumRule(rule) ? SUM_RANGE[n] : undefined) ?? POOL[rule.vars.get(n) ?? 'expr']);
      let exercised = 0;
      for (const [trial, values] of instantiations(pools, 150, rng).entries()) {
        const bindings = new Map<string, Expr>(names.map((n, i) => [n, values[i] as Expr]));
        const domain: Expr[] = [];
        let accepted = true;
        for (const g of rule.guards) {
          const args = g.args.map((arg) => instantiate(arg, rule, bindings));
          const answer = checkGuard(g.name, args);
          if (!answer.ok) accepted = false;
          else if (answer.assumption !== undefined) {
            expect(CONDITIONAL_GUARDS.get(g.name), `${rule.id}: guard ${g.name} assumes without a known note`).toBe(answer.assumption);
            domain.push(whereAssumed(g.name, args));
          }
        }
        if (!accepted) continue;
        const restrict = (e: Expr): Expr => (domain.length === 0 ? e : add(e, ...domain.map((d) => mul(num(0), d))));
        const plainLhs = instantiate(rule.lhs, rule, bindings);
        const plainRhs = evaluateTemplates(instantiate(rule.rhs, rule, bindings));
        if (plainRhs === undefined) continue;
        const lhs = restrict(plainLhs);
        const rhs = restrict(plainRhs);
        const opts = { points: 8, seed: trial + 1 };
        const verdict = checkEqualNumeric(lhs, rhs, opts);
        if (verdict.verdict === 'undecided') continue;
        // Far probe points (|x| in the hundreds) lose float64 precision in exp and powers (e^{-700} is
        // subnormal): a disagreement there is rounding, not the rule's; the ordinary points decide.
        if (verdict.verdict === 'fails' && Object.values(verdict.point).some((v) => Math.abs(v) > 50)) continue;
        expect(verdict.verdict, `${rule.id}: ${toPlain(plainLhs)} = ${toPlain(plainRhs)} ${JSON.stringify(verdict)}`).toBe('holds');
        // A rewrite must not leave the domain of what it rewrites (log(u^2) => 2 log(u) at u < 0).
        const shrunk = leftOnlyPoint(lhs, rhs, opts);
        expect(shrunk, `${rule.id}: ${toPlain(plainLhs)} is defined where ${toPlain(plainRhs)} is not`).toBeUndefined();
        exercised++;
      }
      expect(exercised, `${rule.id} was never exercised by a valid instantiation`).toBeGreaterThan(0);
    });
  }
});

describe('rules about the entries of a vector are sound entry by entry', () => {
  it('should have the norm, log-sum-exp and softmax rules here', () => {
    expect(entryRules.map((r) => r.id).sort()).toEqual(['d.lse-entry', 'd.norm-entry', 'd.norm1-entry', 'd.softmax-entry', 'sv.lse-single', 'sv.softmax-single']);
  });

  /** By role: the entry x is v_i, an index i is another free index j (equal to i or not), a number is one entry, anything else the vector v. */
  const entryValue = (name: string, type: VarType | undefined): Expr => (type === 'symbol' ? sym('v', [sym('i')]) : name === 'i' ? sym('j') : type === 'number' ? num(-7, 3) : sym('v'));

  for (const rule of entryRules) {
    it(`should hold with v an n-vector and x its entry v_i, at sizes 1 to 7: ${rule.id}`, () => {
      const bindings = new Map<string, Expr>([...rule.vars.keys()].map((n) => [n, entryValue(n, rule.vars.get(n))]));
      const lhs = instantiate(rule.lhs, rule, bindings);
      const rhs = evaluateTemplates(instantiate(rule.rhs, rule, bindings)) as Expr;
      const verdict = checkMatrixEqual(lhs, rhs, shapeContext(['v: n']));
      expect(verdict.verdict, `${toPlain(lhs)} = ${toPlain(rhs)}`).toBe('holds');
      // A near miss (twice the right side) fails: the check can tell.
      const wrong = checkMatrixEqual(lhs, mul(num(2), rhs), shapeContext(['v: n']));
      expect(wrong.verdict).toBe('fails');
    });
  }
});
