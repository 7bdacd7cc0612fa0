/**
 * Working out a spec: every task is computed by the engine and checked by
 * the verifier, so a document shows only answers that were derived and
 * verified here, each with its verdict.
 */
import { diffToJson, type DiffOutcome } from '../derive/diff-result.js';
import { evaluateAt } from '../derive/evaluate-at.js';
import type { Expr, Sym } from '../expr/node.js';
import { ParseError, parseLatex, parsePlain } from '../parse/index.js';
import { verifyDerivation, type VerificationReport } from '../proof/verify.js';
import type { Derivation } from '../proof/step.js';
import type { Engine } from '../rewrite/engine.js';
import { simplify } from '../simplify/simplify.js';
import { checkDocument, DocumentError, type DocumentReport } from '../check/check-document.js';
import { createChecker } from '../check/judge-step.js';
import { computeNamed, loadNamedSpec, namedDerivationNames, verifyNamed, type VerifiedNamed } from '../derive/named/index.js';
import { PointError, parsePoint } from '../derive/point.js';
import { symKey } from '../expr/sym-key.js';
import { toLatex } from '../render/to-latex.js';
import { SpecError, type Located, type Spec, type Task } from './spec.js';
import { shapedDiffResult, type ShapedDiffOutcome } from '../derive/shaped-diff-result.js';
import type { ShapeContext } from '../matrix/shape.js';
import { mentionsShaped } from '../matrix/mentions-shaped.js';
import { unshapedDerivativeRefusal } from '../check/matrix-gate.js';
import { constructFor } from '../construct/construct-request.js';
import { ConstructError } from '../construct/construct-error.js';
import type { ConstructReport } from '../construct/construct-report.js';
import { GraphError } from '../graph/build-graph.js';
import { DefinitionError, readDefinitions } from '../graph/definitions.js';
import { drawGraph, type Drawing } from '../graph/graph-drawing.js';
import { graphReport, type GraphReport } from '../graph/graph-report.js';
import { readNodeKinds } from '../graph/node-kinds.js';
import { DEFAULT_DETAIL, type Detail } from '../proof/group-steps.js';
import type { FindingReport } from '../finite/finding-report.js';
import { DagRequestError } from '../finite/dag-topological-order.js';
import { EXHAUSTION_CLAIMS, isExhaustionClaim, runExhaustion } from '../finite/exhaustion-claims.js';
import { ExperimentError, experimentData, readNumberList, readPoints } from '../experiment/experiment-data.js';
import { MODELS } from '../experiment/gradient-descent.js';
import { runExperiment } from '../experiment/run-experiment.js';
import { DataError, evaluateOnData } from '../experiment/data-values.js';
import { dataFinding } from '../experiment/data-finding.js';

export type TaskResult =
  /** `atLatex`: the point of a derivative's value, `x_{1} = 1, x_{2} = 3`, shown under its evaluation bar. */
  | { readonly kind: 'derivation'; readonly outcomes: readonly DiffOutcome[]; readonly atLatex?: string }
  | { readonly kind: 'simplification'; readonly derivation: Derivation; readonly report: VerificationReport }
  | { readonly kind: 'value'; readonly expr: Expr; readonly value: Expr; readonly exact: boolean; readonly approx: number }
  | { readonly kind: 'named'; readonly verified: VerifiedNamed }
  | { readonly kind: 'checked'; readonly report: DocumentReport }
  /** A derivative by a declared vector (shapes in the spec): the equation, its size and its entry-by-entry check. */
  | { readonly kind: 'shaped'; readonly outcome: ShapedDiffOutcome }
  /** A construction, an impossibility certificate, a claim proved by exhaustion or a counterexample, each checked by exhaustion or exactly. */
  | { readonly kind: 'construct'; readonly report: ConstructReport }
  /** A computation graph with its sweeps, Jacobian and finite differences, each number checked against a symbolic derivative. */
  | { readonly kind: 'graph'; readonly report: GraphReport; readonly drawing: Drawing }
  /** An experiment's runs or a theorem checked over small structures: prose, tables and verdict lines. */
  | { readonly kind: 'finding'; readonly report: FindingReport }
  | { readonly kind: 'text'; readonly text: string };

export interface SolvedProblem {
  readonly title: string;
  readonly statement: string;
  readonly results: readonly TaskResult[];
}

export interface SolvedSpec {
  readonly spec: Spec;
  readonly problems: readonly SolvedProblem[];
  /** True when every check passed (no failed verdict anywhere). */
  readonly allVerified: boolean;
  /** How many lines derivations are shown in; the lines shown were checked at this detail. */
  readonly detail: Detail;
}

function parseExpr(file: string, task: Located<Task>, text: string, shapes?: ShapeContext): Expr {
  const opts = shapes === undefined || shapes.size === 0 ? {} : { shapes };
  try {
    return text.includes('\\') ? parseLatex(text, opts) : parsePlain(text, opts);
  } catch (e) {
    if (e instanceof ParseError) throw new SpecError(file, task.line, task.col, `in '${text}': ${e.oneLine()}`);
    throw e;
  }
}

