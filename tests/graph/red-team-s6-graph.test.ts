/**
 * Red-team session 6: `gradtex graph` at a point where a node sits on a kink.
 * The Jacobian says "not differentiable" (right), but the node tables above it
 * mark the convention values (relu'(0) = 1/2) as checked and agreeing.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

interface GraphJson {
  forwardMode: { input: string; tangents: number[]; agrees: boolean[] }[];
  reverseMode: { output: string; adjoints: number[]; agrees: boolean[] }[];
  status: string;
}

describe('a graph evaluated on a kink of relu', () => {
  const args = ['graph', 'a = x*y; b = a + relu(a - 6); f = b^2', '--at', 'x=2, y=3', '--format', 'json'];
  it('does not claim the whole graph agrees', async () => {
    const r = JSON.parse((await cli(args)).stdout) as GraphJson;
    expect(r.status).not.toBe('verified');
  });
  // gradtex says the tangent ∂relu(a − 6)/∂x = 1.5 and the adjoint ∂f/∂x = 54 "agree" with the symbolic derivative;
  // true: relu(xy − 6) is not differentiable at x = 2, y = 3 (left 0, right 3), so neither value exists.
  it.fails('does not mark a tangent or adjoint through the kink as agreeing', async () => {
    const r = JSON.parse((await cli(args)).stdout) as GraphJson;
    expect(r.forwardMode[0]?.agrees[5]).not.toBe(true);
    expect(r.reverseMode[0]?.agrees[0]).not.toBe(true);
  });
});
