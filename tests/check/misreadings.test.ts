/**
 * Derivatives written as a fraction of differentials (d/dx x^2, dy/dx, dL/dw)
 * used to be read as products and quotients of the letter d: `dy/dx = y/x`
 * came back proved and `d/dx x^2` was x^3. They are refused by name: a
 * relation that uses them is "not read", never judged on a misreading.
 */
import { describe, expect, it } from 'vitest';
import { checkDocument, createChecker } from '../../src/check/index.js';
import { ParseError, parseLatex, parsePlain } from '../../src/parse/index.js';
import { createEngine } from '../../src/rewrite/engine.js';

const checker = createChecker(createEngine());

describe('derivatives written as fractions of differentials', () => {
  // d/dx (x^2), with its bracket, is the derivative (tests/parse/plain-slash-derivative.test.ts); without one it is refused.
  it.each(['d/dx x^2', 'dy/dx', 'dL/dw', 'd y / d x'])('refuses the LaTeX %s by name', (src) => {
    expect(() => parseLatex(src)).toThrow(ParseError);
    expect(() => parseLatex(src)).toThrow(/not read as a derivative/);
  });
  it('refuses the plain dy/dx and d/dx x^2', () => {
    expect(() => parsePlain('dy/dx')).toThrow(/not read as a derivative/);
    expect(() => parsePlain('d/dx*x^2')).toThrow(/not read as a derivative/);
  });
  it('keeps ordinary quotients of d and of names that start with d', () => {
    expect(() => parseLatex('x / d')).not.toThrow();
    expect(() => parseLatex('a d / b')).not.toThrow();
    expect(() => parsePlain('delta/2')).not.toThrow();
    expect(() => parsePlain('d/2')).not.toThrow();
  });
  it('never judges a false claim written that way: dy/dx = y/x and d/dx x^2 = x^3 are not read', () => {
    const r = checkDocument(checker, '$$dy/dx = y/x$$\n\n$$d/dx\\, x^2 = x^3$$\n\nSo $dL/dw = L/w$.\n', 'markdown');
    expect(r.chains.flatMap((c) => c.steps).filter((s) => s.verdict !== 'definition')).toEqual([]);
    expect(r.notRead.map((n) => n.line)).toEqual([1, 3, 5]);
  });
});

describe('a value named in passing', () => {
  // The worked-example rule (src/check/worked-example.ts, tests/check/worked-example-values.test.ts) replaced "undecided in its paragraph".
  it('is applied to the claim about it, which says so: "e.g. $x = 2$ gives $x^2 = 4$" holds at that value, not in general', () => {
    const r = checkDocument(checker, 'e.g. $x = 2$ gives $x^2 = 4$.\n\nIn general $x^2 = 4$ is false.\n', 'markdown');
    const steps = r.chains.flatMap((c) => c.steps);
    expect(steps.map((s) => `${s.line}: ${s.verdict}`)).toEqual(['1: proved', '3: fails']);
    expect(steps[0]?.evidence.summary).toMatch(/with the worked example's values x = 2 \(line 1\).*for other values it does not hold/);
  });
});

describe('the reading used, where the notation allows another', () => {
  it('says a(b + c) was read as a product and \\sum_k as k = 1..K', () => {
    const r = checkDocument(checker, '$$a(b + c) = ab + ac$$\n\n$$\\sum_k y_k = 1$$\n', 'markdown');
    const [product, sum] = r.chains.flatMap((c) => c.steps);
    expect(product?.evidence.summary).toMatch(/read: a\(…\) is read as a times/);
    expect(sum?.evidence.summary).toMatch(/read: the range of the sum over k is not stated: it is read as k = 1, …, K/);
  });
});

describe('scientific notation in LaTeX math', () => {
  it('refuses 1e-3 by name (it would read as 1 times e minus 3) and keeps 2e^{x}', () => {
    expect(() => parseLatex('1e-3')).toThrow(/scientific notation/);
    expect(() => parseLatex('2.5E4')).toThrow(/scientific notation/);
    expect(() => parseLatex('2e^{x}')).not.toThrow();
    expect(() => parseLatex('3e - x')).not.toThrow();
    const r = checkDocument(checker, '$$1e-3 = 0.001$$\n', 'markdown');
    expect(r.notRead.map((n) => n.line)).toEqual([1]);
  });
});
