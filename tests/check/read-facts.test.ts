import { describe, expect, it } from 'vitest';
import { describeFact } from '../../src/check/facts.js';
import { readFacts } from '../../src/check/read-facts.js';
import { toPlain } from '../../src/render/index.js';

const read = (t: string, definitions = false) => readFacts(t, { definitions }).map((f) => describeFact(f, toPlain));

describe('readFacts', () => {
  it('should read signs, shared relations and intervals', () => {
    expect(read('x > 0')).toEqual(['x > 0']);
    expect(read('p_i > 0, q_i \\ge 0')).toEqual(['p_i > 0', 'q_i >= 0']);
    expect(read('x, y > 0')).toEqual(['y > 0', 'x > 0']);
    expect(read('0 < t < 1')).toEqual(['t in [0, 1]', 't > 0']);
    expect(read('a \\ne 0')).toEqual(['a != 0']);
  });

  it('should read set membership the way people write it', () => {
    expect(read('y \\in \\{-1, 1\\}')).toEqual(['y in {-1, 1}']);
    expect(read('y in {0, 1}')).toEqual(['y in {0, 1}']);
    expect(read('j \\in \\{1, \\dots, n\\}')).toEqual([]);
    expect(read('x \\in \\mathbb{R}^n')).toEqual([]);
    expect(read('t \\in (0, 1)')).toEqual(['t in [0, 1]']);
    expect(read('s \\in \\mathbb{R}_{>0}')).toEqual(['s > 0']);
  });

  it('should read probability simplex constraints, explicit and indexed', () => {
    expect(read('p_1 + p_2 + p_3 = 1')).toEqual(['p_1 + p_2 + p_3 = 1, each > 0']);
    expect(read('\\sum_{i=1}^{n} p_i = 1')).toEqual(['sum of p_i = 1 over n terms, each > 0']);
    expect(read('sum_i q_i = 1')).toEqual(['sum of q_i = 1 over n terms, each > 0']);
  });

  it('should read definitions only when asked, and function heads', () => {
    expect(read('h = \\tanh(w x + b)')).toEqual([]);
    expect(read('h = \\tanh(w x + b)', true)).toEqual(['h = tanh(w*x + b)']);
    expect(read('f(x) = x^2 + 1', true)).toEqual(['f(x) = x^2 + 1']);
    expect(read('x = x + 1', true)).toEqual([]);
  });

  it('should give no fact for prose math that states none', () => {
    expect(read('\\sigma', true)).toEqual([]);
    expect(read('\\ln u \\le u - 1', true)).toEqual([]);
    expect(read('x = 1', true)).toEqual([]);
    expect(read('\\frac{(', true)).toEqual([]);
  });
});
