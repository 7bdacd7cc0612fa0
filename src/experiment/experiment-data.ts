/**
 * The data of an experiment as the user writes it: points `(1,0),(-1,0)`
 * (or `1, -1` in one dimension), labels `1,0` (every label 1 when none are
 * given: the "all examples positive" setting), learning rates `0.1,1,10`,
 * or a CSV file whose header names the columns and whose column `y` holds
 * the labels. Every mistake is an ExperimentError with a one-line reason.
 *
 *     readPoints('(1,0),(-1,0)')   // [[1, 0], [-1, 0]]
 *     readCsv('x1,x2,y\n1,0,1\n-1,0,1\n')  // { xs: [[1,0],[-1,0]], ys: [1,1], names: ['x1','x2'] }
 */
export class ExperimentError extends Error {
  override readonly name = 'ExperimentError';
}

export interface ExperimentData {
  /** One row per example. */
  readonly xs: readonly (readonly number[])[];
  readonly ys: readonly number[];
  /** The input names: w_j multiplies names[j]. */
  readonly names: readonly string[];
}

function number(text: string, what: string): number {
  const t = text.trim();
  // Number('') is 0 and Number('0x1') is 1: only decimals are numbers here.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) throw new ExperimentError(`${what}: '${t}' is not a number`);
  const v = Number(t);
  if (!Number.isFinite(v)) throw new ExperimentError(`${what}: '${t}' is not a finite number`);
  return v;
}

/** `(x1,y1),(x2,y2)` or `(1,0,2),(…)` or, in one dimension, `1,-1,3`. */
export function readPoints(text: string): number[][] {
  const t = text.trim();
  if (t === '') throw new ExperimentError('--points: no points given; write --points "(1,0),(-1,0)"');
  if (!t.includes('(')) return t.split(',').map((s) => [number(s, '--points')]);
  const points: number[][] = [];
  const re = /\s*\(([^()]*)\)\s*(,|$)/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(t)) !== null && m[0] !== '') {
    points.push((m[1] ?? '').split(',').map((s) => number(s, '--points')));
    end = re.lastIndex;
  }
  if (end !== t.length) throw new ExperimentError(`--points: cannot read '${t.slice(end)}'; write points as (x1,x2),(x1,x2)`);
  const d = points[0]?.length ?? 0;
  const odd = points.findIndex((p) => p.length !== d);
  if (odd >= 0) throw new ExperimentError(`--points: point ${odd + 1} has ${points[odd]?.length ?? 0} coordinate(s), point 1 has ${d}`);
  return points;
}

export function readNumberList(text: string, what: string): number[] {
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (parts.length === 0) throw new ExperimentError(`${what}: no numbers given`);
  return parts.map((s) => number(s, what));
}

/** Points and labels together; no labels means every label is 1. */
export function experimentData(points: readonly (readonly number[])[], labels?: readonly number[]): ExperimentData {
  if (points.length === 0) throw new ExperimentError('no data points');
  if (labels !== undefined && labels.length !== points.length) throw new ExperimentError(`${labels.length} labels for ${points.length} points; give one label per point`);
  const d = points[0]?.length ?? 0;
  const names = d === 1 ? ['x'] : Array.from({ length: d }, (_, j) => `x${j + 1}`);
  return { xs: points, ys: labels ?? points.map(() => 1), names };
}

/** A CSV table with a header; the column named `y` is the label, the others are the inputs in their order. */
export function readCsv(text: string): ExperimentData {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const header = lines[0]?.split(',').map((s) => s.trim());
  if (header === undefined) throw new ExperimentError('the data file is empty; write a header such as x1,x2,y and one row per example');
  const yAt = header.indexOf('y');
  const names = header.filter((_, j) => j !== yAt);
  if (names.length === 0) throw new ExperimentError('the data file has no input column; write a header such as x1,x2,y');
  const xs: number[][] = [];
  const ys: number[] = [];
  lines.slice(1).forEach((line, i) => {
    const cells = line.split(',');
    if (cells.length !== header.length) throw new ExperimentError(`data row ${i + 1} has ${cells.length} values, the header names ${header.length}`);
    const values = cells.map((c) => number(c, `data row ${i + 1}`));
    xs.push(values.filter((_, j) => j !== yAt));
    ys.push(yAt >= 0 ? (values[yAt] ?? NaN) : 1);
  });
  if (xs.length === 0) throw new ExperimentError('the data file has a header but no rows');
  return { xs, ys, names };
}
