import { describe, expect, it } from 'vitest';
import * as gradtex from '../src/index.js';

describe('public API', () => {
  it('should expose exactly the documented names', () => {
    expect(Object.keys(gradtex).sort()).toMatchInlineSnapshot(`
      [
        "CONSTANTS",
        "FUNCTIONS",
        "MAX_EXACT_EXPONENT",
        "ParseError",
        "RuleFileError",
        "ShapeError",
        "add",
        "addAll",
        "assertNever",
        "call",
        "checkDerivativeNumeric",
        "checkEqualNumeric",
        "checkMatrixEqual",
        "children",
        "compile",
        "createEngine",
        "createRng",
        "deriv",
        "derivationToLatex",
        "derivativeOf",
        "diffToJson",
        "differentiate",
        "div",
        "equal",
        "escapeLatexText",
        "evaluate",
        "evaluateAt",
        "float",
        "freeOf",
        "inferShape",
        "intRoot",
        "loadMatrixIdentities",
        "loadRuleLibrary",
        "lookupFunction",
        "mapBottomUp",
        "matrixVerdictText",
        "mul",
        "mulAll",
        "neg",
        "normalise",
        "num",
        "parseLatex",
        "parsePlain",
        "pathToString",
        "pow",
        "rat",
        "ratAdd",
        "ratCompare",
        "ratDiv",
        "ratIsInteger",
        "ratMul",
        "ratNeg",
        "ratPowInt",
        "ratRoot",
        "ratSub",
        "ratToNumber",
        "renderKatex",
        "replaceAt",
        "shapeContext",
        "sigmoid",
        "simplify",
        "size",
        "softplus",
        "some",
        "sub",
        "substitute",
        "subtermAt",
        "sym",
        "symKey",
        "symbolsOf",
        "toLatex",
        "toPlain",
        "verifyDerivation",
        "withChildren",
      ]
    `);
  });

  it('should derive the sigmoid through the public API', () => {
    const engine = gradtex.createEngine();
    const d = gradtex.differentiate(engine, gradtex.parsePlain('1/(1+exp(-x))'), [gradtex.sym('x')]);
    expect(gradtex.toPlain(d.result)).toBe('sigma(x)*(1 - sigma(x))');
  });
});

describe('package subpaths', () => {
  it('should expose the remark plugin as gradtex/remark', async () => {
    // Self-reference through package.json "exports" (resolves to the built dist/;
    // a variable specifier, so the type check does not need dist/ to exist).
    const specifier = 'gradtex/remark';
    const mod = (await import(specifier)) as { default: unknown };
    expect(typeof mod.default).toBe('function');
  });
});
