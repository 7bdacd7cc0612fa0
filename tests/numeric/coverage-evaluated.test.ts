import { describe, expect, it } from 'vitest';
import { sym } from '../../src/expr/build.js';
import { checkEqualNumeric, compareCompiled } from '../../src/numeric/check-equal.js';
import { samplingPlan } from '../../src/numeric/coverage.js';
import { freeSymbols } from '../../src/numeric/evaluate.js';
import { parsePlain as p } from '../../src/parse/index.js';

// Every index value, size and special point the coverage line prints must be one where both sides were
// defined and compared: a point drawn and skipped (a side undefined there) or a special base point never
// kept checked nothing.
describe('coverage lists only what was evaluated', () => {
  it('should not claim i = j when the sides are undefined wherever i = j', () => {
    const v = checkEqualNumeric(p('x_i*z_j/(i - j)'), p('z_j*(x_i/(i - j))'));
    expect(v.verdict).toBe('holds');
    if (v.verdict !== 'holds') return;
    expect(v.coverage?.indices?.coincident).toBe(false);
    expect(v.coverage?.text).not.toContain('incl. i = j');
    expect(v.coverage?.text).toContain('indices i, j ∈ 1..7, never equal');
  });

  it('should not list size n = 1 when the sides are undefined at n = 1', () => {
    const v = checkEqualNumeric(p('sum(z_k, k, 1, n)/(n - 1) + y'), p('sum(z_k/(n - 1), k, 1, n) + y'));
    expect(v.verdict).toBe('holds');
    if (v.verdict !== 'holds') return;
    expect(v.coverage?.sizes?.values.length).toBeGreaterThan(3);
    expect(v.coverage?.sizes?.values).not.toContain(1);
    expect(v.coverage?.text).not.toMatch(/size n ∈ \{1,/);
  });

  it('should claim no index values or sizes before any point was compared (special base points drawn are not compared)', () => {
    const sides = [p('sum(z_k, k, 1, n)*x_i*w_j + y'), p('x_i*w_j*sum(z_k, k, 1, n) + y')] as const;
    const vars = freeSymbols(sides[1], freeSymbols(sides[0], [], true), true);
    const plan = samplingPlan(sides, vars, true, [], true);
    // Special points were prepared, each from a drawn base point with index values and a size.
    expect(plan.special.length).toBeGreaterThan(0);
    const before = plan.coverage(0, []);
    expect(before.indices).toBeUndefined();
    expect(before.sizes).toBeUndefined();
    // Once a point is compared, exactly its values are claimed.
    const q = plan.special[0]?.p as Float64Array;
    plan.compared(q);
    const slot = (name: string): number => vars.findIndex((s) => s.kind === 'sym' && s.name === name && s.sub.length === 0);
    const after = plan.coverage(0, []);
    expect(after.sizes?.values).toEqual([q[slot('n')]]);
    expect(after.indices?.min).toBe(Math.min(q[slot('i')] as number, q[slot('j')] as number));
    expect(after.indices?.max).toBe(Math.max(q[slot('i')] as number, q[slot('j')] as number));
  });

  it('should not list a special point where the difference was only excused as rounding (it says nothing)', () => {
    const x = sym('x');
    const at = (q: ArrayLike<number>): number => q[0] as number;
    // The sides differ by 1 at the special point x = 3 only; the expressions [x, x] given for the error analysis
    // make that difference one rounding could explain (a drift of 1), so the point says nothing.
    const off = (q: ArrayLike<number>): number => (q[0] === 3 ? 4 : (q[0] as number));
    const v = compareCompiled(at, off, [x], 1e-6, { sides: [x, x], special: [{ p: Float64Array.of(0), label: 'x = 0' }, { p: Float64Array.of(3), label: 'x = 3' }] });
    expect(v.verdict).toBe('holds');
    if (v.verdict !== 'holds') return;
    expect(v.special).toEqual(['x = 0']);
  });

  it('should list only special points where both sides were defined (log(x) is not at x = 0 or x = -1)', () => {
    const v = checkEqualNumeric(p('log(x^2)/2 + y'), p('log(abs(x)) + y'));
    expect(v.verdict).toBe('holds');
    if (v.verdict !== 'holds') return;
    const special = v.coverage?.special ?? [];
    expect(special.length).toBeGreaterThan(0);
    expect(special.some((l) => /x = 0\b/.test(l))).toBe(false);
    expect(v.coverage?.text).toContain(`and ${special.length} special points (`);
  });
});
