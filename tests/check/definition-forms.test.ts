import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string): string[] => steps(source).map((s) => `${s.line}: ${s.verdict}`);

describe('definitions as homework writes them: chains, where-clauses, redefinitions', () => {
  it('should read a = b = c as a definition of a and a claim b = c that is judged', () => {
    expect(verdicts('$$L = -\\log \\sigma(z) = \\log(1 + e^{-z})$$\n')).toEqual(['1: definition', '1: proved']);
    expect(verdicts('$$a = (x + 1)^2 = x^2 + 1$$\n')).toEqual(['1: definition', '1: fails']);
    // The defined name is then used by later steps.
    expect(verdicts('$$a = (x + 1)^2 = x^2 + 2x + 1$$\n\n$$a - 1 = x^2 + 2x$$\n\n$$a = x^2$$\n')).toEqual(['1: definition', '1: proved', '3: proved', '5: fails']);
  });

  it('should apply "where $p = \\sigma(z)$" after a display to that display', () => {
    const doc = "$$\\sigma'(z) = p (1 - p)$$\n\nwhere $p = \\sigma(z)$.\n\n$$\\sigma'(z) = p (1 + p)$$\n";
    expect(verdicts(doc)).toEqual(['1: proved', '5: fails']);
    expect(verdicts("$$g'(z) = g(z)(1 - g(z)),$$\n\nwhere $g$ is the sigmoid.\n\n$$g'(z) = g(z)^2$$\n")).toEqual(['1: proved', '5: fails']);
    // Not a where-clause: a definition stated later does not reach back. (Without a premise word the inline
    // $p = \sigma(z)$ about p, used by the claim before it, is itself a claim: inline-math.ts, rule 3.)
    expect(verdicts("$$\\sigma'(z) = p (1 - p)$$\n\nWe now compute $p = \\sigma(z)$.\n")).toEqual(['1: fails', '3: fails']);
  });

  it('should read a definition closing a display (\\text{where } L = …) for that display only', () => {
    const doc = '$$\\frac{\\partial L}{\\partial w} = (w x - y) x, \\quad \\text{where } L = \\frac{1}{2}(w x - y)^2$$\n\n$$\\frac{\\partial L}{\\partial w} = (w x - y) x$$\n';
    expect(verdicts(doc)).toEqual(['1: proved', '3: undecided']);
  });

  it('should let a prose redefinition hold from where it is stated, and keep the first definition before it', () => {
    const doc = 'Let $h = \\tanh(w x)$.\n\n$$\\frac{\\partial h}{\\partial w} = x (1 - h^2)$$\n\nModel B uses $h = \\max(0, w x)$.\n\n$$\\frac{\\partial h}{\\partial w} = x (1 - h^2)$$\n\n$$h = \\max(0, w x)$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '7: fails', '9: proved']);
    // A redefinition of an indexed family takes over too.
    const family = 'Let $p_k = e^{z_k}$.\n\n$$p_j > 0$$\n\nNow let $p_k = z_k$.\n\n$$p_j > 0$$\n\n$$p_j = z_j$$\n';
    expect(verdicts(family)).toEqual(['3: proved', '7: fails', '9: proved']);
  });

  it('should read "Now let $$h = …$$" as a redefinition from there on, and a bare $$h = …$$ as a claim', () => {
    const doc = 'Let $h = \\tanh(w x)$.\n\n$$\\frac{\\partial h}{\\partial w} = x (1 - h^2)$$\n\nNow let\n\n$$h = \\max(0, w x)$$\n\n$$\\frac{\\partial h}{\\partial w} = x (1 - h^2)$$\n\nThe claim\n\n$$h = \\tanh(w x)$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '7: definition', '9: fails', '13: fails']);
    expect(verdicts('Let $h = \\tanh(w x)$.\n\n$$h = \\max(0, w x)$$\n')).toEqual(['3: fails']);
  });
});
