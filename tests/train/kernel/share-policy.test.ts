import { describe, expect, it } from 'vitest';
import { createSharePolicy, FIRST_ALONE, LONG, SHORT, STALLS } from '../../../src/train/kernel/share-policy.js';

/** Runs `products` decisions with the given cost per multiply-add for each mode; returns how many were shared. */
function simulate(products: number, cost: { shared: number; alone: number }, stalled = false): number {
  const policy = createSharePolicy();
  let shared = 0;
  for (let i = 0; i < products; i++) {
    const share = policy.share();
    if (share) shared++;
    policy.record(share, (share ? cost.shared : cost.alone) * 1000, 1000, share && stalled);
  }
  return shared;
}

describe('the GEMM share policy', () => {
  it('should share most products when sharing is faster, probing the other mode briefly', () => {
    const n = 10 * (LONG + SHORT);
    const shared = simulate(n, { shared: 1, alone: 1.8 });
    expect(shared / n).toBeGreaterThan(0.9);
    expect(shared).toBeLessThan(n);
  });

  it('should run most products alone when sharing is slower (other processes on the cores)', () => {
    const n = 10 * (LONG + SHORT);
    const shared = simulate(n, { shared: 2.5, alone: 1 });
    expect(shared / n).toBeLessThan(0.1);
    expect(shared).toBeGreaterThan(0);
  });

  it('should end a shared period after STALLS stalled products in a row', () => {
    const policy = createSharePolicy();
    for (let i = 0; i < STALLS; i++) {
      expect(policy.share()).toBe(true);
      policy.record(true, 1, 1000, true);
    }
    expect(policy.share()).toBe(false);
  });

  it('should share again soon when sharing only looked slower at the start (a transient), not after LONG products alone', () => {
    const policy = createSharePolicy();
    const transient = 3 * SHORT;
    const n = 2 * LONG;
    let shared = 0;
    for (let product = 0; product < n; product++) {
      const share = policy.share();
      // Sharing is slow over its first two periods (the workers' kernels still compiling), then faster for good.
      const cost = share ? (product < transient ? 3 : 0.6) : 1;
      policy.record(share, cost * 1000, 1000, false);
      if (share && product >= transient) shared++;
    }
    // after the transient: one period alone (FIRST_ALONE, not LONG) and a few SHORT probes
    expect(shared).toBeGreaterThan(n - transient - FIRST_ALONE - 3 * SHORT);
  });

  it('should follow a change of load: sharing again once it becomes the faster mode', () => {
    const policy = createSharePolicy();
    let cost = { shared: 3, alone: 1 };
    const run = (products: number): number => {
      let shared = 0;
      for (let i = 0; i < products; i++) {
        const share = policy.share();
        if (share) shared++;
        policy.record(share, (share ? cost.shared : cost.alone) * 1000, 1000, false);
      }
      return shared;
    };
    // two probes at the start, then one short probe per period alone (FIRST_ALONE, doubling up to LONG)
    expect(run(4 * (LONG + SHORT))).toBeLessThanOrEqual(8 * SHORT);
    cost = { shared: 0.6, alone: 1 };
    run(2 * (LONG + SHORT));
    expect(run(4 * (LONG + SHORT)) / (4 * (LONG + SHORT))).toBeGreaterThan(0.9);
  });
});
