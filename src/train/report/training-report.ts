/**
 * A training run as a report: what was trained on which data, the
 * hyperparameters, the search table when there was a search, the loss curves
 * (training and validation per epoch) and the test result.
 *
 *     writeReport('out', trainingReport(outcome));
 */
import type { NetworkSpec } from '../models/network.js';
import type { TrainingOutcome } from '../run-training.js';
import type { SearchResult } from '../search.js';
import { VALIDATION_FRACTION } from '../defaults.js';
import type { Plot, Report, Section, Table } from './report-model.js';

/** A number for a table: 4 significant digits, or fixed for accuracies. */
export function num(v: number | undefined, digits = 4): string {
  if (v === undefined || Number.isNaN(v)) return '—';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return Number(v.toPrecision(digits)).toExponential();
  return Number(v.toPrecision(digits)).toString();
}

export function percent(v: number | undefined): string {
  return v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(2)}%`;
}

const HEAD_NAMES: Readonly<Record<NetworkSpec['head'], string>> = {
  'softmax-cross-entropy': 'softmax cross-entropy',
  'sigmoid-bce': 'sigmoid log loss',
  'mean-squared-error': 'mean squared error',
};

/** "784-256-128-64-10, ReLU, softmax cross-entropy". */
export function describeSpec(spec: NetworkSpec): string {
  const widths = [spec.inputs, ...spec.hidden, spec.outputs].join('-');
  const act = spec.hidden.length === 0 ? '' : `, ${spec.activation === 'tanh' ? 'tanh' : 'ReLU'}`;
  return `${widths}${act}, ${HEAD_NAMES[spec.head]}`;
}

export const MODEL_NAMES: Readonly<Record<string, string>> = { softmax: 'Softmax regression', mlp: 'Multilayer perceptron', logistic: 'Logistic regression' };

export function searchTable(search: SearchResult): Table {
  return {
    caption: `Grid search: ${search.rows.length} settings, chosen on validation loss (${num(search.seconds, 3)} s)`,
    columns: ['lr', 'batch', 'epochs', 'α', 'validation loss', 'validation accuracy'],
    rows: search.rows.map((r) => [num(r.hp.lr), String(r.hp.batch), String(r.hp.epochs), num(r.hp.alpha), r.status === 'diverged' ? 'diverged' : num(r.validation?.loss), percent(r.validation?.accuracy)]),
    ...(search.best >= 0 ? { highlight: search.best } : {}),
  };
}

export function lossCurves(outcome: Pick<TrainingOutcome, 'run'>): Plot {
  const h = outcome.run.history;
  return {
    id: 'loss-curves',
    title: 'Loss per epoch',
    xLabel: 'epoch',
    yLabel: 'cross-entropy (unregularised)',
    series: [
      { name: 'training (mean over the epoch)', points: h.map((r) => [r.epoch, r.trainLoss] as const) },
      { name: 'validation (end of epoch)', points: h.map((r) => [r.epoch, r.validation?.loss ?? NaN] as const) },
    ],
  };
}

export function trainingReport(outcome: TrainingOutcome): Report {
  const hp = outcome.hyperparameters;
  const name = MODEL_NAMES[outcome.model] ?? outcome.model;
  const status =
    outcome.run.status === 'diverged'
      ? `Training diverged: ${outcome.run.message ?? ''} The test result below is that of the weights kept.`
      : `Training completed ${hp.epochs} epochs in ${num(outcome.seconds, 3)} s.`;
  const binary = outcome.binary === undefined ? [] : [`Logistic regression is one-vs-rest: class ${outcome.binary.positiveClass} is labelled 1, every other class 0; ${percent(outcome.binary.testPositiveFraction)} of the test set is positive, so always answering 0 scores ${percent(1 - outcome.binary.testPositiveFraction)}.`];
  const summary: Section = {
    heading: 'Summary',
    paragraphs: [
      `${name} (${describeSpec(outcome.spec)}), trained by minibatch SGD on the objective data loss + (α/2)·sum of squared weights (biases not penalised).`,
      `Data: ${outcome.dataset}. ${outcome.sizes.train} training rows, ${outcome.sizes.validation} validation rows (${percent(VALIDATION_FRACTION)} of the training file, held out with seed ${outcome.seed}), ${outcome.sizes.test} test rows.`,
      ...binary,
      status,
      `Test set (evaluated once, after training): cross-entropy ${num(outcome.test.loss)}, accuracy ${percent(outcome.test.accuracy)}.`,
    ],
    tables: [
      {
        caption: 'Hyperparameters',
        columns: ['learning rate', 'batch', 'epochs', 'α', 'seed', 'dtype', 'chosen by'],
        rows: [[num(hp.lr), String(hp.batch), String(hp.epochs), num(hp.alpha), String(outcome.seed), outcome.dtype, outcome.search === undefined ? 'given' : 'grid search']],
      },
      { caption: 'Test set', columns: ['cross-entropy', 'accuracy'], rows: [[num(outcome.test.loss), percent(outcome.test.accuracy)]] },
    ],
    plots: [lossCurves(outcome)],
  };
  const history: Section = {
    heading: 'Training history',
    paragraphs: ['Training loss is the mean unregularised loss over the epoch\'s batches (the weights change during the epoch); validation loss is measured at the end of the epoch.'],
    tables: [
      {
        caption: 'Per epoch',
        columns: ['epoch', 'training loss', 'objective', 'validation loss', 'validation accuracy', 'seconds'],
        rows: outcome.run.history.map((r) => [String(r.epoch), num(r.trainLoss), num(r.objective), num(r.validation?.loss), percent(r.validation?.accuracy), num(r.seconds, 3)]),
      },
    ],
    plots: [],
  };
  const sections = [summary, history];
  if (outcome.search !== undefined) {
    sections.push({
      heading: 'Hyperparameter search',
      paragraphs: ['Every setting was trained on the training split and evaluated on the validation split; the test set was not used. The chosen setting (bold) has the lowest validation loss; it was then trained again from the same seed (reproducing the search run exactly) and evaluated on the test set once.'],
      tables: [searchTable(outcome.search)],
      plots: [],
    });
  }
  return { title: `${name} — training report`, sections };
}
