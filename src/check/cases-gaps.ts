/**
 * Cases that leave their split point out (`-1` if t < 1, `0` if t > 1: "away
 * from the kink") have no value there; the reader gives that point the first
 * row's value and records the split's difference d (latex-cases.ts, the
 * reading's `gap`). A counterexample where d = 0 is then about a value the
 * student never wrote, so it refutes nothing: the step is undecided.
 *
 *     counterexampleAtGap(readings, { t: 1 })   // the reading whose gap t − 1 is 0 there
 */
import type { Reading } from '../parse/index.js';
import { symKey } from '../expr/sym-key.js';
import { compile, EvaluationError, freeSymbols } from '../numeric/index.js';

/** How close to 0 the split's difference must be for the point to be the left-out one (special points land on it exactly). */
const AT_SPLIT = 1e-9;

/** The reading with a gap at `point`, or undefined; a point that does not give every symbol of the gap counts as on it (weaker, never stronger). */
export function counterexampleAtGap(readings: readonly Reading[], point: Readonly<Record<string, number>> | undefined): Reading | undefined {
  for (const r of readings) {
    if (r.gap === undefined) continue;
    if (point === undefined) return r;
    const vars = freeSymbols(r.gap, [], false);
    const values = vars.map((s) => point[symKey(s)]);
    if (values.some((v) => v === undefined)) return r;
    let d: number;
    try {
      d = compile(r.gap, vars, { indexed: false })(values as number[]);
    } catch (e) {
      if (e instanceof EvaluationError) return r;
      throw e;
    }
    if (!(Math.abs(d) > AT_SPLIT * Math.max(1, ...values.map((v) => Math.abs(v as number))))) return r;
  }
  return undefined;
}
