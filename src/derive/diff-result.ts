/**
 * The JSON contract of `gradtex diff`, which scripts and graders read:
 *
 *   {"input", "wrt": [..], "result": plain, "latex", "steps": [{"rule", "name",
 *    "before", "after", "latex", "where", "notes"}], "verification": {"verdict",
 *    "points", "maxRelError"}, "ms", "stop", "notes"}
 *
 * plus "detail" and "lines" (the displayed lines at that detail, src/proof/group-steps.ts:
 * [{"steps": [first, last], "titles", "after", "latex", "verdict"}], a merged
 * line checked as one step), "value"/"approx"/"branches" with a point, and "differentiable": false
 * with "statement", "left"/"right" and "conventions" (and no "value") where
 * the derivative does not exist at the point. Plain strings use the plain
 * syntax parsePlain reads, so `result` can be fed back into gradtex.
 */
import type { Expr, Sym } from '../expr/node.js';
import { pathToString } from '../expr/path.js';
import { symKey } from '../expr/sym-key.js';
import type { Derivation, Note } from '../proof/step.js';
import type { StopReason } from '../proof/stop-reason.js';
import { verifyDerivation, type Verdict, type VerificationReport } from '../proof/verify.js';
import { DEFAULT_DETAIL, groupSteps, type Detail } from '../proof/group-steps.js';
import { noteToPlain } from '../render/notes.js';
import { toLatex, toPlain } from '../render/index.js';
import type { Engine } from '../rewrite/engine.js';
import { inertDerivative, differentiate } from './differentiate.js';
import { activeBranches, checkDefinedAt, evaluateAt, type ValueAt } from './evaluate-at.js';
import { kinkAt } from './kinks.js';
import { checkDerivationSize, checkDerivativeOrder } from './limits.js';

export interface StepJson {
  readonly rule: string;
  readonly name: string;
  readonly before: string;
  readonly after: string;
  readonly latex: string;
  readonly where: string;
  readonly notes: readonly string[];
  readonly verdict?: string;
}

/** One displayed line: steps `first..last` (indices into "steps") shown as one, checked as one step. */
export interface LineJson {
  readonly steps: readonly [number, number];
  readonly titles: readonly string[];
  readonly after: string;
  readonly latex: string;
  readonly verdict?: string;
}

/** The documented spelling of verdicts in the `diff` JSON (kept for its users): "numeric" is holds, "failed" is fails. */
export type DiffJsonVerdict = 'proved' | 'numeric' | 'failed' | 'undecided';

/** The one mapping from gradtex's verdict vocabulary to the `diff` JSON spelling. */
export function diffJsonVerdict(v: Verdict): DiffJsonVerdict {
  return v === 'holds' ? 'numeric' : v === 'fails' ? 'failed' : v;
}

export interface VerificationJson {
  readonly verdict: DiffJsonVerdict;
  readonly points: number;
  readonly maxRelError: number | null;
  /** Present when a check failed: which step (or "result") and the point; "line" [first, last] when only a merged line failed ("step" is then its last). */
  readonly failure?: { readonly step: number | 'result'; readonly line?: readonly [number, number]; readonly point: Record<string, number>; readonly lhs: number; readonly rhs: number };
  readonly undecided?: string;
  /**
   * What was not checked at random points, when the verdict alone would
   * overstate it: "2 of 14 steps could not be checked (…)", "the steps were
   * not checked". Absent when every step and the result were checked.
   */
  readonly unchecked?: string;
}

export interface DiffJson {
  readonly input: string;
  readonly wrt: readonly string[];
  readonly result: string;
  readonly latex: string;
  readonly steps: readonly StepJson[];
  /** The detail the lines are shown at, and the lines (every step is still listed in "steps"). */
  readonly detail: Detail;
  readonly lines: readonly LineJson[];
  readonly verification: VerificationJson;
  readonly ms: number;
  readonly stop: StopReason;
  readonly notes: readonly string[];
  readonly value?: string;
  readonly valueLatex?: string;
  readonly approx?: number;
  readonly exact?: boolean;
  readonly branches?: readonly string[];
  /** The same statements as LaTeX (math mode). */
  readonly branchesLatex?: readonly string[];
  /**
   * With a point: true, or false where the derivative does not exist there
   * (a kink: relu, |u|, max at a tie), or null where that is not known; when
   * not true, "value", "approx" and "exact" are left out.
   */
  readonly differentiable?: boolean | null;
  /** "not differentiable at x = 0 (left derivative 0, right derivative 1)". */
  readonly statement?: string;
  /** The kinks at the point: "relu(x) has a kink where x = 0". */
  readonly kinks?: readonly string[];
  /** What the usual frameworks use at such a point (stated, never taken as the value). */
  readonly conventions?: readonly string[];
  readonly left?: SideValueJson;
  readonly right?: SideValueJson;
}

