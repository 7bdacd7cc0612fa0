/**
 * Worked examples: values a document gives its names in prose and the
 * relations that follow them. "Take $w_1 = 0.5$, $x = 1$", "Numbers: $w = 2$,
 * $b = -1$ give $\hat y = 5$", "starting from $w_0 = 0$ with step size
 * $\eta = 0.25$", "For $z = \log 3$: …", "e.g. $x = 2$ gives $x^2 = 4$".
 *
 * 1. A binding is inline math `v = c` with v a plain name (not a function)
 *    and c a number (no letters), unless the prose draws it as a conclusion
 *    ("so $v = 2$") or v has a definition that is not itself a value
 *    (`\hat y = w x + b` makes "$\hat y = 5$" a claim). The binding is a
 *    definition fact of the ledger, marked `example`.
 * 2. Its scope (scopes.ts `exampleEnd`): the whole section when given in the
 *    section's first paragraph (the problem's setup); otherwise its
 *    paragraph, carried over display math and a paragraph continuing its
 *    sentence; its sentence when the sentence is hypothetical ("e.g.",
 *    "if"). A later value for the same name ends it (a gradient-descent
 *    trace: `w_1 = 6.5` after `w_1 = …`), and so does a LaTeX \paragraph.
 * 3. A relation that uses a binding (directly or through definitions) is
 *    judged twice: in general first (without the example's values), and only
 *    when that does not come out proved or holds, with the values
 *    substituted (after derivatives are taken: ∂E/∂w at w = 2). The verdict
 *    says which values were used and where they were given, so a relation
 *    that only holds at the example is never reported as true in general.
 *    A failure with the values is a failure (the relation is false at the
 *    example's point, hence false in general too).
 * 4. A relation whose two sides, as written, both use the example's names
 *    (`\frac{d}{dx}(\frac1x - 1) = -\frac{1}{x^3}` after "equality only at
 *    $x = 1$", `\sigma'(x) = \sigma(x)/2` after "at $x = 0$") is a formula in
 *    them: it is judged in general only. A value claim has a side free of
 *    them (`w x + b = -2`, `\frac{\partial E}{\partial w} = 6`,
 *    `w_t - \eta f'(w_t) = w_t - 0.5(w_t - 3)`).
 *
 *     judgeInExample(active, used, names, (facts) => judgeStep(…), describe)
 */
import { num, sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { children as childrenOf, some, symbolsOf } from '../expr/traverse.js';
import { evaluate } from '../numeric/evaluate.js';
import { symKey } from '../expr/sym-key.js';
import { ParseError, parseLatex } from '../parse/index.js';
import type { Stated } from './fact-ledger.js';
import type { Fact } from './facts.js';
import type { Judgement } from './judgement.js';
import { splitTopLevelCommasAt } from './top-level-commas.js';

/** A value given to a plain name: `v = c` with c a number (no letters, no function parameter). */
export function isValue(f: Fact): boolean {
  return f.kind === 'define' && f.param === undefined && f.params === undefined && f.value.kind !== 'sym' && symbolsOf(f.value).length === 0;
}

/**
 * Values given as a tuple: `(w_1, w_2) = (2, 1)` gives w_1 and w_2, and
 * `z = (0, \ln 3)` the entries z_1, z_2 of a vector written by its entries.
 * Undefined unless every entry is a number and every name a plain symbol.
 *
 *     tupleValues('z = (0, \\ln 3)')   // [z_1 = 0, z_2 = log(3)]
 */
export function tupleValues(text: string): Fact[] | undefined {
  const m = /^\s*(\(.*\)|\\?[A-Za-z]+)\s*=\s*\((.*)\)\s*[.,;]?\s*$/.exec(text.replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr)(?=[()])/g, ''));
  if (m === null) return undefined;
  const values = splitTopLevelCommasAt(m[2] ?? '').map((p) => read(p.text));
  if (values.length < 2 || values.some((v) => v === undefined || symbolsOf(v).length > 0)) return undefined;
  const lhs = m[1] ?? '';
  const names = lhs.startsWith('(') ? splitTopLevelCommasAt(lhs.slice(1, -1)).map((p) => read(p.text)) : values.map((_, i) => indexed(lhs, i + 1));
  if (names.length !== values.length || names.some((n) => n?.kind !== 'sym')) return undefined;
  return names.map((n, i) => ({ kind: 'define', sym: n as Extract<Expr, { kind: 'sym' }>, value: values[i] as Expr }));
}

