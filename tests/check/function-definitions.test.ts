import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { functionDefinition, functionInWords } from '../../src/check/function-definitions.js';
import { describeFact } from '../../src/check/facts.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string): string[] => steps(source).map((s) => `${s.line}: ${s.verdict}`);
const shown = (f: ReturnType<typeof functionDefinition>): string => (f === undefined ? 'none' : describeFact(f, toPlain));

describe('a name defined as a function is that function', () => {
  it('should read f = \\tanh, \\phi = \\sigma and g = \\text{ReLU} as functions, and nothing else', () => {
    expect(shown(functionDefinition('f', '\\tanh'))).toBe('f(x) = tanh(x)');
    expect(shown(functionDefinition('\\phi', '\\sigma'))).toBe('phi(x) = sigma(x)');
    expect(shown(functionDefinition('g', '\\text{ReLU}'))).toBe('g(x) = relu(x)');
    // A value, a letter that is not a function name (s may be a standard deviation), a function of two arguments.
    expect(shown(functionDefinition('f', 'x^2'))).toBe('none');
    expect(shown(functionDefinition('s', '\\sigma'))).toBe('none');
    expect(shown(functionDefinition('f', '\\max'))).toBe('none');
    expect(shown(functionInWords('g', ' is the sigmoid.'))).toBe('g(x) = sigma(x)');
    expect(shown(functionInWords('f', ' be the ReLU activation'))).toBe('f(x) = relu(x)');
    expect(shown(functionInWords('f', ' denotes the logistic function'))).toBe('f(x) = sigma(x)');
    expect(shown(functionInWords('f', ' is the loss'))).toBe('none');
    // Function names used as other nouns.
    expect(shown(functionInWords('h', ' is the step size'))).toBe('none');
    expect(shown(functionInWords('g', ' is the sign of the gradient'))).toBe('none');
    expect(shown(functionInWords('f', ' is the log-likelihood'))).toBe('none');
    expect(shown(functionInWords('f', ' is the sigmoid-like curve'))).toBe('none');
    expect(shown(functionInWords('x', ' is the sigmoid'))).toBe('none');
  });

  it('should substitute "for $f = \\tanh$" in f(s_1) and f\'(s_1), and fail wrong steps about them', () => {
    const doc = 'For $f = \\tanh$, the hidden unit is $a_1 = f(s_1)$.\n\n$$f(s_1) = \\tanh(s_1)$$\n\n$$f\'(s_1) = 1 - \\tanh^2(s_1)$$\n\n$$f\'(s_1) = 1 + \\tanh^2(s_1)$$\n\n$$f(s_1) = s_1 \\tanh(1)$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '5: proved', '7: fails', '9: fails']);
  });

  it('should read "$\\phi = \\sigma$", "where $g$ is the sigmoid" and "let $f$ be the ReLU"', () => {
    expect(verdicts("Here $\\phi = \\sigma$.\n\n$$\\phi'(z) = \\phi(z)(1 - \\phi(z))$$\n\n$$\\phi(z) = z \\sigma(1)$$\n")).toEqual(['3: proved', '5: fails']);
    expect(verdicts("The output is $g(z)$, where $g$ is the sigmoid.\n\n$$g'(z) = g(z)(1 - g(z))$$\n\n$$g'(z) = g(z)^2$$\n")).toEqual(['3: proved', '5: fails']);
    expect(verdicts('Let $f$ be the ReLU.\n\n$$f(-2) = 0$$\n\n$$f(-2) = -2$$\n')).toEqual(['3: proved', '5: fails']);
  });

  it('should read a display f = \\tanh as a definition and "with $f(s) = \\max(0, s)$" as a function head', () => {
    expect(verdicts('$$f = \\tanh$$\n\n$$f(y) + 1 = \\tanh(y) + 1$$\n')).toEqual(['1: definition', '3: proved']);
    expect(verdicts('with $f(s) = \\max(0, s)$.\n\n$$f(s_1) = \\max(0, s_1)$$\n\n$$f(s_1) = s_1$$\n')).toEqual(['3: proved', '5: fails']);
  });

  it('should keep an undefined f an unknown function, never a number times its argument', () => {
    // f(2x) = 2 f(x) and f(3) = 3 f(1) hold when f is a number times its argument: they must fail for an unknown f.
    expect(verdicts('$$f(2 x) = 2 f(x)$$\n\n$$f(3) = 3 f(1)$$\n')).toEqual(['1: fails', '3: fails']);
  });

  it('should end a function definition with its section', () => {
    expect(verdicts('# A\n\nFor $f = \\tanh$:\n\n$$f(y) + 1 = \\tanh(y) + 1$$\n\n# B\n\n$$f(y) + 1 = \\tanh(y) + 1$$\n')).toEqual(['5: proved', '9: fails']);
  });
});
