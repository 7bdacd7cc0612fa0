import { describe, expect, it } from 'vitest';
import { exactSumIsZero } from '../../src/experiment/all-positive-theory.js';
import { classify } from '../../src/experiment/convergence.js';
import { ExperimentError, experimentData, readCsv, readPoints } from '../../src/experiment/experiment-data.js';
import { num, runExperiment, runLearningRate } from '../../src/experiment/run-experiment.js';
import type { FindingReport } from '../../src/finite/finding-report.js';
import { findingToText } from '../../src/finite/finding-report.js';

const verdictLines = (r: FindingReport): { verdict: string; text: string }[] => r.paragraphs.flatMap((p) => (p.kind === 'verdict' ? [{ verdict: p.verdict, text: p.text }] : []));

describe('reading the evidence of a run', () => {
  it('should call equal increments over doublings of t growth like c ln t, with c = d2 / ln 2', () => {
    // θ(t) = 2 ln t exactly: each doubling adds 2 ln 2.
    const v = classify(2 * Math.log(2500), 2 * Math.log(5000), 2 * Math.log(10000), 2 / 10000, false);
    expect(v.behaviour).toBe('grows like c ln t');
    expect(Math.abs((v.rate ?? NaN) - 2)).toBeLessThan(1e-12);
  });

  it('should not call a parameter settled when its tiny steps are not shrinking (a slow outward crawl)', () => {
    expect(classify(7.5000021, 7.5000042, 7.5000085, 8.5e-10, false).behaviour).toBe('still moving');
  });

  it('should not call a parameter settled that sits at one value at T/4, T/2 and T but cycles between', () => {
    expect(classify(0, 0, 0, 0.25, false).behaviour).toBe('still moving');
    const r = runExperiment({ data: experimentData([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]), model: 'perceptron', lrs: [1], steps: 400 });
    expect(r.summary).toBe('Observed over 400 steps: lr 1: w1 still moving, w2 still moving, b still moving.');
  });

  it('should call geometric convergence settled, and growing increments past 1e6 a blow-up', () => {
    expect(classify(2.4985151, 2.4999966, 2.5, 4.2e-13, false).behaviour).toBe('settles');
    expect(classify(-5.4e21, -1.6e43, -1.3e86, 3e86, false).behaviour).toBe('blows up');
    expect(classify(1, 2, NaN, NaN, true).behaviour).toBe('blows up');
  });
});

