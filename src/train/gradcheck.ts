/**
 * Gradient check: backprop's gradient of the regularised loss against central
 * finite differences (f(p+h) − f(p−h)) / 2h for every parameter entry. Use
 * Float64 and small instances; the error of the difference is O(h²).
 *
 *     const r = gradCheck(net, x, labels, { alpha: 0.01 });
 *     r.maxRelError < 1e-6;
 */
import type { Network } from './models/network.js';
import { weightPenaltyBackward, weightPenaltyValue } from './ops/weight-penalty.js';
import { zeroGrad } from './param.js';
import type { Matrix } from './tensor.js';

export interface GradCheckResult {
  /** max |backprop − numeric| / max(1e-8, |backprop| + |numeric|) over all entries. */
  readonly maxRelError: number;
  /** Where the maximum is. */
  readonly worst: { readonly param: string; readonly index: number; readonly backprop: number; readonly numeric: number };
  readonly entries: number;
}

export function gradCheck(net: Network, x: Matrix, labels: ArrayLike<number>, options: { alpha: number; h?: number }): GradCheckResult {
  const h = options.h ?? 1e-6;
  const params = net.parameters();
  zeroGrad(params);
  net.lossAndBackward(x, labels);
  weightPenaltyBackward(params, options.alpha);
  const objective = (): number => net.loss(x, labels) + weightPenaltyValue(params, options.alpha);
  let worst = { param: '', index: -1, backprop: 0, numeric: 0 };
  let maxRelError = 0;
  let entries = 0;
  for (const p of params) {
    const v = p.value.data;
    for (let i = 0; i < v.length; i++) {
      const keep = v[i] ?? 0;
      v[i] = keep + h;
      const up = objective();
      v[i] = keep - h;
      const down = objective();
      v[i] = keep;
      const numeric = (up - down) / (2 * h);
      const backprop = p.grad.data[i] ?? NaN;
      const rel = Math.abs(backprop - numeric) / Math.max(1e-8, Math.abs(backprop) + Math.abs(numeric));
      entries++;
      if (!(rel <= maxRelError)) {
        maxRelError = Number.isNaN(rel) ? Infinity : rel;
        worst = { param: p.name, index: i, backprop, numeric };
      }
    }
  }
  return { maxRelError, worst, entries };
}
