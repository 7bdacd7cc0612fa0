/**
 * Primes on a function named in text: \text{ReLU}'(z), \operatorname{softplus}''(x)
 * are derivatives of the table's function at a variable; at anything else
 * (\text{ReLU}'(0)) they are refused, never evaluated by a convention.
 */
import { describe, expect, it } from 'vitest';
import { call, deriv, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { ParseError, parseLatex } from '../../src/parse/index.js';
import { toLatex } from '../../src/render/index.js';

const L = String.raw;
const z = sym('z');

describe("primes on \\text{…} and \\operatorname{…}", () => {
  it("should read \\text{ReLU}'(z) and \\operatorname{softplus}''(z) as derivatives at z, and print them back", () => {
    const relu = parseLatex(L`\text{ReLU}'(z)`);
    expect(equal(relu, deriv(call('relu', [z]), z))).toBe(true);
    const sp = parseLatex(L`\operatorname{softplus}''(z)`);
    expect(equal(sp, deriv(deriv(call('softplus', [z]), z), z))).toBe(true);
    expect(equal(parseLatex(toLatex(relu)), relu)).toBe(true);
  });

  it("should refuse \\text{ReLU}'(0) and \\text{ReLU}' without a bracket", () => {
    for (const t of [L`\text{ReLU}'(0)`, L`\text{ReLU}' z`]) expect(() => parseLatex(t), t).toThrow(ParseError);
  });
});
