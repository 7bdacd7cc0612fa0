/**
 * The experiments as reports (the same tables the command line prints).
 *
 *     writeReport('out', allPositiveReport(allPositive(be)));
 */
import { num, percent } from '../report/training-report.js';
import type { Plot, Report } from '../report/report-model.js';
import type { AllPositiveResult } from './all-positive.js';
import { XOR_INPUTS, XOR_LABELS, type XorResult } from './xor.js';

/** Epochs on a log axis: x = log10(epoch), epoch 0 left out. */
function logEpochs<T>(rows: readonly T[], epoch: (r: T) => number, y: (r: T) => number): [number, number][] {
  return rows.filter((r) => epoch(r) > 0).map((r) => [Math.log10(epoch(r)), y(r)]);
}

/** 4 decimals, with tiny values (and −0) shown as 0.0000. */
function fixed4(v: number): string {
  return (Math.abs(v) < 5e-5 ? 0 : v).toFixed(4);
}

export function allPositiveReport(result: AllPositiveResult): Report {
  const plot = (id: string, what: 'w' | 'b', title: string): Plot => ({
    id,
    title,
    xLabel: 'log10(epoch)',
    yLabel: what,
    series: result.cases.map((c) => ({ name: c.name, points: logEpochs(c.rows, (r) => r.epoch, (r) => r[what]) })),
  });
  return {
    title: 'Logistic regression when every example is positive',
    sections: [
      {
        heading: 'Setting',
        paragraphs: [
          `Logistic regression p(y = 1 | x) = σ(w·x + b) on one-dimensional points that are all labelled 1, trained by full-batch gradient descent (learning rate ${num(result.lr)}, no weight penalty) for ${result.epochs} epochs from w = b = 0.`,
          'With z = w·x + b the loss is L = (1/n) Σ ln(1 + exp(−z)) > 0. Its gradient has ∂L/∂b = −(1/n) Σ σ(−z) < 0 at every step, so b increases at every step and the loss tends to 0 without reaching it: b → ∞ (like ln t) and the loss falls like 1/t.',
          'What w does depends on the data: ∂L/∂w = −(1/n) Σ x·σ(−z). Gradient descent turns (w, b) towards the max-margin direction, the least-norm (w, b) with w·x + b ≥ 1 for every point (Soudry et al., 2018). If every x > 0 that direction has w > 0 and w grows without bound with b; if min x < 0 < max x it is (0, 1) and w stays bounded; if min x = 0 < max x it is (0, 1) too, yet w grows without bound (proved by gradtex experiment --points), more slowly than ln t.',
          ...result.cases.map((c) => `${c.name}: max-margin direction (w, b) ∝ (${num(c.marginDirection[0])}, ${num(c.marginDirection[1])}); ${c.claim}.`),
        ],
        tables: result.cases.map((c) => ({
          caption: `All labels 1, ${c.name}`,
          columns: ['epoch', 'loss', 'w', 'b'],
          rows: c.rows.map((r) => [String(r.epoch), num(r.loss), num(r.w, 5), num(r.b, 5)]),
        })),
        plots: [plot('bias', 'b', 'The bias b keeps growing'), plot('weight', 'w', 'The weight w: unbounded or convergent')],
      },
    ],
  };
}

export function xorReport(result: XorResult): Report {
  const point = (i: number): string => `(${XOR_INPUTS[i]?.join(', ') ?? ''})→${XOR_LABELS[i] ?? ''}`;
  const models = [result.linear, result.network];
  return {
    title: 'XOR: a linear model against a small network',
    sections: [
      {
        heading: 'Setting',
        paragraphs: [
          'The four points (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0 under mean squared error, trained by full-batch gradient descent ' +
            `(learning rate ${num(result.lr)}, ${result.epochs} epochs, initial weights from seed ${result.seed}); a point counts as correct when ŷ is on the right side of 1/2.`,
          'Linear model ŷ = w·x + b: the normal equations give w = 0, b = 1/2, so ŷ = 1/2 at every point and the loss cannot go below 1/4. No linear classifier gets more than 3 of the 4 points right: w·x + b > 0 at (0,1) and (1,0) adds up to w1 + w2 + 2b > 0, while ≤ 0 at (0,0) and (1,1) adds up to w1 + w2 + 2b ≤ 0. At ŷ = 1/2 exactly, the measured accuracy is decided by rounding and means nothing.',
          `Network 2-${result.hidden}-1 with tanh hidden units and a linear output: the hidden layer bends the input space so that a line separates the classes, and the loss goes to 0.`,
        ],
        tables: [
          {
            caption: 'After training',
            columns: ['model', 'loss', 'accuracy', ...XOR_INPUTS.map((_, i) => `ŷ at ${point(i)}`)],
            rows: models.map((m) => [m.name, num(m.loss), percent(m.accuracy), ...m.predictions.map(fixed4)]),
          },
          { caption: 'The linear fit (the least-squares solution is w = (0, 0), b = 1/2)', columns: ['w1', 'w2', 'b'], rows: [[num(result.linear.w[0]), num(result.linear.w[1]), num(result.linear.b)]] },
        ],
        plots: [
          {
            id: 'xor-loss',
            title: 'Mean squared error during training',
            xLabel: 'log10(epoch)',
            yLabel: 'mean squared error',
            series: models.map((m) => ({ name: m.name, points: logEpochs(m.curve, (p) => p[0], (p) => p[1]) })),
          },
        ],
      },
    ],
  };
}
