/**
 * Every form the printers emit reads back as the same tree: one case per
 * form in the renderer's list (fractions, \cdot and juxtaposition, e^{u} and
 * \exp, \sigma, \operatorname, \max\left\{…\right\}, bars, roots, indices,
 * labels, hats, Greek, words, derivative operators, signed and exact numbers).
 * tests/properties/round-trip.test.ts does the same for random trees.
 */
import { describe, expect, it } from 'vitest';
import { equal } from '../../src/expr/equal.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { toLatex, toPlain } from '../../src/render/index.js';
import { treeText } from './tree-text.js';

const FORMS = [
  'a/b', 'a*b', '2*x', 'x*2', 'exp(u)', 'exp(x^2 + 3*x - 1)', 'exp(1)', 'sigma(x)', 'softplus(x)', 'relu(x)', 'sign(x)', 'step(x)',
  'max(a, b)', 'min(x_1, -x_2)', 'abs(x - 1)', 'sqrt(x)', 'x_1', 'W_{i,j}', 'x_12', 'w^{(1)}', 'y_k^{(i)}', 'yhat', 'alpha*eta', 'loss',
  'xdot', 'xddot*Lcal', 'ytilde + xbar', 'pi*r^2', 'd(sigma(x), x)', 'd(x*y, x)', 'd(w_1*x_1, w_1)', '-3', 'a - 3', '1/2', '-1/2*x', '0.25', 'x^(1/2)', '(-x)^2', '-(x^2)',
  'sigma(x)*(1 - sigma(x))', '1/(1 + exp(-x))', 'log(w_1^2 + w_2^2) + w_1*exp(w_2)', 'tanh(x)^2', '(w^{(1)})^2', 'sigma*(x + 1)',
];

describe('printers and parsers', () => {
  it.each(FORMS)('should read back the LaTeX and plain renderings of %s', (text) => {
    const e = parsePlain(text);
    const tex = toLatex(e);
    const back = parseLatex(tex);
    expect(equal(back, e), `${tex} read back as ${treeText(back)}, not ${treeText(e)}`).toBe(true);
    const plain = toPlain(e);
    const again = parsePlain(plain);
    expect(equal(again, e), `${plain} read back as ${treeText(again)}, not ${treeText(e)}`).toBe(true);
  });
});
