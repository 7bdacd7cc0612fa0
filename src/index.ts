/**
 * gradtex's public API: re-exports only (pinned by tests/public-api.test.ts).
 *
 *     import { createEngine, parsePlain, differentiate, toLatex, sym } from 'gradtex';
 *     const engine = createEngine();
 *     const d = differentiate(engine, parsePlain('1/(1+exp(-x))'), [sym('x')]);
 *     toLatex(d.result);   // \sigma(x) \left(1 - \sigma(x)\right)
 *     const checker = createChecker(engine);
 *     judgeStep(checker, parseLatex('\\ln x'), '<=', parseLatex('x - 1'), readFacts('x > 0')).verdict   // 'proved'
 */
export * from './expr/index.js';
export { parsePlain, parseLatex, ParseError } from './parse/index.js';
export { toLatex, toPlain, derivationToLatex, renderKatex, escapeLatexText } from './render/index.js';
export { createEngine, type Engine } from './rewrite/engine.js';
export { loadRuleLibrary, type RuleLibrary } from './rewrite/load-rules.js';
export { RuleFileError } from './rewrite/rule-file.js';
export type { Rule, RuleSet } from './rewrite/rule.js';
export { differentiate, inertDerivative } from './derive/differentiate.js';
export { evaluateAt } from './derive/evaluate-at.js';
export { substitute } from './expr/substitute.js';
export { diffToJson, type DiffJson } from './derive/diff-result.js';
export { simplify } from './simplify/simplify.js';
export type { Step, Derivation, Note, RuleId } from './proof/step.js';
export type { StopReason } from './proof/stop-reason.js';
export { verifyDerivation, type VerificationReport, type Verdict } from './proof/verify.js';
export { checkEqualNumeric, checkDerivativeNumeric, compile, evaluate, createRng } from './numeric/index.js';
export { shapeContext, inferShape, ShapeError, type Shape, type ShapeContext, type MatrixIdentity } from './matrix/index.js';
export { checkMatrixEqual, matrixVerdictText, loadMatrixIdentities, type MatrixVerdict } from './matrix-check/index.js';
// The checker of `gradtex check`, from code (one Verdict type for derivations and checks, exported above).
export { createChecker, judgeStep, checkDocument, documentKind, readFacts, type Checker, type DocumentKind, type DocumentOptions, type DocumentReport, type ChainReport, type StepReport, type Judgement, type Relation, type Fact } from './check/index.js';
export { formatText as formatCheckText, formatJson as formatCheckJson, type FileReport } from './check/index.js';
// Problem-set documents from code: the spec (YAML) read, every task solved and verified, then written out.
export { parseSpec, SpecError, type Spec } from './document/spec.js';
export { solveSpec, type SolvedSpec } from './document/solve.js';
export { loadTemplate, templatesDir } from './document/template.js';
export { toTexDocument } from './document/to-tex.js';
export { toMarkdownDocument } from './document/to-md.js';