/** A one-sided derivative at a kink. */
export interface SideValueJson {
  readonly value: string;
  readonly approx: number;
  readonly exact: boolean;
}

export interface DiffOptions {
  readonly points?: number;
  readonly seed?: number;
  readonly at?: ReadonlyMap<string, Expr>;
  readonly checkSteps?: boolean;
  /** How many lines the derivation is shown in (default standard). */
  readonly detail?: Detail;
}

/** Every step as JSON, with its numeric verdict when steps were checked. */
export function stepsToJson(derivation: Derivation, report: VerificationReport): StepJson[] {
  const stepVerdicts = new Map(report.steps.map((s) => [s.index, s.verdict]));
  return derivation.steps.map((s, i) => {
    const v = stepVerdicts.get(i);
    return {
      rule: s.rule,
      name: s.title,
      before: toPlain(s.before),
      after: toPlain(s.after),
      latex: toLatex(s.after),
      where: pathToString(s.path),
      notes: s.notes.map(noteToPlain),
      ...(v !== undefined ? { verdict: diffJsonVerdict(v.verdict) } : {}),
    };
  });
}

/** The displayed lines at `detail`, with each line's own check when lines were checked. */
export function linesToJson(derivation: Derivation, report: VerificationReport, detail: Detail): LineJson[] {
  const checks = new Map(report.lines.map((l) => [l.from, l.verdict]));
  const failed = (i: number): boolean => report.steps[i]?.verdict.verdict === 'fails';
  return groupSteps(derivation.steps, { detail, endsLine: failed }).map((l) => {
    const from = l.steps[0]?.index ?? 0;
    const v = checks.get(from);
    return {
      steps: [from, l.steps[l.steps.length - 1]?.index ?? from] as const,
      titles: l.titles,
      after: toPlain(l.after),
      latex: toLatex(l.after),
      ...(v !== undefined ? { verdict: diffJsonVerdict(v.verdict) } : {}),
    };
  });
}

/**
 * What the report did not check at random points, or undefined when every
 * step and the result were checked: a `proved` from nerdamer is about the
 * result only and must not be read as "every step holds".
 *
 *     uncheckedPart(report, 14)   // '2 of 14 steps could not be checked at random points (step 3: no valid points)'
 */
export function uncheckedPart(report: VerificationReport, stepCount: number): string | undefined {
  const parts: string[] = [];
  if (report.steps.length < stepCount) parts.push('the steps were not checked');
  const undecided = report.steps.filter((s) => s.verdict.verdict === 'undecided');
  const first = undecided[0];
  if (first !== undefined && first.verdict.verdict === 'undecided') {
    parts.push(`${undecided.length} of ${stepCount} steps could not be checked at random points (step ${first.index + 1}: ${first.verdict.reason})`);
  }
  const line = report.lines.find((l) => l.to > l.from && l.verdict.verdict === 'undecided');
  if (line !== undefined && line.verdict.verdict === 'undecided') parts.push(`the line of steps ${line.from + 1} to ${line.to + 1} could not be checked as one step (${line.verdict.reason})`);
  if (report.claim.verdict === 'undecided') parts.push(`the result could not be checked at random points (${report.claim.reason})`);
  return parts.length === 0 ? undefined : parts.join('; ');
}

/** The verification part of the contract; a failure names the step (or the result) and the point. */
export function verificationToJson(report: VerificationReport, stepCount = report.steps.length): VerificationJson {
  const unchecked = uncheckedPart(report, stepCount);
  const failedStep = report.steps.find((s) => s.verdict.verdict === 'fails');
  const failedLine = failedStep === undefined ? report.lines.find((l) => l.verdict.verdict === 'fails') : undefined;
  const failing = failedStep?.verdict ?? (report.claim.verdict === 'fails' ? report.claim : (failedLine?.verdict ?? report.claim));
  const where = failedStep !== undefined ? { step: failedStep.index } : report.claim.verdict !== 'fails' && failedLine !== undefined ? { step: failedLine.to, line: [failedLine.from, failedLine.to] as const } : { step: 'result' as const };
  return {
    verdict: diffJsonVerdict(report.verdict),
    points: report.points,
    maxRelError: Number.isFinite(report.maxRelError) ? report.maxRelError : null,
    ...(failing.verdict === 'fails' ? { failure: { ...where, point: failing.point, lhs: failing.lhs, rhs: failing.rhs } } : {}),
    ...(report.claim.verdict === 'undecided' ? { undecided: report.claim.reason } : {}),
    ...(unchecked !== undefined ? { unchecked } : {}),
  };
}

