/**
 * Axis ranges and tick marks at "nice" values (1, 2 or 5 times a power of
 * ten), as plotting programs choose them (Heckbert, "Nice numbers for graph
 * labels", Graphics Gems, 1990).
 *
 *     niceAxis(0.13, 2.31); // { lo: 0, hi: 2.5, ticks: [0, 0.5, 1, 1.5, 2, 2.5] }
 */

export interface Axis {
  readonly lo: number;
  readonly hi: number;
  readonly ticks: readonly number[];
  readonly step: number;
}

function niceStep(range: number, count: number): number {
  const raw = range / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** A range covering [min, max] with about `count` ticks. */
export function niceAxis(min: number, max: number, count = 5, whole = false): Axis {
  let a = Number.isFinite(min) ? min : 0;
  let b = Number.isFinite(max) ? max : 1;
  if (a > b) [a, b] = [b, a];
  if (a === b) {
    const pad = a === 0 ? 1 : Math.abs(a) / 2;
    a -= pad;
    b += pad;
  }
  const step = whole ? Math.max(1, niceStep(b - a, count)) : niceStep(b - a, count);
  const lo = Math.floor(a / step) * step;
  const hi = Math.ceil(b / step) * step;
  const ticks: number[] = [];
  for (let k = 0; lo + k * step <= hi + step / 2; k++) ticks.push(Number((lo + k * step).toPrecision(12)));
  return { lo, hi, ticks, step };
}

/** A tick label with no more decimals than the step needs: 0.25, 1000, 1e-6. */
export function formatTick(v: number, step: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) >= 1e6 || Math.abs(step) < 1e-4) return v.toExponential(2).replace(/\.?0+e/, 'e');
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return v.toFixed(decimals);
}

/** The data range of some series' finite values. */
export function extent(values: Iterable<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}
