/**
 * A saved model scored again: load a checkpoint, check that it fits the data
 * (input width, classes), and evaluate it on the test split of a data
 * directory or of the built-in synthetic set made from the checkpoint's
 * seed. With the training's data and dtype the numbers are the ones
 * `gradtex train … --checkpoint` printed (the same evaluate(), the same
 * batches, the same weights).
 *
 *     const be = await createBackend({ dtype: 'f32' });
 *     const r = evaluateCheckpoint(be, 'softmax.ckpt', {});
 *     r.test.accuracy;
 */
import type { Backend } from './backend.js';
import { loadCheckpoint, type CheckpointMeta } from './checkpoint.js';
import { DataError } from './data/data-error.js';
import { loadData, SYNTHETIC_SIZES } from './data/load-dir.js';
import { oneVsRest, positiveFraction } from './data/one-vs-rest.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { NetworkSpec } from './models/network.js';
import type { DType } from './tensor.js';

export interface CheckpointEvaluation {
  readonly file: string;
  readonly spec: NetworkSpec;
  readonly meta: CheckpointMeta;
  /** The dtype the model was evaluated in (the backend's). */
  readonly dtype: DType;
  /** Where the test data came from. */
  readonly dataset: string;
  readonly synthetic: boolean;
  /** The seed the synthetic data was made from (the checkpoint's). */
  readonly dataSeed?: number;
  /** True when the checkpoint was trained on the synthetic set (as far as it says). */
  readonly trainedOnSynthetic: boolean;
  readonly testRows: number;
  /** Logistic regression: the class labelled 1 and how common it is in the test set. */
  readonly binary?: { readonly positiveClass: number; readonly testPositiveFraction: number };
  /** Unregularised loss (cross-entropy; log loss for logistic regression) and accuracy. */
  readonly test: Evaluation;
  readonly seconds: number;
}

/** Whether a checkpoint says it was trained on the built-in synthetic dataset. */
export function trainedOnSynthetic(meta: CheckpointMeta): boolean {
  return meta.synthetic ?? meta.dataset.startsWith('built-in synthetic');
}

/**
 * Evaluates the checkpoint in `file` on `dataDir`'s test split (or the
 * synthetic one of its seed). A model that does not fit the data, and a bad
 * file, are DataErrors naming the file.
 */
export function evaluateCheckpoint(be: Backend, file: string, options: { dataDir?: string }): CheckpointEvaluation {
  const t0 = performance.now();
  const { network, meta } = loadCheckpoint(be, file);
  const spec = network.spec;
  if (spec.head === 'mean-squared-error') throw new DataError('E_DATA_CHECKPOINT', 'a squared-error model (from the experiments) has no class test set to evaluate on', file);
  const data = loadData({ ...(options.dataDir === undefined ? {} : { dir: options.dataDir }), dtype: be.dtype, seed: meta.seed });
  const where = data.synthetic ? `the synthetic dataset of seed ${meta.seed}` : data.source;
  if (data.test.features !== spec.inputs) {
    throw new DataError('E_DATA_SHAPE', `the model takes ${spec.inputs} inputs, but the images of ${where} have ${data.test.features} values per row; this checkpoint was trained on ${meta.dataset.replace(/; pass --data.*$/, '')}`, file);
  }
  const classes = data.train.classes;
  let test = data.test;
  let binary: CheckpointEvaluation['binary'];
  if (spec.head === 'sigmoid-bce') {
    const positiveClass = meta.positiveClass ?? 0;
    if (positiveClass >= classes) throw new DataError('E_DATA_SHAPE', `the model's positive class is ${positiveClass}, but ${where} has only classes 0 to ${classes - 1}`, file);
    test = oneVsRest(test, positiveClass);
    binary = { positiveClass, testPositiveFraction: positiveFraction(test) };
  } else if (spec.outputs !== classes) {
    throw new DataError('E_DATA_SHAPE', `the model has ${spec.outputs} output classes, but ${where} has ${classes}`, file);
  }
  const result = evaluate(be, network, test);
  return {
    file,
    spec,
    meta,
    dtype: be.dtype,
    dataset: data.synthetic ? `built-in synthetic dataset (${SYNTHETIC_SIZES.test} test images, 10 classes) made from the checkpoint's seed ${meta.seed}` : data.source,
    synthetic: data.synthetic,
    ...(data.synthetic ? { dataSeed: meta.seed } : {}),
    trainedOnSynthetic: trainedOnSynthetic(meta),
    testRows: test.n,
    ...(binary === undefined ? {} : { binary }),
    test: result,
    seconds: (performance.now() - t0) / 1000,
  };
}
