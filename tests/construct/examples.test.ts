/** The network files of examples/construct give the verdicts its README promises. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../cli/run.js';

const dir = join(import.meta.dirname, '..', '..', 'examples', 'construct');

describe('examples/construct', () => {
  it('should prove the XOR network of xor-two-layer.txt', async () => {
    const r = await cli(['construct', '--truth', 'A xor B', '--check-file', join(dir, 'xor-two-layer.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('proved: your network computes A xor B: proved by exhaustion over {0,1}^2 (4 inputs)');
  });

  it('should refute the textbook box of box-textbook.txt at x = 1', async () => {
    const r = await cli(['construct', '--box', '0 < x < 1', '--height', '2', '--check-file', join(dir, 'box-textbook.txt')]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('fails at x = 1: the network gives y = 2, the target is 0');
  });
});
