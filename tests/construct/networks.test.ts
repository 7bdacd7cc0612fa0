/** Two-layer networks and boxes from step neurons, each re-evaluated here with plain numbers. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBox } from '../../src/construct/box-spec.js';
import { checkUserNetwork, constructBox } from '../../src/construct/construct-box.js';
import { constructForTable } from '../../src/construct/construct.js';
import type { ConstructionSection, ConstructReport } from '../../src/construct/construct-report.js';
import { parseNetwork } from '../../src/construct/network-text.js';
import { tableFromFormula } from '../../src/construct/truth-table.js';
import type { Network } from '../../src/finite/threshold-network.js';

const num = (r: { n: bigint; d: bigint }): number => Number(r.n) / Number(r.d);

/** The network by hand, in floating point: every weight here is a small dyadic number, exact in doubles. */
function run(net: Network, x: readonly number[]): number {
  const v = new Map(net.inputs.map((n, i) => [n, x[i] ?? NaN]));
  let last = NaN;
  for (const u of net.units) {
    const z = u.weights.reduce((s, [n, w]) => s + num(w) * (v.get(n) ?? NaN), num(u.bias));
    last = u.kind === 'linear' ? z : z > 0 || (z === 0 && net.stepAtZero === 1) ? 1 : 0;
    v.set(u.name, last);
  }
  return last;
}

const constructionOf = (r: ConstructReport, heading: RegExp): ConstructionSection => {
  const s = r.sections.find((x): x is ConstructionSection => x.kind === 'construction' && heading.test(x.heading));
  if (s === undefined) throw new Error(`no construction ${heading}`);
  return s;
};

describe('two-layer networks', () => {
  it('should build XOR from two hidden units', () => {
    const s = constructionOf(constructForTable(tableFromFormula('A xor B'), { stepAtZero: 0 }), /Two layers/);
    expect(s.network.units).toHaveLength(3);
    expect([[0, 0], [0, 1], [1, 0], [1, 1]].map((x) => run(s.network, x))).toEqual([0, 1, 1, 0]);
    expect(s.verdict.text).toBe('proved by exhaustion over {0,1}^2 (4 inputs)');
  });

  it('should build 3-input parity, and 4-input parity by one hidden unit per 1-row', () => {
    for (const [formula, n] of [['A xor B xor C', 3], ['A xor B xor C xor D', 4]] as const) {
      const s = constructionOf(constructForTable(tableFromFormula(formula), { stepAtZero: 0 }), /Two layers/);
      for (let f = 0; f < 2 ** n; f++) {
        const x = Array.from({ length: n }, (_, i) => (f >> (n - 1 - i)) & 1);
        expect(run(s.network, x)).toBe(x.reduce((a, b) => a ^ b, 0));
      }
      expect(s.verdict.verdict).toBe('proved');
    }
  });

  it('should refute a wrong user network for XOR with the failing input', () => {
    const table = tableFromFormula('A xor B');
    const net = parseNetwork('h1 = step(A + B - 1/2); h2 = step(-A - B + 3/2); y = step(h1 + h2 - 0.5)', table.names, 0);
    const r = checkUserNetwork(net, { table });
    expect(r.status).toBe('fails');
    expect(r.summary).toBe('your network does not compute A xor B: fails at (A, B) = (0, 0): the network gives y = 1, the target is 0');
  });
});