describe('the seed question: two points in R^2 for which w converges, and for which it does not', () => {
  it('should prove w stays exactly 0 for (1,0), (-1,0) at every rate, and observe it for 0.1, 1, 10', () => {
    const r = runExperiment({ data: experimentData([[1, 0], [-1, 0]]), model: 'logistic', lrs: [0.1, 1, 10], steps: 10000 });
    const lines = verdictLines(r);
    expect(lines.filter((l) => l.verdict === 'proved').map((l) => l.text)).toEqual([
      expect.stringContaining('b grows without bound, for every learning rate'),
      expect.stringContaining('w stays exactly 0 at every step, for every learning rate'),
      '0 is in the relative interior of the convex hull of the points: weights λ = (1/2, 1/2), each > 0, with Σ λ_i x_i = 0 (checked exactly)',
    ]);
    // Convergence is proved here by the points summing to 0, so the cited theorem adds no undecided line.
    expect(lines.filter((l) => l.verdict === 'undecided')).toEqual([]);
    const observed = lines.filter((l) => l.verdict === 'observed');
    expect(observed).toHaveLength(3);
    for (const l of observed) expect(l.text).toMatch(/w1 settles at 0; w2 settles at 0; b moves like 0\.99\d*·ln t|w1 settles at 0; w2 settles at 0; b moves like 1\.0\d*·ln t/);
    expect(r.status).toBe('proved');
  });

  it('should prove w1, w2 → +∞ for (1,1), (2,3) at every rate, observe ln t growth at 0.1 and 1, and leave 10 undecided', () => {
    const r = runExperiment({ data: experimentData([[1, 1], [2, 3]]), model: 'logistic', lrs: [0.1, 1, 10], steps: 10000 });
    const lines = verdictLines(r);
    expect(lines.filter((l) => l.verdict === 'proved').map((l) => l.text.split(':')[0])).toEqual(['b grows without bound, for every learning rate η > 0 (the argument above; its hypothesis, every label 1, checked)', 'w1 → +∞ for every learning rate', 'w2 → +∞ for every learning rate', 'w is unbounded for every learning rate η > 0']);
    expect(lines.find((l) => l.text.startsWith('w is unbounded'))?.text).toBe('w is unbounded for every learning rate η > 0: 0 is not in the convex hull of the points, certified by u = (1, 0) with u·x_i ≥ 1 for every point (checked exactly), so u·w ≥ b → ∞');
    expect(lines.filter((l) => l.verdict === 'observed').every((l) => /w1 moves like .*w2 moves like .*b moves like/.test(l.text))).toBe(true);
    // At rate 10 the run crawls by 2e-6 per doubling and speeding up: neither settled nor ln t; never called convergent.
    expect(lines.find((l) => l.text.startsWith('learning rate 10,'))?.verdict).toBe('undecided');
    expect(findingToText(r)).not.toMatch(/w1 settles/);
  });

  it('should report the least-squares blow-up above the stable rate 2/λmax as observed', () => {
    // H = (2/3) [[14, 6], [6, 3]] for x = 1, 2, 3: λmax = (17 + √265)/3 ≈ 11.093, so gradient descent is stable exactly below 2/λmax ≈ 0.1803.
    const data = experimentData([[1], [2], [3]], [2, 4, 7]);
    expect(runLearningRate({ data, model: 'linear', lrs: [0.1], steps: 1000 }, 0.1).parameters.map((p) => p.verdict.behaviour)).toEqual(['settles', 'settles']);
    expect(runLearningRate({ data, model: 'linear', lrs: [0.2], steps: 1000 }, 0.2).parameters.map((p) => p.verdict.behaviour)).toEqual(['blows up', 'blows up']);
  });
});

describe('the convex hull of the points, with its certificate', () => {
  it('should prove w unbounded when 0 is on the boundary of the hull, (1,0), (-1,0), (0,1), and never call w2 settled', () => {
    const r = runExperiment({ data: experimentData([[1, 0], [-1, 0], [0, 1]]), model: 'logistic', lrs: [1], steps: 10000 });
    const proved = verdictLines(r).filter((l) => l.verdict === 'proved').map((l) => l.text);
    expect(proved).toContain('w is unbounded for every learning rate η > 0, although 0 is in the convex hull of the points (weights λ = (1/2, 1/2, 0)): u = (0, 1) has u·x_i ≥ 0 for every point and > 0 for some (both checked exactly), so w cannot stay bounded');
    // Nothing says w converges: not the hull (0 is in it), not the run (w2 is still growing, like ln ln t).
    const text = findingToText(r);
    expect(text).not.toMatch(/w converges|w2 settles/);
    const run = runLearningRate({ data: experimentData([[1, 0], [-1, 0], [0, 1]]), model: 'logistic', lrs: [1], steps: 10000 }, 1);
    expect(run.descent.half[1]).toBeGreaterThan(run.descent.quarter[1] ?? Infinity);
    expect(run.descent.final[1]).toBeGreaterThan(run.descent.half[1] ?? Infinity);
    const table = r.paragraphs.find((p) => p.kind === 'table' && p.caption.startsWith('The certificate'));
    expect(table?.kind === 'table' ? table.rows : []).toEqual([['(1, 0)', '1/2', '0'], ['(-1, 0)', '1/2', '0'], ['(0, 1)', '0', '1']]);
  });

  it('should leave convergence undecided, citing it, when 0 is inside the hull but the points do not sum to 0', () => {
    const r = runExperiment({ data: experimentData([[1, 0], [-2, 0]]), model: 'logistic', lrs: [1], steps: 2000 });
    const lines = verdictLines(r);
    expect(lines.filter((l) => l.verdict === 'proved').map((l) => l.text)).toContain('0 is in the relative interior of the convex hull of the points: weights λ = (2/3, 1/3), each > 0, with Σ λ_i x_i = 0 (checked exactly)');
    expect(lines.find((l) => l.verdict === 'undecided')?.text).toMatch(/^whether w converges is not proved here for these points\. Cited, not checked/);
    expect(lines.some((l) => l.verdict === 'proved' && /w (converges|is unbounded)/.test(l.text))).toBe(false);
  });

  it('should print a huge certificate to eight digits in the verdict and exactly in the table', () => {
    const r = runExperiment({ data: experimentData([[1e300, 5e-324], [-1e300, 0]]), model: 'logistic', lrs: [1], steps: 10 });
    expect(verdictLines(r).find((l) => l.text.startsWith('w is unbounded'))?.text).toContain('u = (≈ -9.9999999e-301, ≈ 4.048045e+323)');
    const table = r.paragraphs.find((p) => p.kind === 'table' && p.caption.startsWith('The certificate'));
    expect(table?.kind === 'table' ? table.caption : '').toBe('The certificate, exact, for the direction u below');
    expect(table?.kind === 'table' ? table.rows : []).toEqual([['(1e+300, 5e-324)', '1'], ['(-1e+300, 0)', '1']]);
    const u = r.paragraphs.find((p) => p.kind === 'table' && p.caption === 'The direction u, exact');
    expect(u?.kind === 'table' ? u.rows : []).toEqual([['u_1', `-1/${BigInt(1e300)}`], ['u_2', `${1n << 1075n}`]]);
  });
});

