/**
 * The silent wrong readings of notation (issues #9 and #10): each one used to
 * end in `proved` or in a wrong `fails`; here they reach the judge read as a
 * textbook reads them.
 */
import { describe, expect, it } from 'vitest';
import { createChecker, judgeStep } from '../../src/check/judge-step.js';
import { parseLatex, parsePlain } from '../../src/parse/index.js';
import { readFacts } from '../../src/check/read-facts.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const latex = (l: string, r: string) => judgeStep(checker, parseLatex(l), '=', parseLatex(r)).verdict;
const plain = (l: string, r: string) => judgeStep(checker, parsePlain(l), '=', parsePlain(r)).verdict;
const L = String.raw;

describe('derivative operators take the whole term that follows', () => {
  it('should prove d/dx 3x^2 = 6x', () => {
    expect(latex(L`\frac{d}{dx} 3x^2`, '6x')).toBe('proved');
  });
  it('should fail d/dx x sin x = sin x and d/dx x^2 e^x = 2x e^x', () => {
    expect(latex(L`\frac{d}{dx} x \sin x`, L`\sin x`)).toBe('fails');
    expect(latex(L`\frac{d}{dx} x^2 e^x`, L`2x e^x`)).toBe('fails');
  });
  it('should prove the product rule written with the operator, and a second derivative', () => {
    expect(['proved', 'holds']).toContain(latex(L`\frac{d}{dx} x \sin x`, L`\sin x + x \cos x`));
    expect(['proved', 'holds']).toContain(latex(L`\frac{d^2}{dx^2} x^3`, '6x'));
    expect(['proved', 'holds']).toContain(latex(L`\nabla_w \frac{1}{2} (w x - y)^2`, '(w x - y) x'));
  });
});

describe('\\text{ReLU} is the function, never blanked', () => {
  it('should fail 3 ReLU(s) = 3s', () => {
    expect(latex(L`3\text{ReLU}(s)`, '3s')).toBe('fails');
  });
});

describe('abstract functions', () => {
  it('should differentiate f(g(x)) by the chain rule in prime notation', () => {
    expect(plain('d(f(g(x)), x)', "f'(g(x))*g'(x)")).toBe('proved');
    expect(plain('d(x*Phi(x), x)', "Phi(x) + x*Phi'(x)")).toBe('proved');
  });
  it('should never read f(x) as f times x', () => {
    expect(plain('d(f(x), x)', 'f')).toBe('fails');
    expect(plain('d(g(x^2), x)', 'g*2*x')).toBe('fails');
  });
  it('should refute identities that do not hold for every f', () => {
    expect(plain('f(2*x)', '2*f(x)')).toBe('fails');
    expect(plain('f(x)', 'g(x)')).toBe('fails');
    expect(latex(L`\frac{d}{dx} f(x)^2`, L`2 f'(x)`)).toBe('fails');
  });
  it('should prove or hold identities true for every f', () => {
    expect(['proved', 'holds']).toContain(latex(L`\frac{d}{dx} f(x)^2`, L`2 f(x) f'(x)`));
    expect(['proved', 'holds']).toContain(plain('d(exp(f(x)), x)', "exp(f(x))*f'(x)"));
  });
});

describe('function names the document defines', () => {
  const withFacts = (l: string, r: string, facts: string) => judgeStep(checker, parseLatex(l), '=', parseLatex(r), readFacts(facts, { definitions: true })).verdict;
  it("should read f'(x) and f''(x) as the derivatives of a defined f(x) = …", () => {
    expect(withFacts(L`f'(x)`, L`3x^2 + \cos x`, L`f(x) = x^3 + \sin x`)).toBe('proved');
    expect(withFacts(L`f''(x)`, L`6x - \sin x`, L`f(x) = x^3 + \sin x`)).toBe('proved');
    expect(withFacts(L`f'(2)`, '12', L`f(x) = x^3 + \sin x`)).toBe('fails');
  });
  it('should read h(…) as a product once h is defined as a value', () => {
    expect(withFacts(L`h(1 - y)`, L`h - h y`, L`h = \sigma(z)`)).toBe('proved');
    expect(withFacts(L`\frac{dh}{dz}`, L`h(1 - h)`, L`h = \sigma(z)`)).toBe('proved');
  });
});
