/**
 * Working out one derive request: the derivation by the rule engine, checked
 * by the independent verifier, printed for KaTeX (`aligned`, which KaTeX has;
 * it has no align*), with the verdict as one line of text.
 *
 *     const r = workOutRequest(engine, request, {});
 *     r.latex;   // '\\begin{aligned}\n\\frac{d}{dx}\\left(x^{2}\\right) &= 2 x && \\text{Power rule}\n\\end{aligned}'
 *     r.verdict; // '✓ proved symbolically; every step also holds at 24 random points'
 */
import { diffToJson, uncheckedPart } from '../derive/diff-result.js';
import { DerivationLimitError } from '../derive/limits.js';
import type { Expr } from '../expr/node.js';
import type { Derivation } from '../proof/step.js';
import { formatVerification } from '../derive/verdict-text.js';
import { verifyDerivation, type VerificationReport } from '../proof/verify.js';
import { abbreviate } from '../render/abbreviate.js';
import { derivationToLatex, toLatex } from '../render/index.js';
import type { Engine } from '../rewrite/engine.js';
import { computeNamed, loadNamedSpec, NamedSpecError, verifyNamed, type VerifiedPart } from '../derive/named/index.js';
import { everyStepPoints } from '../derive/named/verify.js';
import type { DeriveRequest } from './derive-request.js';
import { shapedDiffResult } from '../derive/shaped-diff-result.js';
import { mentionsShaped } from '../matrix/mentions-shaped.js';
import { unshapedDerivativeRefusal } from '../check/matrix-gate.js';
import type { ShapeContext } from '../matrix/shape.js';
import { ParseError, parseLatex, parsePlain } from '../parse/index.js';
import type { Verdict } from '../numeric/verdict.js';
import { DEFAULT_DETAIL, type Detail } from '../proof/group-steps.js';

/** A derivation computed elsewhere (a named derivation), with the left-hand side its first line shows. */
export interface NamedDerivation {
  readonly derivation: Derivation;
  readonly lhs: Expr;
}

/** Looks up a named derivation such as `softmax-jacobian`; undefined when there is none by that name. */
export type NamedLookup = (name: string, engine: Engine) => NamedDerivation | undefined;

export interface WorkOptions {
  readonly points?: number;
  readonly seed?: number;
  /** Your own named derivations; by default names come from gradtex's catalog (rules/derivations). */
  readonly named?: NamedLookup;
  /** The catalog folder (default: gradtex's rules/derivations). */
  readonly namedDir?: string;
  /** Shapes of vectors and matrices: a derivative by a declared vector is taken under them (shaped-diff-result.ts). */
  readonly shapes?: ShapeContext;
  /** How many lines a derivation is shown in (src/proof/group-steps.ts; default standard); every line shown is checked. */
  readonly detail?: Detail;
}

/** One displayed derivation: a named derivation has several (its parts), a d/dx request one. */
export interface WorkedPart {
      /** A part's heading (named derivations), shown above its block. */
      readonly heading?: string;
      /** The derivation as `\begin{aligned}…\end{aligned}`. */
      readonly latex: string;
      /** "where u = …" when a long subexpression was abbreviated. */
      readonly where?: string;
      /** One line for readers: ✓ …, ✗ … or ? …. */
      readonly verdict: string;
      /** A failed check or a derivation that got stuck: a message for the author. */
      readonly problem?: string;
      /** Undecided: worth an informational message. */
      readonly note?: string;
}

export type WorkedRequest = { readonly ok: true; readonly parts: readonly WorkedPart[] } | { readonly ok: false; readonly problem: string };

/** Indices of the steps whose own check failed (a failing step ends its line). */
function failing(verdicts: readonly { readonly verdict: string }[]): number[] {
  return verdicts.flatMap((v, i) => (v.verdict === 'fails' ? [i] : []));
}

/** The verifier's verdict, whichever way the derivation was produced. */
interface Summary {
  readonly verdict: Verdict;
  readonly points: number;
  /** What failed, for people (only read when the verdict is failed). */
  readonly failure: string;
  /** Why it is undecided (only read when the verdict is undecided). */
  readonly undecided: string;
  /** What sampling did not check (uncheckedPart), so a proof of the result is not read as every step holding. */
  readonly unchecked?: string | undefined;
}

