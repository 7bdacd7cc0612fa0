/**
 * Hand-built derivations for printer tests (the printers must not depend on
 * the rule engine): the sigmoid's derivative, a step whose result prints the
 * same as the line before, a step with a note, and a title full of TeX
 * special characters.
 */
import { call, deriv, div, mul, num, sub, sym } from '../../src/expr/build.js';
import type { Expr } from '../../src/expr/node.js';
import type { Derivation, Note, Step } from '../../src/proof/step.js';

const x = sym('x');
const sigma = call('sigma', [x]);

/** A derivation from `start` through each [rule, title, after, notes?] in turn. */
export function derivation(start: Expr, steps: readonly (readonly [string, string, Expr, (readonly Note[])?])[]): Derivation {
  let before = start;
  const out: Step[] = [];
  for (const [rule, title, after, notes] of steps) {
    out.push({ rule, title, path: [], before, after, redex: before, contractum: after, bindings: new Map(), notes: notes ?? [] });
    before = after;
  }
  return { start, steps: out, result: before, stop: 'normal-form' };
}

/** d/dx sigma(x) = sigma(x)(1 - sigma(x)) in three steps. */
export const SIGMOID = derivation(deriv(sigma, x), [
  ['d.sigma', 'Derivative of the sigmoid (chain rule)', mul(sigma, sub(num(1), sigma), deriv(x, x))],
  ['d.var', 'Derivative of the variable', mul(sigma, sub(num(1), sigma), num(1))],
  ['alg.mul-one', 'Multiplying by one', mul(sigma, sub(num(1), sigma))],
]);

/** x/2 -> (1/2) x as a quotient, then as the exact number 1/2: the last two print alike. */
export const INVISIBLE = derivation(div(x, num(2)), [
  ['alg.div-as-product', 'Dividing is multiplying by the reciprocal', mul(div(num(1), num(2)), x)],
  ['num.exact-fraction', 'Exact fraction', mul(num(1, 2), x)],
]);

/** |x|' with a note on where it holds. */
export const ABS = derivation(deriv(call('abs', [x]), x), [
  ['d.abs', 'Derivative of the absolute value', mul(call('sign', [x]), deriv(x, x)), [{ template: 'does not exist where ${u} = 0$', values: new Map([['u', x]]) }]],
  ['d.var', 'Derivative of the variable', mul(call('sign', [x]), num(1))],
]);

/** A title that tries to run TeX. */
export const HOSTILE = derivation(mul(x, num(1)), [['alg.mul-one', '\\input{/etc/passwd} 50% & #1 $x_1^2$ ~{}', x]]);

/** No steps at all. */
export const EMPTY = derivation(x, []);

export const ALL: readonly (readonly [string, Derivation])[] = [
  ['sigmoid', SIGMOID],
  ['invisible', INVISIBLE],
  ['abs', ABS],
  ['hostile', HOSTILE],
  ['empty', EMPTY],
];
