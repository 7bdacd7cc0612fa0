/**
 * Minibatch SGD over epochs, with a validation evaluation after each epoch.
 * A NaN or infinite loss stops training with a clear message, and the weights
 * of the last good epoch are restored.
 *
 *     const run = trainNetwork(be, net, train, validation, { lr: 0.1, batch: 128, epochs: 5, alpha: 1e-4 }, { rng });
 *     run.history.at(-1)?.validation.accuracy;
 */
import type { Rng } from '../numeric/rng.js';
import type { Backend } from './backend.js';
import type { Dataset } from './data/dataset.js';
import { permutation } from './data/split.js';
import { evaluate, type Evaluation } from './evaluate.js';
import type { Network } from './models/network.js';
import { sgdStep } from './sgd.js';
import type { FloatArray } from './tensor.js';

export interface Hyperparameters {
  readonly lr: number;
  readonly batch: number;
  readonly epochs: number;
  readonly alpha: number;
}

export interface EpochRecord {
  readonly epoch: number;
  /** Mean unregularised training loss over the epoch's batches. */
  readonly trainLoss: number;
  /** Mean regularised objective over the epoch's batches. */
  readonly objective: number;
  readonly validation?: Evaluation;
  readonly seconds: number;
}

export interface TrainRun {
  readonly history: readonly EpochRecord[];
  readonly status: 'completed' | 'diverged';
  /** Set when training diverged: what happened and which epoch's weights were kept. */
  readonly message?: string;
  /** The last epoch whose weights the network holds (0 = the initial weights). */
  readonly lastGoodEpoch: number;
}

export interface TrainHooks {
  readonly rng: Rng;
  /** Batch order of each epoch (default: a fresh permutation from rng). */
  readonly order?: (epoch: number) => ArrayLike<number>;
  readonly onBatch?: (epoch: number, batch: number, batches: number, loss: number) => void;
  readonly onEpoch?: (record: EpochRecord) => void;
}

/**
 * Copies the parameters into `into` (arrays of the parameters' own element
 * type, made on the first call and reused): a same-type copy is a memory copy,
 * where Float64Array.from over a Float32Array walked an iterator (about 20 ms
 * per MLP snapshot, two per epoch).
 */
function snapshot(net: Network, into: FloatArray[] = []): FloatArray[] {
  net.parameters().forEach((p, i) => {
    const v = p.value.data;
    let s = into[i];
    if (s === undefined || s.length !== v.length || s.constructor !== v.constructor) {
      s = v instanceof Float32Array ? new Float32Array(v.length) : new Float64Array(v.length);
      into[i] = s;
    }
    s.set(v);
  });
  return into;
}

function restore(net: Network, saved: readonly FloatArray[]): void {
  net.parameters().forEach((p, i) => {
    const s = saved[i];
    if (s !== undefined) p.value.data.set(s);
  });
}

export function trainNetwork(be: Backend, net: Network, train: Dataset, validation: Dataset | undefined, hp: Hyperparameters, hooks: TrainHooks): TrainRun {
  const size = Math.max(1, Math.min(Math.floor(hp.batch), train.n));
  const buffer = be.zeros(size, train.features);
  const labels = new Int32Array(size);
  const history: EpochRecord[] = [];
  const good = snapshot(net);
  const batches = Math.ceil(train.n / size);
  for (let epoch = 1; epoch <= hp.epochs; epoch++) {
    const t0 = performance.now();
    const order = hooks.order?.(epoch) ?? permutation(train.n, hooks.rng);
    let dataSum = 0;
    let objSum = 0;
    for (let b = 0; b < batches; b++) {
      const start = b * size;
      const count = Math.min(size, train.n - start);
      const x = be.gatherBatch(train, order, start, count, buffer, labels);
      const { loss, dataLoss } = sgdStep(net, x, labels.subarray(0, count), hp, be);
      if (!Number.isFinite(loss)) {
        restore(net, good);
        const kept = epoch - 1;
        return {
          history,
          status: 'diverged',
          lastGoodEpoch: kept,
          message: `training diverged: the loss became ${loss} in epoch ${epoch}, batch ${b + 1} of ${batches} (learning rate ${hp.lr}); kept the weights of ${kept === 0 ? 'the initialisation' : `epoch ${kept}, the last good epoch`}. Try a smaller --lr.`,
        };
      }
      dataSum += dataLoss * count;
      objSum += loss * count;
      hooks.onBatch?.(epoch, b + 1, batches, loss);
    }
    const record: EpochRecord = {
      epoch,
      trainLoss: dataSum / train.n,
      objective: objSum / train.n,
      ...(validation === undefined ? {} : { validation: evaluate(be, net, validation) }),
      seconds: (performance.now() - t0) / 1000,
    };
    history.push(record);
    hooks.onEpoch?.(record);
    snapshot(net, good);
  }
  return { history, status: 'completed', lastGoodEpoch: hp.epochs };
}
