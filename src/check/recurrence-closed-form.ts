/**
 * A closed form of a sequence the document gives by a recurrence: after
 * "$m_0 = 0$ and $m_t = \beta_1 m_{t-1} + (1 - \beta_1) g$", the claim
 * $m_t = (1 - \beta_1^t) g$ is about those terms, not about a free number
 * m_t. It is judged against the terms the recurrence gives (m_0, m_1, …,
 * written out exactly from the given first terms) and by induction: the
 * closed form satisfies the recurrence for every whole t past the given
 * terms. It fails at the first term where it differs (a real
 * counterexample: that term is what the document defines); it is proved
 * when the given terms and the induction step are proved, and holds when
 * they are only sampled.
 *
 *     judgeClosedForm(rec, parseLatex('m_t'), parseLatex('(1 - \\beta^t) g'), judge)   // { verdict: 'proved', … by induction on t … }
 */
import { num } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { substitute } from '../expr/substitute.js';
import { toPlain } from '../expr/to-plain.js';
import { children, mapBottomUp, some } from '../expr/traverse.js';
import { evaluate, EvaluationError } from '../numeric/index.js';
import { lineCol } from '../parse/index.js';
import type { Fact } from './facts.js';
import type { Stated } from './fact-ledger.js';
import type { Judgement } from './judgement.js';

/** A recurrence the document states, with the terms it gives by number. */
export interface Recurrence {
  /** The member the recurrence defines (m_t), its index a letter. */
  readonly sym: Sym;
  /** Its value, in terms of earlier members (β m_{t-1} + (1 − β) g). */
  readonly value: Expr;
  readonly from: number;
  readonly to: number;
  readonly line: number;
  /** The terms given by number (m_0 = 0), lowest index first. */
  readonly given: readonly { readonly index: number; readonly value: Expr; readonly line: number }[];
  /**
   * Written forward by this much (a_{n+1} = 2 a_n, kept as a_n = 2 a_{n-1}: 1): a range stated for its letter
   * ("for n ≥ 2") starts the recurrence that much later (a_3 = 2 a_2 is the first term it gives).
   */
  readonly shift?: number;
  /**
   * Numbers the document gives names where the recurrence is stated (η = 0.25 before w_{t+1} = w_t − η f'(w_t)):
   * the terms are those numbers' (judgeTerms), even where that value's own scope has ended.
   */
  readonly values?: ReadonlyMap<string, Expr>;
}

/** What recordRecurrence needs of the ledger (fact-ledger.ts). */
interface RecurrenceLedger {
  readonly recurrences: Recurrence[];
  activeAt(offset: number): readonly Stated[];
  readonly source: string;
}

/**
 * Keeps a recurrence stated at `from` (until `to`), with the terms of its
 * family given by number in scope there (m_0 = 0), for closed forms claimed
 * after it.
 */
export function recordRecurrence(ledger: RecurrenceLedger, member: Sym, value: Expr, from: number, to: number, shift = 0): void {
  const given = ledger
    .activeAt(from)
    .flatMap((st) => (st.fact.kind === 'define' && st.fact.sym.name === member.name && st.fact.sym.sub.length === 1 && st.fact.sym.sub[0]?.kind === 'num' && st.fact.sym.sub[0].d === 1n ? [{ index: Number(st.fact.sym.sub[0].n), value: st.fact.value, line: st.line }] : []))
    .sort((x, y) => x.index - y.index);
  const values = new Map<string, Expr>();
  for (const st of ledger.activeAt(from)) {
    const f = st.fact;
    if (f.kind === 'define' && f.param === undefined && f.sym.name !== member.name && !some(f.value, (x) => x.kind === 'sym')) values.set(symKey(f.sym), f.value);
  }
  ledger.recurrences.push({ sym: member, value, from, to, line: lineCol(ledger.source, from).line, given, ...(shift !== 0 ? { shift } : {}), ...(values.size > 0 ? { values } : {}) });
}

/** How many terms past the given ones are written out and compared. */
const TERMS = 6;
/** Terms written out at most (a given term further than that leaves the closed form undecided). */
const MAX_TERMS = 12;
/** The induction step is sampled for whole t in [first, first + SPAN]. */
const SPAN = 40;
/** Terms written out past the first ones, at most, to reach a whole t where the closed form breaks the recurrence. */
const FURTHEST = 64;

