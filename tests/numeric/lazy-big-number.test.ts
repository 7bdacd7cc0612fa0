/** The high-precision numbers (decimal.js) load on first use only: ordinary checks must not need them. (Its own file: module state is per file.) */
import { describe, expect, it } from 'vitest';
import { bigNumbersLoaded } from '../../src/numeric/big-number.js';
import { checkEqualNumeric } from '../../src/numeric/index.js';
import { parsePlain } from '../../src/parse/index.js';

describe('loading decimal.js for high precision', () => {
  it('should not load it for ordinary true identities and derivatives', () => {
    const pairs: [string, string][] = [
      ['sigma(x)', '1/(1+exp(-x))'],
      ['(x+1)^2', 'x^2+2*x+1'],
      ['d(sigma(x), x)', 'sigma(x)*(1-sigma(x))'],
      ['softplus(x)', 'log(1+exp(x))'],
      ['d(d(tanh(x),x),x)', '-2*tanh(x)*(1-tanh(x)^2)'],
      ['0.5*x', 'x/2'],
      ['d(log(1+exp(-y*x)), x)', '-y*sigma(-y*x)'],
    ];
    for (const [l, r] of pairs) expect(checkEqualNumeric(parsePlain(l), parsePlain(r)).verdict, `${l} = ${r}`).toBe('holds');
    expect(bigNumbersLoaded()).toBe(false);
  });

  it('should load it where doubles cannot decide', () => {
    expect(checkEqualNumeric(parsePlain('x'), parsePlain('x*(1 + 10^(-20))')).verdict).toBe('fails');
    expect(bigNumbersLoaded()).toBe(true);
  });
});
