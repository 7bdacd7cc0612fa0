import { describe, expect, it } from 'vitest';
import { checkDocument, DocumentError, type DocumentKind, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string, kind: DocumentKind = 'markdown'): StepReport[] => checkDocument(checker, source, kind).chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string, kind: DocumentKind = 'markdown'): string[] => steps(source, kind).map((s) => `${s.line}: ${s.verdict}`);
const errorOf = (source: string, kind: DocumentKind = 'markdown'): string => {
  try {
    checkDocument(checker, source, kind);
  } catch (e) {
    if (e instanceof DocumentError) return `${e.line}:${e.col}: ${e.message}`;
    throw e;
  }
  return 'no error';
};

describe('facts stated in a document hold from where they are stated to the end of their section', () => {
  it('should not let a hypothetical "when the model is perfect, ŷ = y" prove ∂L/∂ŷ = 0 later', () => {
    const doc = 'The loss is $L = \\frac{1}{2}(\\hat y - y)^2$. When the model is perfect, $\\hat y = y$.\n\n$$\\frac{\\partial L}{\\partial \\hat y} = 0$$\n';
    expect(verdicts(doc)).toEqual(['3: fails']);
    expect(verdicts(doc.replace('When the model is perfect, $\\hat y = y$.', 'If $\\hat y = y$ the loss is 0.'))).toEqual(['3: fails']);
    expect(verdicts(doc.replace('When the model is perfect, $\\hat y = y$.', 'The fit is perfect only if $\\hat y = y$.'))).toEqual(['3: fails']);
  });

  it('should apply a hypothetical to display math that continues its sentence, and not after it', () => {
    const doc = 'If $x > 0$, then\n\n$$\\sqrt{x^2} = x$$\n\nholds. In general\n\n$$\\sqrt{x^2} = x$$\n';
    expect(verdicts(doc)).toEqual(['3: holds', '7: fails']);
  });

  it('should not apply a fact of one Markdown section in the next, nor before it is stated', () => {
    const doc = '# One\n\n$$\\sqrt{x^2} = x$$\n\nfor $x > 0$.\n\n$$\\sqrt{x^2} = x$$\n\n# Two\n\n$$\\sqrt{x^2} = x$$\n';
    expect(verdicts(doc)).toEqual(['3: fails', '7: holds', '11: fails']);
  });

  it('should let a section fact reach its subsections but not the next section of its level', () => {
    const doc = '## A\n\nLet $x > 0$.\n\n### A.1\n\n$$\\sqrt{x^2} = x$$\n\n## B\n\n$$\\sqrt{x^2} = x$$\n';
    expect(verdicts(doc)).toEqual(['7: holds', '11: fails']);
    const setext = 'A\n===\n\nLet $x > 0$.\n\n$$\\sqrt{x^2} = x$$\n\nB\n===\n\n$$\\sqrt{x^2} = x$$\n';
    expect(verdicts(setext)).toEqual(['6: holds', '11: fails']);
  });

  it('should scope facts by \\section in LaTeX, and ignore a \\section in a comment', () => {
    const doc = '\\section{One}\nLet $x > 0$.\n\\[ \\sqrt{x^2} = x \\]\n% \\section{not a section}\n\\[ \\sqrt{x^2} = x \\]\n\\section{Two}\n\\[ \\sqrt{x^2} = x \\]\n';
    expect(verdicts(doc, 'tex')).toEqual(['3: holds', '5: holds', '7: fails']);
  });

  it('should apply a fact stated before the first heading, and a directive at the top, to the whole document', () => {
    expect(verdicts('Throughout, $x > 0$.\n\n# A\n\n$$\\sqrt{x^2} = x$$\n\n# B\n\n$$\\sqrt{x^2} = x$$\n')).toEqual(['5: holds', '9: holds']);
    expect(verdicts('<!-- gradtex: assume x > 0 -->\n\n# A\n\n$$\\sqrt{x^2} = x$$\n\n# B\n\n$$\\sqrt{x^2} = x$$\n')).toEqual(['5: holds', '9: holds']);
    expect(verdicts('# A\n\n<!-- gradtex: assume x > 0 -->\n\n$$\\sqrt{x^2} = x$$\n\n# B\n\n$$\\sqrt{x^2} = x$$\n')).toEqual(['5: holds', '9: fails']);
  });

  it('should read "Suppose $x > 0$." as a fact and "suppose …, then …" as a hypothetical', () => {
    expect(verdicts('Suppose $x > 0$.\n\n$$\\sqrt{x^2} = x$$\n')).toEqual(['3: holds']);
    expect(verdicts('Suppose $x > 0$, then the root is positive.\n\n$$\\sqrt{x^2} = x$$\n')).toEqual(['3: fails']);
  });

  it('should scope definitions by section too: a name defined in one problem is free in the next', () => {
    const doc = '# 1\n\n$$f(x) = x^2$$\n\n$$\\frac{d}{dx} f(x) = 2x$$\n\n# 2\n\n$$f(x) = \\sin x$$\n\n$$\\frac{d}{dx} f(x) = \\cos x$$\n';
    expect(verdicts(doc)).toEqual(['3: definition', '5: proved', '9: definition', '11: proved']);
  });

  it('should read a case split as two hypotheticals, each ending where the next case begins, not as a contradiction', () => {
    const doc = '# Absolute value\n\nIf $x < 0$ then $|x| = -x$, and if $x \\geq 0$ then $|x| = x$.\n\nSo in all cases\n\n$$\\left| x \\right| = x$$\n';
    // The two inline cases are claims judged under their own condition.
    expect(verdicts(doc)).toEqual(['3: holds', '3: holds', '7: fails']);
    expect(verdicts('If $x < 0$ then\n\n$$|x| = -x$$\n\nand if $x > 0$ then\n\n$$|x| = x$$\n')).toEqual(['3: holds', '7: holds']);
  });

  it('should apply a where-clause closing a one-line display to that display only', () => {
    const doc = '$$\\sqrt{x^2} = x \\quad \\text{where } x \\ge 0$$\n\n$$\\sqrt{x^2} = x$$\n';
    expect(verdicts(doc)).toEqual(['1: holds', '3: fails']);
  });

  it('should let a prose redefinition take over from where it stands', () => {
    const doc = 'Model A uses $h = \\tanh(w x)$.\n\n$$\\frac{\\partial h}{\\partial w} = (1 - h^2) x$$\n\nModel B uses $h = w^2 x$.\n\n$$\\frac{\\partial h}{\\partial w} = 2 w x$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '7: proved']);
    expect(steps(doc)[1]?.facts).toEqual([{ fact: 'h = w^2*x', line: 5, col: 15 }]);
  });

  it('should give a name a value where the prose says so ("Given $y = 1$", "at $x = 2$")', () => {
    const given = '\\section{Positive example}\nGiven $y = 1$, the loss is $L = -y\\log\\sigma(z) - (1-y)\\log(1 - \\sigma(z))$ and\n\\[ \\frac{\\partial L}{\\partial z} = \\sigma(z) - 1 \\]\n\\section{Other}\n$L = -y\\log\\sigma(z) - (1-y)\\log(1 - \\sigma(z))$\n\\[ \\frac{\\partial L}{\\partial z} = \\sigma(z) - 1 \\]\n';
    expect(verdicts(given, 'tex')).toEqual(['3: proved', '6: fails']);
    // "At the point $x = 2$" gives x a value for the worked example (src/check/worked-example.ts), and the verdict says so.
    expect(verdicts('At the point $x = 2$ the slope is $12$:\n\n$$\\frac{d}{dx} x^3 = 12$$\n')).toEqual(['3: proved']);
    const counterexample = 'A counterexample: take $x = -1$. Then $\\sqrt{x^2} = 1$, which is not $x$.\n\nIn general\n\n$$x^2 + 2x + 1 = 0$$\n';
    // "Then $\sqrt{x^2} = 1$" is about the example's x (judged at x = -1, said so); the next paragraph is not.
    expect(verdicts(counterexample)).toEqual(['1: proved', '5: fails']);
  });

  it('should judge π = 3.14159… as a claim, never take it as a definition of π', () => {
    expect(verdicts('$$\\pi = 3.14159$$\n')).toEqual(['1: fails']);
  });

  it('should intersect the domains in scope for one symbol (x > 0 and x < 5 sample (0, 5))', () => {
    expect(verdicts('Let $x > 0$ and $x < 5$.\n\n$$\\sqrt{(x - 5)^2} = 5 - x$$\n')).toEqual(['3: holds']);
  });
});