function present(derivation: Derivation, lhs: Expr, v: Summary, detail: Detail, failedSteps: readonly number[]): WorkedPart {
  const a = abbreviate(derivation, lhs);
  const latex = derivationToLatex(a.derivation, { env: 'aligned', lhs: a.lhs, detail, endsLine: (i) => failedSteps.includes(i) });
  const where = a.definitions.length === 0 ? undefined : `\\text{where } ${a.definitions.map((d) => `${toLatex(d.name)} = ${toLatex(d.value)}`).join(',\\quad ')}`;
  const base = { latex, ...(where !== undefined ? { where } : {}) };
  if (derivation.stop === 'stuck') {
    const problem = 'no rule computes a derivative left in the result: the derivation is incomplete';
    return { ...base, verdict: `✗ ${problem}`, problem };
  }
  if (derivation.stop !== 'normal-form') {
    const problem = `the derivation stopped early (${derivation.stop}): the last line is not the final answer`;
    return { ...base, verdict: `✗ ${problem}`, problem };
  }
  switch (v.verdict) {
    case 'proved':
      if (v.unchecked !== undefined) return { ...base, verdict: `✓ proved symbolically; ${v.unchecked}`, note: v.unchecked };
      return { ...base, verdict: `✓ proved symbolically; every step also holds at ${v.points} random points` };
    case 'holds':
      return { ...base, verdict: `✓ every step holds at ${v.points} random points` };
    case 'fails':
      return { ...base, verdict: `✗ ${v.failure}`, problem: v.failure };
    case 'undecided':
      return { ...base, verdict: `? undecided: ${v.undecided}`, note: `undecided: ${v.undecided}` };
  }
}

function named(report: VerificationReport, stepCount: number): Summary {
  const unchecked = uncheckedPart(report, stepCount);
  const failed = report.steps.find((s) => s.verdict.verdict === 'fails');
  const line = report.lines.find((l) => l.verdict.verdict === 'fails');
  const undecided = [report.claim, ...report.steps.map((s) => s.verdict), ...report.lines.map((l) => l.verdict)].find((x) => x.verdict === 'undecided');
  return {
    verdict: report.verdict,
    points: report.points,
    failure:
      failed !== undefined
        ? `step ${failed.index + 1} does not hold at random points`
        : line !== undefined && report.claim.verdict !== 'fails'
          ? `steps ${line.from + 1} to ${line.to + 1} taken together do not hold at random points`
          : 'the result does not equal the start at random points',
    undecided: undecided?.verdict === 'undecided' ? undecided.reason : 'a step could not be checked',
    unchecked,
  };
}

function headingOf(p: VerifiedPart): string | undefined {
  const c = p.computed;
  const title = c.part.title !== '' ? c.part.title : undefined;
  if (title === undefined && c.caseText === undefined) return undefined;
  return `${title ?? 'Case'}${c.caseText !== undefined ? ` (case ${c.caseText})` : ''}`;
}

function partSummary(p: VerifiedPart): Summary {
  const failed = p.steps.findIndex((s) => s.verdict === 'fails');
  const line = p.lines.find((l) => l.verdict.verdict === 'fails');
  const undecided = [p.claim, ...p.steps, ...p.lines.map((l) => l.verdict)].find((x) => x.verdict === 'undecided');
  return {
    verdict: p.verdict,
    points: everyStepPoints(p),
    failure:
      failed >= 0
        ? `step ${failed + 1} does not hold at random points`
        : line !== undefined && p.claim.verdict !== 'fails'
          ? `steps ${line.from + 1} to ${line.to + 1} taken together do not hold at random points`
          : 'the result does not equal the start at random points',
    undecided: undecided?.verdict === 'undecided' ? undecided.reason : 'a step could not be checked',
  };
}

