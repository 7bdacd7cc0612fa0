/** What each unit of a network over two Boolean inputs computes, in words: h1 = step(A + B - 3/2) is "A and B". */
import type { Rational } from '../expr/rational.js';
import { booleanCube } from '../finite/finite-domain.js';
import { evaluateNetwork, type Network } from '../finite/threshold-network.js';

/** The usual names of the functions of two inputs A, B, by their outputs on 00, 01, 10, 11. */
function twoInputNames(a: string, b: string): ReadonlyMap<string, string> {
  return new Map([
    ['0001', `${a} and ${b}`], ['0111', `${a} or ${b}`], ['1110', `not (${a} and ${b})`], ['1000', `not (${a} or ${b})`],
    ['0010', `${a} and not ${b}`], ['0100', `not ${a} and ${b}`], ['0110', `${a} xor ${b}`], ['1001', `not (${a} xor ${b})`],
    ['0011', a], ['0101', b], ['1100', `not ${a}`], ['1010', `not ${b}`], ['1011', `${a} or not ${b}`], ['1101', `not ${a} or ${b}`],
  ]);
}

/** For a network over two Boolean inputs: each unit's function in words (h1: A and B). */
export function meaningsOf(net: Network): (readonly [string, string])[] | undefined {
  if (net.inputs.length !== 2 || net.units.length < 2) return undefined;
  const [a, b] = net.inputs as [string, string];
  const names = twoInputNames(a, b);
  const values = booleanCube(net.inputs).points.map((p) => evaluateNetwork(net, p));
  return net.units.flatMap((u) => {
    const name = names.get(values.map((v) => ((v.get(u.name) as Rational).n === 1n && (v.get(u.name) as Rational).d === 1n ? '1' : '0')).join(''));
    return name === undefined || values.some((v) => { const x = v.get(u.name) as Rational; return x.d !== 1n || (x.n !== 0n && x.n !== 1n); }) ? [] : [[u.name, name] as const];
  });
}
