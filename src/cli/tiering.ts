/**
 * How soon V8 optimizes hot code when `--jobs` leaves no spare core for
 * its compiler. V8 compiles a hot function to optimized machine code
 * (TurboFan) in compiler threads beside the job's own, and gradtex's
 * functions are large: on `check` of 48 files, 1.2 s of one job's 2.5 s of
 * CPU went to those threads, some functions compiled two or three times
 * after a deoptimization. With a spare core that work is free: it runs
 * beside the job. With as many jobs as cores it is not: each job compiles
 * everything again, on the cores the other jobs need. So when the jobs
 * leave fewer spare cores than there are jobs, V8's interrupt budget (the
 * bytecode a function runs between two looks at whether to optimize it)
 * is raised from its default 67584 to INTERRUPT_BUDGET: only the hottest
 * functions are optimized, a little later, and the compiler threads use a
 * fraction of the CPU (figures: README "Grading a whole course").
 *
 * One job keeps V8's default: with a spare core it is the fastest (the
 * job's thread ran up to 9% longer at the raised budget on `check` of 192
 * files and on `diff --batch`). V8 flags are process-wide, so the budget
 * set here, before the first worker starts, holds for every job's thread.
 * The answers are the same at any budget: only when code is compiled
 * changes, never what it computes. A budget the user set (`node
 * --interrupt-budget=N`, NODE_OPTIONS) is kept.
 *
 *     tuneTieringFor(jobs);   // before starting the jobs' workers
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** The interrupt budget of runs whose jobs fill the cores: eight times V8's default. */
export const INTERRUPT_BUDGET = 540_000;

/** True when `--interrupt-budget` (or `--interrupt_budget`) is among `args`: the user chose it. */
export function setByUser(args: readonly string[]): boolean {
  return args.some((a) => /^--interrupt[-_]budget(=|$)/.test(a));
}

/** True when `jobs` leave fewer spare cores than there are jobs, so V8's compiler has no core of its own. */
export function jobsFillCores(jobs: number, cores: number): boolean {
  return jobs > 1 && cores - jobs < jobs;
}

/**
 * Raises the budget when `jobs` fill the cores and the user set none; true
 * when it did.
 */
export function tuneTieringFor(jobs: number, cores: number = availableParallelism(), execArgv: readonly string[] = process.execArgv, nodeOptions: string = process.env['NODE_OPTIONS'] ?? ''): boolean {
  if (!jobsFillCores(jobs, cores) || setByUser([...execArgv, ...nodeOptions.split(/\s+/)])) return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
