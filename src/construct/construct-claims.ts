/**
 * `gradtex construct --counterexample` and `--claim … --over …`: KL(p, q) ≠
 * KL(q, p) with exact logarithms, and a relation over a finite set proved
 * (or refuted) by evaluating every case exactly.
 */
import { add, call, mul, num, pow, sub } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { mapBottomUp } from '../expr/traverse.js';
import type { StepAtZero } from '../finite/threshold-network.js';
import type { Rational } from '../expr/rational.js';
import { toPlain } from '../expr/to-plain.js';
import { EXACT_OPS } from '../finite/exact-ops.js';
import { proveRelation } from '../finite/finite-claim.js';
import { productDomain } from '../finite/finite-domain.js';
import { ratText } from '../finite/rational-text.js';
import { evaluateReal } from '../numeric/real-evaluate.js';
import { ConstructError } from './construct-error.js';
import type { ConstructReport, ConstructStatus, Section } from './construct-report.js';
import { parseClaim, parseOver } from './finite-claim-input.js';
import { findKlCounterexample, klCompare } from './kl-counterexample.js';

/** KL(p, q) ≠ KL(q, p): the given p, q or the first small pair found. */
export function klAsymmetry(p?: readonly Rational[], q?: readonly Rational[]): ConstructReport {
  if ((p === undefined) !== (q === undefined)) throw new ConstructError('give both --p and --q, or neither');
  if (p !== undefined && q !== undefined && p.length !== q.length) throw new ConstructError(`--p has ${p.length} entries and --q has ${q.length}`);
  const result = p !== undefined && q !== undefined ? klCompare(p, q) : findKlCounterexample();
  if (result === undefined) return { title: 'KL(p, q) = KL(q, p)', sections: [], status: 'undecided', summary: 'no counterexample among the candidates' };
  const at = `p = (${result.p.map(ratText).join(', ')}), q = (${result.q.map(ratText).join(', ')})`;
  return {
    title: 'Is KL(p, q) = KL(q, p)?',
    sections: [{ kind: 'kl', result }],
    status: result.differ ? 'proved' : 'undecided',
    summary: result.differ ? `KL(p, q) = KL(q, p) fails at ${at} (exact: the sides are logarithms of different rationals)` : `at ${at} the two sides are equal: not a counterexample`,
  };
}


/**
 * step(u) with step(0) = c instead of the function table's 1/2, exactly:
 * step(u) + (c − 1/2)(1 − sign(u)²), which changes the value at u = 0 only.
 */
function withStepAtZero(e: Expr, c: StepAtZero): Expr {
  return mapBottomUp(e, (x) => (x.kind === 'call' && x.fn === 'step' && x.args.length === 1 ? add(x, mul(num(2 * c - 1, 2), sub(num(1), pow(call('sign', x.args), num(2))))) : x));
}

/** Above this many cases the report shows the verdict without the table of values. */
const MAX_ROWS_SHOWN = 64;

function exactText(e: Expr, env: ReadonlyMap<string, Rational | undefined>): string {
  try {
    const v = evaluateReal(e, EXACT_OPS, env);
    return v === undefined ? 'not rational' : ratText(v);
  } catch {
    return 'no value';
  }
}

/**
 * A relation proved (or refuted) by evaluating it at every point of a finite set.
 *
 *     proveFiniteClaim('y^2 = 1', 'y in {-1, 1}').summary   // 'y^2 = 1: proved by exhaustion over y ∈ {-1, 1} (2 cases)'
 */
export function proveFiniteClaim(claimText: string, overText: string, stepAtZero?: StepAtZero): ConstructReport {
  const written = parseClaim(claimText);
  const { rel } = written;
  // The step at 0 the user chose, evaluated exactly; the claim is shown as written.
  const left = stepAtZero === undefined ? written.left : withStepAtZero(written.left, stepAtZero);
  const right = stepAtZero === undefined ? written.right : withStepAtZero(written.right, stepAtZero);
  const over = parseOver(overText);
  const domain = productDomain(over.keys, over.sets, over.shown);
  const verdict = proveRelation(left, rel, right, domain);
  const rows =
    domain.points.length > MAX_ROWS_SHOWN
      ? []
      : domain.points.map((point) => {
          const env = new Map(domain.names.map((n, i) => [n, point[i]]));
          return { point, left: exactText(left, env), right: exactText(right, env) };
        });
  const claim = `${toPlain(written.left)} ${rel} ${toPlain(written.right)}`;
  const status: ConstructStatus = verdict.verdict;
  const sections: Section[] = [{ kind: 'claim', claim, domain: { ...domain, names: over.shown }, rows, verdict }];
  // The function table's step has step(0) = 1/2; a reader used to networks' step(0) = 0 should not be surprised.
  if (/\bstep\(/.test(claim)) {
    sections.push({ kind: 'note', text: stepAtZero === undefined ? 'step here is the function-table Heaviside step, with step(0) = 1/2 (networks take --step-at-zero instead)' : `step here has step(0) = ${stepAtZero}, as chosen (step-at-zero)` });
  }
  return { title: `A claim over a finite set: ${claim}`, sections, status, summary: `${claim}: ${verdict.text}` };
}