describe('boxes from step neurons', () => {
  it('should build the open box 0 < x < 1 of height 2 and prove it on every piece of the line', () => {
    const r = constructBox(parseBox('0 < x < 1', '2'), 0);
    const s = constructionOf(r, /Two step neurons/);
    expect(s.network.units.filter((u) => u.kind === 'step')).toHaveLength(2);
    for (const [x, y] of [[-5, 0], [0, 0], [1e-9, 2], [0.5, 2], [1 - 1e-9, 2], [1, 0], [7, 0]] as const) expect(run(s.network, [x])).toBe(y);
    expect(s.verdict.text).toBe('proved by exhaustion over the 5 pieces of ℝ cut at x = 0, 1 (one point of each piece)');
    // Under step(0) = 0 the open box needs an output bias; the report says the bias-free sums were all tried.
    expect(r.sections.some((x) => x.kind === 'note' && /Without an output bias/.test(x.text))).toBe(true);
  });

  it('should build the half-open box 0 <= x < 1/2 with no output bias when step(0) = 1', () => {
    const r = constructBox(parseBox('0 <= x < 1/2', '1'), 1);
    const s = constructionOf(r, /Two step neurons/);
    expect(s.network.units.at(-1)?.bias.n).toBe(0n);
    expect(r.sections.some((x) => x.kind === 'note')).toBe(false);
    for (const [x, y] of [[-1, 0], [0, 1], [0.25, 1], [0.5, 0], [1, 0]] as const) expect(run(s.network, [x])).toBe(y);
  });

  it('should build a rectangle with a second-layer unit that needs every side', () => {
    const s = constructionOf(constructBox(parseBox('0 < x < 1, -1 <= y <= 2', '3'), 0), /sides/);
    for (const [x, y, v] of [[0.5, 0, 3], [0.5, -1, 3], [0.5, 2, 3], [0, 0, 0], [1, 0, 0], [0.5, 2.5, 0], [0.5, -1.5, 0], [2, 5, 0]] as const) expect(run(s.network, [x, y])).toBe(v);
    expect(s.verdict.verdict).toBe('proved');
  });

  it('should write the box in the letters of the problem (0 < x < delta, height h) and say why the check covers them', () => {
    const s = constructionOf(constructBox(parseBox('0 < x < delta', 'h'), 0), /Two step neurons/);
    expect(s.symbolic?.lines).toEqual(['u1 = step(x)', 'u2 = step(delta - x)', 'y = h*u1 + h*u2 - h']);
    expect(s.symbolic?.note).toMatch(/^The letters were checked through stand-ins in the same order \(delta = 1, h = 1\)/);
    // The letters' form, re-evaluated here at other values of delta and h, is the box.
    for (const [delta, h] of [[0.25, 3], [7, -2]] as const) {
      const step = (z: number): number => (z > 0 ? 1 : 0);
      for (const x of [-1, 0, delta / 2, delta, delta + 1]) expect(h * step(x) + h * step(delta - x) - h).toBe(x > 0 && x < delta ? h : 0);
    }
    expect(constructionOf(constructBox(parseBox('a < x < b, c <= y <= d', 'h'), 0), /sides/).symbolic?.lines).toEqual([
      'u1 = step(x - a)', 'u2 = step(b - x)', 'u3 = step(c - y)', 'u4 = step(y - d)', 'r = step(u1 + u2 - u3 - u4 - 3/2)', 'out = h*r',
    ]);
    expect(() => checkUserNetwork(parseNetwork('u1 = step(x); y = u1', ['x'], 0), { box: parseBox('0 < x < delta', '1') })).toThrow(/in numbers too/);
  });

  it('should refute the textbook box h step(x) - h step(x - 1) at x = 1 under step(0) = 0', () => {
    const box = parseBox('0 < x < 1', '1');
    const r = checkUserNetwork(parseNetwork('u1 = step(x); u2 = step(x - 1); y = u1 - u2', ['x'], 0), { box });
    expect(r.status).toBe('fails');
    expect(r.summary).toContain('fails at x = 1: the network gives y = 1, the target is 0');
  });

  it('should refuse to judge a network that passes x on without a step (it is not constant on the pieces)', () => {
    const box = parseBox('0 < x < 1', '1');
    // v = x then step(v - 1/3) switches at 1/3, which no unit reading x announces: one point a piece would prove nothing.
    expect(() => checkUserNetwork(parseNetwork('v = x; u1 = step(x); u2 = step(1/3 - v); y = u1 + u2 - 1', ['x'], 0), { box })).toThrow(/reads x without a step/);
  });

  it('should use a user unit threshold as a cut, so a wrong threshold between the ends is caught', () => {
    const box = parseBox('0 < x < 1', '1');
    const r = checkUserNetwork(parseNetwork('u1 = step(x); u2 = step(1/3 - x); y = u1 + u2 - 1', ['x'], 0), { box });
    expect(r.summary).toMatch(/fails at x = (1\/3|2\/3)/);
  });
});

describe('two-layer networks for random tables (property, fixed seed)', () => {
  it('should compute every sampled 3-input table, re-evaluated here in plain numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), (f) => {
        const names = ['A', 'B', 'C'];
        const rows = Array.from({ length: 8 }, (_, i) => ({ input: [(i >> 2) & 1, (i >> 1) & 1, i & 1].map((b) => ({ n: BigInt(b), d: 1n })), output: ((f >> i) & 1) as 0 | 1 }));
        const r = constructForTable({ names, rows, title: `table ${f}` }, { stepAtZero: 0, layers: 2 });
        const s = constructionOf(r, /Two layers/);
        rows.forEach((row, i) => expect(run(s.network, row.input.map(num)), `table ${f}, row ${i}`).toBe(row.output));
        expect(r.status).toBe('proved');
      }),
      { seed: 1307, numRuns: 12 },
    );
  });
});
