import { describe, expect, it } from 'vitest';
import { checkMatrixEqual, matrixVerdictText } from '../../src/matrix-check/check-matrix-equal.js';
import { parseIdentities } from '../../src/matrix-check/identities.js';

const check = (relation: string): string => {
  const [id] = parseIdentities('coverage.identities', ['@shapes x: n, y: n', `c.one   ${relation}   "t"   latex "x"`].join('\n'));
  if (id === undefined) throw new Error('not read');
  return matrixVerdictText(checkMatrixEqual(id.lhs, id.rhs, id.shapes));
};

// "with i, j at every value in range" must mean that every value (combination) was compared.
describe('the index values a matrix check claims', () => {
  it('should say every value when every value of a free index was compared', () => {
    const text = check('x_i*y_i = y_i*x_i');
    expect(text).toMatch(/ entries agree at \d+ random points over sizes \{n = 2\}, .*\{n = 7\}.* with i at every value in range \(/);
  });

  it('should not say every value when only a spread of the combinations was compared (i, j at n = 7: 24 of 49)', () => {
    const text = check('x_i*y_j = y_j*x_i');
    expect(text).toContain('{n = 7}');
    expect(text).not.toMatch(/with i, j at every value in range \(/);
    expect(text).toContain('with i, j at every value in range where there are at most 24 combinations, else at 24 spread evenly (ends included)');
  });
});

describe('all N entries agree at M random points over sizes …', () => {
  it('should count the entries compared and the points where both sides were compared', async () => {
    const { checkMatrixEqual: check2 } = await import('../../src/matrix-check/check-matrix-equal.js');
    const [id] = parseIdentities('coverage.identities', ['@shapes A: n x n, x: n', 'c.two   transpose(A*x) = transpose(x)*transpose(A)   "t"   latex "x"'].join('\n'));
    if (id === undefined) throw new Error('not read');
    const v = check2(id.lhs, id.rhs, id.shapes, { points: 3 });
    expect(v.verdict).toBe('holds');
    if (v.verdict !== 'holds') return;
    // 1×n rows: n entries at each size listed, each compared at 3 points.
    const n = v.instances.map((s) => s['n'] as number);
    expect(v.entries).toBe(n.reduce((a, b) => a + b, 0));
    expect(v.points).toBe(3 * v.entries);
    expect(matrixVerdictText(v)).toContain(`all ${v.entries} entries agree at ${v.points} random points over sizes ${n.map((k) => `{n = ${k}}`).join(', ')} (`);
  });
});
