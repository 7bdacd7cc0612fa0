/**
 * The random streams of one training run, derived from the seed alone: the
 * initial weights and the batch order. Every search candidate and the final
 * run start from the same streams, so the chosen candidate is reproduced
 * exactly when it is trained again.
 *
 *     const { init, order } = trainingStreams(1);
 */
import { createRng, type Rng } from '../numeric/rng.js';

/** Mixed into the seed so these streams differ from the data split's. */
const RUN_SALT = 0x7a11;

export function trainingStreams(seed: number): { init: Rng; order: Rng } {
  const root = createRng((seed ^ RUN_SALT) >>> 0);
  return { init: root.fork(), order: root.fork() };
}

/** The stream that shuffles the train/validation split. */
export function splitStream(seed: number): Rng {
  return createRng(seed >>> 0);
}