describe('the points summing to zero', () => {
  it('should be decided exactly, not in floating point', () => {
    expect(exactSumIsZero([1, -1, 0.5, -0.5])).toBe(true);
    expect(exactSumIsZero([2 ** -1074, -(2 ** -1074)])).toBe(true);
    // 1e20 + 1 − 1e20 is 0 in doubles, 1 exactly: w would move, so nothing is claimed.
    expect(1e20 + 1 - 1e20).toBe(0);
    expect(exactSumIsZero([1e20, 1, -1e20])).toBe(false);
    const r = runExperiment({ data: experimentData([[1e20], [1], [-1e20]]), model: 'logistic', lrs: [1], steps: 8 });
    expect(verdictLines(r).some((l) => l.text.startsWith('w stays exactly 0'))).toBe(false);
  });
});

describe('reading the data', () => {
  it('should read points in one and two dimensions, and CSV with a y column', () => {
    expect(readPoints('(1,0), (-1, 0)')).toEqual([[1, 0], [-1, 0]]);
    expect(readPoints('1, -1, 3')).toEqual([[1], [-1], [3]]);
    expect(readCsv('x1,x2,y\n1,0,1\n-1,0,0\n')).toEqual({ xs: [[1, 0], [-1, 0]], ys: [1, 0], names: ['x1', 'x2'] });
  });

  it.each([
    ['(1,0),(2)', /point 2 has 1 coordinate/],
    ['(1,a)', /'a' is not a number/],
    ['(1,0)(2,0)', /cannot read/],
    ['', /no points given/],
  ])('should refuse --points %j with one line', (text, message) => {
    expect(() => readPoints(text)).toThrow(ExperimentError);
    expect(() => readPoints(text)).toThrow(message);
  });

  it('should refuse labels that do not match the points, and logistic labels other than 0 and 1', () => {
    expect(() => experimentData([[1], [2]], [1])).toThrow(/1 labels for 2 points/);
    expect(() => runExperiment({ data: experimentData([[1], [2]], [1, 2]), model: 'logistic', lrs: [1], steps: 10 })).toThrow(/labels 0 and 1, not 2/);
  });

  it('should print numbers with eight digits and small ones with an exponent', () => {
    expect([num(2.5), num(-0.66666666666), num(3.33004e-5), num(0)]).toEqual(['2.5', '-0.66666667', '3.33004e-5', '0']);
  });
});
