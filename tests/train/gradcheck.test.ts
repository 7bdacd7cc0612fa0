import { afterAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/numeric/rng.js';
import { createBackend } from '../../src/train/backend.js';
import { gradCheck } from '../../src/train/gradcheck.js';
import { network, type NetworkSpec } from '../../src/train/models/network.js';
import { zeroGrad } from '../../src/train/param.js';
import { weightPenaltyBackward } from '../../src/train/ops/weight-penalty.js';
import { at, type Matrix } from '../../src/train/tensor.js';

const be = await createBackend({ dtype: 'f64' });
afterAll(() => be.close());

function randomFill(m: Matrix, rng: Rng, scale = 1): Matrix {
  for (let i = 0; i < m.data.length; i++) m.data[i] = scale * rng.normal();
  return m;
}

function randomNet(spec: NetworkSpec, rng: Rng) {
  const net = network(be, spec);
  for (const p of net.parameters()) randomFill(p.value, rng, 0.5);
  return net;
}

describe('gradient check against central finite differences', () => {
  const cases: { name: string; spec: NetworkSpec; labels: (rng: Rng, n: number) => number[] }[] = [
    { name: 'softmax regression', spec: { inputs: 6, hidden: [], outputs: 4, head: 'softmax-cross-entropy' }, labels: (r, n) => Array.from({ length: n }, () => r.int(0, 3)) },
    { name: 'the MLP (ReLU hidden layers)', spec: { inputs: 7, hidden: [6, 5, 4], outputs: 3, head: 'softmax-cross-entropy' }, labels: (r, n) => Array.from({ length: n }, () => r.int(0, 2)) },
    { name: 'logistic regression', spec: { inputs: 5, hidden: [], outputs: 1, head: 'sigmoid-bce' }, labels: (r, n) => Array.from({ length: n }, () => r.int(0, 1)) },
    { name: 'a two-layer network with squared error', spec: { inputs: 2, hidden: [4], outputs: 1, head: 'mean-squared-error' }, labels: (r, n) => Array.from({ length: n }, () => r.uniform(0, 1)) },
  ];
  for (const c of cases) {
    it(`should agree with backprop for ${c.name}, weight penalty included`, () => {
      const rng = createRng(314);
      const net = randomNet(c.spec, rng);
      const x = randomFill(be.zeros(9, c.spec.inputs), rng);
      const r = gradCheck(net, x, c.labels(rng, 9), { alpha: 0.03 });
      expect(r.entries).toBe(net.parameters().reduce((s, p) => s + p.value.data.length, 0));
      expect(r.maxRelError, JSON.stringify(r.worst)).toBeLessThan(1e-6);
    });
  }

  it('should detect a wrong gradient (the check can fail)', () => {
    const rng = createRng(5);
    const net = randomNet(cases[0]?.spec ?? { inputs: 1, hidden: [], outputs: 2, head: 'softmax-cross-entropy' }, rng);
    const x = randomFill(be.zeros(4, 6), rng);
    const labels = [0, 1, 2, 3];
    // A penalty the backward pass does not know about: α used only for the value.
    const good = gradCheck(net, x, labels, { alpha: 0 });
    expect(good.maxRelError).toBeLessThan(1e-6);
    const original = net.lossAndBackward.bind(net);
    const broken = { ...net, lossAndBackward: (xx: Matrix, ll: ArrayLike<number>) => {
      const l = original(xx, ll);
      const g = net.layers[0]?.w.grad.data;
      if (g !== undefined) g[0] = (g[0] ?? 0) * 1.01;
      return l;
    } };
    expect(gradCheck(broken, x, labels, { alpha: 0 }).maxRelError).toBeGreaterThan(1e-3);
  });
});

describe('softmax regression gradient against the closed form', () => {
  // The derivation of the problem set: ∇_W = −(1/n) Xᵀ(Y − Ŷ) + αW, ∇_b = −(1/n) Σ_i (y_i − ŷ_i).
  // The engine's own symbolic derivation of this gradient is evaluated against backprop in
  // symbolic-gradient.test.ts; this one re-derives it by hand as an independent reference.
  it('should equal −(1/n) Xᵀ(Y − Ŷ) + αW and −(1/n) Σ(y − ŷ), evaluated independently', () => {
    const rng = createRng(2718);
    const n = 7;
    const d = 5;
    const c = 3;
    const alpha = 0.1;
    const net = randomNet({ inputs: d, hidden: [], outputs: c, head: 'softmax-cross-entropy' }, rng);
    const x = randomFill(be.zeros(n, d), rng);
    const labels = Array.from({ length: n }, () => rng.int(0, c - 1));
    const layer = net.layers[0];
    if (layer === undefined) throw new Error('no layer');
    const W = layer.w.value;
    const b = layer.b.value;
    // Ŷ from the definition softmax(z)_k = e^{z_k} / Σ_j e^{z_j}, computed here without the engine's ops.
    const yhat: number[][] = [];
    for (let i = 0; i < n; i++) {
      const z = Array.from({ length: c }, (_, k) => {
        let s = at(b, 0, k);
        for (let q = 0; q < d; q++) s += at(x, i, q) * at(W, q, k);
        return s;
      });
      const e = z.map(Math.exp);
      const sum = e.reduce((s, v) => s + v, 0);
      yhat.push(e.map((v) => v / sum));
    }
    const Y = labels.map((l) => Array.from({ length: c }, (_, k) => (k === l ? 1 : 0)));
    zeroGrad(net.parameters());
    net.lossAndBackward(x, labels);
    weightPenaltyBackward(net.parameters(), alpha);
    for (let q = 0; q < d; q++) {
      for (let k = 0; k < c; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += at(x, i, q) * ((Y[i]?.[k] ?? 0) - (yhat[i]?.[k] ?? 0));
        const want = -s / n + alpha * at(W, q, k);
        expect(at(layer.w.grad, q, k)).toBeCloseTo(want, 12);
      }
    }
    for (let k = 0; k < c; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (Y[i]?.[k] ?? 0) - (yhat[i]?.[k] ?? 0);
      expect(at(layer.b.grad, 0, k)).toBeCloseTo(-s / n, 12);
    }
  });
});
