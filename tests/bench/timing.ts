/**
 * What the benches share: medians, timing a function, the package root, and
 * timing a whole `gradtex` process (wall and, where Linux tells it, CPU).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The median of a list of times, and the median time of a function over repeats (after the caller's warm-up). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

export function timeIt(f: () => void, repeats: number): number {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** The gradtex folder (package.json and rules/), found by walking up from this file (tests/bench/ or dist/tests/bench/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'rules'))) return dir;
    dir = resolve(dir, '..');
  }
  throw new Error('cannot find the gradtex folder');
}

/**
 * CPU time (user + system, ms) of this process's finished children, where
 * Linux tells it (/proc/self/stat, in clock ticks of 10 ms); undefined
 * elsewhere. Less sensitive than wall time to a machine busy with other
 * work, so the benches print it beside the wall time.
 */
export function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** One whole process run to its exit: its result, wall time and CPU time (all its threads; when known) in ms. */
export interface TimedRun {
  readonly result: SpawnSyncReturns<string>;
  readonly wallMs: number;
  readonly cpuMs: number | undefined;
}

/** Runs `node args…` in `cwd` to its exit, timed. */
export function timeProcess(args: readonly string[], cwd: string): TimedRun {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  return { result, wallMs, cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}
