/**
 * The shared geometry of a line plot, whatever draws it (SVG, LaTeX picture
 * mode): axes from the data, and the mapping from data to drawing units with
 * y growing upwards (SVG flips it itself). Lines break at non-finite values.
 *
 *     const frame = plotFrame(plot, { width: 360, height: 200 });
 *     frame.px(3); frame.py(0.5);
 */
import type { Plot } from './report-model.js';
import { extent, niceAxis, type Axis } from './ticks.js';

export interface PlotFrame {
  readonly x: Axis;
  readonly y: Axis;
  readonly width: number;
  readonly height: number;
  /** Data x to drawing units in [0, width]. */
  px(x: number): number;
  /** Data y to drawing units in [0, height], 0 at the bottom. */
  py(y: number): number;
}

export function plotFrame(plot: Plot, size: { width: number; height: number }): PlotFrame {
  const xs = extent(plot.series.flatMap((s) => s.points.map((p) => p[0])));
  const ys = extent(plot.series.flatMap((s) => s.points.map((p) => p[1])));
  // Epochs are whole numbers: no tick at epoch 1.5.
  const whole = plot.series.every((s) => s.points.every((p) => Number.isInteger(p[0])));
  const x = niceAxis(xs.min, xs.max, 6, whole);
  const y = niceAxis(Math.min(0, ys.min), ys.max, 5);
  return {
    x,
    y,
    ...size,
    px: (v) => ((v - x.lo) / (x.hi - x.lo)) * size.width,
    py: (v) => ((v - y.lo) / (y.hi - y.lo)) * size.height,
  };
}

/** The unbroken runs of finite points of a series. */
export function segments(points: readonly (readonly [number, number])[]): (readonly [number, number])[][] {
  const out: (readonly [number, number])[][] = [];
  let run: (readonly [number, number])[] = [];
  for (const p of points) {
    if (Number.isFinite(p[0]) && Number.isFinite(p[1])) run.push(p);
    else if (run.length > 0) {
      out.push(run);
      run = [];
    }
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** Line colours, told apart in print by their order in the legend too. */
export const PALETTE: readonly { readonly name: string; readonly rgb: readonly [number, number, number] }[] = [
  { name: 'blue', rgb: [0.12, 0.39, 0.71] },
  { name: 'orange', rgb: [0.89, 0.45, 0.05] },
  { name: 'green', rgb: [0.17, 0.6, 0.25] },
  { name: 'red', rgb: [0.8, 0.15, 0.15] },
  { name: 'purple', rgb: [0.5, 0.3, 0.7] },
];

export function colour(i: number): readonly [number, number, number] {
  return (PALETTE[i % PALETTE.length] ?? { rgb: [0, 0, 0] as const }).rgb;
}
