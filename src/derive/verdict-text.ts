/** One-line human summaries of verification results. */
import type { VerificationJson } from './diff-result.js';
import { formatNumber } from '../numeric/format-number.js';


export function formatVerification(v: VerificationJson): string {
  switch (v.verdict) {
    // `unchecked` names what sampling did not cover: the summary claims only what was checked.
    case 'proved':
      if (v.unchecked !== undefined) return `proved symbolically (nerdamer reduces the difference to 0); not everything was also checked at random points: ${v.unchecked}`;
      return `proved symbolically (nerdamer reduces the difference to 0); every step and the result also hold at ${v.points} random points`;
    case 'numeric':
      if (v.unchecked !== undefined) return `the result holds at ${v.points} random points (max relative error ${formatNumber(v.maxRelError ?? NaN, 3)}); ${v.unchecked}`;
      return `holds at ${v.points} random points for every step and the result (max relative error ${formatNumber(v.maxRelError ?? NaN, 3)})`;
    case 'failed': {
      const f = v.failure;
      if (f === undefined) return 'fails';
      const where = f.step === 'result' ? 'the result' : f.line !== undefined ? `steps ${f.line[0] + 1} to ${f.line[1] + 1} taken together (one displayed line)` : `step ${f.step + 1}`;
      const point = Object.entries(f.point)
        .map(([k, x]) => `${k} = ${formatNumber(x, 3)}`)
        .join(', ');
      return `FAILED: ${where} fails at ${point} (${formatNumber(f.lhs, 3)} vs ${formatNumber(f.rhs, 3)})`;
    }
    case 'undecided':
      return `undecided: ${v.unchecked ?? v.undecided ?? 'no valid points'}`;
  }
}
