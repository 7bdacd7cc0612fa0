/**
 * Whether the GEMM caller should share a product with its workers or do it
 * alone, decided by measuring both. On a machine whose other cores are busy
 * with other processes, a worker preempted mid-chunk makes the caller wait a
 * scheduler time slice (milliseconds) and two threads run slower than one;
 * on a quiet machine sharing is much faster. So the policy runs alternate
 * periods of products in each mode: the mode with the lower time per
 * multiply-add over its last period gets long periods, the other SHORT probe
 * periods (so a change of the machine's load is noticed). Sharing wins LONG
 * periods at once; running alone wins FIRST_ALONE products, doubling with each
 * period it wins in a row up to LONG: a shared period measured during a
 * transient (the first products after start-up, while the workers' kernels
 * are still being compiled, or a moment of load) made training run alone for
 * LONG products, half an epoch of the MLP at batch 128, on a quiet machine. A
 * shared period also ends early after STALLS products in a row in which the
 * caller waited for a worker longer than its own share took.
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
/** The first long period alone after sharing last won (then 2×, 4×, … up to LONG). */
export const FIRST_ALONE = 250;
export const STALLS = 3;

type Mode = 'shared' | 'alone';

export function createSharePolicy(): SharePolicy {
  let mode: Mode = 'shared';
  let left = SHORT;
  let stalls = 0;
  /** Long periods alone won in a row (since sharing last won). */
  let aloneWins = 0;
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
    const best = winner();
    if (best === 'shared') aloneWins = 0;
    if (best !== mode) left = SHORT;
    else if (mode === 'shared') left = LONG;
    else left = Math.min(LONG, FIRST_ALONE * 2 ** aloneWins++);
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
