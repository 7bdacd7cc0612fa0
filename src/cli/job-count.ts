/**
 * How many jobs `--jobs` allows, and its default: one per core. Apart from
 * jobs.ts (which parses the option with commander) so that the bin's first
 * lines (early-workers.ts) can read it before commander loads.
 *
 *     defaultJobs()   // 2 on a two-core machine
 */
import { availableParallelism } from 'node:os';

/** More threads than this only costs memory: each loads the engine and the rules. */
export const MAX_JOBS = 64;

/** The default of `--jobs`: one per core. */
export const defaultJobs = (): number => Math.min(MAX_JOBS, Math.max(1, availableParallelism()));
