import { describe, expect, it } from 'vitest';
import { checkDocument, type StepReport } from '../../src/check/check-document.js';
import { createChecker } from '../../src/check/judge-step.js';
import { headOf, parseWithHeads } from '../../src/check/multi-argument-heads.js';
import { parseLatex } from '../../src/parse/index.js';
import { toPlain } from '../../src/expr/to-plain.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());
const steps = (source: string): StepReport[] => checkDocument(checker, source, 'markdown').chains.flatMap((c) => [...c.steps]);
const verdicts = (source: string): string[] => steps(source).map((s) => `${s.line}: ${s.verdict}`);

describe('functions of several arguments defined in the document', () => {
  it('should read the head L(x, y, w) and substitute all arguments at once', () => {
    const h = headOf('L(x, y, w)');
    expect(h?.params.map(toPlain)).toEqual(['x', 'y', 'w']);
    expect(headOf('L(x)')).toBeUndefined();
    expect(headOf('L(x, x)')).toBeUndefined();
    expect(headOf('L(x + 1, y)')).toBeUndefined();
    if (h === undefined) return;
    const head = { ...h, value: parseLatex('w x - y') };
    expect(toPlain(parseWithHeads('L(y, x, w) + 1', [head]))).toBe('w*y - x + 1');
    // Nested: the inner call is the outer one's third argument (w := 3*1 - 2).
    const nested = toPlain(parseWithHeads('2 L\\left(1, a_1, L(1, 2, 3)\\right)', [head]));
    expect(nested).toMatch(/^2\*\(\(3\*1 - \(?2\)?\)\*1 - a_1\)$/);
  });

  it('should judge L(a, b, c) and swapped arguments against the definition', () => {
    const doc = '$$L(x, y, w) = \\frac{1}{2}(w x - y)^2$$\n\n$$L(a, b, c) = \\frac{1}{2}(c a - b)^2$$\n\n$$L(y, x, w) = \\frac{1}{2}(w x - y)^2$$\n\n$$\\frac{\\partial}{\\partial w} L(x, y, w) = (w x - y) x$$\n\n$$2 L(1, 1, w) = (w - 1)^2$$\n';
    expect(verdicts(doc)).toEqual(['1: definition', '3: proved', '5: fails', '7: proved', '9: proved']);
  });

  it('should read a head defined in prose, \\ell(u, v) = …, and keep an undefined one unread', () => {
    const doc = 'Let $\\ell(u, v) = (u - v)^2$.\n\n$$\\ell(2, 1) = 1$$\n\n$$\\ell(a, b) = \\ell(b, a)$$\n\n$$\\ell(a, b) = a^2 - b^2$$\n';
    expect(verdicts(doc)).toEqual(['3: proved', '5: proved', '7: fails']);
    // An undefined head is not read (listed with the parse error), never judged.
    const undefinedHead = checkDocument(checker, '$$K(a, b) = K(b, a)$$\n', 'markdown');
    expect(verdicts('$$K(a, b) = K(b, a)$$\n')).toEqual([]);
    expect(undefinedHead.notRead.map((n) => `${n.line}: ${n.latex}`)).toEqual(['1: K(a, b) = K(b, a)']);
  });

  it('should use f(x) = x^2 at a point and its derivative, and fail wrong values', () => {
    const doc = "Let $f(x) = x^2$.\n\n$$f(3) = 9$$\n\n$$f'(x) = 2x$$\n\n$$f(3) = 6$$\n\n$$f'(3) = 9$$\n";
    expect(verdicts(doc)).toEqual(['3: proved', '5: proved', '7: fails', '9: fails']);
  });
});
