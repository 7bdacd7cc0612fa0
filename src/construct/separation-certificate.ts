/**
 * Why no single threshold unit computes a table: a certificate of
 * infeasibility (Farkas' lemma, Motzkin's transposition theorem for strict
 * inequalities). A unit step(w·x + b) must satisfy one linear inequality in
 * (w, b) per row; if nonnegative multiples of them add up to 0 on the left
 * while a strict one has a positive multiplier, the sum says 0 > 0.
 *
 * Found by Fourier–Motzkin elimination, which is exact and complete: it
 * eliminates w_1, …, w_n, b one at a time, keeping for every derived
 * inequality the multipliers of the rows it came from.
 */
import { ratAdd, ratCompare, ratDiv, ratMul, ratNeg, ratSub, type Rational } from '../expr/rational.js';
import type { StepAtZero } from '../finite/threshold-network.js';
import type { TruthRow } from './truth-table.js';

/** One row's inequality: Σ coef_j v_j > 0 (strict) or ≥ 0, with v = (w_1, …, w_n, b). */
export interface RowInequality {
  readonly coef: readonly bigint[];
  readonly strict: boolean;
}

export type CertificateSearch =
  | { readonly kind: 'infeasible'; readonly multipliers: readonly bigint[] }
  | { readonly kind: 'feasible' }
  | { readonly kind: 'too-large'; readonly reason: string };

/** Beyond this many derived inequalities the elimination stops and says so. */
export const MAX_INEQUALITIES = 20000;

/**
 * A 1-row needs w·x + b > 0 (≥ 0 when step(0) = 1); a 0-row needs w·x + b ≤ 0
 * (< 0 when step(0) = 1), written −(w·x + b) ≥ 0 so every inequality reads "… ≥ 0" or "… > 0".
 */
export function rowInequalities(rows: readonly TruthRow[], stepAtZero: StepAtZero): RowInequality[] {
  return rows.map((r) => {
    if (r.input.some((v) => v.d !== 1n)) throw new RangeError('certificates are computed for whole-number inputs only');
    const sign = r.output === 1 ? 1n : -1n;
    return { coef: [...r.input.map((v) => sign * v.n), sign], strict: r.output === 1 ? stepAtZero === 0 : stepAtZero === 1 };
  });
}

interface Derived {
  coef: bigint[];
  strict: boolean;
  lambda: bigint[];
}

const abs = (a: bigint): bigint => (a < 0n ? -a : a);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function reduce(d: Derived): Derived {
  const g = [...d.coef, ...d.lambda].reduce(gcd, 0n);
  return g > 1n ? { coef: d.coef.map((c) => c / g), strict: d.strict, lambda: d.lambda.map((l) => l / g) } : d;
}

const weight = (d: Derived): bigint => d.lambda.reduce((s, l) => s + l, 0n);

type Elimination = { readonly kind: 'done'; readonly stages: readonly (readonly Derived[])[]; readonly contradiction?: Derived } | { readonly kind: 'too-large'; readonly reason: string };

/**
 * Fourier–Motzkin on every unknown in turn; stages[j] holds the inequalities left over unknowns j, j+1, ….
 * `maxPairWork` bounds the pairs combined times the length of a row (a bound on time, where
 * MAX_INEQUALITIES bounds memory: the last unknown's pairs all collapse to a few keys).
 */
function eliminateAll(rows: readonly RowInequality[], maxPairWork: number): Elimination {
  const m = rows.length;
  let current: Derived[] = rows.map((r, i) => ({ coef: [...r.coef], strict: r.strict, lambda: rows.map((_, j) => (j === i ? 1n : 0n)) }));
  const stages: Derived[][] = [];
  const vars = rows[0]?.coef.length ?? 0;
  let work = 0;
  for (let j = 0; j <= vars; j++) {
    stages.push(current);
    const contradictions = current.filter((d) => d.strict && d.coef.every((c) => c === 0n));
    if (contradictions.length > 0) return { kind: 'done', stages, contradiction: contradictions.reduce((a, b) => (weight(b) < weight(a) ? b : a)) };
    if (j === vars) break;
    const pos = current.filter((d) => (d.coef[j] as bigint) > 0n);
    const neg = current.filter((d) => (d.coef[j] as bigint) < 0n);
    const next = new Map<string, Derived>();
    const keep = (d: Derived): void => {
      // 0 ≥ 0 says nothing; drop it.
      if (!d.strict && d.coef.every((c) => c === 0n)) return;
      const key = `${d.strict ? '>' : '≥'}${d.coef.join(',')}`;
      const old = next.get(key);
      if (old === undefined || weight(d) < weight(old)) next.set(key, d);
    };
    for (const d of current) if (d.coef[j] === 0n) keep(d);
    for (const p of pos)
      for (const q of neg) {
        work += vars + m;
        if (work > maxPairWork) return { kind: 'too-large', reason: `the elimination needed more than ${maxPairWork} steps with ${m} rows of ${vars} unknowns` };
        const a = -(q.coef[j] as bigint);
        const b = p.coef[j] as bigint;
        keep(reduce({ coef: p.coef.map((c, k) => a * c + b * (q.coef[k] as bigint)), strict: p.strict || q.strict, lambda: p.lambda.map((l, k) => a * l + b * (q.lambda[k] as bigint)) }));
        if (next.size > MAX_INEQUALITIES) return { kind: 'too-large', reason: `the elimination grew past ${MAX_INEQUALITIES} inequalities with ${m} rows` };
      }
    current = [...next.values()];
  }
  return { kind: 'done', stages };
}

