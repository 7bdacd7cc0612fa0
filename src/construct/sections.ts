/** The pieces every construction report is made of: a network with its check by exhaustion, and the status of a report. */
import type { Rational } from '../expr/rational.js';
import { checkNetwork } from '../finite/check-network.js';
import type { FiniteDomain } from '../finite/finite-domain.js';
import { withFreshNames, type Network } from '../finite/threshold-network.js';
import type { ConstructionSection, ConstructStatus, Section } from './construct-report.js';
import { meaningsOf } from './unit-meanings.js';

/** A network found by a search, renamed clear of its inputs and checked on every point of the domain. */
export function construction(heading: string, found: Network, domain: FiniteDomain, target: (p: readonly Rational[]) => Rational): ConstructionSection {
  const network = withFreshNames(found);
  const meanings = domain.description.startsWith('{0,1}') ? meaningsOf(network) : undefined;
  return { kind: 'construction', heading, network, domain, targets: domain.points.map(target), verdict: checkNetwork(network, domain, target), ...(meanings === undefined || meanings.length === 0 ? {} : { meanings }) };
}

export function statusOf(sections: readonly Section[], undecided: boolean): ConstructStatus {
  const checks = sections.filter((s): s is ConstructionSection => s.kind === 'construction');
  if (checks.some((s) => s.verdict.verdict === 'fails')) return 'fails';
  // A certificate that does not recombine to 0 > 0 proves nothing: no claim either way.
  return undecided || sections.some((s) => s.kind === 'certificate' && !s.valid) ? 'undecided' : 'proved';
}
