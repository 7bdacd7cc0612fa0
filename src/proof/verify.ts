/**
 * Verifying a derivation independently of the rewriter that produced it:
 * every step `before -> after` is evaluated at random points (derivative
 * nodes by central finite differences), and so is the final claim. Nothing
 * here trusts a rule.
 */
import type { Expr } from '../expr/node.js';
import { some } from '../expr/traverse.js';
import { checkEqualNumeric, type Assumption, type NumericVerdict } from '../numeric/index.js';
import { nerdamerAgrees } from '../numeric/nerdamer-bridge.js';
import type { Derivation } from './step.js';
import { formatNumber } from '../numeric/format-number.js';
import { groupSteps, type Detail } from './group-steps.js';
import { verifyLines, type LineCheck } from './verify-lines.js';

export type { Verdict } from '../numeric/verdict.js';
import type { Verdict } from '../numeric/verdict.js';

export interface StepCheck {
  readonly index: number;
  readonly verdict: NumericVerdict;
}

export interface VerificationReport {
  /**
   * Overall: failed if any check failed; proved if every check held and an
   * independent engine (nerdamer) reduces start - result to 0; else undecided
   * if any check was undecided, else numeric.
   */
  readonly verdict: Verdict;
  /** How the verdict was reached, for people: "proved symbolically (nerdamer reduces the difference to 0)". */
  readonly how: string;
  readonly steps: readonly StepCheck[];
  /** The displayed lines at the chosen detail, a merged line checked as one step (empty when steps are not checked). */
  readonly lines: readonly LineCheck[];
  /** The claim start = result, checked directly (not through the steps). */
  readonly claim: NumericVerdict;
  /** Total points evaluated in the claim check, and its max relative error. */
  readonly points: number;
  readonly maxRelError: number;
}

export interface VerifyOptions {
  readonly points?: number;
  readonly seed?: number;
  readonly assumptions?: readonly Assumption[];
  /** Check every step (default) or only the overall claim (faster). */
  readonly checkSteps?: boolean;
  /** Ask nerdamer whether start - result reduces to 0 (default true). */
  readonly symbolic?: boolean;
  /** The detail the derivation is shown at: its merged lines are checked too (none when absent). */
  readonly detail?: Detail;
}

function summarise(vs: readonly NumericVerdict[]): Verdict {
  if (vs.some((v) => v.verdict === 'fails')) return 'fails';
  if (vs.some((v) => v.verdict === 'undecided')) return 'undecided';
  return 'holds';
}

export function verifyDerivation(d: Derivation, claimLhs: Expr = d.start, opts: VerifyOptions = {}): VerificationReport {
  const base = { points: opts.points ?? 24, seed: opts.seed ?? 1, ...(opts.assumptions ? { assumptions: opts.assumptions } : {}) };
  const steps: StepCheck[] = [];
  if (opts.checkSteps ?? true) {
    d.steps.forEach((s, index) => {
      steps.push({ index, verdict: checkEqualNumeric(s.redex, s.contractum, { ...base, seed: base.seed + index }) });
    });
  }
  // A merged line is a claim of its own (before its first step = after its last), checked as one step.
  // Only asked for by callers that display lines (the checker shows none and pays nothing).
  const lines =
    (opts.checkSteps ?? true) && opts.detail !== undefined
      ? verifyLines(
          groupSteps(d.steps, { detail: opts.detail, endsLine: (i) => steps[i]?.verdict.verdict === 'fails' }),
          steps.map((s) => s.verdict),
          (before, after, k) => checkEqualNumeric(before, after, { ...base, seed: base.seed + 5000 + k }),
        )
      : [];
  const claim = checkEqualNumeric(claimLhs, d.result, base);
  const numeric = summarise([claim, ...steps.map((s) => s.verdict), ...lines.map((l) => l.verdict)]);
  // A second, independent engine can upgrade the verdict to proved, never
  // rescue a failed or undecided one (an undecided check, such as a derivative
  // above the order the checker evaluates, stays undecided).
  // A result that still holds d(…) is a gap, not an answer: nerdamer would
  // differentiate it itself and "prove" the unfinished derivation.
  const finished = !some(d.result, (x) => x.kind === 'deriv');
  const agrees = numeric === 'holds' && finished && (opts.symbolic ?? true) ? nerdamerAgrees(claimLhs, d.result) : undefined;
  const verdict: Verdict = agrees === true ? 'proved' : numeric;
  const how =
    verdict === 'proved'
      ? 'proved symbolically: nerdamer reduces the difference to 0'
      : verdict === 'holds'
        ? `holds at ${claim.verdict === 'holds' ? claim.points : 0} random points`
        : verdict;
  return {
    verdict,
    how,
    steps,
    lines,
    claim,
    points: claim.verdict === 'holds' ? claim.points : 0,
    maxRelError: claim.verdict === 'holds' ? claim.maxRelError : NaN,
  };
}

function pointText(point: Readonly<Record<string, number>>): string {
  return Object.entries(point)
    .map(([k, x]) => `${k} = ${formatNumber(x, 3)}`)
    .join(', ');
}

/**
 * Why a derivation's result may not stand in for its start, or undefined
 * when it may: the verification (as `gradtex diff` runs it) found a step or
 * the result false at a point, or could not decide. The checker substitutes
 * an engine derivative only when this is undefined.
 *
 *     distrust(verifyDerivation(d, start))   // 'step 3 fails at x = -0.539 (1.85 vs -1.85)'
 */
export function distrust(report: VerificationReport): string | undefined {
  if (report.verdict === 'proved' || report.verdict === 'holds') return undefined;
  const claim = report.claim;
  if (claim.verdict === 'fails') return `the result fails at ${pointText(claim.point)} (${formatNumber(claim.lhs, 3)} vs ${formatNumber(claim.rhs, 3)})`;
  for (const s of report.steps) {
    const v = s.verdict;
    if (v.verdict === 'fails') return `step ${s.index + 1} fails at ${pointText(v.point)} (${formatNumber(v.lhs, 3)} vs ${formatNumber(v.rhs, 3)})`;
  }
  const line = report.lines.find((l) => l.verdict.verdict === 'fails');
  if (line !== undefined && line.verdict.verdict === 'fails') {
    const v = line.verdict;
    return `steps ${line.from + 1} to ${line.to + 1} taken together fail at ${pointText(v.point)} (${formatNumber(v.lhs, 3)} vs ${formatNumber(v.rhs, 3)})`;
  }
  if (claim.verdict === 'undecided') return `its check was undecided: ${claim.reason}`;
  const undecided = report.steps.find((s) => s.verdict.verdict === 'undecided');
  return undecided !== undefined && undecided.verdict.verdict === 'undecided' ? `the check of step ${undecided.index + 1} was undecided: ${undecided.verdict.reason}` : report.how;
}
