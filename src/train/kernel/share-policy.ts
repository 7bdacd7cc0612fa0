/**
 * Whether the GEMM caller should share a product with its workers or do it
 * alone, decided by measuring both. On a machine whose other cores are busy
 * with other processes, a worker preempted mid-chunk makes the caller wait a
 * scheduler time slice (milliseconds) and two threads run slower than one;
 * on a quiet machine sharing is much faster. So the policy runs alternate
 * periods of products in each mode: the mode with the lower time per
 * multiply-add over its last period gets LONG periods, the other SHORT probe
 * periods (so a change of the machine's load is noticed). A shared period
 * also ends early after STALLS products in a row in which the caller waited
 * for a worker longer than its own share took.
 *
 *     const policy = createSharePolicy();
 *     const shared = policy.share();
 *     ... run the product, shared or alone ...
 *     policy.record(shared, milliseconds, multiplyAdds, stalled);
 */
export interface SharePolicy {
  /** Share the next product? */
  share(): boolean;
  /** What the product cost; `stalled`: the caller waited for a worker longer than its own share took. */
  record(shared: boolean, milliseconds: number, multiplyAdds: number, stalled: boolean): void;
}

/** Products per period: the winning mode's, and a probe of the other (about 3% of the time). */
export const LONG = 2000;
export const SHORT = 60;
export const STALLS = 3;

type Mode = 'shared' | 'alone';

export function createSharePolicy(): SharePolicy {
  let mode: Mode = 'shared';
  let left = SHORT;
  let stalls = 0;
  const period = { ms: 0, macs: 0 };
  /** Milliseconds per multiply-add over each mode's last period (undefined: not measured yet). */
  const rate: Record<Mode, number | undefined> = { shared: undefined, alone: undefined };
  const other = (m: Mode): Mode => (m === 'shared' ? 'alone' : 'shared');
  const winner = (): Mode | undefined => {
    const s = rate.shared;
    const a = rate.alone;
    if (s === undefined || a === undefined) return undefined;
    return s <= a ? 'shared' : 'alone';
  };
  const endPeriod = (): void => {
    if (period.macs > 0) rate[mode] = period.ms / period.macs;
    period.ms = 0;
    period.macs = 0;
    stalls = 0;
    mode = other(mode);
    left = winner() === mode ? LONG : SHORT;
  };
  return {
    share: () => mode === 'shared',
    record(shared, milliseconds, multiplyAdds, stalled) {
      if (shared !== (mode === 'shared')) return;
      period.ms += milliseconds;
      period.macs += multiplyAdds;
      stalls = shared && stalled ? stalls + 1 : 0;
      if (--left <= 0 || stalls >= STALLS) endPeriod();
    },
  };
}
