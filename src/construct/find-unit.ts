/**
 * One threshold unit step(w·x + b) realising a (possibly partial) truth table,
 * found by an exact search over small whole weights. For given weights the
 * best bias is exact: halfway between the largest w·x of a 0-row and the
 * smallest w·x of a 1-row, so no input lands on the threshold and the unit is
 * right under either step convention. The search tries the smallest weights
 * first (Σ|w_i|), so the answer is the one a person would write.
 */
import { ratAdd, ratCompare, ratDiv, ratMul, ratNeg, ratSub, type Rational } from '../expr/rational.js';
import { int } from '../finite/rational-text.js';
import type { Unit } from '../finite/threshold-network.js';
import type { TruthRow } from './truth-table.js';

/** Weights are searched in -MAX_WEIGHT..MAX_WEIGHT: enough for every threshold function of up to 3 inputs. */
export const MAX_WEIGHT = 3;

/** Whole weight vectors in -k..k with Σ|w_i| = cost, in enumeration order (each coordinate from -k up to k). */
function vectorsOfCost(n: number, k: number, cost: number): number[][] {
  if (n === 0) return cost === 0 ? [[]] : [];
  const out: number[][] = [];
  for (let w = -k; w <= k; w++) {
    const rest = cost - Math.abs(w);
    if (rest < 0 || rest > (n - 1) * k) continue;
    for (const tail of vectorsOfCost(n - 1, k, rest)) out.push([w, ...tail]);
  }
  return out;
}

/** Smallest total weight first, then fewer negative weights: lazily, so a simple unit is found without listing the rest. */
function* weightVectors(n: number, k: number): Generator<number[]> {
  const negatives = (v: number[]): number => v.filter((x) => x < 0).length;
  for (let cost = 0; cost <= n * k; cost++) yield* vectorsOfCost(n, k, cost).sort((a, b) => negatives(a) - negatives(b));
}

const dot = (w: readonly number[], x: readonly Rational[]): Rational => w.reduce<Rational>((s, wi, i) => ratAdd(s, ratMul(int(wi), x[i] as Rational)), int(0));

/** Inputs that are small whole numbers (0/1 rows, hidden codes): scores are whole numbers a double holds exactly, so the search may use them. */
function wholeInputs(rows: readonly TruthRow[]): number[][] | undefined {
  return rows.every((r) => r.input.every((v) => v.d === 1n && v.n >= -1024n && v.n <= 1024n)) ? rows.map((r) => r.input.map((v) => Number(v.n))) : undefined;
}

/** The bias for these weights, or undefined when some 0-row scores at least as high as some 1-row. */
function biasFor(w: readonly number[], rows: readonly TruthRow[], whole: readonly (readonly number[])[] | undefined): Rational | undefined {
  if (whole !== undefined) {
    // Exact: |w_i| ≤ MAX_WEIGHT and |x_i| ≤ 1024 keep every score far below 2^53.
    let minPos = Infinity;
    let maxNeg = -Infinity;
    whole.forEach((x, i) => {
      const z = x.reduce((s, xi, k) => s + xi * (w[k] as number), 0);
      if ((rows[i] as TruthRow).output === 1) minPos = Math.min(minPos, z);
      else maxNeg = Math.max(maxNeg, z);
    });
    if (minPos !== Infinity && maxNeg !== -Infinity && maxNeg >= minPos) return undefined;
  }
  const scores = (o: 0 | 1): Rational[] => rows.filter((r) => r.output === o).map((r) => dot(w, r.input));
  const pos = scores(1);
  const neg = scores(0);
  const minPos = pos.reduce<Rational | undefined>((m, s) => (m === undefined || ratCompare(s, m) < 0 ? s : m), undefined);
  const maxNeg = neg.reduce<Rational | undefined>((m, s) => (m === undefined || ratCompare(s, m) > 0 ? s : m), undefined);
  const half = { n: 1n, d: 2n };
  if (minPos === undefined) return ratNeg(ratAdd(maxNeg ?? int(0), half));
  if (maxNeg === undefined) return ratSub(half, minPos);
  if (ratCompare(maxNeg, minPos) >= 0) return undefined;
  return ratNeg(ratDiv(ratAdd(maxNeg, minPos), int(2)));
}

/**
 * The first unit (smallest weights) that computes the table, or undefined
 * when none has weights within ±MAX_WEIGHT (then ask `separationCertificate`).
 *
 *     findUnit('y', ['A', 'B'], andNotRows)   // step(A - B - 1/2)
 */
export function findUnit(name: string, names: readonly string[], rows: readonly TruthRow[], maxWeight = MAX_WEIGHT): Unit | undefined {
  const whole = wholeInputs(rows);
  for (const w of weightVectors(names.length, maxWeight)) {
    const b = biasFor(w, rows, whole);
    if (b !== undefined) return { name, kind: 'step', weights: names.map((n, i) => [n, int(w[i] as number)] as const).filter(([, wi]) => wi.n !== 0n), bias: b };
  }
  return undefined;
}
