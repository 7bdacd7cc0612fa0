/**
 * A multi-class dataset as a binary one for logistic regression: label 1 for
 * the class `positive`, 0 for every other class (one-vs-rest).
 *
 *     const binary = oneVsRest(ds, 0); // "class 0 or not"
 */
import type { Dataset } from './dataset.js';

export function oneVsRest(ds: Dataset, positive: number): Dataset {
  if (!Number.isInteger(positive) || positive < 0 || positive >= ds.classes) throw new RangeError(`positive class ${positive} is not one of 0..${ds.classes - 1}`);
  const labels = new Int32Array(ds.n);
  for (let i = 0; i < ds.n; i++) labels[i] = ds.labels[i] === positive ? 1 : 0;
  return { ...ds, classes: 2, labels };
}

/** The fraction of label-1 rows (the accuracy of always answering 0 is 1 minus it). */
export function positiveFraction(ds: Dataset): number {
  let k = 0;
  for (let i = 0; i < ds.n; i++) if (ds.labels[i] === 1) k++;
  return ds.n === 0 ? NaN : k / ds.n;
}
