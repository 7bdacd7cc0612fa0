/**
 * A training step's backward pass sets the weights' gradients instead of
 * summing them into zeroed arrays (one zeroing pass fewer per step): the
 * gradients are bit-identical either way, on the MLP with a short last batch
 * (edge tiles), in Float32 and Float64.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import { createModel } from '../../src/train/models/models.js';
import { matrix } from '../../src/train/tensor.js';

describe('weight gradients overwritten by the backward pass', () => {
  for (const dtype of ['f32', 'f64'] as const) {
    it(`should equal the gradients accumulated into zeros bit for bit (${dtype})`, async () => {
      const be = await createBackend({ dtype });
      try {
        const net = createModel(be, 'mlp', { inputs: 30, classes: 10 }, createRng(3));
        const rng = createRng(4);
        for (const rows of [13, 128]) {
          const x = matrix(rows, 30, be.zeros(rows, 30).data.map(() => rng.uniform(-1, 1)));
          const labels = Int32Array.from({ length: rows }, () => rng.int(0, 9));
          const params = net.parameters();
          for (const p of params) p.grad.data.fill(7);
          net.lossAndBackward(x, labels, true);
          const overwritten = params.filter((p) => net.layers.some((l) => l.w === p)).map((p) => p.grad.data.slice());
          for (const p of params) p.grad.data.fill(0);
          net.lossAndBackward(x, labels);
          const accumulated = params.filter((p) => net.layers.some((l) => l.w === p)).map((p) => p.grad.data.slice());
          expect(overwritten.length).toBe(4);
          overwritten.forEach((g, i) => expect(g.every((v, j) => Object.is(v, accumulated[i]?.[j]))).toBe(true));
        }
      } finally {
        await be.close();
      }
    });
  }
});
