/** runInOrder: tasks spread over runners, results handed on in task order, as soon as they can be. */
import { describe, expect, it } from 'vitest';
import { parseJobs, runInOrder } from '../../src/cli/jobs.js';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('runInOrder', () => {
  it('should emit every result in task order when later tasks finish first', async () => {
    // Task i takes (10 - i) ms: with three runners the last tasks are done before the first.
    const emitted: number[] = [];
    await runInOrder(10, 3, async (_runner, i) => {
      await tick(10 - i);
      return i * i;
    }, (i, r) => emitted.push(i, r));
    expect(emitted).toEqual(Array.from({ length: 10 }, (_, i) => [i, i * i]).flat());
  });

  it('should never run more tasks at once than there are runners, and give each runner one task at a time', async () => {
    let running = 0;
    let most = 0;
    const busy = new Set<number>();
    await runInOrder(12, 4, async (runner, i) => {
      expect(busy.has(runner)).toBe(false);
      busy.add(runner);
      most = Math.max(most, ++running);
      await tick(i % 3);
      running--;
      busy.delete(runner);
      return i;
    }, () => undefined);
    expect(most).toBe(4);
  });

  it('should emit a result as soon as it and every earlier one are in, not at the end', async () => {
    const log: string[] = [];
    await runInOrder(3, 1, async (_runner, i) => {
      log.push(`run ${i}`);
      await tick(1);
      return i;
    }, (i) => log.push(`emit ${i}`));
    expect(log).toEqual(['run 0', 'emit 0', 'run 1', 'emit 1', 'run 2', 'emit 2']);
  });

  it('should give a runner no task before it is ready, and let the ready ones take them meanwhile', async () => {
    // Runner 1 is a worker still starting: it is ready only after runner 0 has done three tasks.
    const by: number[] = [];
    let becomeReady: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (becomeReady = resolve));
    const emitted: number[] = [];
    await runInOrder(6, 2, async (runner, i) => {
      by[i] = runner;
      await tick(1);
      if (by.filter((r) => r === 0).length === 3) becomeReady();
      return i;
    }, (i) => emitted.push(i), (runner) => (runner === 0 ? Promise.resolve() : started));
    expect(by.slice(0, 3)).toEqual([0, 0, 0]);
    expect(by.slice(3)).toContain(1);
    expect(emitted).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('should end once every task is done, without waiting for a runner that never became ready', async () => {
    const by: number[] = [];
    await runInOrder(2, 2, async (runner, i) => {
      by[i] = runner;
      await tick(1);
      return i;
    }, () => undefined, (runner) => (runner === 0 ? Promise.resolve() : new Promise<void>(() => undefined)));
    expect(by).toEqual([0, 0]);
  });

  it('should do nothing for no tasks', async () => {
    const emitted: number[] = [];
    await runInOrder(0, 2, async () => 1, (i) => emitted.push(i));
    expect(emitted).toEqual([]);
  });
});

describe('parseJobs', () => {
  it('should read a whole number of jobs and refuse 0, fractions, signs and words', () => {
    expect(parseJobs('1')).toBe(1);
    expect(parseJobs('8')).toBe(8);
    for (const bad of ['0', 'x', '1.5', '-1', ' -1', '', '1e1', '65']) expect(() => parseJobs(bad)).toThrow(/expected a whole number of jobs from 1 to 64/);
  });
});
