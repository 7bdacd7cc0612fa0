/**
 * Verifying a derivation independently of the rewriter that produced it:
 * every step `before -> after` is evaluated at random points (derivative
 * nodes by central finite differences), and so is the final claim. Nothing
 * here trusts a rule.
 */
import type { Expr } from '../expr/node.js';
import { checkEqualNumeric, type Assumption, type NumericVerdict } from '../numeric/index.js';
import { nerdamerAgrees } from '../numeric/nerdamer-bridge.js';
import type { Derivation } from './step.js';

export type Verdict = 'proved' | 'numeric' | 'failed' | 'undecided';

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
}

function summarise(vs: readonly NumericVerdict[]): Verdict {
  if (vs.some((v) => v.verdict === 'failed')) return 'failed';
  if (vs.some((v) => v.verdict === 'undecided')) return 'undecided';
  return 'numeric';
}

export function verifyDerivation(d: Derivation, claimLhs: Expr = d.start, opts: VerifyOptions = {}): VerificationReport {
  const base = { points: opts.points ?? 24, seed: opts.seed ?? 1, ...(opts.assumptions ? { assumptions: opts.assumptions } : {}) };
  const steps: StepCheck[] = [];
  if (opts.checkSteps ?? true) {
    d.steps.forEach((s, index) => {
      steps.push({ index, verdict: checkEqualNumeric(s.redex, s.contractum, { ...base, seed: base.seed + index }) });
    });
  }
  const claim = checkEqualNumeric(claimLhs, d.result, base);
  const numeric = summarise([claim, ...steps.map((s) => s.verdict)]);
  // A second, independent engine can upgrade the verdict to proved, never
  // rescue a failed or undecided one (an undecided check, such as a derivative
  // above the order the checker evaluates, stays undecided).
  const agrees = numeric === 'numeric' && (opts.symbolic ?? true) ? nerdamerAgrees(claimLhs, d.result) : undefined;
  const verdict: Verdict = agrees === true ? 'proved' : numeric;
  const how =
    verdict === 'proved'
      ? 'proved symbolically: nerdamer reduces the difference to 0'
      : verdict === 'numeric'
        ? `holds at ${claim.verdict === 'numeric' ? claim.points : 0} random points`
        : verdict;
  return {
    verdict,
    how,
    steps,
    claim,
    points: claim.verdict === 'numeric' ? claim.points : 0,
    maxRelError: claim.verdict === 'numeric' ? claim.maxRelError : NaN,
  };
}
