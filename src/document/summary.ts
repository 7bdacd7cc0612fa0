/**
 * The one-line summary `gradtex render` prints for a spec. It says exactly
 * what was established: "every answer verified" only when no check failed,
 * none was undecided, every derivation ran to its end and the requested
 * outputs (the PDF included) were all written.
 *
 *     renderSummary(tallyAnswers(solved), { pdfFailed: false })   // 'every answer verified'
 */
import type { SolvedSpec } from './solve.js';

export interface AnswerTally {
  /** Checks that failed (a counterexample). */
  readonly failed: number;
  /** Checks that could not be decided, and derivations that stopped before their end. */
  readonly unverified: number;
}

/** Counts the failed and the unverified answers of a solved spec. */
export function tallyAnswers(solved: SolvedSpec): AnswerTally {
  let failed = 0;
  let unverified = 0;
  const count = (verdict: string, finished = true): void => {
    if (verdict === 'fails' || verdict === 'fails') failed++;
    else if (verdict === 'undecided' || !finished) unverified++;
  };
  for (const p of solved.problems) {
    for (const r of p.results) {
      if (r.kind === 'derivation') for (const o of r.outcomes) count(o.json.verification.verdict, o.derivation.stop === 'normal-form');
      else if (r.kind === 'simplification') count(r.report.verdict);
      else if (r.kind === 'named') count(r.verified.verdict);
      else if (r.kind === 'checked') {
        for (const c of r.report.chains) for (const st of c.steps) count(st.verdict);
        unverified += r.report.notRead.length; // a relation not read is not verified
      }
      else if (r.kind === 'shaped') count(r.outcome.verdict);
    }
  }
  return { failed, unverified };
}

/** The summary line: failures first, then what could not be verified, then a failed PDF build. */
export function renderSummary(t: AnswerTally, opts: { readonly pdfFailed: boolean }): string {
  const answers =
    t.failed > 0
      ? 'SOME CHECKS FAILED (see the check lines)'
      : t.unverified > 0
        ? `no check fails, but ${t.unverified} ${t.unverified === 1 ? 'answer or step' : 'answers or steps'} could not be verified (see the check lines)`
        : opts.pdfFailed
          ? 'no check fails'
          : 'every answer verified';
  return opts.pdfFailed ? `THE PDF BUILD FAILED (see the message above); ${answers}` : answers;
}
