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
        "SpecError",
        "add",
        "addAll",
        "assertNever",
        "call",
        "checkDerivativeNumeric",
        "checkDocument",
        "checkEqualNumeric",
        "checkMatrixEqual",
        "children",
        "compile",
        "createChecker",
        "createEngine",
        "createRng",
        "deriv",
        "derivationToLatex",
        "diffToJson",
        "differentiate",
        "div",
        "documentKind",
        "equal",
        "escapeLatexText",
        "evaluate",
        "evaluateAt",
        "float",
        "formatCheckJson",
        "formatCheckText",
        "freeOf",
        "inertDerivative",
        "inferShape",
        "intRoot",
        "judgeStep",
        "loadMatrixIdentities",
        "loadRuleLibrary",
        "loadTemplate",
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
        "parseSpec",
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
        "readFacts",
        "renderKatex",
        "replaceAt",
        "shapeContext",
        "sigmoid",
        "simplify",
        "size",
        "softplus",
        "solveSpec",
        "some",
        "sub",
        "substitute",
        "subtermAt",
        "sym",
        "symKey",
        "symbolsOf",
        "templatesDir",
        "toLatex",
        "toMarkdownDocument",
        "toPlain",
        "toTexDocument",
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

  it('should judge a step and check a document through the public API', () => {
    const checker = gradtex.createChecker(gradtex.createEngine());
    const ln = gradtex.judgeStep(checker, gradtex.parseLatex('\\ln x'), '<=', gradtex.parseLatex('x - 1'), gradtex.readFacts('x > 0'));
    expect(ln.verdict).toBe('proved');
    const wrong = gradtex.judgeStep(checker, gradtex.parseLatex('(x+1)^2'), '=', gradtex.parseLatex('x^2 + 1'));
    expect(wrong.verdict).toBe('fails');
    const report = gradtex.checkDocument(checker, '$$\n(x+1)^2 = x^2 + 2x + 1\n$$\n', gradtex.documentKind('notes.md'));
    expect(report.chains).toHaveLength(1);
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
