import { describe, expect, it } from 'vitest';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { parsePlain } from '../../src/parse/index.js';

const p = parsePlain;

describe('numeric checks of index notation', () => {
  it('should instantiate sums and indexed variables consistently on both sides', () => {
    expect(checkEqualNumeric(p('sum(z_k + 1, k, 1, c)'), p('sum(z_k, k, 1, c) + c')).verdict).toBe('holds');
    expect(checkEqualNumeric(p('sum(z_k, k, 1, 3)'), p('z_1 + z_2 + z_3')).verdict).toBe('holds');
  });

  it('should sample both i = j and i != j for the Kronecker delta', () => {
    expect(checkEqualNumeric(p('sum(delta(k, j)*z_k, k, 1, c)'), p('z_j')).verdict).toBe('holds');
    expect(checkEqualNumeric(p('delta(i, j)'), p('1')).verdict).toBe('fails');
    expect(checkEqualNumeric(p('delta(i, j)'), p('0')).verdict).toBe('fails');
  });

  it('should sample a symbol inside a compound argument of delta as a number, not only as an index in 1..7', () => {
    // delta(2x, y/500): x and y are not indices, so relu(x - 50) (zero below 50) is seen.
    expect(checkEqualNumeric(p('d(delta(y*0.002, x + x), x)'), p('d(delta(y*0.002, x + x), x) + relu(x - 50)')).verdict).toBe('fails');
  });

  // A known break: a bare x in delta(x, 1) is an index, also where the expression uses it as a number.
  it('should not hold delta(x, 1) + relu(x - 50) = delta(x, 1): x used as a number too is not only an index', () => {
    expect(checkEqualNumeric(p('delta(x, 1) + relu(x - 50)'), p('delta(x, 1)')).verdict).not.toBe('holds');
  });

  it('should reject an off-by-one range and a swapped index', () => {
    expect(checkEqualNumeric(p('sum(z_k, k, 1, c)'), p('sum(z_k, k, 2, c)')).verdict).toBe('fails');
    expect(checkEqualNumeric(p('z_i*w_j'), p('z_j*w_i')).verdict).toBe('fails');
  });

  it('should differentiate by an indexed variable with finite differences', () => {
    expect(checkEqualNumeric(p('d(sum(exp(z_k), k, 1, c), z_j)'), p('exp(z_j)')).verdict).toBe('holds');
    expect(checkEqualNumeric(p('d(z_i, z_j)'), p('delta(i, j)')).verdict).toBe('holds');
    expect(checkEqualNumeric(p('d(exp(z_i)/sum(exp(z_k), k, 1, c), z_j)'), p('exp(z_i)/sum(exp(z_k), k, 1, c)*(delta(i, j) - exp(z_j)/sum(exp(z_k), k, 1, c))')).verdict).toBe('holds');
    expect(checkEqualNumeric(p('d(exp(z_i)/sum(exp(z_k), k, 1, c), z_j)'), p('exp(z_i)/sum(exp(z_k), k, 1, c)*(delta(i, j) + exp(z_j)/sum(exp(z_k), k, 1, c))')).verdict).toBe('fails');
  });
});

describe('coverage of indices and sizes (issue #9)', () => {
  it('should sample a free index outside a fixed sum range (i = 3 against a sum to 2)', () => {
    const v = checkEqualNumeric(p('sum(delta(i, k)*x_k, k, 1, 2)'), p('x_i'));
    expect(v.verdict).toBe('fails');
    if (v.verdict === 'fails') expect(v.point['i']).toBeGreaterThan(2);
  });

  it('should sample indices far enough apart to refute delta(i, j) = 1 - (i - j)^2', () => {
    expect(checkEqualNumeric(p('delta(i, j)'), p('1 - (i - j)^2')).verdict).toBe('fails');
  });

  it('should keep an index within the size of the sum it is compared with', () => {
    expect(checkEqualNumeric(p('sum(delta(k, j)*z_k, k, 1, c)'), p('z_j')).verdict).toBe('holds');
  });

  it('should sample sizes 1 and 7: an identity true only for sizes 2..5 fails', () => {
    expect(checkEqualNumeric(p('sum(z_k, k, 1, n) + (n - 2)*(n - 3)*(n - 4)*(n - 5)'), p('sum(z_k, k, 1, n)')).verdict).toBe('fails');
    expect(checkEqualNumeric(p('sum(z_k, k, 1, n)*(n - 1)'), p('sum(z_k, k, 1, n)*(n - 1) + (n - 7)*(n - 6)*(n - 5)*(n - 4)*(n - 3)*(n - 2)*0')).verdict).toBe('holds');
  });

  it('should state the index values, coincidence and sizes it sampled', () => {
    const v = checkEqualNumeric(p('sum(delta(k, j)*z_k*w_i, k, 1, n)'), p('z_j*w_i'));
    expect(v.verdict).toBe('holds');
    if (v.verdict !== 'holds') return;
    expect(v.coverage?.indices).toMatchObject({ min: 1, coincident: true });
    expect(v.coverage?.indices?.max).toBeGreaterThanOrEqual(7);
    expect(v.coverage?.sizes?.values).toEqual(expect.arrayContaining([1, 7]));
    expect(v.coverage?.text).toMatch(/indices i, j ∈ 1\.\.\d+ incl\. i = j; size n ∈ \{1, 2, .*7.*\}/);
  });
});
