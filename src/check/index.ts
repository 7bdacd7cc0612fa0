/**
 * The derivation checker's public surface: judge one relation, or every
 * step of a Markdown or LaTeX document, with the same machinery.
 *
 *     const checker = createChecker(createEngine());
 *     judgeStep(checker, parseLatex('\\ln x'), '<=', parseLatex('x - 1'), readFacts('x > 0')).verdict   // 'proved'
 *     checkDocument(checker, source, 'markdown').chains
 */
export { createChecker, judgeStep, type Checker } from './judge-step.js';
export { checkDocument, documentKind, type ChainReport, type DocumentKind, type DocumentOptions, type DocumentReport, type NotRead, type Premise, type StepReport } from './check-document.js';
export { readFacts, type ReadOptions } from './read-facts.js';
export type { Fact, Sign } from './facts.js';
export type { Evidence, Judgement, Verdict } from './judgement.js';
export type { Relation } from '../parse/relation.js';
export { formatJson, formatText, firstFailure, summaryLine, tally, type FileReport, type Tally } from './report.js';
export { loadLemmas, type Lemma } from './lemma-proof.js';