const isLetter = (e: Expr | undefined): e is Sym => e?.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0;
const isMember = (rec: Recurrence, e: Expr): e is Sym => e.kind === 'sym' && e.name === rec.sym.name && e.sub.length === 1 && e.sup.length === 0;

/**
 * The lowest whole index the facts in scope allow the recurrence's index letter (or the claim's), when a fact
 * bounds it from below (t ≥ 2: 2; t > 5: 6; t positive: 1); undefined when none does.
 */
function lowestIndex(facts: readonly Fact[], ...letters: readonly Sym[]): number | undefined {
  let low: number | undefined;
  for (const f of facts) {
    if ((f.kind !== 'interval' && f.kind !== 'sign') || !letters.some((l) => symKey(l) === symKey(f.sym))) continue;
    let bound: number | undefined;
    if (f.kind === 'sign') bound = f.sign === 'positive' ? 1 : f.sign === 'nonnegative' ? 0 : undefined;
    else {
      const lo = f.bounds?.lo ?? f.lo;
      if (Number.isFinite(lo)) bound = f.bounds?.loOpen === true && Number.isInteger(lo) ? lo + 1 : Math.ceil(lo);
    }
    if (bound !== undefined) low = Math.max(low ?? -Infinity, bound);
  }
  return low;
}

/** The offset of a member's index from the index letter (m_{t-1}: −1), when it is a whole number. */
function offsetOf(member: Sym, index: Sym): number | undefined {
  try {
    const v = evaluate(member.sub[0] as Expr, new Map([[symKey(index), 0]]));
    return Number.isInteger(v) ? v : undefined;
  } catch (e) {
    if (e instanceof EvaluationError) return undefined;
    throw e;
  }
}

/** The members of the family an expression uses (m_{t-1}, m_{t-2}). */
function membersOf(rec: Recurrence, e: Expr, into: Sym[] = []): Sym[] {
  if (isMember(rec, e)) into.push(e);
  else for (const c of children(e)) membersOf(rec, c, into);
  return into;
}

/**
 * The claim `lhs = rhs` judged as a closed form of the recurrence, or
 * undefined when it is not one (lhs not the member at a letter, rhs using
 * the family, a recurrence gradtex cannot unroll). `judge` judges one
 * relation with extra facts.
 */
