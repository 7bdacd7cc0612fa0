/**
 * Each builtin rewrite on its own: the cases where it applies (exact result,
 * the subterms it assumes nonzero, and the result equal to the input at
 * random points, an independent check), and the cases where it must not
 * apply. A builtin without a row here fails the first test.
 */
import { describe, expect, it } from 'vitest';
import type { Expr } from '../../src/expr/node.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { parsePlain } from '../../src/parse/index.js';
import { BUILTINS } from '../../src/rewrite/builtins/index.js';

interface Applies {
  readonly input: string;
  readonly output: string;
  /** Subterms the rewrite assumes nonzero (stated on the step). */
  readonly assumed?: readonly string[];
}

interface Row {
  readonly applies: readonly Applies[];
  /** Inputs it must leave alone (returns undefined). */
  readonly declines: readonly string[];
}

const TABLE: Record<string, Row> = {
  'derivative-of-sum': {
    applies: [
      { input: 'd(x^2 + sin(x) + 3, x)', output: 'd(x^2, x) + d(sin(x), x) + d(3, x)' },
      { input: 'd(a - b, x)', output: 'd(a, x) + d(-b, x)' },
    ],
    declines: ['d(x*y, x)', 'd(sin(x + 1), x)', 'x + y'],
  },
  'derivative-of-indexed': {
    applies: [
      { input: 'd(z_k, z_j)', output: 'delta(k, j)' },
      { input: 'd(W_{a,b}, W_{i,j})', output: 'delta(a, i)*delta(b, j)' },
      // The same second index contributes 1.
      { input: 'd(W_{a,j}, W_{i,j})', output: 'delta(a, i)' },
    ],
    // z_k by z_k is 1 and z_1 by z_2 is 0: other rules (d.var, d.const); different names never meet.
    declines: ['d(z_k, z_k)', 'd(z_1, z_2)', 'd(z_k, w_j)', 'd(z_k, x)', 'd(x, x)'],
  },
  'derivative-of-abstract': {
    applies: [
      { input: 'd(f(x^2), x)', output: "f'(x^2)*d(x^2, x)" },
      { input: "d(f'(u), x)", output: "f''(u)*d(u, x)" },
    ],
    declines: ['d(sin(x), x)', 'd(x^2, x)', 'f(x)'],
  },
  'fold-constants': {
    applies: [
      { input: '2 + 3', output: '5' },
      { input: '3 - 5', output: '-2' },
      { input: '1/2 * 4', output: '2' },
      { input: '(2/3)^2', output: '4/9' },
      { input: '-(3)', output: '-3' },
      { input: 'x + 2 + 3', output: 'x + 5' },
      { input: '2*3*x', output: '6*x' },
      // A float stays a float: exactness is never invented.
      { input: '0.5 + 1', output: '1.5' },
    ],
    // Irrational, undefined, or too large to keep exact.
    declines: ['x + 2', '0.1*x', '2^(1/2)', '1/0', '0^(-1)', '2^10000'],
  },
  'collect-like-terms': {
    applies: [
      { input: '2*x + 3*x', output: '5*x' },
      { input: 'x - x', output: '0' },
      { input: '2*x*y + 3*y*x', output: '5*x*y' },
      { input: 'x + 2*y + x', output: '2*x + 2*y' },
    ],
    // Only literal coefficients are added.
    declines: ['x + y', 'a*x + b*x', 'x^2 + x'],
  },
  'collect-like-factors': {
    applies: [
      { input: 'x*x', output: 'x^2' },
      { input: 'x^2*x^(-1)', output: 'x' },
      { input: 'sigma(x)*sigma(x)', output: 'sigma(x)^2' },
    ],
    // Symbolic exponents and e^a e^b are not its business (alg.exp-product is a data rule).
    declines: ['x*y', 'x^a*x^b', 'exp(a)*exp(b)'],
  },
  'expand-if-shorter': {
    applies: [
      { input: 'y*(1 - sigma(x)) - (1 - y)*sigma(x)', output: 'y - sigma(x)' },
      { input: 'x*(x + 1) - x^2', output: 'x' },
    ],
    // Textbook factored forms stay: expanding would not be shorter.
    declines: ['sigma(x)*(1 - sigma(x))', 'a*(b + c) + d', 'x + y'],
  },
  'factor-common': {
    applies: [
      { input: '2*a + 2*b', output: '2*(a + b)' },
      { input: 'x*y + x*z', output: 'x*(y + z)' },
      { input: 'x*y + x', output: 'x*(y + 1)' },
      { input: 'sigma(x)*(1 - sigma(x))^2 - sigma(x)^2*(1 - sigma(x))', output: 'sigma(x)*(1 - sigma(x) - sigma(x))*(1 - sigma(x))' },
    ],
    // 0/0 − 2: a zero coefficient over a zero denominator must not be rebuilt as 0·(1/0) and folded to 0.
    declines: ['a + b', '2*a + 3*b', 'x*y', '0/0 - 2', '0/(x - x) + 2*x'],
  },
  'common-denominator-if-shorter': {
    applies: [{ input: '(1 - y)/(1 - p) - y/p', output: '(p - y)/((1 - p)*p)' }],
    // Not shorter over one bar, or no fractions at all.
    declines: ['1/a + 1/b', 'a + b', 'x/2 + x/2'],
  },
  'cancel-common-factors': {
    applies: [
      { input: '(5*a*b)/(5*c*b^2)', output: 'a/(c*b)', assumed: ['b'] },
      { input: '6*a/4', output: '3*a/2' },
      { input: 'x/x', output: '1', assumed: ['x'] },
      { input: '(x + 1)/(x + 1)^2', output: '1/(x + 1)', assumed: ['x + 1'] },
      // exp(x) is never 0: nothing to assume.
      { input: 'exp(x)*y/exp(x)', output: 'y' },
    ],
    declines: ['a/b', 'x/(x + 1)', '(a + b)/a'],
  },
};

function apply(name: string, input: Expr): { expr: Expr; assumedNonzero: readonly Expr[] } | undefined {
  const spec = BUILTINS.get(name);
  if (spec === undefined) throw new Error(`no builtin ${name}`);
  return spec.apply(input);
}

describe('the builtin rewrites', () => {
  it('should each have a row of cases here, and every row a builtin', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...BUILTINS.keys()].sort());
  });

  for (const [name, row] of Object.entries(TABLE)) {
    describe(name, () => {
      const kinds = BUILTINS.get(name)?.kinds ?? [];

      it.each(row.applies.map((c) => [c.input, c]))('should rewrite %s', (_input, c) => {
        const input = parsePlain(c.input);
        // The rule index offers a builtin only at the node kinds it lists.
        expect(kinds).toContain(input.kind);
        const r = apply(name, input);
        expect(r === undefined ? undefined : toPlain(r.expr)).toBe(c.output);
        if (r === undefined) return;
        expect(r.assumedNonzero.map(toPlain)).toEqual(c.assumed ?? []);
        expect(checkEqualNumeric(input, r.expr).verdict).toBe('holds');
      });

      it.each(row.declines.map((s) => [s]))('should leave %s alone', (s) => {
        expect(apply(name, parsePlain(s))).toBeUndefined();
      });
    });
  }
});