function variables(file: string, task: Located<Task>, names: readonly string[]): Sym[] {
  return names.map((n) => {
    const e = parseExpr(file, task, n);
    if (e.kind !== 'sym') throw new SpecError(file, task.line, task.col, `'${n}' is not a variable name`);
    return e;
  });
}

/** The point as LaTeX, each variable with its value in the order written. */
function pointLatex(at: string | undefined): string | undefined {
  if (at === undefined) return undefined;
  const p = parsePoint([at]);
  return p.symbols.map((s) => `${toLatex(s)} = ${toLatex(p.values.get(symKey(s)) as Expr)}`).join(', ');
}

function point(file: string, task: Located<Task>, at: string | undefined): ReadonlyMap<string, Expr> | undefined {
  if (at === undefined) return undefined;
  try {
    return parsePoint([at]).values;
  } catch (e) {
    if (e instanceof PointError) throw new SpecError(file, task.line, task.col, e.message);
    throw e;
  }
}

/** A task whose expression uses shaped names but has no matrix form yet: refused at its line, never read with scalars. */
function refuseShaped(file: string, t: Located<Task>, e: Expr, shapes: ShapeContext): void {
  if (mentionsShaped([e], shapes)) throw new SpecError(file, t.line, t.col, `'${t.value.kind}' tasks do not take vectors and matrices yet (the shapes: of this problem); use diff by a declared vector, or check`);
}

function solveTask(engine: Engine, file: string, t: Located<Task>, shapes: ShapeContext, detail: Detail): TaskResult {
  const task = t.value;
  if ((task.kind === 'gradient' || task.kind === 'evaluate' || task.kind === 'simplify') && shapes.size > 0) refuseShaped(file, t, parseExpr(file, t, task.expr), shapes);
  switch (task.kind) {
    case 'diff': {
      if (shapes.size > 0 && mentionsShaped([parseExpr(file, t, task.expr)], shapes)) {
        if (task.at !== undefined) throw new SpecError(file, t.line, t.col, "'at' with shapes: values of vectors and matrices at a point are not supported yet");
        return { kind: 'shaped', outcome: shapedDiffResult(task.expr, parseExpr(file, t, task.expr, shapes), variables(file, t, task.wrt), shapes, { engine }) };
      }
      const refusal = unshapedDerivativeRefusal(parseExpr(file, t, task.expr));
      // Scalar rules would commute matrix-looking factors: the task is shown as not derived, never answered wrongly.
      if (refusal !== undefined) return { kind: 'shaped', outcome: { verdict: 'undecided', json: { input: task.expr, verdict: 'undecided', reason: refusal }, text: `${refusal}\n`, latex: `% ${refusal}\n`, checkText: `${refusal} (a shapes: section declares them)` } };
      const at = point(file, t, task.at);
      const o = diffToJson(engine, task.expr, parseExpr(file, t, task.expr), variables(file, t, task.wrt), at === undefined ? { detail } : { at, detail });
      const atLatex = pointLatex(task.at);
      return { kind: 'derivation', outcomes: [o], ...(atLatex !== undefined ? { atLatex } : {}) };
    }
    case 'gradient': {
      const f = parseExpr(file, t, task.expr);
      const at = point(file, t, task.at);
      const outcomes = variables(file, t, task.vars).map((x) => diffToJson(engine, task.expr, f, [x], at === undefined ? { detail } : { at, detail }));
      const atLatex = pointLatex(task.at);
      return { kind: 'derivation', outcomes, ...(atLatex !== undefined ? { atLatex } : {}) };
    }
    case 'simplify': {
      const e = parseExpr(file, t, task.expr);
      const derivation = simplify(engine, e);
      return { kind: 'simplification', derivation, report: verifyDerivation(derivation, e, { detail }) };
    }
    case 'evaluate': {
      const data = evaluateDataTask(engine, file, t, task);
      if (data !== undefined) return data;
      const e = parseExpr(file, t, task.expr);
      const v = evaluateAt(engine, e, point(file, t, task.at) ?? new Map());
      return { kind: 'value', expr: e, value: v.value, exact: v.exact, approx: v.approx };
    }
    case 'derive': {
      const spec = loadNamedSpec(task.name);
      if (spec === undefined) throw new SpecError(file, t.line, t.col, `unknown derivation '${task.name}'; known: ${namedDerivationNames().join(', ')}`);
      return { kind: 'named', verified: verifyNamed(computeNamed(engine, spec), { detail }) };
    }
    case 'check':
      try {
        return { kind: 'checked', report: checkDocument(createChecker(engine), task.source, 'markdown', { shapes }) };
      } catch (e) {
        // Facts that contradict each other are bad input, located inside the task's text.
        if (e instanceof DocumentError) throw new SpecError(file, t.line, t.col, `check: line ${e.line}:${e.col} of the text: ${e.message}`);
        throw e;
      }
    case 'construct':
      try {
        return { kind: 'construct', report: constructFor(task.request) };
      } catch (e) {
        if (e instanceof ConstructError || e instanceof RangeError) throw new SpecError(file, t.line, t.col, `construct: ${e.message}`);
        throw e;
      }
    case 'graph': {
      try {
        const at = parsePoint(task.at.trim() === '' ? [] : [task.at]);
        const allowed = task.ops === undefined ? undefined : readNodeKinds(task.ops);
        const report = graphReport(engine, readDefinitions(task.definitions), at, { step: task.fdStep, scheme: task.fd, ...(allowed === undefined ? {} : { allowed }) });
        return { kind: 'graph', report, drawing: drawGraph(report) };
      } catch (e) {
        if (e instanceof DefinitionError || e instanceof GraphError || e instanceof PointError || e instanceof RangeError) throw new SpecError(file, t.line, t.col, `graph: ${e.message}`);
        throw e;
      }
    }
    case 'experiment':
      try {
        const model = MODELS.find((m) => m === task.model);
        if (model === undefined) throw new ExperimentError(`the model is one of ${MODELS.join(', ')}, not '${task.model}'`);
        const data = experimentData(readPoints(task.points), task.labels === undefined ? undefined : readNumberList(task.labels, 'labels'));
        return { kind: 'finding', report: runExperiment({ data, model, lrs: readNumberList(task.lr, 'lr'), steps: task.steps }) };
      } catch (e) {
        if (e instanceof ExperimentError) throw new SpecError(file, t.line, t.col, `experiment: ${e.message.replace(/--(points|labels|lr|steps)/g, '$1')}`);
        throw e;
      }
    case 'exhaustion':
      if (!isExhaustionClaim(task.claim)) throw new SpecError(file, t.line, t.col, `exhaustion: unknown claim '${task.claim}'; known: ${EXHAUSTION_CLAIMS.join(', ')}`);
      try {
        return { kind: 'finding', report: runExhaustion(task.claim, { upTo: task.upTo, loops: task.loops }) };
      } catch (e) {
        if (e instanceof DagRequestError) throw new SpecError(file, t.line, t.col, `exhaustion: ${e.message}`);
        throw e;
      }
    case 'text':
      return { kind: 'text', text: task.text };
  }
}

