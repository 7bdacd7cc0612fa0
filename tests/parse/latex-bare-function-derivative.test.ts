/**
 * \frac{d\sigma}{dx}: read as d(σ(x), x) only where the document writes σ
 * as a function of x (LatexOptions.functionArguments, given by the checker
 * from `\sigma(x) = …`); refused without it, and refused at another variable.
 */
import { describe, expect, it } from 'vitest';
import { call, deriv, sym } from '../../src/expr/build.js';
import { equal } from '../../src/expr/equal.js';
import { ParseError, parseLatex, parseLatexReadings } from '../../src/parse/index.js';
import { toLatex } from '../../src/render/index.js';
import { documentFunctionArguments } from '../../src/check/function-arguments.js';

const L = String.raw;
const x = sym('x');
const sigmaOfX = new Map([['sigma', x]]);

function code(text: string, opts = {}): string {
  try {
    parseLatex(text, opts);
  } catch (e) {
    if (e instanceof ParseError) return e.code;
    throw e;
  }
  return 'read';
}

describe('\\frac{d\\sigma}{dx} with the argument the document writes', () => {
  it('should read d(σ(x), x) when σ is a function of x, say so, and print it back as a derivative of σ(x)', () => {
    const { expr, readings } = parseLatexReadings(L`\frac{d\sigma}{dx} - 1`, { functionArguments: sigmaOfX });
    const want = deriv(call('sigma', [x]), x);
    expect(expr.kind).toBe('add');
    expect(equal(parseLatex(L`\frac{d\sigma}{dx}`, { functionArguments: sigmaOfX }), want)).toBe(true);
    expect(readings.map((r) => r.kind)).toContain('function-argument');
    expect(equal(parseLatex(toLatex(want)), want)).toBe(true);
    expect(equal(parseLatex(L`\frac{d^2\tanh}{dx^2}`, { functionArguments: new Map([['tanh', x]]) }), deriv(deriv(call('tanh', [x]), x), x))).toBe(true);
  });

  it('should refuse it without the document, and at a variable the document does not write σ at', () => {
    expect(code(L`\frac{d\sigma}{dx}`)).toBe('E_PARSE_UNSUPPORTED');
    expect(code(L`\frac{d\sigma}{dz}`, { functionArguments: sigmaOfX })).toBe('E_PARSE_UNSUPPORTED');
    expect(code(L`\frac{d\tanh}{dx}`, { functionArguments: sigmaOfX })).toBe('E_PARSE_UNSUPPORTED');
  });

  it('should take the argument from a definition σ(x) = …, and none when the document defines σ at two variables', () => {
    expect(documentFunctionArguments(L`Let $\sigma(x) = \frac{1}{1+e^{-x}}$.`).get('sigma')?.name).toBe('x');
    expect(documentFunctionArguments(L`$\sigma(x) = 1$ and $\sigma(z) = 2$`).has('sigma')).toBe(false);
    expect(documentFunctionArguments(L`$\sigma'(x) = \sigma(x)(1 - \sigma(x))$`).has('sigma')).toBe(false);
  });
});
