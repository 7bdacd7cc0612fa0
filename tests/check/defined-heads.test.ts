/**
 * Function heads a document defines, written the way students write them:
 * `L(w) = …` then `\frac{\partial L}{\partial w}`, `KL(p, q)` and `H(p)`
 * defined in prose (sometimes later in the same sentence), `f_1(w_1, w_2)`,
 * primes `\sigma'(2x)`, `\zeta'(x)`, `\ell'`, and the traps: a redefinition
 * in a later section, `H(p)` against `H \cdot p`, swapped arguments, a
 * definition given only in a later section, a derivative by an intermediate
 * variable the definitions wrote out.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string, kind: 'markdown' | 'tex' = 'markdown'): StepReport[] => checkDocument(checker, source, kind).chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string, kind: 'markdown' | 'tex' = 'markdown'): string[] => steps(source, kind).map((s) => `${s.line}:${s.col} ${s.verdict}`);
const notRead = (source: string): string[] => checkDocument(checker, source, 'markdown').notRead.map((n) => `${n.line}:${n.col}`);

describe('heads the document defines, and their derivatives', () => {
  it('should read L defined as a function of w and then used bare as L(w), and fail a wrong derivative at its own line', () => {
    const doc = ['The loss is $L(w) = (w x - y)^2$.', '', '$$\\frac{\\partial L}{\\partial w} = 2(w x - y) x$$', '', '$$\\frac{\\partial L}{\\partial w} = (w x - y) x$$', '', '$$L(2) = (2x - y)^2$$', ''].join('\n');
    expect(verdicts(doc)).toEqual(['3:35 proved', '5:35 fails', '7:10 proved']);
  });

  it('should use a redefinition in a later section from there on, and the first definition before it', () => {
    const doc = ['# Part 1', '', 'Let $J(w) = w^2$.', '', '$$\\frac{d J}{d w} = 2w$$', '', '# Part 2', '', 'Now $J(w) = w^3$.', '', '$$\\frac{\\partial J}{\\partial w} = 3w^2$$', '', '$$\\frac{\\partial J}{\\partial w} = 2w$$', ''].join('\n');
    expect(verdicts(doc)).toEqual(['5:21 proved', '11:35 proved', '13:35 fails']);
  });

  it('should read H(p) as an application and H \\cdot p as a product, never the other way round', () => {
    const doc = ['Define $H(t) = t^2 + 1$.', '', '$$H(3) = 10$$', '', '$$H \\cdot 3 = 10$$', ''].join('\n');
    const v = verdicts(doc);
    expect(v[0]).toBe('3:10 proved');
    // H·3 is (t^2 + 1)·3, the bare H read at its own parameter: never H(3).
    expect(v[1]).toBe('5:15 fails');
  });

  it('should keep H(p) and H(p, q) as two definitions, and judge KL with swapped arguments', () => {
    const doc = [
      'Let $p$ and $q$ be distributions with $p_i > 0$ and $q_i > 0$.',
      'Write $H(p) = -\\sum_{i=1}^k p_i \\log p_i$ and $H(p, q) = -\\sum_{i=1}^k p_i \\log q_i$, and $KL(p, q) = \\sum_{i=1}^k p_i \\log \\frac{p_i}{q_i}$.',
      '',
      '$$H(p, q) = H(p) + KL(p, q)$$',
      '',
      '$$KL(q, p) = \\sum_{i=1}^k q_i \\log \\frac{q_i}{p_i}$$',
      '',
      '$$KL(q, p) = \\sum_{i=1}^k p_i \\log \\frac{p_i}{q_i}$$',
      '',
      '$$H(p, q) = H(p) - KL(p, q)$$',
      '',
      '$$KL(p, q) > 0$$',
      '',
    ].join('\n');
    const v = verdicts(doc);
    expect(v.slice(0, 2).map((s) => s.replace(/ (proved|holds)$/, ' ok'))).toEqual(['4:13 ok', '6:14 ok']);
    expect(v.slice(2)).toEqual(['8:14 fails', '10:13 fails', '12:14 fails']);
  });

  it('should take a definition given later in the same sentence ("where …"), not one in a later section', () => {
    const later = ['Since the terms are positive, $S(p) \\ge 0$, where $S(p) = \\sum_{i=1}^k p_i^2$.', ''].join('\n');
    expect(verdicts(later)).toEqual(['1:41 holds']);
    const nextSection = ['# One', '', 'Here $S(p) \\ge 0$.', '', '# Two', '', 'Let $S(p) = \\sum_{i=1}^k p_i^2$.', ''].join('\n');
    expect(verdicts(nextSection).filter((s) => s.startsWith('3:') && /proved|holds/.test(s))).toEqual([]);
  });

  it('should read primes of defined heads and of smooth functions at any argument, and fail wrong values at their line', () => {
    const doc = [
      'Let $\\zeta(x) = \\log(1 + e^x)$ and $\\ell(z) = z^3$.',
      '',
      '$$\\zeta\'(x) = \\sigma(x)$$',
      '',
      '$$\\sigma\'(2x) = \\sigma(2x)\\bigl(1 - \\sigma(2x)\\bigr)$$',
      '',
      "$$\\sigma'(0) = \\frac14$$",
      '',
      "$$\\sigma'(0) = \\frac12$$",
      '',
      "$$\\ell''(z) = 6z$$",
      '',
      "$$\\ell'(2) = 12$$",
      '',
      "$$\\frac{d}{dx}\\bigl(2\\sigma(2x) - 1\\bigr) = 2\\sigma'(2x)$$",
      '',
    ].join('\n');
    const v = verdicts(doc).map((s) => s.replace(/ (proved|holds)$/, ' ok'));
    expect(v).toEqual(['3:15 ok', '5:17 ok', '7:16 ok', '9:16 fails', '11:15 ok', '13:14 ok', '15:45 fails']);
  });

  it('should never give the derivative of relu at its kink a value: an equation with it fails, as it does not exist', () => {
    const doc = "$$\\operatorname{relu}'(0) = 1$$\n";
    // src/check/kink-derivatives.ts: left derivative 0, right derivative 1.
    expect(verdicts(doc)).toEqual(['1:29 fails']);
    expect(notRead(doc)).toEqual([]);
  });

  it('should read indexed heads f_1(w_1, w_2) and their partial derivatives at a point', () => {
    const doc = [
      '$$f_1(w_1, w_2) = w_1^2 w_2, \\qquad f_2(w_1, w_2) = \\sin w_1 + w_2$$',
      '',
      '$$\\frac{\\partial f_1}{\\partial w_1} = 2 w_1 w_2, \\qquad \\frac{\\partial f_2}{\\partial w_1} = \\sin w_1$$',
      '',
      '$$f_1(2, 3) = 12, \\qquad \\frac{\\partial f_1}{\\partial w_2}(2, 3) = 4, \\qquad \\frac{\\partial f_1}{\\partial w_1}(2, 3) = 4$$',
      '',
    ].join('\n');
    const v = verdicts(doc).map((s) => s.replace(/ (proved|holds)$/, ' ok'));
    expect(v).toEqual(['1:19 definition', '1:53 definition', '3:39 ok', '3:93 fails', '5:15 ok', '5:68 ok', '5:120 fails']);
  });

  it('should not take a derivative by z as 0 when the definitions wrote z out, and fail a wrong one', () => {
    const doc = [
      'Let $\\hat y = \\sigma(w x + b)$ and $z = w x + b$, with loss $L = (\\hat y - y)^2$.',
      '',
      '$$\\frac{\\partial L}{\\partial z} = 2(\\hat y - y)\\hat y (1 - \\hat y)$$',
      '',
      '$$\\frac{\\partial L}{\\partial z} = 0$$',
      '',
    ].join('\n');
    expect(verdicts(doc)).toEqual(['3:35 proved', '5:35 fails']);
  });

  it('should read the same heads in LaTeX: \\ell defined in a display, \\ell\' and \\ell\'(0) after it', () => {
    const doc = [
      '\\documentclass{article}',
      '\\begin{document}',
      'For a label \\(y \\in \\{0, 1\\}\\) the loss is',
      '\\[',
      '\\ell(z) = -y\\log\\sigma(z) - (1-y)\\log\\bigl(1-\\sigma(z)\\bigr).',
      '\\]',
      '\\begin{gather*}',
      "\\ell'(z) = \\sigma(z) - y \\\\",
      "\\ell'(0) = \\tfrac12 - y \\\\",
      "\\ell'(z) = y - \\sigma(z)",
      '\\end{gather*}',
      '\\end{document}',
      '',
    ].join('\n');
    const v = verdicts(doc, 'tex').map((s) => s.replace(/ (proved|holds)$/, ' ok'));
    expect(v.filter((s) => !s.endsWith('definition'))).toEqual(['8:12 ok', '9:12 ok', '10:12 fails']);
  });
  it('should not treat f as independent of the weights when its definition could not be read', () => {
    const doc = [
      // A series with no last term: the reader refuses it (\\dots with a last term w_n x_n is read as a sum, tests/check/notation-readings.test.ts).
      'A neuron computes $f(x) = w_0 + w_1 x_1 + w_2 x_2 + \\dots$ and the error is $L = \\frac12 (y - f(x))^2$.',
      '',
      '$$\\frac{\\partial L}{\\partial w_1} = 0$$',
      '',
      '$$\\frac{\\partial L}{\\partial w_1} = -(y - f(x)) x_1$$',
      '',
    ].join('\n');
    // Read with f independent of w_1, the first would be proved and the second would fail: both rest on the unread definition.
    expect(verdicts(doc)).toEqual(['3:37 undecided', '5:37 undecided']);
  });
  it('should differentiate a defined sum over i by z_i without the sum capturing the variable, with the constraint a "using" clause states', () => {
    const doc = [
      'Let $q_i = \\frac{e^{z_i}}{\\sum_{j=1}^{n} e^{z_j}}$ and the cross-entropy $C = -\\sum_{i=1}^n p_i \\log q_i$. Its gradient is',
      '',
      '$$\\frac{\\partial C}{\\partial z_i} = q_i - p_i$$',
      '',
      'using $\\sum_{i=1}^n p_i = 1$. The sign is easy to get wrong:',
      '',
      '$$\\frac{\\partial C}{\\partial z_i} = p_i - q_i$$',
      '',
    ].join('\n');
    const v = verdicts(doc).map((s) => s.replace(/ (proved|holds)$/, ' ok'));
    expect(v.filter((s) => s.startsWith('3:') || s.startsWith('7:'))).toEqual(['3:37 ok', '7:37 fails']);
  });
  it('should not read the bare name of a function given by name only (f = \\tanh) at a made-up parameter', () => {
    const doc = ['For $f = \\tanh$ and $a = f(s)$:', '', '$$\\frac{\\partial f}{\\partial s} = 0$$', '', '$$\\frac{\\partial a}{\\partial s} = 1 - \\tanh^2(s)$$', ''].join('\n');
    const v = verdicts(doc);
    // f alone is the function, not f(x) for some x of ours: its derivative by s is not known to be 0.
    expect(v.filter((s) => s.startsWith('3:') && /proved|holds/.test(s))).toEqual([]);
    expect(v.filter((s) => s.startsWith('5:')).map((s) => s.replace(/ (proved|holds)$/, ' ok'))).toEqual(['5:35 ok']);
  });
});
