/**
 * Every pattern rule in rules/ is an identity: instantiate its variables with
 * expressions (some depending on x, some not), keep the instantiations its
 * guards accept, and compare both sides at random points. Derivatives on the
 * left are evaluated by finite differences, so a wrong derivative rule fails.
 * New rules are covered without writing a test.
 */
import { describe, expect, it } from 'vitest';
import { add, call, div, mul, num, pow, sym } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import { checkEqualNumeric, createRng } from '../../src/numeric/index.js';
import { evaluateTemplates } from '../../src/rewrite/apply.js';
import { checkGuard } from '../../src/rewrite/guards.js';
import { loadRuleLibrary } from '../../src/rewrite/load-rules.js';
import { substitute } from '../../src/rewrite/pattern.js';
import type { PatternRule, VarType } from '../../src/rewrite/rule.js';
import { toPlain } from '../../src/render/index.js';

const x = sym('x');
const a = sym('a');
const b = sym('b');
const k = sym('k');
const zk = sym('z', [k]);
const zj = sym('z', [sym('j')]);

/** Candidate values per variable type: a mix of constants, functions of x and of an index k. */
const POOL: Record<VarType, readonly Expr[]> = {
  expr: [a, num(3), add(b, num(1)), x, add(pow(x, num(2)), a), call('sin', [mul(b, x)]), mul(a, call('exp', [div(x, num(3))])), call('sigma', [x]), num(-2, 3), zk, mul(a, call('exp', [zk])), add(zk, x)],
  number: [num(2), num(-3), num(1, 2), num(5, 3), num(0), num(1), num(-1)],
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
  j: [sym('j'), num(1)],
};
const SUM_RANGE: Record<string, readonly Expr[]> = {
  a: [num(1)],
  b: [sym('c'), num(4)],
};
const isSumRule = (r: PatternRule): boolean => r.id.startsWith('sum.') || r.id === 'd.under-sum';

const library = loadRuleLibrary();
const rules = library.rules.filter((r): r is PatternRule => r.type === 'pattern');

describe('every rule in rules/ is sound', () => {
  it('should load a non-trivial library', () => {
    expect(rules.length).toBeGreaterThan(40);
  });

  for (const rule of rules) {
    it(`should hold: ${rule.id} (${rule.source.file}:${rule.source.line})`, () => {
      const rng = createRng(rule.order + 11);
      const names = [...rule.vars.keys()];
      let exercised = 0;
      for (let trial = 0; trial < 40 && exercised < 6; trial++) {
        const bindings = new Map<string, Expr>();
        for (const n of names) {
          const pool = BY_NAME[n] ?? (isSumRule(rule) ? SUM_RANGE[n] : undefined) ?? POOL[rule.vars.get(n) ?? 'expr'];
          bindings.set(n, pool[rng.int(0, pool.length - 1)] as Expr);
        }
        if (!rule.guards.every((g) => checkGuard(g.name, g.args.map((arg) => substitute(arg, rule, bindings))).ok)) continue;
        const lhs = substitute(rule.lhs, rule, bindings);
        const rhs = evaluateTemplates(substitute(rule.rhs, rule, bindings));
        if (rhs === undefined) continue;
        const verdict = checkEqualNumeric(lhs, rhs, { points: 8, seed: trial + 1 });
        if (verdict.verdict === 'undecided') continue;
        expect(verdict.verdict, `${rule.id}: ${toPlain(lhs)} = ${toPlain(rhs)} ${JSON.stringify(verdict)}`).toBe('numeric');
        exercised++;
      }
      expect(exercised, `${rule.id} was never exercised by a valid instantiation`).toBeGreaterThan(0);
    });
  }
});
