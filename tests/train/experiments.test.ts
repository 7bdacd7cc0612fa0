/**
 * The experiments' claims, asserted on their output: with every label 1,
 * logistic regression drives the loss to 0 and b up at every step, while w
 * grows without bound for x = 1, 2, stays 0 for x = −1, 1 and converges to
 * (ln 3)/4 for x = −1, 3; on XOR the linear model is stuck at w = 0,
 * b = 1/2, loss 1/4, and a 2-4-1 tanh network gets every point right.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../src/train/backend.js';
import { allPositive, logLoss, type AllPositiveCase } from '../../src/train/experiments/all-positive.js';
import { logSpacedEpochs } from '../../src/train/experiments/tiny-dataset.js';
import { xorExperiment } from '../../src/train/experiments/xor.js';

const be = await createBackend({ dtype: 'f64' });
afterAll(() => be.close());

const result = allPositive(be, { epochs: 10000, lr: 1 });
const byName = (name: string): AllPositiveCase => {
  const c = result.cases.find((k) => k.name === name);
  if (c === undefined) throw new Error(`no case ${name}`);
  return c;
};
const last = (c: AllPositiveCase) => c.rows.at(-1) ?? { epoch: 0, loss: NaN, w: NaN, b: NaN };

describe('logistic regression with every example positive', () => {
  it('should record the start and the log-spaced epochs up to the last', () => {
    expect(logSpacedEpochs(1000)).toEqual([1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
    expect(byName('x = 1, 2').rows.map((r) => r.epoch)).toEqual([0, ...logSpacedEpochs(10000)]);
  });

  for (const c of result.cases) {
    it(`should increase b at every recorded epoch and drive the loss towards 0 (${c.name})`, () => {
      for (let i = 1; i < c.rows.length; i++) {
        expect(c.rows[i]?.b).toBeGreaterThan(c.rows[i - 1]?.b ?? Infinity);
        expect(c.rows[i]?.loss).toBeLessThan(c.rows[i - 1]?.loss ?? -Infinity);
      }
      expect(last(c).loss).toBeLessThan(1e-4 + 1e-6);
      expect(last(c).loss).toBeGreaterThan(0);
    });
  }

  it('should grow w without bound when every x > 0 (x = 1, 2): still rising by about (ln 10)/2 per decade', () => {
    const rows = byName('x = 1, 2').rows;
    const at = (e: number) => rows.find((r) => r.epoch === e)?.w ?? NaN;
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.w).toBeGreaterThan(rows[i - 1]?.w ?? Infinity);
    expect(at(10000) - at(1000)).toBeGreaterThan(1);
    expect(at(1000) - at(100)).toBeGreaterThan(1);
    // towards the max-margin direction (1/2, 1/2): w − b settles while both grow
    expect(Math.abs(at(10000) - (rows.at(-1)?.b ?? NaN) - 0.59)).toBeLessThan(0.05);
  });

  it('should keep w exactly 0 for x = −1, 1 while b grows like ln(ηt) and the loss falls like 1/(ηt)', () => {
    const c = byName('x = −1, 1');
    for (const r of c.rows) expect(r.w).toBe(0);
    expect(last(c).b).toBeCloseTo(Math.log(10000), 2);
    expect(last(c).loss * 10000).toBeCloseTo(1, 2);
  });

  it('should let w converge to (ln 3)/4 for x = −1, 3', () => {
    const rows = byName('x = −1, 3').rows;
    const w5000 = rows.find((r) => r.epoch === 5000)?.w ?? NaN;
    expect(Math.abs(last(byName('x = −1, 3')).w - w5000)).toBeLessThan(1e-3);
    expect(last(byName('x = −1, 3')).w).toBeCloseTo(Math.log(3) / 4, 3);
  });

  it('should report the loss of the weights in the table (log loss recomputed independently)', () => {
    const r = last(byName('x = 1, 2'));
    expect(r.loss).toBeCloseTo(logLoss([1, 2], r.w, r.b), 15);
    expect(logLoss([1, 2], 0, 0)).toBeCloseTo(Math.log(2), 15);
  });
});

describe('XOR', () => {
  const r = xorExperiment(be, { seed: 1 });

  it('should fit the linear model to the least-squares solution w = 0, b = 1/2 with loss 1/4', () => {
    expect(Math.abs(r.linear.w[0])).toBeLessThan(1e-9);
    expect(Math.abs(r.linear.w[1])).toBeLessThan(1e-9);
    expect(r.linear.b).toBeCloseTo(0.5, 9);
    expect(r.linear.loss).toBeGreaterThanOrEqual(0.25 - 1e-12);
    expect(r.linear.loss).toBeCloseTo(0.25, 9);
    expect(r.linear.accuracy).toBeLessThanOrEqual(0.75);
    for (const p of r.linear.predictions) expect(p).toBeCloseTo(0.5, 9);
  });

  it('should get every point right with the 2-4-1 tanh network', () => {
    expect(r.network.accuracy).toBe(1);
    expect(r.network.loss).toBeLessThan(1e-6);
    r.network.predictions.forEach((p, i) => expect(p).toBeCloseTo([0, 1, 1, 0][i] ?? NaN, 3));
  });

  it('should be reproducible for a seed and succeed for other seeds too', () => {
    const again = xorExperiment(be, { seed: 1 });
    expect(again.network.predictions).toEqual(r.network.predictions);
    for (const seed of [2, 3, 4, 5]) expect(xorExperiment(be, { seed }).network.accuracy, `seed ${seed}`).toBe(1);
  });
});
