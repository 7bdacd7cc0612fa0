/**
 * Divergence in the training loop, made to happen late and predictably:
 * gradient descent on a quadratic (a linear model under squared error) with
 * a step above 2/λ_max multiplies the error by |1 − η·λ_max| > 1 each step,
 * so the loss overflows after a few hundred full-batch epochs. The loop must
 * stop there, name the last good epoch and keep that epoch's weights.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import { XOR_INPUTS, XOR_LABELS } from '../../src/train/experiments/xor.js';
import { tinyDataset } from '../../src/train/experiments/tiny-dataset.js';
import { network } from '../../src/train/models/network.js';
import { trainNetwork } from '../../src/train/train-loop.js';

const be = await createBackend({ dtype: 'f64' });
afterAll(() => be.close());

describe('divergence', () => {
  it('should stop at the first non-finite loss, name the last good epoch and keep its weights', () => {
    const data = tinyDataset(XOR_INPUTS, XOR_LABELS);
    const net = network(be, { inputs: 2, hidden: [], outputs: 1, head: 'mean-squared-error' });
    const weights = (): number[] => net.parameters().flatMap((p) => Array.from(p.value.data));
    let atEpoch: number[] = [];
    // λ_max of the loss's Hessian is about 3.4 here, so η = 1.5 is far past 2/λ_max.
    const run = trainNetwork(be, net, data, undefined, { lr: 1.5, batch: 4, epochs: 5000, alpha: 0 }, { rng: createRng(1), onEpoch: () => (atEpoch = weights()) });
    expect(run.status).toBe('diverged');
    const k = run.history.length;
    expect(k).toBeGreaterThan(100);
    expect(run.lastGoodEpoch).toBe(k);
    expect(run.message).toBe(`training diverged: the loss became Infinity in epoch ${k + 1}, batch 1 of 1 (learning rate 1.5); kept the weights of epoch ${k}, the last good epoch. Try a smaller --lr.`);
    expect(weights()).toEqual(atEpoch);
    for (const w of weights()) expect(Number.isFinite(w)).toBe(true);
    expect(run.history.at(-1)?.trainLoss).toBeGreaterThan(1e100);
  });
});
