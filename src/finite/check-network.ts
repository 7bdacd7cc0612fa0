/**
 * The independent checker of a construction: it knows nothing of how the
 * network was found, evaluates it exactly on every point of a finite domain,
 * and compares with the target. A construction printed by `gradtex construct`
 * is only called correct once this says `proved`.
 */
import { ratCompare, type Rational } from '../expr/rational.js';
import { proveByExhaustion, type ExhaustionVerdict } from './exhaustion.js';
import type { FiniteDomain } from './finite-domain.js';
import { ratText } from './rational-text.js';
import { evaluateNetwork, outputUnit, type Network } from './threshold-network.js';

/**
 * proved when the network's output equals target(point) at every point.
 *
 *     checkNetwork(xorNet, booleanCube(['A', 'B']), (p) => xor(p))
 *     // { verdict: 'proved', text: 'proved by exhaustion over {0,1}^2 (4 inputs)' }
 */
export function checkNetwork(net: Network, domain: FiniteDomain, target: (point: readonly Rational[]) => Rational): ExhaustionVerdict {
  if (domain.names.join(',') !== net.inputs.join(',')) throw new RangeError(`the network reads (${net.inputs.join(', ')}) but the domain is over (${domain.names.join(', ')})`);
  const names = [...net.inputs, ...net.units.map((u) => u.name)];
  if (new Set(names).size !== names.length) throw new RangeError(`the network names ${names.join(', ')}: a name used twice makes its value ambiguous`);
  const out = outputUnit(net).name;
  return proveByExhaustion(domain, (point) => {
    const got = evaluateNetwork(net, point).get(out) as Rational;
    const want = target(point);
    return ratCompare(got, want) === 0 || `the network gives ${out} = ${ratText(got)}, the target is ${ratText(want)}`;
  });
}
