/** Relations over finite sets judged by exact evaluation of every case (`gradtex construct --claim … --over …`). */
import { describe, expect, it } from 'vitest';
import { proveFiniteClaim } from '../../src/construct/construct-claims.js';
import { parseOver } from '../../src/construct/finite-claim-input.js';
import { EXACT_OPS } from '../../src/finite/exact-ops.js';
import { cli } from '../cli/run.js';

describe('claims over finite sets', () => {
  it('should prove y^2 = 1 over y in {-1, 1} and say it was by exhaustion', () => {
    const r = proveFiniteClaim('y^2 = 1', 'y in {-1, 1}');
    expect(r.status).toBe('proved');
    expect(r.summary).toBe('y^2 = 1: proved by exhaustion over y ∈ {-1, 1} (2 cases)');
  });

  it('should prove the hinge identity for labels ±1 and refute it with the case that breaks it', () => {
    // max(0, 1 - y s) = 1 - y s holds only where y s ≤ 1.
    expect(proveFiniteClaim('max(0, 1 - y*s) = 1 - y*s', 'y in {-1,1}; s in {-1, 0, 1}').status).toBe('proved');
    const r = proveFiniteClaim('max(0, 1 - y*s) = 1 - y*s', 'y in {-1,1}; s in {-1, 0, 1/2, 2}');
    expect(r.status).toBe('fails');
    expect(r.summary).toContain('fails at (y, s) = (1, 2): the left side is 0, the right side -1');
  });

  it('should read LaTeX and several variables over one set', () => {
    const r = proveFiniteClaim('\\frac{1 + y}{2} \\cdot \\frac{1 - y}{2} = 0', 'y \\in \\{-1, 1\\}');
    expect(r.status).toBe('proved');
    expect(proveFiniteClaim('A + B - 2 A B \\le 1', 'A, B \\in \\{0, 1\\}').summary).toContain('proved by exhaustion over A ∈ {0, 1}, B ∈ {0, 1} (4 cases)');
    expect(parseOver('A, B in {0,1}; y ∈ {-1, 1}').keys).toEqual(['A', 'B', 'y']);
  });

  it('should stay undecided where a value is not an exact rational, or a variable has no set', () => {
    expect(proveFiniteClaim('exp(y) > 0', 'y in {-1, 1}').status).toBe('undecided');
    expect(proveFiniteClaim('y + z = z + y', 'y in {0, 1}').summary).toMatch(/undecided: .*no value for the symbol z/);
    expect(proveFiniteClaim('f(y) = f(y)', 'y in {0, 1}').summary).toMatch(/f\(y\) uses a function that is not defined/);
    // 1/y at y = 0 is undefined: not a failure of the relation.
    expect(proveFiniteClaim('y * (1/y) = 1', 'y in {0, 1}').status).toBe('undecided');
  });

  it('should judge ≠ by one point where the sides differ', () => {
    expect(proveFiniteClaim('y^3 != y', 'y in {-1, 0, 2}').summary).toContain('proved at y = 2: the left side is 8, the right side 2');
    expect(proveFiniteClaim('y^3 != y', 'y in {-1, 0, 1}').status).toBe('fails');
  });

  it('should keep exact arithmetic exact and leave transcendental values undefined', () => {
    expect(EXACT_OPS.sqrt({ n: 9n, d: 4n })).toEqual({ n: 3n, d: 2n });
    expect(EXACT_OPS.sqrt({ n: 2n, d: 1n })).toBeUndefined();
    expect(EXACT_OPS.log({ n: 2n, d: 1n })).toBeUndefined();
    // A typed decimal is read as typed (the parsers keep it as a double): 0.1 is 1/10, 1e-7 is 1/10^7.
    expect(EXACT_OPS.num(0.1)).toEqual({ n: 1n, d: 10n });
    expect(EXACT_OPS.num(1e-7)).toEqual({ n: 1n, d: 10000000n });
    expect(EXACT_OPS.num(-2.5e21)).toEqual({ n: -2500000000000000000000n, d: 1n });
    expect(proveFiniteClaim('y*0.1 = y/10', 'y in {1, 3}').status).toBe('proved');
    expect(proveFiniteClaim('y*2.50 + 1e-3 = 5*y/2 + 1/1000', 'y in {1, 3}').status).toBe('proved');
    expect(proveFiniteClaim('y*0.0 + 100.0 + 0.30 = 100 + 3/10', 'y in {1}').status).toBe('proved');
    // More digits than a double keeps: refused, never judged as 0.1.
    expect(() => proveFiniteClaim('y*0.1000000000000000000001 = y/10', 'y in {1}')).toThrow(/more digits than gradtex reads exactly/);
    expect(EXACT_OPS.div({ n: 1n, d: 1n }, { n: 0n, d: 1n })).toBeUndefined();
  });

  it('should run from the command line with exit codes 0, 1, 3 and 2 for bad input', async () => {
    expect((await cli(['construct', '--claim', 'y^2 = 1', '--over', 'y in {-1,1}'])).code).toBe(0);
    expect((await cli(['construct', '--claim', 'y = 1', '--over', 'y in {-1,1}'])).code).toBe(1);
    expect((await cli(['construct', '--claim', 'exp(y) = 1', '--over', 'y in {0,1}'])).code).toBe(3);
    const bad = await cli(['construct', '--claim', 'y = 1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--claim and --over go together/);
    expect((await cli(['construct', '--claim', 'a = b = c', '--over', 'a in {1}'])).stderr).toMatch(/one relation/);
  });
});
