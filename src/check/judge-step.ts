/**
 * One relation judged with everything the document knows: the entry point
 * shared by `gradtex equal` and `gradtex check`.
 *
 *     const checker = createChecker(createEngine());
 *     judgeStep(checker, parseLatex('\\ln x'), '<=', parseLatex('x - 1'), readFacts('x > 0')).verdict   // 'proved'
 */
import { sym } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { EvaluationError } from '../numeric/index.js';
import type { Engine } from '../rewrite/engine.js';
import type { Fact } from './facts.js';
import { judgeApprox, judgeEqual, judgeNotEqual, type JudgeOptions } from './judge-equal.js';
import { judgeInequality } from './judge-inequality.js';
import type { Judgement } from './judgement.js';
import { loadLemmas, type Lemma } from './lemma-proof.js';
import { prepareStep, type PreparedStep } from './prepare-step.js';
import { definitionProducts, factsAtSizeOne, judgeWithoutShapes } from './matrix-gate.js';
import type { Relation } from '../parse/relation.js';
import { definednessConditions, definednessText, definednessTexts, restsOnZeroToTheZero } from './definedness.js';

export interface Checker {
  readonly engine: Engine;
  readonly lemmas: readonly Lemma[];
}

/** The engine plus the lemma library it loaded. */
export function createChecker(engine: Engine): Checker {
  return { engine, lemmas: loadLemmas(engine) };
}

export function judgeStep(checker: Checker, lhs: Expr, rel: Relation, rhs: Expr, facts: readonly Fact[] = [], opts: JudgeOptions = {}): Judgement {
  const j = judgeOnce(checker, lhs, rel, rhs, facts, opts);
  if (j.verdict !== 'undecided' || rel !== '=' || !facts.some(isConstraint)) return j;
  // On a constrained domain both sides may be ~0 everywhere (Σq − Σp = 0 on the
  // simplex). An equality that holds on the larger domain without the
  // constraint holds on the simplex too; a failure there proves nothing.
  const relaxed = judgeOnce(checker, lhs, rel, rhs, facts.flatMap(relax), opts);
  if (relaxed.verdict === 'proved' || relaxed.verdict === 'holds') {
    return { verdict: relaxed.verdict, evidence: { ...relaxed.evidence, summary: `${relaxed.evidence.summary}, even without the constraint that the probabilities sum to 1` } };
  }
  return j;
}

function isConstraint(f: Fact): boolean {
  return f.kind === 'simplex' || f.kind === 'simplex-indexed';
}

/** A simplex constraint relaxed to positivity of its members. */
function relax(f: Fact): Fact[] {
  if (f.kind === 'simplex') return f.syms.map((s) => ({ kind: 'sign', sym: s, sign: 'positive' }));
  // A one-hot vector's entries are 0 and 1: relaxed to y_i >= 0, which contains them.
  if (f.kind === 'simplex-indexed') return [{ kind: 'sign', sym: sym(f.name, [sym('i')]), sign: f.oneHot === true ? 'nonnegative' : 'positive' }];
  return [f];
}

function judgeOnce(checker: Checker, lhs0: Expr, rel: Relation, rhs0: Expr, facts: readonly Fact[], opts: JudgeOptions): Judgement {
  const defined = new Set(facts.flatMap((f) => (f.kind === 'define' && f.sym.sub.length === 0 ? [f.sym.name] : [])));
  // ỹ = σ(wᵀx + b) behind the step: judged with that definition at size 1, only a refutation kept (matrix-gate.ts).
  const hidden = definitionProducts(lhs0, rhs0, facts);
  const read = hidden.length === 0 ? facts : factsAtSizeOne(facts);
  return judgeWithoutShapes(lhs0, rhs0, (lhs, rhs) => judgeRead(checker, lhs, rel, rhs, read, opts), defined, hidden, opts.bold);
}

function judgeExpanded(checker: Checker, p: PreparedStep, rel: Relation, facts: readonly Fact[], opts: JudgeOptions): Judgement {
  switch (rel) {
    case '=':
      return judgeEqual(checker.engine, p, opts);
    case '!=':
      return judgeNotEqual(checker.engine, p, opts);
    case '~=':
      return judgeApprox(p, opts);
    case '=>':
    case '<=>':
      // Connectives join relations, not expressions (judge-implication.ts): an expression is never "implied".
      return { verdict: 'undecided', evidence: { method: 'none', summary: 'an implication between two expressions is not a claim gradtex reads' } };
    default:
      return judgeInequality(checker.engine, p, rel, checker.lemmas, facts, opts);
  }
}

/**
 * A proved relation is true where its left side is defined: the conditions
 * for that (x ≠ 1 for (x^2 − 1)/(x − 1)) are stated, in the summary and as
 * `definedWhere`. A verdict that rests on 0^0 = 1 says so.
 */
function withDomainStated(j: Judgement, left: readonly Expr[], sides: readonly Expr[], facts: readonly Fact[]): Judgement {
  let out = j;
  if (j.verdict === 'proved') {
    const conditions = left.flatMap((e) => definednessConditions(e, facts));
    const texts = definednessTexts(conditions);
    if (texts.length > 0) {
      out = { ...out, evidence: { ...out.evidence, summary: `for ${definednessText(conditions)} (where the left side is defined): ${out.evidence.summary}`, definedWhere: texts } };
    }
  }
  if (j.verdict !== 'undecided' && restsOnZeroToTheZero(sides, facts)) {
    out = { ...out, evidence: { ...out.evidence, summary: `${out.evidence.summary} (with the convention 0^0 = 1)` } };
  }
  return out;
}

function judgeRead(checker: Checker, lhs: Expr, rel: Relation, rhs: Expr, facts: readonly Fact[], opts: JudgeOptions): Judgement {
  try {
    const p = prepareStep(checker.engine, lhs, rhs, facts);
    if (p.undefinedDerivative !== undefined) {
      const name = p.undefinedDerivative;
      return { verdict: 'undecided', evidence: { method: 'none', summary: `the derivative of ${name} needs its definition: write ${name} = … (or ${name}(x) = …) before this step` } };
    }
    if (p.hiddenDependence !== undefined) {
      const name = p.hiddenDependence;
      return { verdict: 'undecided', evidence: { method: 'none', summary: `the derivative by ${name} is of an expression that depends on what ${name} is defined from, but not on ${name} as written: write it in terms of ${name}` } };
    }
    const j = withDomainStated(judgeExpanded(checker, p, rel, facts, opts), [lhs, p.symbolicLhs], [lhs, rhs], facts);
    // Definitions cut at a depth leave members that differ at random between the sides: a failure shows nothing.
    if (p.unsettled !== undefined && j.verdict === 'fails') return { verdict: 'undecided', evidence: { method: 'none', summary: `not judged: ${p.unsettled}` } };
    return p.notes === undefined ? j : { ...j, evidence: { ...j.evidence, summary: `${j.evidence.summary} (${p.notes.join('; ')})` } };
  } catch (e) {
    // Evaluation problems are a property of the step, not a crash: say so.
    if (e instanceof EvaluationError) return { verdict: 'undecided', evidence: { method: 'none', summary: `could not be evaluated: ${e.message}` } };
    // A RangeError is the engine's own limit (a bigint or an array too large), not something to show in its words.
    if (e instanceof RangeError) return { verdict: 'undecided', evidence: { method: 'none', summary: 'could not be evaluated: a number in it is too large to work with exactly' } };
    throw e;
  }
}
