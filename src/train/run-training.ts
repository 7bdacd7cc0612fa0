/**
 * One training job from start to finish, as the CLI runs it: load the data
 * (Fashion-MNIST files or the built-in synthetic set), hold out a validation
 * split, optionally search the hyperparameters, train, and evaluate the
 * result on the test set once.
 *
 *     const outcome = runTraining(be, { model: 'softmax', dtype: 'f32', seed: 1, hyperparameters: DEFAULT_HYPERPARAMETERS.softmax });
 *     outcome.test.accuracy;
 */
import type { Rng } from '../numeric/rng.js';
import type { Backend } from './backend.js';
import type { Dataset } from './data/dataset.js';
import { loadData } from './data/load-dir.js';
import { oneVsRest, positiveFraction } from './data/one-vs-rest.js';
import { splitTrainValidation } from './data/split.js';
import { VALIDATION_FRACTION, type SearchGrid } from './defaults.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { initialize, modelSpec, type ModelKind } from './models/models.js';
import { network, type Network, type NetworkSpec } from './models/network.js';
import { gridSearch, type SearchResult, type SearchRow } from './search.js';
import { trainNetwork, type EpochRecord, type Hyperparameters, type TrainRun } from './train-loop.js';
import { splitStream, trainingStreams } from './training-rng.js';
import type { DType } from './tensor.js';

export interface TrainingRequest {
  readonly model: ModelKind;
  readonly dataDir?: string;
  readonly dtype: DType;
  readonly seed: number;
  /** Used as given, unless `search` is set. */
  readonly hyperparameters: Hyperparameters;
  /** Search this grid and train the best setting. */
  readonly search?: SearchGrid;
  /** Logistic regression only: the class labelled 1 (one-vs-rest). */
  readonly positiveClass?: number;
}

export interface TrainingOutcome {
  readonly model: ModelKind;
  readonly spec: NetworkSpec;
  readonly dtype: DType;
  readonly seed: number;
  /** Where the data came from, for the output and the report. */
  readonly dataset: string;
  readonly synthetic: boolean;
  readonly sizes: { readonly train: number; readonly validation: number; readonly test: number };
  /** Logistic regression: which class is positive and how common it is in the test set. */
  readonly binary?: { readonly positiveClass: number; readonly testPositiveFraction: number };
  readonly hyperparameters: Hyperparameters;
  readonly search?: SearchResult;
  readonly run: TrainRun;
  /** Unregularised loss and accuracy on the test set, of the weights the network holds. */
  readonly test: Evaluation;
  readonly network: Network;
  readonly seconds: number;
}

/** What is known once the data is loaded, before any training. */
export interface TrainingSetup {
  readonly dataset: string;
  readonly synthetic: boolean;
  readonly sizes: TrainingOutcome['sizes'];
  readonly spec: NetworkSpec;
  readonly binary?: { readonly positiveClass: number; readonly testPositiveFraction: number };
}

export interface TrainingHooks {
  readonly onSetup?: (setup: TrainingSetup) => void;
  readonly onSearchDone?: (search: SearchResult) => void;
  /** The final run starts with these hyperparameters (the chosen ones after a search). */
  readonly onTrainStart?: (hp: Hyperparameters) => void;
  readonly onSearchRow?: (row: SearchRow, done: number, total: number) => void;
  readonly onEpoch?: (record: EpochRecord) => void;
  readonly onBatch?: (epoch: number, batch: number, batches: number, loss: number) => void;
}

function prepare(request: TrainingRequest): { train: Dataset; validation: Dataset; test: Dataset; dataset: string; synthetic: boolean; binary?: { positiveClass: number } } {
  const data = loadData({ ...(request.dataDir === undefined ? {} : { dir: request.dataDir }), dtype: request.dtype, seed: request.seed });
  let { train, test } = data;
  let binary: { positiveClass: number } | undefined;
  if (request.model === 'logistic') {
    const positiveClass = request.positiveClass ?? 0;
    train = oneVsRest(train, positiveClass);
    test = oneVsRest(test, positiveClass);
    binary = { positiveClass };
  }
  const split = splitTrainValidation(train, VALIDATION_FRACTION, splitStream(request.seed));
  return { ...split, test, dataset: data.source, synthetic: data.synthetic, ...(binary === undefined ? {} : { binary }) };
}

export function runTraining(be: Backend, request: TrainingRequest, hooks: TrainingHooks = {}): TrainingOutcome {
  const t0 = performance.now();
  const data = prepare(request);
  const spec = modelSpec(request.model, { inputs: data.train.features, classes: data.train.classes });
  const binary = data.binary === undefined ? undefined : { positiveClass: data.binary.positiveClass, testPositiveFraction: positiveFraction(data.test) };
  const sizes = { train: data.train.n, validation: data.validation.n, test: data.test.n };
  hooks.onSetup?.({ dataset: data.dataset, synthetic: data.synthetic, sizes, spec, ...(binary === undefined ? {} : { binary }) });
  const make = (init: Rng): Network => {
    const net = network(be, spec);
    initialize(net, request.model, init);
    return net;
  };
  // With worker threads, the training rows go into the shared memory once so the threads gather batches too.
  const train = be.resident(data.train);
  let hp = request.hyperparameters;
  let search: SearchResult | undefined;
  if (request.search !== undefined) {
    search = gridSearch(be, make, train, data.validation, request.search, request.seed, hooks.onSearchRow);
    const chosen = search.rows[search.best];
    if (chosen !== undefined) hp = chosen.hp;
    hooks.onSearchDone?.(search);
  }
  hooks.onTrainStart?.(hp);
  const streams = trainingStreams(request.seed);
  const net = make(streams.init);
  const run = trainNetwork(be, net, train, data.validation, hp, {
    rng: streams.order,
    ...(hooks.onEpoch === undefined ? {} : { onEpoch: hooks.onEpoch }),
    ...(hooks.onBatch === undefined ? {} : { onBatch: hooks.onBatch }),
  });
  const test = evaluate(be, net, data.test);
  return {
    model: request.model,
    spec,
    dtype: request.dtype,
    seed: request.seed,
    dataset: data.dataset,
    synthetic: data.synthetic,
    sizes,
    ...(binary === undefined ? {} : { binary }),
    hyperparameters: hp,
    ...(search === undefined ? {} : { search }),
    run,
    test,
    network: net,
    seconds: (performance.now() - t0) / 1000,
  };
}
