/** src/finite: domains, exhaustion as a verdict, and the independent network checker. */
import { describe, expect, it } from 'vitest';
import { checkNetwork } from '../../src/finite/check-network.js';
import { proveByExhaustion } from '../../src/finite/exhaustion.js';
import { axisGrid, booleanCube, realLineRepresentatives, signCube } from '../../src/finite/finite-domain.js';
import { int, parseRational, ratText } from '../../src/finite/rational-text.js';
import { evaluateNetwork, withFreshNames, type Network } from '../../src/finite/threshold-network.js';

const half = { n: 1n, d: 2n };

describe('finite domains', () => {
  it('should list {0,1}^n in truth-table order and name its size', () => {
    const d = booleanCube(['A', 'B']);
    expect(d.points.map((p) => p.map(ratText).join(''))).toEqual(['00', '01', '10', '11']);
    expect(d.description).toBe('{0,1}^2 (4 inputs)');
    expect(signCube(['y']).points.map((p) => ratText(p[0] ?? int(0)))).toEqual(['-1', '1']);
  });

  it('should refuse a cube too large to exhaust', () => {
    expect(() => booleanCube(Array.from({ length: 17 }, (_, i) => `x${i}`))).toThrow(/more than the 65536/);
  });

  it('should give one point of every piece of the line cut at the given points', () => {
    expect(realLineRepresentatives([int(1), int(0), int(1)]).map(ratText)).toEqual(['-1', '0', '1/2', '1', '2']);
    expect(axisGrid(['x', 'y'], [[int(0)], [int(0), int(2)]]).points).toHaveLength(3 * 5);
  });

  it('should read exact numbers as students write them', () => {
    expect(parseRational('-0.25')).toEqual({ n: -1n, d: 4n });
    expect(parseRational('3/6')).toEqual({ n: 1n, d: 2n });
    expect(parseRational('1e3')).toBeUndefined();
    expect(parseRational('1/0')).toBeUndefined();
  });
});

describe('proof by exhaustion', () => {
  it('should prove a claim true at every point and say over what', () => {
    const v = proveByExhaustion(booleanCube(['a', 'b']), ([a, b]) => (a?.n ?? 0n) * (b?.n ?? 0n) <= (a?.n ?? 0n) || 'ab > a');
    expect(v).toMatchObject({ verdict: 'proved', cases: 4, text: 'proved by exhaustion over {0,1}^2 (4 inputs)' });
  });

  it('should refute a claim at the first failing case and name it', () => {
    // y^2 = y is false for y = -1 in {-1, 1}.
    const v = proveByExhaustion(signCube(['y']), ([y]) => (y?.n ?? 0n) ** 2n === y?.n || 'y^2 ≠ y');
    expect(v).toMatchObject({ verdict: 'fails', text: 'fails at y = -1: y^2 ≠ y' });
  });
});

describe('the network checker', () => {
  const andNot: Network = { inputs: ['A', 'B'], units: [{ name: 'y', kind: 'step', weights: [['A', int(1)], ['B', int(-1)]], bias: { n: -1n, d: 2n } }], stepAtZero: 0 };
  const target = (p: readonly { n: bigint }[]): { n: bigint; d: bigint } => int(p[0]?.n === 1n && p[1]?.n === 0n ? 1 : 0);

  it('should prove a right network and refute a wrong one with the failing input', () => {
    expect(checkNetwork(andNot, booleanCube(['A', 'B']), target).verdict).toBe('proved');
    // Bias 1/2 instead of -1/2 fires on (0, 0).
    const wrong: Network = { ...andNot, units: [{ ...andNot.units[0]!, bias: half }] };
    expect(checkNetwork(wrong, booleanCube(['A', 'B']), target).text).toBe('fails at (A, B) = (0, 0): the network gives y = 1, the target is 0');
  });

  it('should apply the step convention exactly at 0', () => {
    const atZero: Network = { inputs: ['x'], units: [{ name: 'y', kind: 'step', weights: [['x', int(1)]], bias: int(0) }], stepAtZero: 0 };
    expect(evaluateNetwork(atZero, [int(0)]).get('y')).toEqual(int(0));
    expect(evaluateNetwork({ ...atZero, stepAtZero: 1 }, [int(0)]).get('y')).toEqual(int(1));
  });

  it('should refuse a network whose unit shadows an input, and rename ours', () => {
    const clash: Network = { inputs: ['x', 'y'], units: [{ name: 'y', kind: 'step', weights: [['x', int(1)]], bias: int(0) }], stepAtZero: 0 };
    expect(() => checkNetwork(clash, booleanCube(['x', 'y']), () => int(0))).toThrow(/used twice/);
    expect(withFreshNames(clash).units.map((u) => u.name)).toEqual(['out']);
  });
});