export function judgeClosedForm(recurrence: Recurrence, lhs: Expr, rhs: Expr, judge: (l: Expr, r: Expr, extra: readonly Fact[]) => Judgement, stated: readonly { readonly fact: Fact; readonly line: number }[] = []): Judgement | undefined {
  if (!isMember(recurrence, lhs) || !isLetter(lhs.sub[0]) || !isLetter(recurrence.sym.sub[0])) return undefined;
  // Terms given by number after the recurrence ("… and $a_1 = 5$") are given too.
  const later: Recurrence['given'][number][] = [];
  for (const { fact: f, line } of stated) {
    const k = f.kind === 'define' && f.sym.name === recurrence.sym.name && f.sym.sub.length === 1 ? f.sym.sub[0] : undefined;
    if (f.kind !== 'define' || k?.kind !== 'num' || k.d !== 1n) continue;
    const index = Number(k.n);
    if (!recurrence.given.some((g) => g.index === index) && !later.some((g) => g.index === index)) later.push({ index, value: f.value, line });
  }
  const rec: Recurrence = later.length === 0 ? recurrence : { ...recurrence, given: [...recurrence.given, ...later].sort((x, y) => x.index - y.index) };
  const facts = stated.map((st) => st.fact);
  if (some(rhs, (x) => isMember(rec, x))) return undefined;
  const t = lhs.sub[0];
  const value = substitute(rec.value, new Map([[symKey(rec.sym.sub[0] as Sym), t]]));
  const members = membersOf(rec, value);
  if (members.length === 0) return undefined;
  const offsets = members.map((m) => offsetOf(m, t));
  if (offsets.some((o) => o === undefined || o >= 0)) return undefined;
  const lag = -Math.min(...(offsets as number[]));
  const first = rec.given[0]?.index;
  if (first === undefined) return undefined;
  // The recurrence starts once `lag` consecutive terms are given.
  for (let k = 0; k < lag; k++) if (!rec.given.some((g) => g.index === first + k)) return undefined;
  // "a_t = a_{t-1} + 1 for t ≥ 2": the recurrence gives no term below its stated range; those must be given.
  const recIndex = rec.sym.sub[0] as Sym; // a letter (isLetter above)
  // (The claim's letter is often the recurrence's: a bound on it is taken as the recurrence's, shifted when that
  // was written forward — a later start needs more given terms, so this is never stronger.)
  const from = lowestIndex(facts, recIndex, t);
  const start = Math.max(first + lag, (from ?? -Infinity) + (rec.shift ?? 0));
  const at = (e: Expr, k: Expr): Expr => substitute(e, new Map([[symKey(t), k]]));
  const givenText = (): string => `${rec.given.map((g) => `${rec.sym.name}_${g.index} = ${toPlain(g.value)} (line ${g.line})`).join(', ')} and ${toPlain(rec.sym)} = ${toPlain(rec.value)} (line ${rec.line})`;
  for (let k = first; k < start; k++) {
    if (!rec.given.some((g) => g.index === k)) return { verdict: 'undecided', evidence: { method: 'none', summary: `a closed form of the recurrence ${givenText()}: the recurrence is stated for ${t.name} ≥ ${start} only and ${rec.sym.name}_${k} is not given, so the terms are not determined` } };
  }
  // The terms, written out: m_k for k from the first given one.
  const terms = new Map<number, Expr>();
  for (const g of rec.given) if (g.index < start) terms.set(g.index, g.value);
  // Written out past the last term the document gives too (each must be the recurrence's), up to a few more.
  const lastGiven = Math.max(...rec.given.map((g) => g.index));
  if (lastGiven >= start + MAX_TERMS) return { verdict: 'undecided', evidence: { method: 'none', summary: `a closed form of the recurrence ${givenText()}: ${rec.sym.name}_${lastGiven} is given, further than the terms written out (${MAX_TERMS})` } };
  /** The term at k the recurrence gives from the terms written out so far, or undefined when one it uses is missing. */
  const nextTerm = (k: number): Expr | undefined => {
    let missing = false;
    const term = mapBottomUp(at(value, num(k)), (x) => {
      if (!isMember(rec, x)) return x;
      const j = offsetOf(x, t);
      const known = j === undefined ? undefined : terms.get(j);
      if (known === undefined) missing = true;
      return known ?? x;
    });
    return missing ? undefined : term;
  };
  for (let k = start; k < Math.max(start + TERMS, lastGiven + 1); k++) {
    const term = nextTerm(k);
    if (term === undefined) return undefined;
    // A term the document also gives by number (a_1 = 5 beside a_0 = 0, a_t = a_{t-1} + 1) must be the one the
    // recurrence gives; otherwise the document says two things about it and no closed form is proved from them.
    const stated = rec.given.find((g) => g.index === k);
    if (stated !== undefined && judge(stated.value, term, []).verdict !== 'proved') {
      return { verdict: 'undecided', evidence: { method: 'none', summary: `a closed form of the recurrence ${givenText()}: the document gives ${rec.sym.name}_${k} = ${toPlain(stated.value)} (line ${stated.line}), and the recurrence gives ${toPlain(term)}` } };
    }
    terms.set(k, term);
  }
  const given = `${rec.given.filter((g) => g.index < start).map((g) => `${rec.sym.name}_${g.index} = ${toPlain(g.value)} (line ${g.line})`).join(', ')} and ${toPlain(rec.sym)} = ${toPlain(rec.value)} (line ${rec.line})`;
  let sampledOnly = false;
  for (const [k, term] of [...terms].sort((a, b) => a[0] - b[0])) {
    const j = judge(at(rhs, num(k)), term, []);
    if (j.verdict === 'fails') {
      return { verdict: 'fails', evidence: { ...j.evidence, summary: `at ${t.name} = ${k}, the term the recurrence gives (${given}) differs: ${j.evidence.summary}` } };
    }
    if (j.verdict === 'undecided') return { verdict: 'undecided', evidence: { method: 'none', summary: `a closed form of the recurrence ${given}: at ${t.name} = ${k} it could not be decided (${j.evidence.summary})` } };
    if (j.verdict !== 'proved') sampledOnly = true;
  }
  // The induction step: the closed form satisfies the recurrence for every whole t from `start` on.
  const stepped = mapBottomUp(value, (x) => (isMember(rec, x) ? at(rhs, x.sub[0] as Expr) : x));
  const interval: Fact = { kind: 'interval', sym: t, lo: start, hi: start + SPAN, integer: true, bounds: { lo: start, hi: Infinity, loOpen: false, hiOpen: true } };
  const step = judge(rhs, stepped, [interval]);
  const checked = `${t.name} = ${[...terms.keys()].sort((a, b) => a - b).join(', ')}`;
  if (step.verdict === 'proved' && !sampledOnly) {
    // The induction step may hold only where the closed form is defined (β^t for β > 0): so does the proof.
    const where = step.evidence.definedWhere;
    const scope = where === undefined ? '' : `for ${where.join(' and ')}: `;
    return { verdict: 'proved', evidence: { method: 'simplify', ...(where === undefined ? {} : { definedWhere: where }), summary: `${scope}by induction on ${t.name} (a whole number, ${t.name} ≥ ${first}) from the recurrence ${given}: the closed form gives the first term${lag > 1 ? 's' : ''} and satisfies the recurrence (${step.evidence.summary}); it also agrees with the terms written out at ${checked}` } };
  }
  if (step.verdict === 'fails') {
    // The closed form breaks the recurrence at some whole t = K: it agrees with every term up to the first such K
    // or differs at an earlier one, so writing the terms out to K finds the term where it differs (a real
    // counterexample: a_K is what the document defines). Past FURTHEST terms it stays undecided.
    const K = step.evidence.point?.[symKey(t)] ?? step.evidence.point?.[t.name];
    const last = Math.max(...terms.keys());
    if (K !== undefined && Number.isInteger(K) && K > last && K <= last + FURTHEST) {
      for (let k = last + 1; k <= K; k++) {
        const term = nextTerm(k);
        if (term === undefined) break;
        terms.set(k, term);
        const j = judge(at(rhs, num(k)), term, []);
        if (j.verdict === 'fails') return { verdict: 'fails', evidence: { ...j.evidence, summary: `at ${t.name} = ${k}, the term the recurrence gives (${given}, written out from the first term${lag > 1 ? 's' : ''}) differs: ${j.evidence.summary}` } };
        if (j.verdict === 'undecided') break;
      }
    }
  }
  if (step.verdict === 'proved' || step.verdict === 'holds') {
    return { verdict: 'holds', evidence: { method: 'sampling', summary: `a closed form of the recurrence ${given}: it agrees with the terms written out at ${checked}, and satisfies the recurrence at the sampled whole ${t.name} ≥ ${start} (${step.evidence.summary}); not proved for every ${t.name}` } };
  }
  return { verdict: 'undecided', evidence: { method: 'none', summary: `a closed form of the recurrence ${given}: it agrees with the terms written out at ${checked}, but whether it satisfies the recurrence could not be decided (${step.evidence.summary})` } };
}

