/**
 * What someone asks `gradtex construct` for, as data: the command line and a
 * problem-set spec's `construct:` task both build one and get the same report.
 *
 *     constructFor({ truth: 'A and not B', stepAtZero: 0 })
 *     constructFor({ box: '0 < x < delta', height: 'h', stepAtZero: 0 })
 */
import { parseBox } from './box-spec.js';
import { checkUserNetwork, constructBox } from './construct-box.js';
import { klAsymmetry, proveFiniteClaim } from './construct-claims.js';
import { constructForTable } from './construct.js';
import { ConstructError } from './construct-error.js';
import type { ConstructReport } from './construct-report.js';
import { isKlSymmetryClaim, parseDistribution } from './kl-counterexample.js';
import { parseNetwork } from './network-text.js';
import { tableFromFormula, tableFromText, type TruthTable } from './truth-table.js';
import type { StepAtZero } from '../finite/threshold-network.js';

export interface ConstructRequest {
  readonly truth?: string;
  readonly table?: string;
  readonly box?: string;
  /** The box's height (default 1). */
  readonly height?: string;
  readonly counterexample?: string;
  readonly p?: string;
  readonly q?: string;
  readonly claim?: string;
  readonly over?: string;
  readonly layers?: 1 | 2;
  /** A network the user wrote, one definition a line or separated by ';' (the last is the output): checked instead of searched for. */
  readonly network?: string;
  readonly stepAtZero: StepAtZero;
  /** stepAtZero was chosen, not the default: a claim's step(·) takes it too (else the function table's step(0) = 1/2). */
  readonly stepAtZeroChosen?: boolean;
}

/**
 * The report for one request; a request that does not make sense throws
 * ConstructError with a one-line reason, naming the request's keys the way
 * the caller spells them (`--truth` on the command line, `truth` in a spec).
 */
export function constructFor(req: ConstructRequest, key: (name: string) => string = (n) => n): ConstructReport {
  const asked = [req.truth, req.table, req.box, req.counterexample, req.claim].filter((x) => x !== undefined).length;
  if (asked !== 1) throw new ConstructError(`give exactly one of ${['truth', 'table', 'box', 'counterexample', 'claim'].map(key).join(', ')}`);
  if ((req.claim === undefined) !== (req.over === undefined)) throw new ConstructError(`${key('claim')} and ${key('over')} go together: ${key('claim')} 'y^2 = 1' ${key('over')} 'y in {-1, 1}'`);
  if (req.claim !== undefined) return proveFiniteClaim(req.claim, req.over as string, req.stepAtZeroChosen === true ? req.stepAtZero : undefined);
  if (req.counterexample !== undefined) {
    if (!isKlSymmetryClaim(req.counterexample)) throw new ConstructError(`construct finds counterexamples to 'KL(p,q) = KL(q,p)' only; cannot read '${req.counterexample}'`);
    return klAsymmetry(req.p === undefined ? undefined : parseDistribution(req.p, 'p'), req.q === undefined ? undefined : parseDistribution(req.q, 'q'));
  }
  if (req.p !== undefined || req.q !== undefined) throw new ConstructError(`${key('p')} and ${key('q')} go with ${key('counterexample')}`);
  if (req.box !== undefined) {
    if (req.layers !== undefined) throw new ConstructError(`${key('layers')} goes with ${key('truth')} or ${key('table')}`);
    const box = parseBox(req.box, req.height ?? '1');
    const names = box.axes.map((a) => a.name);
    return req.network === undefined ? constructBox(box, req.stepAtZero) : checkUserNetwork(parseNetwork(req.network, names, req.stepAtZero), { box });
  }
  const table: TruthTable = req.truth !== undefined ? tableFromFormula(req.truth) : tableFromText(req.table as string);
  if (req.network !== undefined) return checkUserNetwork(parseNetwork(req.network, table.names, req.stepAtZero), { table });
  return constructForTable(table, { stepAtZero: req.stepAtZero, ...(req.layers === undefined ? {} : { layers: req.layers }) });
}
