import { describe, expect, it } from 'vitest';
import { describeFact, FactError } from '../../src/check/facts.js';
import { readFacts } from '../../src/check/read-facts.js';
import { toPlain } from '../../src/render/index.js';

const read = (t: string, definitions = false) => readFacts(t, { definitions }).map((f) => describeFact(f, toPlain));

describe('readFacts', () => {
  it('should read signs, shared relations and intervals', () => {
    expect(read('x > 0')).toEqual(['x > 0']);
    expect(read('p_i > 0, q_i \\ge 0')).toEqual(['p_i > 0', 'q_i >= 0']);
    expect(read('x, y > 0')).toEqual(['y > 0', 'x > 0']);
    expect(read('0 < t < 1')).toEqual(['t in (0, 1)', 't > 0']);
    expect(read('0 \\le t \\le 1')).toEqual(['t in [0, 1]']);
    expect(read('x > 1')).toEqual(['x > 1']);
    expect(read('x \\le 2')).toEqual(['x <= 2']);
    expect(read('a \\ne 0')).toEqual(['a != 0']);
  });

  it('should read set membership the way people write it', () => {
    expect(read('y \\in \\{-1, 1\\}')).toEqual(['y in {-1, 1}']);
    expect(read('y in {0, 1}')).toEqual(['y in {0, 1}']);
    expect(read('j \\in \\{1, \\dots, n\\}')).toEqual(['j in {1, ..., n} (an index)']);
    expect(read('x \\in \\mathbb{R}^n')).toEqual([]);
    expect(read('t \\in (0, 1)')).toEqual(['t in (0, 1)', 't > 0']);
    expect(read('t \\in [0, 1)')).toEqual(['t in [0, 1)']);
    expect(read('s \\in \\mathbb{R}_{>0}')).toEqual(['s > 0']);
  });

  it('should read probability simplex constraints, explicit and indexed', () => {
    expect(read('p_1 + p_2 + p_3 = 1')).toEqual(['p_1 + p_2 + p_3 = 1, each > 0']);
    expect(read('\\sum_{i=1}^{n} p_i = 1')).toEqual(['sum of p_i = 1 over n terms, each > 0']);
    expect(read('sum_i q_i = 1')).toEqual(['q a distribution: each q_i > 0, sum of q_i = 1']);
  });

  it('should read definitions only when asked, and function heads', () => {
    expect(read('h = \\tanh(w x + b)')).toEqual([]);
    expect(read('h = \\tanh(w x + b)', true)).toEqual(['h = tanh(w*x + b)']);
    expect(read('f(x) = x^2 + 1', true)).toEqual(['f(x) = x^2 + 1']);
    expect(read('x = x + 1', true)).toEqual([]);
    expect(read('\\pi = 3.141592653589793', true)).toEqual([]);
  });

  it('should give no fact for prose math that states none', () => {
    expect(read('\\sigma', true)).toEqual([]);
    expect(read('\\ln u \\le u - 1', true)).toEqual([]);
    expect(read('x = 1', true)).toEqual([]);
    expect(read('\\frac{(', true)).toEqual([]);
  });

  it('should read the integers with their negatives and the naturals with 0', () => {
    expect(read('k \\in \\mathbb{Z}')).toEqual(['k real (integer)']);
    expect(read('n \\in \\mathbb{N}')).toEqual(['n >= 0 (integer)']);
    expect(read('n in N_+')).toEqual(['n >= 1 (integer)']);
  });
});

describe('readFacts refuses empty domains', () => {
  const error = (t: string, strict = false): string => {
    try {
      readFacts(t, { strict });
    } catch (e) {
      if (e instanceof FactError) return `${e.start}: ${e.message}`;
      throw e;
    }
    return 'no error';
  };

  it('should throw for an interval, a chain or a set that leaves no value, in prose too', () => {
    expect(error('x \\in [2, 1]')).toBe("0: 'x \\in [2, 1]' leaves no value for x");
    expect(error('0 < x < 0')).toBe("0: '0 < x < 0' leaves no value for x");
    expect(error('y > 0, x \\in \\{\\}')).toBe("7: 'x \\in \\{\\}' leaves no value for x");
    expect(error('x in {}')).toBe("0: 'x in {}' leaves no value for x");
    expect(error('t \\in (1, 1]')).toBe("0: 't \\in (1, 1]' leaves no value for t");
    expect(error('t \\in [1, 1]')).toBe('no error');
  });

  it('should, when strict, name each piece it does not understand with its offset', () => {
    expect(error('x > 0, n = 1', true)).toBe("7: 'n = 1' gives n one value, which is not a domain: substitute the value, or write n in {1}");
    expect(error('x >> 3', true)).toMatch(/^0: cannot read 'x >> 3'/);
    expect(error('x in S', true)).toMatch(/^0: cannot read the set in 'x in S'/);
    expect(error('x, y', true)).toMatch(/^0: 'x' has no relation/);
    expect(error('x in R, y > 0', true)).toBe('no error');
    expect(error('x >> 3')).toBe('no error');
  });
});
