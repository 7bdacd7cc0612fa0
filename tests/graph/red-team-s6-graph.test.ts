/**
 * Red-team session 6: `gradtex graph` at a point where a node sits on a kink.
 * The Jacobian and the node tables above it say "not differentiable", never
 * that the convention values (relu'(0) = 1/2) were checked and agree.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

interface GraphJson {
  forwardMode: { input: string; tangents: number[]; agrees: (boolean | string | null)[] }[];
  reverseMode: { output: string; adjoints: number[]; agrees: (boolean | string | null)[] }[];
  status: string;
}

describe('a graph evaluated on a kink of relu', () => {
  const args = ['graph', 'a = x*y; b = a + relu(a - 6); f = b^2', '--at', 'x=2, y=3', '--format', 'json'];
  it('does not claim the whole graph agrees', async () => {
    const r = JSON.parse((await cli(args)).stdout) as GraphJson;
    expect(r.status).not.toBe('verified');
  });
  // relu(xy − 6) is not differentiable at x = 2, y = 3 (left 0, right 3): neither the tangent ∂relu(a − 6)/∂x
  // nor the adjoint ∂f/∂x exists, so neither "agrees" with anything.
  it('does not mark a tangent or adjoint through the kink as agreeing', async () => {
    const r = JSON.parse((await cli(args)).stdout) as GraphJson;
    expect(r.forwardMode[0]?.agrees[5]).not.toBe(true);
    expect(r.reverseMode[0]?.agrees[0]).not.toBe(true);
    expect(r.forwardMode[0]?.agrees[5]).toBe('not-differentiable');
    expect(r.reverseMode[0]?.agrees[0]).toBe('not-differentiable');
  });
  it('says so in the text tables', async () => {
    const r = await cli(args.slice(0, -2));
    expect(r.stdout).toMatch(/not differentiable at the point/);
  });
});
