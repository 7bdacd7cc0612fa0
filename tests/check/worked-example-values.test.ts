/**
 * Worked examples (src/check/worked-example.ts): values given in prose ("Take
 * $w = 2$", "Numbers: …", "with step size $\eta = 0.25$") are applied to the
 * relations that follow within their scope, which is judged in general first;
 * a verdict that rests on the values says so. The soundness traps: values must
 * not leak into the next section, paragraph or \paragraph, nor make a false
 * general identity come out true without saying it rests on the values; a
 * wrong arithmetic step fails at its own line:col.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker, type DocumentReport, type StepReport } from '../../src/check/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

const steps = (r: DocumentReport): StepReport[] => r.chains.flatMap((c) => c.steps).filter((s) => s.verdict !== 'definition');
const at = (r: DocumentReport, line: number, col: number): StepReport | undefined => steps(r).find((s) => s.line === line && s.col === col);
const verdicts = (r: DocumentReport): string[] => steps(r).map((s) => `${s.line}:${s.col} ${s.verdict}`);

describe('values given in prose are applied to the worked example', () => {
  it('Markdown: "With $w = 2$, $x = 1$, $b = 0$" makes sigma(wx + b) = sigma(2) ~ 0.88 hold, and says which values', () => {
    const doc = 'The model is $\\hat y = \\sigma(w x + b)$.\n\nWith $w = 2$, $x = 1$, $b = 0$: $\\hat y = \\sigma(2) \\approx 0.88$, not $0.9$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    const [exact, approx] = steps(r);
    expect(exact?.verdict).toMatch(/proved|holds/);
    expect(exact?.evidence.summary).toMatch(/with the worked example's values w = 2, x = 1, b = 0 \(line 3\)/);
    // \approx keeps its tolerance: 0.8808 is 0.88 to 1%.
    expect(approx?.rel).toBe('~=');
    expect(approx?.verdict).toBe('holds');
  });

  it('Markdown: a "Numbers:" list after the symbols were used, with derivatives taken before the values (dE/dw at w = 2)', () => {
    const doc = [
      'Let $E = (w x - y)^2$, so $\\frac{\\partial E}{\\partial w} = 2(w x - y)x$.',
      '',
      'Numbers: $w = 2$, $x = 3$, $y = 4$ give $E = 4$, $\\frac{\\partial E}{\\partial w} = 12$ and $\\frac{\\partial E}{\\partial w} = 6$.',
      '',
    ].join('\n');
    const r = checkDocument(checker, doc, 'markdown');
    expect(verdicts(r)).toEqual(['1:60 proved', '3:46 proved', '3:83 proved', '3:124 fails']);
    // The wrong value fails at its own place, with the values named.
    expect(at(r, 3, 124)?.evidence.summary).toMatch(/with the worked example's values w = 2, x = 3, y = 4 \(line 3\)/);
    // The values are reported as definitions, not judged as claims about w.
    expect(r.premises.filter((p) => p.kind === 'definition').map((p) => p.summary)).toEqual(expect.arrayContaining(['w = 2', 'x = 3', 'y = 4']));
  });

  it('a gradient-descent trace: eta from the setup applies to the update rule; a wrong arithmetic step fails at its own line:col', () => {
    const doc = [
      '# Gradient descent',
      '',
      'Minimise $f(w) = (w - 3)^2$ from $w_0 = 10$ with step size $\\eta = 0.25$.',
      '',
      '$$',
      'w_{t+1} = w_t - \\eta f\'(w_t) = w_t - 0.5(w_t - 3)',
      '$$',
      '',
      '$$',
      'w_1 = 10 - 0.5 \\cdot 7 = 6.5, \\quad w_2 = 6.5 - 0.5 \\cdot 3.5 = 4.5',
      '$$',
      '',
      'and $f(w_0) = 49$.',
      '',
    ].join('\n');
    const r = checkDocument(checker, doc, 'markdown');
    expect(at(r, 6, 32)?.verdict).toBe('proved');
    expect(at(r, 6, 32)?.evidence.summary).toMatch(/eta = 0.25 \(line 3\)/);
    expect(at(r, 10, 26)?.verdict).toMatch(/proved|holds/);
    // 6.5 - 1.75 = 4.75: the slip fails where it is written.
    expect(at(r, 10, 65)?.verdict).toBe('fails');
    expect(at(r, 13, 15)?.verdict).toMatch(/proved|holds/);
  });

  it('LaTeX: \\paragraph{Numbers.} Let … then an align judged at the values, a wrong one failing at its own line', () => {
    const doc = [
      '\\documentclass{article}',
      '\\begin{document}',
      '\\section{Backprop}',
      '',
      'Let $h = \\sigma(a x + b)$ and $E = \\frac12 (c h - t)^2$.',
      '',
      '\\paragraph{Numbers.} Let $x = 1$, $a = 0$, $b = 0$, $c = 2$, $t = 2$. Then $h = \\tfrac12$.',
      '\\begin{align*}',
      '\\frac{\\partial E}{\\partial c} &= (1 - 2)\\cdot\\tfrac12 \\\\',
      '\\frac{\\partial E}{\\partial c} &= 1',
      '\\end{align*}',
      '',
      '\\paragraph{In general.} $h = \\tfrac12$ only when $a x + b = 0$.',
      '\\end{document}',
    ].join('\n');
    const r = checkDocument(checker, doc, 'tex');
    expect(at(r, 7, 81)?.verdict).toBe('proved');
    expect(at(r, 9, 34)?.verdict).toBe('proved');
    expect(at(r, 10, 34)?.verdict).toBe('fails');
    // The next \paragraph is not the example: h = 1/2 is judged in general and fails.
    expect(at(r, 13, 30)?.verdict).toBe('fails');
    expect(at(r, 13, 30)?.evidence.summary).not.toMatch(/worked example/);
  });
});

describe('values do not leak', () => {
  it('into the next section', () => {
    const doc = '## Example\n\nTake $x = 0$. Then $\\sigma(x) = \\tfrac12$.\n\n## In general\n\n$$\\sigma(x) = \\tfrac12$$\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(verdicts(r)).toEqual(['3:33 proved', '7:15 fails']);
  });

  it('into a later paragraph of the section (values given after the setup paragraph hold for their paragraph)', () => {
    const doc = '# Sigmoid\n\nThe sigmoid is $\\sigma(x) = \\frac{1}{1 + e^{-x}}$.\n\nAt $x = 0$ we get $\\sigma(x) = \\tfrac12$.\n\nA student wrote $\\sigma(x) = \\tfrac12$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    // (The definition of sigma on line 3 is a claim about the table's sigma: proved.)
    expect(steps(r).map((s) => s.verdict)).toEqual(['proved', 'proved', 'fails']);
  });

  it('out of a hypothetical sentence ("e.g.")', () => {
    const r = checkDocument(checker, 'e.g. $x = 2$ gives $x^2 = 4$. In general $x^2 = 4$ is false.\n', 'markdown');
    expect(steps(r).map((s) => s.verdict)).toEqual(['proved', 'fails']);
    expect(steps(r)[0]?.evidence.summary).toMatch(/x = 2 \(line 1\)/);
  });

  it('into a general identity: sigma\' = sigma(1 - sigma) after "at x = 0" is judged for every x', () => {
    const doc = 'At $x = 0$: $\\sigma\'(x) = \\sigma(x)(1 - \\sigma(x))$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    const [s] = steps(r);
    expect(s?.verdict).toBe('proved');
    expect(s?.evidence.summary).not.toMatch(/worked example/);
  });

  it('a false general identity that happens to hold at the example\'s point fails: both sides in x make it a formula', () => {
    // sigma'(0) = 1/4 = sigma(0)/2, but sigma'(x) = sigma(x)/2 is false in general.
    const doc = 'At $x = 0$: $\\sigma\'(x) = \\frac{\\sigma(x)}{2}$.\n\nIn general $\\sigma\'(x) = \\frac{\\sigma(x)}{2}$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(steps(r).map((s) => s.verdict)).toEqual(['fails', 'fails']);
    expect(steps(r)[0]?.evidence.summary).not.toMatch(/worked example/);
  });

  it('a wrong derivative after "with equality only at $x = 1$" fails (the adversarial case of the derivation corpus)', () => {
    const doc = 'Claim: $\\ln x \\le x - 1$ for every $x > 0$, with equality only at $x = 1$.\n\n$$\\frac{d}{dx}\\left(\\frac{1}{x} - 1\\right) = -\\frac{1}{x^3}$$\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(steps(r).map((s) => s.verdict)).toEqual(['proved', 'fails']);
  });

  it('out of a parenthesis: "(If we had $w = 0$, the output would be constant.)"', () => {
    const doc = '# A model\n\nThe output is $f = (w x)^2$. (If we had $w = 0$, the output would be constant.)\n\n$$\\frac{\\partial f}{\\partial w} = 0$$\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(steps(r).map((s) => s.verdict)).toEqual(['fails']);
  });

  it('a later value for the same name ends the binding (eta = 0.25, then "with eta = 1.5")', () => {
    const doc = 'We use $\\eta = 0.25$, so $1 - 2\\eta = 0.5$. With a larger step, $\\eta = 1.5$, the factor is $1 - 2\\eta = -2$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(steps(r).map((s) => s.verdict)).toEqual(['holds', 'holds']);
    expect(steps(r)[0]?.evidence.summary).toMatch(/eta = 0.25 \(line 1\)/);
    expect(steps(r)[1]?.evidence.summary).toMatch(/eta = 1.5 \(line 1\)/);
  });
});

describe('conditions of a case split in one sentence', () => {
  it('"derivative 1 for $x > 0$ and 0 for $x < 0$" is not a contradiction (no document error)', () => {
    const doc = 'ReLU: $\\max(0, x)$, derivative 1 for $x > 0$ and 0 for $x < 0$\n  (undefined at 0)\n\nthen $\\frac{d}{dx} x^2 = 2x$\n';
    const r = checkDocument(checker, doc, 'text');
    expect(steps(r).map((s) => s.verdict)).toEqual(['proved']);
  });
});

describe('values of a vector, members of a family, terms of a sequence', () => {
  it('"At $(w_1, w_2) = (2, 1)$:" heads the rest of its section; a claim false at the point fails there', () => {
    const doc = '# Jacobian\n\nLet $f = w_1^2 + e^{w_2}$.\n\nAt $(w_1, w_2) = (2, 1)$:\n\n$$f = 4 + e$$\n\nIntermediate values: $v_1 = w_1^2 = 4$ and $v_2 = e^{w_2} = 1$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    expect(steps(r).map((s) => `${s.line}:${s.col} ${s.verdict}`)).toEqual(['7:7 proved', '9:37 proved', '9:61 fails']);
    expect(at(r, 9, 61)?.evidence.summary).toMatch(/with the worked example's values w_2 = 1 \(line 5\)/);
  });

  it('LaTeX: $z = (0, \\ln 3)$ gives z_1, z_2, and a softmax sum over j = 1..n with $n = 2$ is written out with them', () => {
    const doc = [
      '\\documentclass{article}',
      '\\begin{document}',
      '\\section{Softmax}',
      'Let $q_i = \\frac{e^{z_i}}{\\sum_{j=1}^{n} e^{z_j}}$.',
      '',
      '\\paragraph{Numbers.} With $n = 2$ and $z = (0, \\ln 3)$: $q_1 = \\frac14$ and $q_2 = \\frac12$.',
      '\\end{document}',
    ].join('\n');
    const r = checkDocument(checker, doc, 'tex');
    const [q1, q2] = steps(r);
    expect(q1?.verdict).toBe('proved');
    expect(q1?.evidence.summary).toMatch(/n = 2, z_1 = 0, z_2 = log\(3\) \(line 6\)/);
    expect(q2?.verdict).toBe('fails');
  });

  it('a sum over a family whose members 1..4 are given runs to 4, and the verdict says so', () => {
    const doc = '# Hinge\n\nScores: $s_1 = 2$, $s_2 = 4.5$, $s_3 = 0.5$.\n\n$$L = \\sum_{j} \\max(0, s_j - 1) = 1 + 3.5 + 0 = 4.5$$\n\n$$L = 5$$\n';
    const r = checkDocument(checker, doc, 'markdown');
    const [sum, , wrong] = steps(r);
    expect(sum?.verdict).toMatch(/proved|holds/);
    expect(sum?.evidence.summary).toMatch(/the sum over j read as j = 1, …, 3: the members of s given/);
    expect(wrong?.verdict).toBe('fails');
  });

  it('a member given a value inside a sum whose size is not a number: a failure is undecided, not a false alarm', () => {
    const doc = 'Let $p = \\frac{e^{z_1}}{\\sum_{j=1}^{K} e^{z_j}}$ and $K > 0$.\n\nWith $z_1 = 0$: $p = 1$.\n';
    const r = checkDocument(checker, doc, 'markdown');
    const [s] = steps(r);
    expect(s?.verdict).toBe('undecided');
    expect(s?.evidence.summary).toMatch(/z_1 has a value in the document, but a sum over its family runs to a size not given as a number/);
  });

  it('a claim about w_t in a gradient-descent trace is judged at the terms given (t = 0, 1, 2), a wrong one fails there', () => {
    const doc = [
      '# Trace',
      '',
      'Start from $w_0 = 0$ with $\\eta = 0.25$.',
      '',
      '$$w_{t+1} = w_t - 2\\eta(w_t - 3)$$',
      '',
      '$$w_1 = 1.5, \\quad w_2 = 2.25$$',
      '',
      'So $w_t - 3 = -3 \\cdot 0.5^t$, and not $w_t - 3 = -3 \\cdot 0.25^t$.',
      '',
    ].join('\n');
    const r = checkDocument(checker, doc, 'markdown');
    const claims = steps(r).filter((s) => s.line === 9);
    expect(claims.map((s) => s.verdict)).toEqual(['holds', 'fails']);
    expect(claims[0]?.evidence.summary).toMatch(/holds at t = 0, 1, 2, the terms the document gives .*not proved for every t/);
    expect(claims[1]?.evidence.summary).toMatch(/at t = 1/);
  });
});