describe('the evidence of each step lists the facts it used, with their line', () => {
  it('should name definitions (transitively) and domains with the line they were stated on', () => {
    const doc = 'Let $x > 0$ and $y > 0$.\n\nWrite $u = x^2$.\n\n$$\\sqrt{u} = x$$\n\n$$y = y$$\n';
    const s = steps(doc);
    expect(s[0]?.facts).toEqual([
      { fact: 'x > 0', line: 1, col: 6 },
      { fact: 'u = x^2', line: 3, col: 8 },
    ]);
    expect(s[1]?.facts).toEqual([{ fact: 'y > 0', line: 1, col: 18 }]);
  });
});

describe('facts that leave no value are an error at the line and column of the fact', () => {
  it('should refuse contradicting facts in scope', () => {
    expect(errorOf('Let $x > 1$.\n\nAlso $x < 0$.\n\n$$\\sqrt{x^2} = x$$\n')).toBe('3:7: x > 1 (line 1) and x < 0 leave no value for x');
    expect(errorOf('Let $p_1 + p_2 = 1$ and $p_1 > 2$.\n\n$$p_1 = p_1$$\n')).toBe('1:26: p_1 + p_2 = 1, each > 0 (line 1) and p_1 > 2 leave no value for p_1');
  });

  it('should accept the same letter with contradicting facts in different sections', () => {
    expect(errorOf('# A\n\nLet $x > 1$.\n\n# B\n\nLet $x < 0$.\n')).toBe('no error');
  });

  it('should refuse an empty domain in prose or in a directive, and an unreadable directive', () => {
    expect(errorOf('Let $0 < x < 0$.\n\n$$x = x$$\n')).toBe("1:6: '0 < x < 0' leaves no value for x");
    expect(errorOf('Let $x \\in \\{\\}$.\n')).toBe("1:6: 'x \\in \\{\\}' leaves no value for x");
    expect(errorOf('% gradtex: assume x in [2, 1]\n\\[ x = x \\]\n', 'tex')).toBe("1:19: 'x in [2, 1]' leaves no value for x");
    expect(errorOf('<!-- gradtex: assume x > 0, x >> 1 -->\n')).toMatch(/^1:29: cannot read 'x >> 1'/);
  });
});

describe('premises whose scope is shorter than the section (weaker, never stronger)', () => {
  it('should keep "for $z = \\log 3$" to its sentence, so a later wrong claim about z is not judged at that value', () => {
    const doc = 'Let $\\ell(z) = \\log(1 + e^{-z})$.\n\nFor $z = \\log 3$: $\\ell(z) = \\log\\tfrac43$.\n\nWrong: $\\ell(z) = \\max(z, 0) - z + \\log(1 + e^{-z})$.\n';
    expect(verdicts(doc)).toEqual(['3: holds', '5: fails']);
  });

  it('should keep a condition in the middle of a sentence ("and for $z > 0$ we have") to its paragraph', () => {
    const doc = 'Let $s = 3\\max(0, z)$. Then $s \\ge 0$, and for $z > 0$ we have $\\frac{ds}{dz} = 3$.\n\nA student wrote $\\max(0, z)^2 = z^2$; that only holds for $z \\ge 0$.\n';
    expect(verdicts(doc)).toEqual(['1: holds', '1: holds', '3: fails']);
  });
});