/** A derivation from gradtex's catalog (rules/derivations/NAME.yaml), part by part. */
function fromCatalog(engine: Engine, name: string, opts: WorkOptions): WorkedRequest {
  const detail = opts.detail ?? DEFAULT_DETAIL;
  try {
    const spec = loadNamedSpec(name, opts.namedDir);
    // Not listing the catalog keeps the message (and golden files) stable as derivations are added.
    if (spec === undefined) return { ok: false, problem: `unknown derivation '${name}': there is none by that name in rules/derivations; write \`d/dx EXPR\` or \`diff EXPR wrt x\` instead` };
    const v = verifyNamed(computeNamed(engine, spec), { ...(opts.points !== undefined ? { points: opts.points } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}), detail });
    return {
      ok: true,
      parts: v.parts.map((p) => {
        const heading = headingOf(p);
        const worked = present(p.computed.derivation, p.computed.lhs, partSummary(p), detail, failing(p.steps));
        return heading === undefined ? worked : { heading, ...worked };
      }),
    };
  } catch (e) {
    if (e instanceof NamedSpecError) return { ok: false, problem: `derivation '${name}' cannot be loaded: ${e.message}` };
    throw e;
  }
}

/** The derivation for one request, or why there is none. */
export function workOutRequest(engine: Engine, request: DeriveRequest, opts: WorkOptions): WorkedRequest {
  const checkOpts = { ...(opts.points !== undefined ? { points: opts.points } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) };
  const detail = opts.detail ?? DEFAULT_DETAIL;
  if (request.kind === 'named') {
    if (opts.named === undefined) return fromCatalog(engine, request.name, opts);
    const found = opts.named(request.name, engine);
    if (found === undefined) return { ok: false, problem: `unknown derivation '${request.name}': there is no derivation by that name; write \`d/dx EXPR\` or \`diff EXPR wrt x\` instead` };
    const report = verifyDerivation(found.derivation, found.lhs, { ...checkOpts, detail });
    return { ok: true, parts: [present(found.derivation, found.lhs, named(report, found.derivation.steps.length), detail, failing(report.steps.map((st) => st.verdict)))] };
  }
  if (opts.shapes !== undefined && opts.shapes.size > 0 && mentionsShaped([request.f], opts.shapes)) return shapedRequest(engine, request, opts.shapes, checkOpts);
  // Without shapes, scalar rules would commute matrix-looking factors (B*(A*x)): no derivation rather than a wrong one.
  const refusal = unshapedDerivativeRefusal(request.f);
  if (refusal !== undefined) return { ok: false, problem: `${refusal} (a \`shapes:\` line in the block declares them)` };
  let o;
  try {
    o = diffToJson(engine, request.source, request.f, request.wrt, { ...checkOpts, detail });
  } catch (e) {
    if (e instanceof DerivationLimitError) return { ok: false, problem: e.message };
    throw e;
  }
  const v = o.json.verification;
  const failedSteps = o.json.steps.flatMap((st, k) => (st.verdict === 'failed' ? [k] : []));
  return { ok: true, parts: [present(o.derivation, o.start, { verdict: o.verdict, points: v.points, failure: formatVerification(v), undecided: v.unchecked ?? v.undecided ?? 'a step could not be checked', unchecked: v.unchecked }, detail, failedSteps)] };
}

/** A derivative by a declared vector: the equation with its size, checked entry by entry; what is not derived is a problem, never a scalar reading. */
function shapedRequest(engine: Engine, request: Extract<DeriveRequest, { kind: 'diff' }>, shapes: ShapeContext, checkOpts: { points?: number; seed?: number }): WorkedRequest {
  let f: Expr;
  try {
    f = request.source.includes('\\') ? parseLatex(request.source, { shapes }) : parsePlain(request.source, { shapes });
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, problem: `cannot read this under the block's shapes: ${e.message}` };
    throw e;
  }
  const o = shapedDiffResult(request.source, f, request.wrt, shapes, { ...checkOpts, engine });
  if (o.equationLatex === undefined) return { ok: false, problem: o.checkText };
  const latex = `\\begin{aligned}\n${o.equationLatex}\n\\end{aligned}`;
  const size = o.sizeText === undefined ? '' : `size ${o.sizeText}; `;
  if (o.verdict === 'holds') return { ok: true, parts: [{ latex, verdict: `✓ ${size}${o.checkText}` }] };
  if (o.verdict === 'fails') return { ok: true, parts: [{ latex, verdict: `✗ ${o.checkText}`, problem: o.checkText }] };
  return { ok: true, parts: [{ latex, verdict: `? ${size}${o.checkText}`, note: o.checkText }] };
}
