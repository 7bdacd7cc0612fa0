import { describe, expect, it } from 'vitest';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { parsePlain } from '../../src/parse/index.js';

const p = parsePlain;

describe('numeric checks of index notation', () => {
  it('should instantiate sums and indexed variables consistently on both sides', () => {
    expect(checkEqualNumeric(p('sum(z_k + 1, k, 1, c)'), p('sum(z_k, k, 1, c) + c')).verdict).toBe('numeric');
    expect(checkEqualNumeric(p('sum(z_k, k, 1, 3)'), p('z_1 + z_2 + z_3')).verdict).toBe('numeric');
  });

  it('should sample both i = j and i != j for the Kronecker delta', () => {
    expect(checkEqualNumeric(p('sum(delta(k, j)*z_k, k, 1, c)'), p('z_j')).verdict).toBe('numeric');
    expect(checkEqualNumeric(p('delta(i, j)'), p('1')).verdict).toBe('failed');
    expect(checkEqualNumeric(p('delta(i, j)'), p('0')).verdict).toBe('failed');
  });

  it('should reject an off-by-one range and a swapped index', () => {
    expect(checkEqualNumeric(p('sum(z_k, k, 1, c)'), p('sum(z_k, k, 2, c)')).verdict).toBe('failed');
    expect(checkEqualNumeric(p('z_i*w_j'), p('z_j*w_i')).verdict).toBe('failed');
  });

  it('should differentiate by an indexed variable with finite differences', () => {
    expect(checkEqualNumeric(p('d(sum(exp(z_k), k, 1, c), z_j)'), p('exp(z_j)')).verdict).toBe('numeric');
    expect(checkEqualNumeric(p('d(z_i, z_j)'), p('delta(i, j)')).verdict).toBe('numeric');
    expect(checkEqualNumeric(p('d(exp(z_i)/sum(exp(z_k), k, 1, c), z_j)'), p('exp(z_i)/sum(exp(z_k), k, 1, c)*(delta(i, j) - exp(z_j)/sum(exp(z_k), k, 1, c))')).verdict).toBe('numeric');
    expect(checkEqualNumeric(p('d(exp(z_i)/sum(exp(z_k), k, 1, c), z_j)'), p('exp(z_i)/sum(exp(z_k), k, 1, c)*(delta(i, j) + exp(z_j)/sum(exp(z_k), k, 1, c))')).verdict).toBe('failed');
  });
});
