/**
 * A condition on a letter stated while an earlier one on the same letter is
 * in force: "For $x \in (0, 1)$ … (a fact for the section). For $x > -1$ we
 * have $$\log(1 + x) \ge x/2$$". Either the new one adds to the old (x in
 * (0, 1)) or replaces it (x > −1); the prose rarely says which. Judged on
 * both at once, the claim held on (0, 1) although it is false for x > −1.
 * So while the new condition holds, an earlier one it does not imply is out
 * of force (a claim holds or is proved on the wider set, hence on both
 * readings), and a failure of a step using the letter is undecided (the
 * point may lie outside the earlier condition). A condition narrower than
 * the earlier one (x > 1 after x > 0) reads the same both ways and changes
 * nothing; nor does a condition given on the command line (--assume).
 *
 *     widenedDomains(ledger, [{ kind: 'sign', sym: x, sign: 'positive' }], at, end)
 */
import { symKey } from '../expr/sym-key.js';
import type { Fact } from './facts.js';
import type { Ledger } from './fact-ledger.js';
import { lineCol } from '../parse/index.js';

interface Span {
  readonly lo: number;
  readonly hi: number;
  readonly loOpen: boolean;
  readonly hiOpen: boolean;
}

/** The set a sign or interval fact allows, or undefined for other facts (x ≠ 0 is not one interval). */
function spanOf(f: Fact): Span | undefined {
  if (f.kind === 'sign') {
    if (f.sign === 'positive') return { lo: 0, hi: Infinity, loOpen: true, hiOpen: true };
    if (f.sign === 'nonnegative') return { lo: 0, hi: Infinity, loOpen: false, hiOpen: true };
    if (f.sign === 'negative') return { lo: -Infinity, hi: 0, loOpen: true, hiOpen: true };
    return undefined;
  }
  if (f.kind === 'interval' && !f.integer) return f.bounds ?? { lo: f.lo, hi: f.hi, loOpen: f.closed?.[0] === false, hiOpen: f.closed?.[1] === false };
  return undefined;
}

/** Is the set of `inner` inside the set of `outer`? */
function within(inner: Span, outer: Span): boolean {
  const loOk = inner.lo > outer.lo || (inner.lo === outer.lo && (inner.loOpen || !outer.loOpen));
  const hiOk = inner.hi < outer.hi || (inner.hi === outer.hi && (inner.hiOpen || !outer.hiOpen));
  return loOk && hiOk;
}

/** Do the sets of `a` and `b` meet? */
function meet(a: Span, b: Span): boolean {
  const lo = a.lo > b.lo || (a.lo === b.lo && a.loOpen) ? a : b;
  const hi = a.hi < b.hi || (a.hi === b.hi && a.hiOpen) ? a : b;
  return lo.lo < hi.hi || (lo.lo === hi.hi && !lo.loOpen && !hi.hiOpen);
}

/**
 * Is `old` in doubt after `facts` (about the same letter)? Not when one of them implies it (one reading), nor when
 * one leaves no value with it (a contradiction, which the ledger reports: "x > 1 and x < 0 leave no value for x").
 */
function inDoubt(old: Fact, facts: readonly Fact[]): boolean {
  const o = spanOf(old);
  if (o === undefined) return false;
  const spans = facts.map(spanOf).filter((n): n is Span => n !== undefined);
  return !spans.some((n) => within(n, o) || !meet(n, o));
}

/**
 * Puts out of force, from `at` to `end` (where the new `facts` hold), the earlier domain facts on the same letters
 * that the new ones do not imply, and makes a failure of a step using the letter there undecided.
 */
export function widenedDomains(ledger: Ledger, facts: readonly Fact[], at: number, end: number): void {
  const letters = new Map<string, Fact[]>();
  for (const f of facts) if (spanOf(f) !== undefined && (f.kind === 'sign' || f.kind === 'interval')) letters.set(symKey(f.sym), [...(letters.get(symKey(f.sym)) ?? []), f]);
  for (const [key, fresh] of letters) {
    const earlier = ledger
      .activeAt(at)
      .filter((st) => st.line > 0 && st.from < at && st.hypothetical !== true && st.example !== true && (st.fact.kind === 'sign' || st.fact.kind === 'interval') && symKey(st.fact.sym) === key && inDoubt(st.fact, fresh));
    if (earlier.length === 0) continue;
    const out = new Set(earlier.map((st) => st.fact));
    ledger.suspend((f) => out.has(f), at, end);
    const first = earlier[0];
    const name = first !== undefined && (first.fact.kind === 'sign' || first.fact.kind === 'interval') ? first.fact.sym.name : key;
    const said = earlier.map((st) => `${ledger.describe(st.fact)} (line ${st.line})`).join(', ');
    ledger.unread.push({ text: `\\text{whether ${said} still ${earlier.length === 1 ? 'holds' : 'hold'}}`, from: at, to: end, line: lineCol(ledger.source, at).line, about: [name], settledBy: earlier.map((st) => st.fact) });
  }
}

/** Do all of `facts` (sign and interval facts) hold at `point` (values by symbol key)? Unknown facts or values: no. */
export function holdAt(facts: readonly Fact[], point: Readonly<Record<string, number>>): boolean {
  return facts.every((f) => {
    const span = spanOf(f);
    if (span === undefined || (f.kind !== 'sign' && f.kind !== 'interval')) return false;
    const v = point[symKey(f.sym)];
    if (v === undefined || !Number.isFinite(v)) return false;
    return (v > span.lo || (v === span.lo && !span.loOpen)) && (v < span.hi || (v === span.hi && !span.hiOpen));
  });
}
