/**
 * Why a rewrite run ended (egg's StopReason):
 * - normal-form: no rule applies anywhere; the result is final.
 * - fuel-exhausted: the step budget ran out; the result is correct but maybe not simplest.
 * - time-exhausted: the time budget ran out; same caveat.
 * - stuck: a derivative could not be computed (no rule for it): the gap is shown, never hidden.
 * - cycle: an expression repeated; rewriting stopped to avoid looping.
 */
export type StopReason = 'normal-form' | 'fuel-exhausted' | 'time-exhausted' | 'stuck' | 'cycle';

export function describeStop(r: StopReason): string {
  switch (r) {
    case 'normal-form':
      return 'no further rule applies';
    case 'fuel-exhausted':
      return 'stopped early: the step budget ran out (the result is correct but may simplify further)';
    case 'time-exhausted':
      return 'stopped early: the time budget ran out (the result is correct but may simplify further)';
    case 'stuck':
      return 'stuck: no rule computes a derivative that remains';
    case 'cycle':
      return 'stopped: an expression repeated';
  }
}
