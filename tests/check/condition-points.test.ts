import { describe, expect, it } from 'vitest';
import { conditionsHoldOnDomain } from '../../src/check/proof-assumptions.js';
import { checkEqualNumeric } from '../../src/numeric/check-equal.js';
import { add, mul, num, sub } from '../../src/expr/build.js';
import { parsePlain } from '../../src/parse/index.js';

// "the rules used u ≠ 0, …, true at all N sampled points where both sides are defined": every condition was
// checked at N points at least (each condition samples on its own).
describe('true at all N sampled points', () => {
  it('should give a count every condition was checked at', () => {
    const lhs = parsePlain('x/x + log(y)');
    const rhs = parsePlain('1 + log(y)');
    const d = conditionsHoldOnDomain(lhs, rhs, [{ kind: 'nonzero', u: parsePlain('x') }, { kind: 'positive', u: parsePlain('y') }], [], { points: 10, seed: 1 });
    expect(d).toMatchObject({ ok: true, points: 10 });
    // The same comparison the first condition makes holds at exactly that many points.
    const base = add(num(1), mul(num(0), sub(lhs, rhs)));
    const v = checkEqualNumeric(base, base, { points: 10, seed: 1 });
    expect(v.verdict === 'holds' ? v.points : 0).toBe(10);
  });

  it('should say 0, not a count, when there is no condition', () => {
    expect(conditionsHoldOnDomain(parsePlain('x'), parsePlain('x'), [], [], { points: 10, seed: 1 })).toEqual({ ok: true, points: 0 });
  });
});
