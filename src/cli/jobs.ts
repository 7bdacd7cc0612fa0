/**
 * `--jobs N`: how many requests or files are worked on at once, each in a
 * worker thread of its own, with the output still in input order. The
 * default is one job per two cores: a job keeps more than one core busy,
 * because V8 compiles its hot code in threads of its own beside it (measured
 * on two cores: one job's thread 1.9 s of CPU and V8's compiler threads
 * 1.6 s on `check` of 48 files; two jobs cost 1.2–1.4 times the CPU of one
 * and were slower than one: README "Grading a whole course"). Spreading the
 * work beyond one machine is left to batch runners made for it (GNU
 * parallel, a Kubernetes Job over shards).
 *
 *     await runInOrder(files.length, 2, (runner, i) => workers[runner].check(files[i]), (i, r) => print(r));
 */
import { InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';

/** More threads than this only costs memory: each loads the engine and the rules. */
const MAX_JOBS = 64;

/** The default of `--jobs`: one per two cores, at least one. */
export const defaultJobs = (): number => Math.min(MAX_JOBS, Math.max(1, Math.floor(availableParallelism() / 2)));

/** `--jobs 4` -> 4; 0, a fraction or a word is refused. */
export function parseJobs(v: string): number {
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isInteger(n) || n < 1 || n > MAX_JOBS) throw new InvalidArgumentError(`expected a whole number of jobs from 1 to ${MAX_JOBS} (default: one per two cores, ${defaultJobs()})`);
  return n;
}

/**
 * Runs tasks 0 … count−1 on `runners` runners, one task per runner at a
 * time, each runner taking the next task as soon as it is free; `emit` sees
 * the results in task order, each as soon as it and every earlier one are
 * in (so output streams, and is the same whatever the number of runners).
 * `run` must not throw: a failure is a result like any other.
 */
export async function runInOrder<R>(count: number, runners: number, run: (runner: number, index: number) => Promise<R>, emit: (index: number, result: R) => void): Promise<void> {
  const done = new Map<number, R>();
  let next = 0;
  let printed = 0;
  const flush = (): void => {
    while (done.has(printed)) {
      const r = done.get(printed) as R;
      done.delete(printed);
      emit(printed, r);
      printed++;
    }
  };
  const loop = async (runner: number): Promise<void> => {
    while (next < count) {
      const i = next++;
      done.set(i, await run(runner, i));
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(runners, count)) }, (_, k) => loop(k)));
}