function read(text: string): Expr | undefined {
  try {
    return parseLatex(text);
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}

/** The i-th entry of a vector named by a plain letter (z -> z_i); undefined for a name with scripts. */
function indexed(name: string, i: number): Expr | undefined {
  const v = read(name);
  return v?.kind === 'sym' && v.sub.length === 0 && v.sup.length === 0 ? sym(v.name, [num(i)]) : undefined;
}

/** "w = 2, x = 1 (line 5), eta = 0.5 (line 7)": the values, grouped by the line that gave them. */
export function describeValues(values: readonly Stated[], describe: (f: Fact) => string): string {
  const byLine = new Map<number, string[]>();
  for (const st of values) byLine.set(st.line, [...(byLine.get(st.line) ?? []), describe(st.fact)]);
  return [...byLine].map(([line, vs]) => `${vs.join(', ')} (line ${line})`).join(', ');
}

/**
 * A term of a sequence written with a letter for its index (w_t) while the
 * document gives terms by number (w_0 = 0, w_1 = 1.5, …): w_t is not a free
 * number but depends on t. The letter and the numbers of the given terms,
 * or undefined.
 *
 *     sequenceIndex([parseLatex('w_t - 3')], active)   // { index: t, at: [0, 1, 2, 3], given: 'w_0 = 0 (line 3), …' }
 */
export function sequenceIndex(sides: readonly Expr[], active: readonly Stated[], describe: (f: Fact) => string): { index: Sym; at: number[]; given: string; lowestOffset: number } | undefined {
  const written = new Map<string, Sym>();
  // The offsets at which the step uses its sequences (-1 for m_{t-1}): a term before the first given one is not known.
  const offsets: number[] = [];
  // A member at 2t or t^2 is not one the terms given by number reach by putting t = n (a_{2·0} stays a symbol of
  // its own, sampled as a free number): such a step is not judged at the terms.
  let notAnOffset = false;
  const familyOffsets = new Map<string, number[]>();
  const visit = (e: Expr): void => {
    if (e.kind === 'sym' && e.sub.length === 1) {
      const letters = symbolsOf(e.sub[0] as Expr);
      if (letters.length === 1) {
        written.set(e.name, letters[0] as Sym);
        try {
          const key = symKey(letters[0] as Sym);
          const c = evaluate(e.sub[0] as Expr, new Map([[key, 0]]));
          const index = e.sub[0] as Expr;
          if (Number.isInteger(c) && (index.kind === 'sym' || isOffsetForm(index))) {
            offsets.push(c);
            familyOffsets.set(e.name, [...(familyOffsets.get(e.name) ?? []), c]);
          }
          else notAnOffset = true;
        } catch {
          notAnOffset = true;
        }
      }
    }
    for (const c of childrenOf(e)) visit(c);
  };
  sides.forEach(visit);
  if (notAnOffset) return undefined;
  const given = active.filter((st) => st.fact.kind === 'define' && written.has(st.fact.sym.name) && st.fact.sym.sub.length === 1 && st.fact.sym.sub[0]?.kind === 'num' && st.fact.sym.sub[0].d === 1n);
  const first = given[0]?.fact;
  if (first === undefined || first.kind !== 'define') return undefined;
  const index = written.get(first.sym.name) as Sym;
  // The letter must be free: a defined t (or one given a value) is not an index to run over.
  if (active.some((st) => st.fact.kind === 'define' && st.fact.sym.name === index.name && st.fact.sym.sub.length === 0)) return undefined;
  const givenAt = (name: string): Set<number> => new Set(given.flatMap((st) => (st.fact.kind === 'define' && st.fact.sym.name === name && st.fact.sym.sub[0]?.kind === 'num' ? [Number(st.fact.sym.sub[0].n)] : [])));
  // Only indices where every member the step uses is a given term (a_{n+1} at n = 2 needs a_3: not given, not known).
  const known = (n: number): boolean => [...familyOffsets].every(([name, os]) => !given.some((st) => st.fact.kind === 'define' && st.fact.sym.name === name) || os.every((o) => givenAt(name).has(n + o)));
  const at = [...new Set(given.flatMap((st) => (st.fact.kind === 'define' && st.fact.sym.sub[0]?.kind === 'num' ? [Number(st.fact.sym.sub[0].n)] : [])))]
    .sort((x, y) => x - y)
    .filter(known)
    .slice(0, MAX_TERMS);
  return { index, at, given: given.map((st) => `${describe(st.fact)} (line ${st.line})`).join(', '), lowestOffset: Math.min(0, ...offsets) };
}

/** t + 1, t - 1, 1 + t: the letter plus a whole number, the only member indices a term given by number is put into. */
function isOffsetForm(e: Expr): boolean {
  return e.kind === 'add' && e.args.length === 2 && e.args.some((a) => a.kind === 'sym') && e.args.some((a) => a.kind === 'num' || (a.kind === 'neg' && a.arg.kind === 'num'));
}

/** How many given terms of a sequence a step is checked at. */
const MAX_TERMS = 6;

/**
 * Judges a step about a sequence term (w_t) at each index whose term the
 * document gives (t = 0, 1, 2, 3 for w_0 … w_3): fails at the first index
 * where it fails; holds when it holds at all of them (said so: not proved
 * for every t); undecided otherwise.
 */
export function judgeAtTerms(seq: { index: Sym; at: readonly number[]; given: string; lowestOffset?: number }, judge: (extra: Stated) => Judgement): Judgement {
  const t = seq.index.name;
  // m_t = \beta m_{t-1} + … at t = 0 would use m_{-1}, which nothing gives: only indices whose every term used is at or after the first given one.
  const first = seq.at[0] ?? 0;
  const at = seq.at.filter((n) => n + (seq.lowestOffset ?? 0) >= first);
  let holds = 0;
  for (const n of at) {
    const j = judge({ fact: { kind: 'define', sym: seq.index, value: num(n) }, from: 0, to: Infinity, line: 0, col: 0, example: true });
    if (j.verdict === 'fails') return { verdict: 'fails', evidence: { ...j.evidence, summary: `at ${t} = ${n}, a term the document gives (${seq.given}): ${j.evidence.summary}` } };
    if (j.verdict === 'proved' || j.verdict === 'holds') holds++;
  }
  // One term is no evidence about the others (a wrong closed form of m_t can agree at t = 0): at least two.
  if (holds >= 2 && holds === at.length) {
    return { verdict: 'holds', evidence: { method: 'sampling', summary: `holds at ${t} = ${at.join(', ')}, the terms the document gives (${seq.given}); not proved for every ${t}` } };
  }
  return { verdict: 'undecided', evidence: { method: 'none', summary: `a term of a sequence the document gives by number (${seq.given}): its value depends on ${t}, and the step could not be decided at those terms` } };
}

const TRUE: ReadonlySet<Judgement['verdict']> = new Set(['proved', 'holds']);

/**
 * Judges a step that uses the values of a worked example: in general first,
 * then with the values. `judge` takes the facts to use; `used` are the facts
 * in scope that speak about the step, `names` the letters of its symbols and
 * of their definitions (for members of a family: z_1 for z_j). Returns the judgement and the values
 * it rests on (empty when the general judgement decided).
 */
export function judgeInExample(
  active: readonly Stated[],
  used: readonly Stated[],
  names: ReadonlySet<string>,
  sides: readonly [Expr, Expr],
  judge: (facts: readonly Stated[]) => Judgement,
  describe: (f: Fact) => string,
): { judgement: Judgement; values: Stated[] } {
  // The values the step uses: of its symbols and their definitions, and members of the families it uses (z_1 = 0 for a sum over z_j).
  const values = active.filter((st) => st.example === true && (used.includes(st) || (st.fact.kind === 'define' && st.fact.sym.sub.length > 0 && names.has(st.fact.sym.name))));
  if (values.length === 0) return { judgement: judge(active), values: [] };
  const general = judge(active.filter((st) => st.example !== true));
  // True in general only where the left side is defined (x ≠ 0 for x/x): the values may be where it is not ("Let $x = 0$").
  if (TRUE.has(general.verdict) && (general.evidence.definedWhere ?? []).length === 0) return { judgement: general, values: [] };
  // Both sides written in the example's variables (d/dx (1/x - 1) = -1/x^3 after "at $x = 1$"): a formula, judged in general.
  // (Without a derivative, "Take $u = 1$. Then $u^2 = u$" is a statement about the value: judged with it.)
  const bound = new Set(values.map((st) => (st.fact.kind === 'define' ? symKey(st.fact.sym) : '')));
  const mentions = (e: Expr): boolean => some(e, (x) => (x.kind === 'sym' && bound.has(symKey(x))) || (x.kind === 'deriv' && bound.has(symKey(x.wrt))));
  const derivative = sides.some((e) => some(e, (x) => x.kind === 'deriv'));
  if (derivative && mentions(sides[0]) && mentions(sides[1])) return { judgement: general, values: [] };
  const at = judge(active);
  const given = `with the worked example's values ${describeValues(values, describe)}`;
  const elsewhere = general.verdict === 'fails' ? `; for other values it does not hold (${general.evidence.summary})` : '';
  if (TRUE.has(at.verdict) || at.verdict === 'fails') return { judgement: { verdict: at.verdict, evidence: { ...at.evidence, summary: `${given}: ${at.evidence.summary}${at.verdict === 'fails' ? '' : elsewhere}` } }, values };
  // Undecided with the values: a general failure may be about other values, so it proves nothing either.
  return { judgement: { verdict: 'undecided', evidence: { ...at.evidence, summary: `${given}: ${at.evidence.summary}${elsewhere}` } }, values };
}