/** Unique notes of all steps, in order. */
export function collectNotes(d: Derivation): Note[] {
  const seen = new Set<string>();
  const out: Note[] = [];
  for (const s of d.steps) {
    for (const n of s.notes) {
      const k = noteToPlain(n);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(n);
      }
    }
  }
  return out;
}

export interface DiffOutcome {
  readonly json: DiffJson;
  /** The verdict in gradtex's vocabulary (the JSON spells it as documented). */
  readonly verdict: Verdict;
  readonly derivation: Derivation;
  readonly start: Expr;
}

export function diffToJson(engine: Engine, input: string, f: Expr, wrt: readonly Sym[], opts: DiffOptions = {}): DiffOutcome {
  checkDerivativeOrder(wrt.length);
  const t0 = performance.now();
  const derivation = differentiate(engine, f, wrt);
  const ms = performance.now() - t0;
  // Checking and printing cost the total size of the steps: refused past a limit (limits.ts).
  checkDerivationSize(derivation);
  const start = inertDerivative(f, wrt);
  const detail = opts.detail ?? DEFAULT_DETAIL;
  const report = verifyDerivation(derivation, start, {
    ...(opts.points !== undefined ? { points: opts.points } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.checkSteps !== undefined ? { checkSteps: opts.checkSteps } : {}),
    detail,
  });
  const steps = stepsToJson(derivation, report);
  const verification = verificationToJson(report, derivation.steps.length);
  let json: DiffJson = {
    input,
    wrt: wrt.map(symKey),
    result: toPlain(derivation.result),
    latex: toLatex(derivation.result),
    steps,
    detail,
    lines: linesToJson(derivation, report, detail),
    verification,
    ms: Math.round(ms * 1000) / 1000,
    stop: derivation.stop,
    notes: collectNotes(derivation).map(noteToPlain),
  };
  if (opts.at !== undefined) {
    const at = opts.at;
    // The function must be defined at the point before anything is said about its derivative there.
    checkDefinedAt(f, at);
    const kink = kinkAt(engine, f, wrt, derivation.result, at);
    const branches = activeBranches(f, at).map((b) => {
      const args = b.call.kind === 'call' ? b.call.args : [];
      const name = toPlain(b.call);
      if (b.active === undefined) return `${name}: tie (${b.values.join(' = ')}); the derivative does not exist here`;
      return `${name} = ${toPlain(args[b.active] as Expr)} (${b.values.join(' vs ')})`;
    });
    const branchesLatex = activeBranches(f, at).map((b) => {
      const args = b.call.kind === 'call' ? b.call.args : [];
      if (b.active === undefined) return `${toLatex(b.call)}\\text{: the arguments tie, so the derivative does not exist here}`;
      return `${toLatex(b.call)} = ${toLatex(args[b.active] as Expr)}\\text{ here (${b.values.join(' vs ')})}`;
    });
    const shown = {
      ...(branchesLatex.length > 0 ? { branchesLatex } : {}),
      ...(branches.length > 0 ? { branches } : {}),
    };
    if (kink.kind === 'not-differentiable') {
      const side = (v: ValueAt): SideValueJson => ({ value: toPlain(v.value), approx: v.approx, exact: v.exact });
      json = {
        ...json,
        ...shown,
        differentiable: kink.proved ? false : null,
        statement: kink.statement,
        kinks: kink.kinks,
        conventions: kink.conventions,
        ...(kink.left !== undefined ? { left: side(kink.left) } : {}),
        ...(kink.right !== undefined ? { right: side(kink.right) } : {}),
      };
    } else {
      // Where kinks meet but both sides agree, the value is the one-sided derivative, not the formula's step(0) = 1/2.
      const v = kink.kind === 'differentiable' ? kink.value : evaluateAt(engine, derivation.result, at);
      if (kink.kind === 'smooth') checkDefinedAt(derivation.result, at, 'the derivative ');
      json = {
        ...json,
        ...shown,
        value: toPlain(v.value),
        valueLatex: toLatex(v.value),
        approx: v.approx,
        exact: v.exact,
        differentiable: true,
        ...(kink.kind === 'differentiable' ? { kinks: kink.kinks, statement: `differentiable at the kink: the left and right derivatives agree` } : {}),
      };
    }
  }
  return { json, verdict: report.verdict, derivation, start };
}