/**
 * Decides whether some (w, b) satisfies every row, and when none does returns
 * the multipliers (one per row, whole numbers ≥ 0, smallest sum found).
 *
 *     separationCertificate(rowInequalities(xorRows, 0))   // infeasible, multipliers [1, 1, 1, 1]
 */
export function separationCertificate(rows: readonly RowInequality[]): CertificateSearch {
  const d = decideRows(rows);
  return d.kind === 'feasible' ? { kind: 'feasible' } : d;
}

export type RowDecision =
  | { readonly kind: 'infeasible'; readonly multipliers: readonly bigint[] }
  | { readonly kind: 'feasible'; readonly solution: readonly Rational[] }
  | { readonly kind: 'too-large'; readonly reason: string };

/**
 * One elimination, both answers: a solution when the rows are feasible
 * (solveRows), the multipliers when they are not (separationCertificate),
 * or too-large past `maxPairWork` combined entries (unbounded by default).
 *
 *     decideRows([{ coef: [1n, 1n], strict: true }], 1e6)   // feasible, solution [1, 0]
 */
export function decideRows(rows: readonly RowInequality[], maxPairWork = Infinity): RowDecision {
  const e = eliminateAll(rows, maxPairWork);
  if (e.kind === 'too-large') return e;
  if (e.contradiction !== undefined) return { kind: 'infeasible', multipliers: e.contradiction.lambda };
  return { kind: 'feasible', solution: backSubstitute(e.stages, rows[0]?.coef.length ?? 0) };
}

/**
 * A solution (w_1, …, w_n, b) of the rows when one exists, by back-substitution
 * through the elimination's stages: the last unknown first, each chosen inside
 * the interval its stage leaves open (the midpoint, or one past a one-sided
 * bound). Exact; whatever it returns is still checked by exhaustion.
 */
export function solveRows(rows: readonly RowInequality[]): Rational[] | undefined {
  const d = decideRows(rows);
  return d.kind === 'feasible' ? [...d.solution] : undefined;
}

function backSubstitute(stages: readonly (readonly Derived[])[], vars: number): Rational[] {
  const v: Rational[] = Array.from({ length: vars }, () => ({ n: 0n, d: 1n }));
  for (let j = vars - 1; j >= 0; j--) {
    let low: { at: Rational; strict: boolean } | undefined;
    let high: { at: Rational; strict: boolean } | undefined;
    for (const d of stages[j] ?? []) {
      const a = d.coef[j] as bigint;
      if (a === 0n) continue;
      // a v_j + rest (> or ≥) 0, rest from the unknowns already chosen.
      const rest = d.coef.reduce<Rational>((s, c, k) => (k > j ? ratAdd(s, ratMul({ n: c, d: 1n }, v[k] as Rational)) : s), { n: 0n, d: 1n });
      const at = ratDiv(ratNeg(rest), { n: a, d: 1n });
      if (a > 0n) {
        if (low === undefined || ratCompare(at, low.at) > 0 || (ratCompare(at, low.at) === 0 && d.strict)) low = { at, strict: d.strict };
      } else if (high === undefined || ratCompare(at, high.at) < 0 || (ratCompare(at, high.at) === 0 && d.strict)) high = { at, strict: d.strict };
    }
    const one = { n: 1n, d: 1n };
    v[j] =
      low !== undefined && high !== undefined
        ? ratCompare(low.at, high.at) === 0
          ? low.at
          : ratDiv(ratAdd(low.at, high.at), { n: 2n, d: 1n })
        : low !== undefined
          ? ratAdd(low.at, one)
          : high !== undefined
            ? ratSub(high.at, one)
            : { n: 0n, d: 1n };
  }
  return v;
}

/**
 * The independent check of a certificate: multipliers ≥ 0, the weighted sum
 * of the rows' left sides is 0 in every coordinate, and some strict row has a
 * positive multiplier. Returns the summed coefficients for printing.
 */
export function verifyCertificate(rows: readonly RowInequality[], multipliers: readonly bigint[]): { valid: boolean; sum: bigint[]; reason: string } {
  const vars = rows[0]?.coef.length ?? 0;
  const sum = Array.from({ length: vars }, (_, k) => rows.reduce((s, r, i) => s + (multipliers[i] ?? 0n) * (r.coef[k] as bigint), 0n));
  if (multipliers.length !== rows.length) return { valid: false, sum, reason: 'one multiplier per row is needed' };
  if (multipliers.some((l) => l < 0n)) return { valid: false, sum, reason: 'a multiplier is negative' };
  if (sum.some((c) => c !== 0n)) return { valid: false, sum, reason: 'the combination is not 0' };
  if (!rows.some((r, i) => r.strict && (multipliers[i] as bigint) > 0n)) return { valid: false, sum, reason: 'no strict inequality has a positive multiplier, so the sum says only 0 ≥ 0' };
  return { valid: true, sum, reason: 'the combination is 0 > 0' };
}