/**
 * An evaluate task on data (vectors at the point, sums, softmax or lse of a
 * vector, let-lines): a value, or a finding with the intermediates and the
 * entries; undefined for an ordinary evaluation.
 */
function evaluateDataTask(engine: Engine, file: string, t: Located<Task>, task: Task & { kind: 'evaluate' }): TaskResult | undefined {
  try {
    const at = parsePoint(task.at === undefined || task.at.trim() === '' ? [] : [task.at]);
    const lets = task.lets ?? [];
    if (lets.length === 0 && at.vectors.size === 0 && !/\b(sum|softmax|lse|logsumexp)\s*\(/.test(task.expr)) return undefined;
    const r = evaluateOnData(engine, (text) => parseExpr(file, t, text), task.expr, at, lets);
    // Shown as written (LSE(s) − s_1), not as the max-shifted lowering the value is computed from.
    if (r.result.kind === 'scalar' && lets.length === 0) return { kind: 'value', expr: r.result.written, value: r.result.value.value, exact: r.result.value.exact, approx: r.result.value.approx };
    return { kind: 'finding', report: dataFinding(task.expr, r) };
  } catch (e) {
    if (e instanceof DataError || e instanceof PointError) throw new SpecError(file, t.line, t.col, `evaluate: ${e.message}`);
    throw e;
  }
}

/** `shapes` (from `render --shape`) apply to every problem; a spec's or problem's own shapes take over for the names they share. */
export function solveSpec(engine: Engine, file: string, spec: Spec, shapes: ShapeContext = new Map(), detailOption?: Detail): SolvedSpec {
  let allVerified = true;
  // The command line's --detail over the spec's detail: over the default.
  const detail = detailOption ?? spec.detail ?? DEFAULT_DETAIL;
  const problems = spec.problems.map((p) => {
    const ctx: ShapeContext = new Map([...shapes, ...p.shapes]);
    const results = p.tasks.map((t) => solveTask(engine, file, t, ctx, detail));
    for (const r of results) {
      if (r.kind === 'derivation' && r.outcomes.some((o) => o.verdict === 'fails')) allVerified = false;
      if (r.kind === 'simplification' && r.report.verdict === 'fails') allVerified = false;
      if (r.kind === 'named' && r.verified.verdict === 'fails') allVerified = false;
      if (r.kind === 'checked' && r.report.chains.some((c) => c.steps.some((st) => st.verdict === 'fails'))) allVerified = false;
      if (r.kind === 'shaped' && r.outcome.verdict === 'fails') allVerified = false;
      if (r.kind === 'construct' && r.report.status === 'fails') allVerified = false;
      if (r.kind === 'graph' && r.report.status === 'differs') allVerified = false;
      if (r.kind === 'finding' && r.report.status === 'fails') allVerified = false;
    }
    return { title: p.title, statement: p.statement, results };
  });
  return { spec, problems, allVerified, detail };
}
