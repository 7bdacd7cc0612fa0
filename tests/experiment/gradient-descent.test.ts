/**
 * Gradient descent against tests/reference/experiment_reference.py (NumPy, written
 * from the formulas) to 1e-9 relative, and against values worked out by hand.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { experimentData } from '../../src/experiment/experiment-data.js';
import { descend, lossAndGradient, type Model } from '../../src/experiment/gradient-descent.js';
import { requireOrSkip } from '../document/tools.js';
import { findNumpyPython } from '../reference/python.js';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), '..', 'reference', 'experiment_reference.py');
const python = findNumpyPython();

const CASES: { model: Model; xs: number[][]; ys: number[]; lr: number; steps: number }[] = [
  { model: 'logistic', xs: [[1, 0], [-1, 0]], ys: [1, 1], lr: 1, steps: 2000 },
  { model: 'logistic', xs: [[1, 1], [2, 3]], ys: [1, 1], lr: 1, steps: 2000 },
  { model: 'logistic', xs: [[1, 1], [2, 3]], ys: [1, 1], lr: 10, steps: 400 },
  { model: 'logistic', xs: [[-1, 0], [3, 1]], ys: [1, 1], lr: 0.1, steps: 1000 },
  { model: 'logistic', xs: [[0.5, 1], [-1, 2], [2, -1]], ys: [1, 0, 1], lr: 0.5, steps: 800 },
  { model: 'linear', xs: [[1], [2], [3]], ys: [2, 4, 7], lr: 0.1, steps: 1000 },
  { model: 'linear', xs: [[1], [2], [3]], ys: [2, 4, 7], lr: 0.01, steps: 100 },
  { model: 'perceptron', xs: [[0, 0], [0, 1], [1, 0], [1, 1]], ys: [0, 0, 0, 1], lr: 1, steps: 40 },
  { model: 'perceptron', xs: [[0, 0], [0, 1], [1, 0], [1, 1]], ys: [0, 1, 1, 0], lr: 1, steps: 40 },
];

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('gradient descent', () => {
  it('should agree with NumPy to 1e-9 at t = T/4, T/2, T, in the gradient and the loss', (ctx) => {
    requireOrSkip(ctx, python !== undefined, 'python3 with NumPy (apt-get install python3-numpy)');
    const r = spawnSync(python ?? 'python3', [SCRIPT], { input: JSON.stringify(CASES), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const reference = JSON.parse(r.stdout) as { quarter: number[]; half: number[]; final: number[]; gradient: number[]; loss: number }[];
    CASES.forEach((c, i) => {
      const ref = reference[i];
      const got = descend(experimentData(c.xs, c.ys), c.model, c.lr, c.steps);
      for (const key of ['quarter', 'half', 'final', 'gradient'] as const) {
        got[key].forEach((v, j) => expect(close(v, ref?.[key][j] ?? NaN), `case ${i} ${key}[${j}]: ${v} vs ${ref?.[key][j]}`).toBe(true));
      }
      expect(close(got.loss, ref?.loss ?? NaN), `case ${i} loss`).toBe(true);
    });
  });

  it('should start from loss ln 2 and gradient −½ × the mean of (x, 1) when every label is 1', () => {
    const at0 = lossAndGradient(experimentData([[1, 1], [2, 3]]), 'logistic', [0, 0, 0]);
    expect(at0.loss).toBeCloseTo(Math.LN2, 15);
    expect(at0.gradient).toEqual([-0.75, -1, -0.5]);
  });

  // By hand: least squares on (1,2),(2,4),(3,7): the normal equations give w = 5/2, b = −2/3, loss 1/18.
  it('should converge to the least-squares line w = 5/2, b = −2/3 with loss 1/18 at a small enough rate', () => {
    const d = descend(experimentData([[1], [2], [3]], [2, 4, 7]), 'linear', 0.1, 2000);
    expect(Math.abs((d.final[0] ?? NaN) - 2.5)).toBeLessThan(1e-9);
    expect(Math.abs((d.final[1] ?? NaN) + 2 / 3)).toBeLessThan(1e-9);
    expect(Math.abs(d.loss - 1 / 18)).toBeLessThan(1e-9);
  });

  it('should keep w exactly 0 for symmetric all-positive points at every rate', () => {
    for (const lr of [0.1, 1, 10]) {
      const d = descend(experimentData([[1, 0], [-1, 0]]), 'logistic', lr, 1000);
      expect([d.quarter[0], d.half[0], d.final[0], d.final[1]]).toEqual([0, 0, 0, 0]);
    }
  });

  // AND is separable: the perceptron stops once every point is right (loss 0, parameters fixed).
  it('should stop the perceptron on AND with every point right, and keep it moving on XOR', () => {
    const and = descend(experimentData([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 0, 0, 1]), 'perceptron', 1, 400);
    expect(and.loss).toBe(0);
    expect(and.final).toEqual(and.half);
    const xor = descend(experimentData([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]), 'perceptron', 1, 400);
    expect(xor.loss).toBeGreaterThan(0);
  });
});
