import { describe, expect, it } from 'vitest';
import { sym } from '../../src/expr/build.js';
import { parsePlain } from '../../src/parse/index.js';
import { provedInPlace } from '../../src/proof/proved-in-place.js';
import type { IndexRange } from '../../src/proof/side-conditions.js';
import type { Step } from '../../src/proof/step.js';

const PROVED = { proved: true, by: 'made up for the test' } as const;

/** A step rewriting the subterm at `path` of `before` from `redex` to `contractum`. */
function step(before: string, path: number[], redex: string, contractum: string, after: string): Step {
  return { rule: 'test', title: 'test', path, before: parsePlain(before), after: parsePlain(after), redex: parsePlain(redex), contractum: parsePlain(contractum), bindings: new Map(), notes: [] };
}

const RANGE_Q: IndexRange = { index: sym('q'), lo: parsePlain('1'), hi: sym('n'), why: 'test' };

describe('provedInPlace: a proved step whose equality carries over to the whole expression', () => {
  const sifting = step('y + sum(x_k*delta(k, q), k, 1, n)', [1], 'sum(x_k*delta(k, q), k, 1, n)', 'x_q', 'y + x_q');

  it('holds for a proved step that rewrote in place the subterm it names', () => {
    expect(provedInPlace(sifting, PROVED, [RANGE_Q])).toBe(true);
  });
  it('does not hold for a step that is not proved', () => {
    expect(provedInPlace(sifting, { proved: false, reason: 'no' }, [RANGE_Q])).toBe(false);
    expect(provedInPlace(sifting, undefined, [RANGE_Q])).toBe(false);
  });
  it('does not hold for a step whose redex is not at its path, or whose after is not the contractum put there', () => {
    expect(provedInPlace(step('y + sum(x_k*delta(k, q), k, 1, n)', [0], 'sum(x_k*delta(k, q), k, 1, n)', 'x_q', 'y + x_q'), PROVED, [])).toBe(false);
    expect(provedInPlace(step('y + sum(x_k*delta(k, q), k, 1, n)', [1], 'sum(x_k*delta(k, q), k, 1, n)', 'x_q', 'y + x_n'), PROVED, [])).toBe(false);
  });
  it('does not hold under a sum over a letter a stated range mentions (there the letter is another index)', () => {
    const shadowed = step('sum(y_q + sum(x_k*delta(k, q), k, 1, n), q, 0, 3)', [0, 1], 'sum(x_k*delta(k, q), k, 1, n)', 'x_q', 'sum(y_q + x_q, q, 0, 3)');
    expect(provedInPlace(shadowed, PROVED, [RANGE_Q])).toBe(false);
    expect(provedInPlace(shadowed, PROVED, [])).toBe(true);
  });
});
