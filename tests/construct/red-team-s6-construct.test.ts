/**
 * Red-team session 6: `construct --claim` and the step convention. A claim
 * is evaluated with the function table's step(0) = 1/2 unless --step-at-zero
 * is given; then with the value the user chose.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

describe('--claim with step(·) and --step-at-zero', () => {
  // gradtex says "fails at y = 0: the left side is 1/2"; true: with step(0) = 1 (as asked) step(y) = 1 on {0, 1}.
  it('uses the chosen value of step(0), or refuses the option, instead of refuting with 1/2', async () => {
    const r = await cli(['construct', '--claim', 'step(y) = 1', '--over', 'y in {0, 1}', '--step-at-zero', '1']);
    expect(r.stdout).not.toMatch(/fails/);
    expect(r.stdout).toMatch(/proved/);
    expect(r.stdout).toMatch(/step\(0\) = 1, as chosen/);
  });
  it('refutes with the chosen step(0) = 0 when it is asked for, and with 1/2 by default', async () => {
    const zero = await cli(['construct', '--claim', 'step(y) = y', '--over', 'y in {0, 1}', '--step-at-zero', '0']);
    expect(zero.stdout).toMatch(/proved/);
    const half = await cli(['construct', '--claim', 'step(y) = y', '--over', 'y in {0, 1}']);
    expect(half.stdout).toMatch(/fails/);
  });
  it('still proves a claim that avoids step(0)', async () => {
    const r = await cli(['construct', '--claim', 'step(y - 1/2) = y', '--over', 'y in {0, 1}']);
    expect(r.stdout).toMatch(/proved/);
  });
});
