/**
 * `gradtex experiment --points … --lr …`: gradient descent on the user's
 * data for each learning rate, and for each parameter what it did, with the
 * evidence (its iterates at T/4, T/2, T and its gradient at T), read by the
 * stated criterion (convergence.ts). What the run shows is `observed`; what
 * follows for every learning rate from an argument whose hypotheses are
 * checked on the data is `proved` (all-positive-theory.ts).
 *
 *     runExperiment({ data: experimentData([[1, 0], [-1, 0]]), model: 'logistic', lrs: [0.1, 1, 10], steps: 10000 })
 */
import type { FindingParagraph, FindingReport, FindingVerdict } from '../finite/finding-report.js';
import { allPositiveTheory } from './all-positive-theory.js';
import { classify, CRITERION, type ParameterVerdict } from './convergence.js';
import type { ExperimentData } from './experiment-data.js';
import { descend, type Descent, type Model } from './gradient-descent.js';

export interface ExperimentRequest {
  readonly data: ExperimentData;
  readonly model: Model;
  readonly lrs: readonly number[];
  readonly steps: number;
}

export interface LearningRateRun {
  readonly lr: number;
  readonly descent: Descent;
  readonly parameters: readonly { readonly name: string; readonly verdict: ParameterVerdict }[];
}

/**
 * Eight significant digits, and an exponent below 1e-4 (a gradient of
 * 3.3e-05 rather than 0.000033300401): short enough to read in a table and
 * to break a line (tests compare the doubles, not this text).
 */
export function num(v: number, digits = 8): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  if (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e9) return v.toExponential(digits - 1).replace(/\.?0+e/, 'e');
  return Number(v.toPrecision(digits)).toString();
}

/** Five digits in sentences (the table beside them has eight): short words a line can break between. */
const short = (v: number): string => num(v, 5);

export function parameterNames(data: ExperimentData): string[] {
  return [...data.names.map((_, j) => (data.names.length === 1 ? 'w' : `w${j + 1}`)), 'b'];
}

export function runLearningRate(req: ExperimentRequest, lr: number): LearningRateRun {
  const descent = descend(req.data, req.model, lr, req.steps);
  const names = parameterNames(req.data);
  const parameters = names.map((name, j) => ({
    name,
    verdict: classify(descent.quarter[j] ?? NaN, descent.half[j] ?? NaN, descent.final[j] ?? NaN, descent.recentStep[j] ?? NaN, descent.overflowAt !== undefined),
  }));
  return { lr, descent, parameters };
}

function behaviourText(name: string, v: ParameterVerdict, final: number): string {
  switch (v.behaviour) {
    case 'settles':
      return `${name} settles at ${short(final)}`;
    case 'grows like c ln t':
      return `${name} moves like ${short(v.rate ?? NaN)}·ln t (by ${short(v.d1)} then ${short(v.d2)} over the last two doublings of t)`;
    case 'blows up':
      return `${name} blows up (${Number.isFinite(final) ? `|${name}| = ${short(Math.abs(final))} with growing steps` : 'overflow'})`;
    case 'still moving':
      return `${name} is still moving (by ${short(v.d1)} then ${short(v.d2)} over the last two doublings of t)`;
  }
}

export function runExperiment(req: ExperimentRequest): FindingReport {
  if (req.lrs.length === 0) throw new RangeError('give at least one learning rate');
  const n = req.data.xs.length;
  const what = {
    logistic: 'Logistic regression, $\\hat y = \\sigma(w^\\top x + b)$ with the mean log loss',
    linear: 'Linear regression, $\\hat y = w^\\top x + b$ with the mean squared error',
    perceptron: 'The perceptron, $\\hat y = 1$ when $w^\\top x + b > 0$ and $0$ otherwise, updated by the batch average of $(\\hat y_i - y_i)$ times $(x_i, 1)$; its loss column is the fraction misclassified',
  }[req.model];
  const points = req.data.xs.map((x, i) => `(${x.join(', ')}) with label ${req.data.ys[i]}`).join('; ');
  const paragraphs: FindingParagraph[] = [
    { kind: 'text', text: `${what}, trained by full-batch gradient descent from $w = 0$, $b = 0$ for $T = ${req.steps}$ steps on ${n} point${n === 1 ? '' : 's'}: ${points}.` },
    { kind: 'text', text: CRITERION },
  ];
  if (req.model === 'logistic') paragraphs.push(...allPositiveTheory(req.data));
  let status: FindingVerdict = paragraphs.some((p) => p.kind === 'verdict') ? 'proved' : 'observed';
  const lines: string[] = [];
  for (const lr of req.lrs) {
    const run = runLearningRate(req, lr);
    const d = run.descent;
    paragraphs.push({
      kind: 'table',
      caption: `Learning rate ${num(lr)}: loss ${num(d.loss)} after ${req.steps} steps${d.overflowAt === undefined ? '' : ` (overflow at step ${d.overflowAt})`}`,
      columns: ['parameter', `t = ${Math.floor(req.steps / 4)}`, `t = ${Math.floor(req.steps / 2)}`, `t = ${req.steps}`, 'gradient at T', 'observed'],
      rows: run.parameters.map((p, j) => [p.name, num(d.quarter[j] ?? NaN), num(d.half[j] ?? NaN), num(d.final[j] ?? NaN), num(d.gradient[j] ?? NaN), p.verdict.behaviour]),
      values: run.parameters.map((_, j) => [NaN, d.quarter[j] ?? NaN, d.half[j] ?? NaN, d.final[j] ?? NaN, d.gradient[j] ?? NaN, NaN]),
    });
    const text = run.parameters.map((p, j) => behaviourText(p.name, p.verdict, d.final[j] ?? NaN)).join('; ');
    const undecided = run.parameters.some((p) => p.verdict.behaviour === 'still moving');
    paragraphs.push({ kind: 'verdict', verdict: undecided ? 'undecided' : 'observed', text: `learning rate ${num(lr)}, after ${req.steps} steps: ${text}` });
    lines.push(`lr ${num(lr)}: ${run.parameters.map((p) => `${p.name} ${p.verdict.behaviour}`).join(', ')}`);
  }
  paragraphs.push({ kind: 'text', text: `The runs are observations of ${req.steps} steps: "grows like c ln t" is what an unbounded parameter does, and a proof that it is unbounded is the argument above where there is one, not the table.` });
  if (status !== 'proved') status = 'observed';
  const name = { logistic: 'Logistic regression', linear: 'Linear regression', perceptron: 'The perceptron' }[req.model];
  return { title: `${name} by gradient descent, learning rates ${req.lrs.map((v) => num(v)).join(', ')}`, paragraphs, status, summary: `Observed over ${req.steps} steps: ${lines.join('; ')}.` };
}
