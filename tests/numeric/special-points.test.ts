import { describe, expect, it } from 'vitest';
import { sym } from '../../src/expr/build.js';
import { checkEqualNumeric, type Assumption } from '../../src/numeric/index.js';
import { specialPoints } from '../../src/numeric/special-points.js';
import { parsePlain } from '../../src/parse/index.js';

const p = parsePlain;
const [x, y] = [sym('x'), sym('y')];

describe('specialPoints', () => {
  it('should offer 0, ±1 and the tie of a max', () => {
    const s = specialPoints([p('max(x, y)'), p('x')], [x, y], []);
    const at = s.points.map((q) => [...q]);
    expect(at).toContainEqual([0, 0]);
    expect(at).toContainEqual([1, 1]);
    expect(at).toContainEqual([-1, -1]);
    const tie = s.labels.indexOf('tie of max');
    expect(tie).toBeGreaterThanOrEqual(0);
    const [a, b] = s.points[tie] as Float64Array;
    expect(a).toBe(b);
  });

  it('should solve a linear kink argument exactly and find the zero of a quadratic', () => {
    const relu = specialPoints([p('relu(2*x - 1)')], [x], []);
    expect(relu.points.map((q) => q[0])).toContain(0.5);
    const quad = specialPoints([p('(x^2 - 1/1000000)^2')], [x], []);
    expect(quad.points.some((q) => Math.abs(Math.abs(q[0] as number) - 1e-3) < 1e-9)).toBe(true);
  });

  it('should stay inside the domain: just inside an interval, never on an end that may be open', () => {
    const within: Assumption[] = [{ sym: x, kind: 'interval', lo: -0.01, hi: 5 }];
    const s = specialPoints([p('sqrt(x^2)'), p('x')], [x], within);
    const xs = s.points.map((q) => q[0] as number);
    expect(xs.every((v) => v > -0.01 && v < 5)).toBe(true);
    expect(xs.some((v) => v < -0.0099)).toBe(true);
    const positive = specialPoints([p('log(x)')], [x], [{ sym: x, kind: 'positive' }]);
    expect(positive.points.every((q) => (q[0] as number) > 0)).toBe(true);
  });

  it('should leave out kinks when a derivative is taken by finite differences', () => {
    const s = specialPoints([p('abs(x - 1)')], [x], [], { avoidKinks: true });
    expect(s.points.map((q) => q[0])).not.toContain(1);
  });
});

describe('special points in the equality checker (issue #9)', () => {
  it('should refute identities that fail only at a point or on a small set', () => {
    expect(checkEqualNumeric(p('((x^2 - 1/1000000)^2)^(1/2)'), p('x^2 - 1/1000000')).verdict).toBe('fails');
    expect(checkEqualNumeric(p('(x^2)^(1/2)'), p('x'), { assumptions: [{ sym: x, kind: 'interval', lo: -0.01, hi: 20 }] }).verdict).toBe('fails');
    expect(checkEqualNumeric(p('step(x)'), p('(1 + sign(x))/2 + (1 - abs(sign(x)))')).verdict).toBe('fails');
    expect(checkEqualNumeric(p('max(x, y) - min(x, y)'), p('abs(x - y) + delta(x, y)')).verdict).toBe('fails');
  });

  it('should still accept true identities with kinks', () => {
    expect(checkEqualNumeric(p('max(x, y)'), p('(x + y + abs(x - y))/2')).verdict).toBe('holds');
    expect(checkEqualNumeric(p('relu(x)'), p('x*step(x)')).verdict).toBe('holds');
  });

  it('should say which special points it used', () => {
    const v = checkEqualNumeric(p('max(x, y)'), p('(x + y + abs(x - y))/2'));
    expect(v.verdict).toBe('holds');
    if (v.verdict !== 'holds') return;
    expect(v.coverage?.special).toContain('tie of max');
    expect(v.coverage?.text).toMatch(/^at 24 random points and \d+ special points \(x = 0, y = 0; /);
  });

  it('should refute |x| = x on ℤ (negatives sampled)', () => {
    const z: Assumption[] = [{ sym: x, kind: 'interval', lo: -Infinity, hi: Infinity, integer: true }];
    const v = checkEqualNumeric(p('abs(x)'), p('x'), { assumptions: z });
    expect(v.verdict).toBe('fails');
    if (v.verdict === 'fails') expect(Number.isInteger(v.point['x'])).toBe(true);
  });
});

describe('points either side of a kink', () => {
  it('should refute relu(x + 10^6) = x + 10^6 and sigma(1000 x) = step(x)', () => {
    expect(checkEqualNumeric(p('relu(x + 10^6)'), p('x + 10^6')).verdict).toBe('fails');
    expect(checkEqualNumeric(p('sigma(1000*x)'), p('step(x)')).verdict).toBe('fails');
  });
});
