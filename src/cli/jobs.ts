/**
 * `--jobs N`: how many requests or files are worked on at once, each in a
 * worker thread of its own, with the output still in input order. The
 * default is one job per core. One job alone keeps more than one core
 * busy, because V8 compiles its hot code in threads of its own beside it
 * (on two cores, `check` of 48 files: 1.2 s of the job's thread and 1.3 s
 * of V8's compiler threads), so a second job on two cores used to gain
 * nothing: it compiled everything again on the core the first one's
 * compiler used, and two jobs were slower than one. Jobs that fill the
 * cores now run with V8 optimizing only the hottest code (tiering.ts):
 * two jobs then take no more CPU than one job (`check` of 48 files 1.7–2.0 s
 * of CPU against 2.5 s; `diff --batch` of 136 requests 6.0–6.5 s against
 * 6.3 s) and finish sooner on two free cores (figures: README "Grading a
 * whole course"). Spreading the work beyond one machine is left to batch
 * runners made for it (GNU parallel, a Kubernetes Job over shards).
 *
 *     await runInOrder(files.length, 2, (runner, i) => workers[runner].check(files[i]), (i, r) => print(r));
 */
import { InvalidArgumentError } from 'commander';
import { defaultJobs, MAX_JOBS } from './job-count.js';

export { defaultJobs };

/** `--jobs 4` -> 4; 0, a fraction or a word is refused. */
export function parseJobs(v: string): number {
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isInteger(n) || n < 1 || n > MAX_JOBS) throw new InvalidArgumentError(`expected a whole number of jobs from 1 to ${MAX_JOBS} (default: one per core, ${defaultJobs()})`);
  return n;
}

/**
 * Runs tasks 0 … count−1 on `runners` runners, one task per runner at a
 * time, each runner taking the next task as soon as it is free; `emit` sees
 * the results in task order, each as soon as it and every earlier one are
 * in (so output streams, and is the same whatever the number of runners).
 * `run` must not throw: a failure is a result like any other. A runner
 * takes a task only once `ready(runner)` has resolved (a worker thread that
 * is still starting takes none: the others take them meanwhile); once every
 * task is taken, the end waits for the tasks, not for runners still starting.
 */
export async function runInOrder<R>(count: number, runners: number, run: (runner: number, index: number) => Promise<R>, emit: (index: number, result: R) => void, ready?: (runner: number) => Promise<void>): Promise<void> {
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
  // Resolved when the last task is taken: a runner still waiting to be ready then has nothing left to wait for.
  let allTaken: () => void = () => undefined;
  const taken = new Promise<void>((resolve) => (allTaken = resolve));
  const loop = async (runner: number): Promise<void> => {
    while (next < count) {
      if (ready !== undefined) await Promise.race([ready(runner), taken]);
      if (next >= count) return;
      const i = next++;
      if (next === count) allTaken();
      done.set(i, await run(runner, i));
      flush();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(runners, count)) }, (_, k) => loop(k)));
}