/** The members of the family at a whole index in `e` (a_3 in f(a_3) = 8), lowest first. */
export function numberedMembers(rec: Recurrence, e: readonly Expr[]): number[] {
  const found = new Set<number>();
  for (const x of e) {
    some(x, (y) => {
      if (isMember(rec, y) && y.sub[0]?.kind === 'num' && y.sub[0].d === 1n && y.sub[0].n >= 0n) found.add(Number(y.sub[0].n));
      return false;
    });
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * A claim using terms given by number, `a_3 = 8` or `f(a_2) = 4`, after the recurrence: judged with each such term
 * as the recurrence gives it, written out from the given first terms, not as a free number a_3 (which "failed" at
 * a made-up a_3). Undefined when the claim uses no such term; undecided when the terms are not determined up to
 * them (a range that starts late, a term given by number past the start, too far).
 *
 *     // rec: a_0 = 0 and a_t = a_{t-1} + 1
 *     judgeTerms(rec, parseLatex('a_3'), parseLatex('3'), judge)   // proved: with a_3 = 3 as the recurrence gives it (…): …
 */
export function judgeTerms(rec: Recurrence, lhs: Expr, rhs: Expr, judge: (l: Expr, r: Expr, extra: readonly Fact[]) => Judgement, stated: readonly { readonly fact: Fact; readonly line: number }[] = []): Judgement | undefined {
  const wanted = numberedMembers(rec, [lhs, rhs]);
  if (wanted.length === 0 || !isLetter(rec.sym.sub[0])) return undefined;
  const k = wanted[wanted.length - 1] as number;
  const t = rec.sym.sub[0];
  const undecided = (why: string): Judgement => ({ verdict: 'undecided', evidence: { method: 'none', summary: `uses terms of the recurrence ${toPlain(rec.sym)} = ${toPlain(rec.value)} (line ${rec.line}): ${why}` } });
  // Terms given by number after the recurrence count too (they are what the document says the terms are).
  const given = new Map<number, Expr>(rec.given.map((g) => [g.index, g.value]));
  for (const { fact: f } of stated) {
    const i = f.kind === 'define' && f.sym.name === rec.sym.name && f.sym.sub.length === 1 ? f.sym.sub[0] : undefined;
    if (f.kind === 'define' && i?.kind === 'num' && i.d === 1n && !given.has(Number(i.n))) given.set(Number(i.n), f.value);
  }
  const offsets = membersOf(rec, rec.value).map((m) => offsetOf(m, t));
  if (offsets.length === 0 || offsets.some((o) => o === undefined || o >= 0)) return undecided('gradtex cannot write its terms out');
  const lag = -Math.min(...(offsets as number[]));
  const first = Math.min(...given.keys());
  if (!Number.isFinite(first) || (wanted[0] as number) < first) return undecided(`${rec.sym.name}_${wanted[0] ?? ''} is before the first term given`);
  const from = lowestIndex(stated.map((st) => st.fact), t);
  const start = Math.max(first + lag, (from ?? -Infinity) + (rec.shift ?? 0));
  for (let i = first; i < Math.min(start, k + 1); i++) if (!given.has(i)) return undecided(`${rec.sym.name}_${i} is not given and the recurrence does not give it`);
  // A term given by number where the recurrence also gives one (a worked example's w_1 = 1.5): the document says two
  // things; left to the judging at the terms given (worked-example.ts), as before.
  if ([...given.keys()].some((i) => i >= start)) return undefined;
  if (k - start > FURTHEST) return undecided(`${rec.sym.name}_${k} is further than the terms written out (${FURTHEST})`);
  const terms = new Map<number, Expr>([...given].filter(([i]) => i < start));
  for (let i = start; i <= k; i++) {
    let missing = false;
    const term = mapBottomUp(substitute(substitute(rec.value, rec.values ?? new Map()), new Map([[symKey(t), num(i)]])), (x) => {
      if (!isMember(rec, x)) return x;
      const j = offsetOf(x, t); // (the index is a number once t is: m_{t-1} at t = 3 is m_2)
      const known = j === undefined ? undefined : terms.get(j);
      if (known === undefined) missing = true;
      return known ?? x;
    });
    if (missing) return undecided(`${rec.sym.name}_${i} could not be written out`);
    terms.set(i, term);
  }
  const written = (e: Expr): Expr => mapBottomUp(e, (x) => (isMember(rec, x) && x.sub[0]?.kind === 'num' && x.sub[0].d === 1n ? (terms.get(Number(x.sub[0].n)) ?? x) : x));
  const j = judge(written(lhs), written(rhs), []);
  if (j.verdict === 'undecided') return j;
  // A failure is the document's own only when the claim and the terms speak of the same unknowns: a name only the
  // terms use (a parameter of the recurrence) or one the recurrence took a number for may be what the claim means.
  const inClaim = new Set([...names(lhs), ...names(rhs)]);
  const termNames = wanted.flatMap((i) => names(terms.get(i) as Expr));
  const foreign = termNames.find((n) => !inClaim.has(n)) ?? [...inClaim].find((n) => rec.values?.has(n) === true);
  if (j.verdict === 'fails' && foreign !== undefined) return undecided(`${j.evidence.summary}; but ${foreign} in the terms may not be the value the claim means`);
  const source = `${[...given].filter(([i]) => i < start).map(([i, v]) => `${rec.sym.name}_${i} = ${toPlain(v)}`).join(', ')} and ${toPlain(rec.sym)} = ${toPlain(rec.value)} (line ${rec.line})`;
  const values = wanted.map((i) => `${rec.sym.name}_${i} = ${toPlain(terms.get(i) as Expr)}`).join(', ');
  return { ...j, evidence: { ...j.evidence, summary: `with ${values} as the recurrence gives ${wanted.length > 1 ? 'them' : 'it'} (${source}, written out): ${j.evidence.summary}` } };
}

/** The keys of the symbols of e, indices of the members left out (a_{2} is the term, not a name). */
function names(e: Expr): string[] {
  const out: string[] = [];
  some(e, (x) => {
    if (x.kind === 'sym') out.push(symKey(x));
    return false;
  });
  return out;
}
