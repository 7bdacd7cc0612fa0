/** The tanh op: values, and backprop through a tanh hidden layer against finite differences. */
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import { gradCheck } from '../../src/train/gradcheck.js';
import { network } from '../../src/train/models/network.js';
import { tanh } from '../../src/train/ops/tanh.js';
import { matrix } from '../../src/train/tensor.js';

const be = await createBackend({ dtype: 'f64' });
afterAll(() => be.close());

describe('tanh', () => {
  it('should compute tanh forward and dy·(1 − y²) backward', () => {
    const act = tanh(be, 2);
    const y = act.forward(matrix(1, 2, Float64Array.of(0, 1)));
    expect(Array.from(y.data)).toEqual([0, Math.tanh(1)]);
    const dx = act.backward(matrix(1, 2, Float64Array.of(2, 3)));
    expect(dx.data[0]).toBe(2);
    expect(dx.data[1]).toBeCloseTo(3 * (1 - Math.tanh(1) ** 2), 15);
  });

  for (const head of ['mean-squared-error', 'sigmoid-bce', 'softmax-cross-entropy'] as const) {
    it(`should agree with central finite differences in a tanh network with ${head}`, () => {
      const rng = createRng(5);
      const outputs = head === 'softmax-cross-entropy' ? 3 : 1;
      const net = network(be, { inputs: 3, hidden: [4, 3], outputs, head, activation: 'tanh' });
      for (const p of net.parameters()) for (let i = 0; i < p.value.data.length; i++) p.value.data[i] = 0.7 * rng.normal();
      const x = be.zeros(6, 3);
      for (let i = 0; i < x.data.length; i++) x.data[i] = rng.normal();
      const labels = Array.from({ length: 6 }, () => rng.int(0, outputs === 1 ? 1 : 2));
      const r = gradCheck(net, x, labels, { alpha: 0.02 });
      expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(1e-6);
    });
  }
});
