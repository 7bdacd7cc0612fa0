/**
 * Judging the relations of one piece of math, a display block or an inline
 * claim, with the facts in scope at each step: the same path for both, so
 * "hence $a_1 = f(s_1)$" in a sentence is judged exactly as it would be in
 * a display. Every relation found ends up judged (a step of a chain), a
 * definition (`h = …` introducing a new symbol), or "not read" with the
 * reason and position: a block the splitter cannot take apart, a chain
 * holding a connective gradtex does not judge (`\Rightarrow`, `\to`,
 * `\forall`, `\in` …), a side the parser cannot read (at the parse error's
 * line:col).
 *
 *     judgeMath(ctx, { text: '\\ln x \\le x - 1', offset: 40 }, false)   // [{ line: 3, col: 1, steps: [{ verdict: 'proved', … }] }]
 */
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { symbolsOf } from '../expr/traverse.js';
import { ParseError, lineCol, parseLatex, parseLatexReadings, parsePlain, type Reading } from '../parse/index.js';
import type { ChainReport, NotRead, StepReport } from './document-report.js';
import { allSymbols, emptyScope, factsUsed, subjectOf, type Ledger } from './fact-ledger.js';
import { definitionOf, FactError, mergeDomains, type Fact } from './facts.js';
import { readFacts } from './read-facts.js';
import { functionDefinition, functionInWords } from './function-definitions.js';
import { indexConditionClause, unappliedIndexCondition } from './index-conditions.js';
import { headDefinition, headOf, parseWithHeads, type HeadDefinition } from './multi-argument-heads.js';
import { whereClause } from './where-clauses.js';
import type { JudgeOptions } from './judge-equal.js';
import { judgeStep, type Checker } from './judge-step.js';
import { shapesAt, type StatedProperty, type StatedShape } from './shape-facts.js';
import { shapedStep } from './shaped-step.js';
import type { ShapeContext } from '../matrix/shape.js';
import { relationLatex } from '../parse/relation.js';
import type { Segment } from './segments.js';
import { splitRelations, type ChainSide, type RawChain } from '../parse/split-relations.js';
import { unjudgedRelations } from './unjudged-relations.js';

/** What judging needs besides the math: the checker, the facts, where to put what is not read. */
export interface MathContext {
  readonly checker: Checker;
  readonly ledger: Ledger;
  readonly opts: JudgeOptions;
  /** The seed of the next step's random points (each step gets its own, in document order). */
  readonly seed: { next: number };
  readonly notRead: NotRead[];
  /** Called before a step at `offset` is judged: prose math embedded in a display (`\intertext{for $x > 0$}`) is read first. */
  readonly before?: (offset: number) => void;
  /** Inline math the prose introduced as a premise ("using $…$"): judged, but a failure is only `undecided`. */
  readonly premise?: boolean;
  /** Shapes stated in the document (W \in \mathbb{R}^{m \times n}) and on the command line, and matrix properties in prose. */
  readonly shapes?: DocumentShapes;
  /** The document's segments, for "$$…$$ where $p = \sigma(z)$" (the inline math after a display that defines what it uses). */
  readonly segments?: readonly Segment[];
}

/** What shaped-step.ts needs to judge a step entry by entry. */
export interface DocumentShapes {
  readonly stated: readonly StatedShape[];
  readonly properties: readonly StatedProperty[];
  readonly command?: ShapeContext;
}

type MathSegment = Extract<Segment, { kind: 'math' }>;

type Side = { readonly ok: true; readonly expr: Expr; readonly readings?: readonly Reading[] } | { readonly ok: false; readonly reason: string; readonly offset: number };

/** Readings worth saying beside a verdict: where the notation allowed another (a(b+c) a product, \\sum_k over 1..K, an indicator, cases). */
const TOLD: ReadonlySet<Reading['kind']> = new Set(['product', 'sum-range', 'indicator', 'cases', 'elementwise', 'function-argument', 'operator-scope']);

function parseSide(side: ChainSide, base: number, plain: boolean, heads: readonly HeadDefinition[] = []): Side {
  if (side.latex === '') return { ok: false, reason: 'nothing on this side of the relation', offset: base + side.start };
  try {
    // Calls of functions of several arguments the document defined (L(a, b, c)) are read as their definitions.
    if (!plain && heads.length === 0) {
      const r = parseLatexReadings(side.latex);
      return { ok: true, expr: r.expr, readings: r.readings };
    }
    return { ok: true, expr: plain ? parseAuto(side.latex) : parseWithHeads(side.latex, heads) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, reason: `cannot read this math: ${e.message}`, offset: base + side.start + e.span.start };
    throw e;
  }
}

/** A line of a plain-text file: the plain syntax first (`ln(x)`, `2*x`), LaTeX when that fails (`\frac{1}{x}`); the plain error when both fail on text without a backslash. */
function parseAuto(text: string): Expr {
  try {
    return parsePlain(text);
  } catch (plain) {
    if (!(plain instanceof ParseError)) throw plain;
    try {
      return parseLatex(text);
    } catch (latex) {
      throw text.includes('\\') ? latex : plain;
    }
  }
}

/** The math as written, on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `… \quad \text{where } x \ge 0` closing a one-line display: the clause's start, and its math's text and start. */
function conditionClause(text: string): { start: number; text: string; textStart: number } | undefined {
  if (text.includes('\\begin') || text.includes('\\\\')) return undefined;
  const m = /(?:,|\\[,;:]|\\q?quad|~)*\s*\\(?:text|mbox|textrm|mathrm)\{\s*(?:where|for|if|when|with|provided)\s*\}\s*([^]*?)[\s.,;]*$/.exec(text);
  if (m === null || m[1] === undefined || m[1].trim() === '') return undefined;
  return { start: m.index, text: m[1], textStart: m.index + m[0].indexOf(m[1]) };
}

/** `… \quad \forall x \in \mathbb{R}` closing a one-line relation: the clause's start and the text after \forall. */
function forallClause(text: string): { start: number; text: string } | undefined {
  if (text.includes('\\\\') || text.includes('\\begin')) return undefined;
  const m = /(?:,|\\[,;:]|\\q?quad|~|\s)*\\forall(?![A-Za-z])\s*([^]*?)[\s.,;]*$/.exec(text);
  if (m === null || m[1] === undefined || m[1].trim() === '' || /\\forall(?![A-Za-z])/.test(m[1])) return undefined;
  return { start: m.index, text: m[1] };
}

/** The domain a quantifier states (`x \in \mathbb{R}`: nothing to add; `x > 0`), or undefined when a piece is not understood. */
function readQuantifier(text: string): Fact[] | undefined {
  // `\forall x`, `\forall x, y`: every value, the default domain.
  if (/^\s*[A-Za-z](?:_\{?\w+\}?)?(?:\s*,\s*[A-Za-z](?:_\{?\w+\}?)?)*\s*$/.test(text)) return [];
  try {
    return readFacts(text, { strict: true });
  } catch (e) {
    if (e instanceof FactError || e instanceof ParseError) return undefined;
    throw e;
  }
}

/** Prose just before a display that makes its `h = …` a (re)definition: "now let", "redefine", "instead take". */
const REDEFINE = /\b(let|define|redefine|instead(?:\s+(?:take|use))?|now\s+(?:take|use|set))\s*:?\s*$/i;

/** Adds a not-read entry at an offset of the file. */
export function notReadAt(ctx: MathContext, offset: number, latex: string, reason: string): void {
  const lc = lineCol(ctx.ledger.source, offset);
  ctx.notRead.push({ line: lc.line, col: lc.col, latex: oneLine(latex), reason });
}

/** The relations of a piece of math judged; what is not judged goes to ctx.notRead. */
export function judgeMath(ctx: MathContext, seg: MathSegment, inline: boolean): ChainReport[] {
  const { ledger } = ctx;
  const { source, scopes } = ledger;
  // "$$…$$ where $p = \sigma(z)$": the clause defines what the display uses, from the display on.
  if (!inline && ctx.segments !== undefined) {
    for (const w of whereClause(source, seg, ctx.segments)) {
      const named = functionInWords(w.text, source.slice(w.offset + w.text.length, w.offset + w.text.length + 80).replace(/^\$+/, ''));
      for (const f of named !== undefined ? [named] : ledger.read(w.text, w.offset, { definitions: true })) if (f.kind === 'define' && !ledger.definedAt(f.sym, seg.offset)) ledger.state(f, seg.offset, scopes.sectionEnd(seg.offset));
    }
  }
  // A condition (`\text{where } x \ge 0`) or an index condition (`L = …`, k \ne l) closing a one-line display holds for that display only.
  const clause = inline ? undefined : (conditionClause(seg.text) ?? indexConditionClause(seg.text));
  let text = clause === undefined ? seg.text : seg.text.slice(0, clause.start) + ' '.repeat(seg.text.length - clause.start);
  if (clause !== undefined) for (const f of ledger.read(clause.text, seg.offset + clause.textStart, { definitions: true })) ledger.state(f, seg.offset, seg.offset + seg.text.length, true);
  // `… \quad \forall x \in \mathbb{R}` or `\forall x > 0` closing a one-line relation: a domain, when every piece of it is understood.
  const forall = forallClause(text);
  if (forall !== undefined) {
    const facts = readQuantifier(forall.text);
    if (facts !== undefined) {
      text = text.slice(0, forall.start) + ' '.repeat(text.length - forall.start);
      for (const f of facts) ledger.state(f, seg.offset, seg.offset + seg.text.length, true);
    }
  }
  let raw: RawChain[];
  try {
    raw = splitRelations(text);
  } catch (e) {
    notReadAt(ctx, seg.offset, seg.text, `cannot be split into relations: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
  const connectives = unjudgedRelations(text);
  const spans: [number, number][] = [];
  const chains: ChainReport[] = [];
  for (const chain of raw) {
    const first = chain.sides[0] as ChainSide;
    const last = chain.sides[chain.sides.length - 1] as ChainSide;
    spans.push([first.start, last.end]);
    const connective = connectives.find((u) => u.start >= first.start && u.end <= last.end);
    if (connective !== undefined) {
      // x > 1 \Rightarrow x^2 > 1 does not claim x > 1: the whole chain is not read.
      notReadAt(ctx, seg.offset + first.start, text.slice(first.start, last.end), connective.reason);
      continue;
    }
    const steps = judgeChain(ctx, seg, chain, inline);
    if (steps.length > 0) {
      const at = lineCol(ledger.source, seg.offset + first.start);
      chains.push({ line: at.line, col: at.col, ...(inline ? { inline: true as const } : {}), steps });
    }
  }
  // A connective outside every chain (`W \in \mathbb{R}^{m \times n}` in a display, `\forall x` on a row of its own).
  const reported = new Set<number>();
  for (const u of connectives) {
    if (spans.some(([a, b]) => u.start >= a && u.end <= b)) continue;
    const [from, to] = rowAround(text, u.start);
    if (reported.has(from)) continue;
    reported.add(from);
    notReadAt(ctx, seg.offset + from + (text.slice(from, to).length - text.slice(from, to).trimStart().length), text.slice(from, to), u.reason);
  }
  return chains;
}

/** The row of a block (between `\\` breaks) around an offset. */
function rowAround(text: string, at: number): [number, number] {
  const before = text.lastIndexOf('\\\\', at);
  const after = text.indexOf('\\\\', at);
  return [before < 0 ? 0 : before + 2, after < 0 ? text.length : after];
}

function judgeChain(ctx: MathContext, seg: MathSegment, chain: RawChain, inline: boolean): StepReport[] {
  const { ledger } = ctx;
  const { source, scopes } = ledger;
  const heads = ledger.activeAt(seg.offset).flatMap((st) => (st.fact.kind === 'define' ? (headDefinition(st.fact) ?? []) : []));
  const sides = chain.sides.map((s) => parseSide(s, seg.offset, seg.syntax === 'plain', heads));
  const chainAt = seg.offset + (chain.sides[0]?.start ?? 0);
  const steps: StepReport[] = [];
  chain.rels.forEach((r, k) => {
    const ls = chain.sides[k] as ChainSide;
    const rs = chain.sides[k + 1] as ChainSide;
    const a = sides[k] as Side;
    const b = sides[k + 1] as Side;
    const stepAt = seg.offset + ls.start;
    ctx.before?.(stepAt);
    const at = lineCol(source, seg.offset + (rs.latex === '' ? r.start : rs.start));
    const base = { step: k + 1, line: at.line, col: at.col, lhs: ls.latex, rel: r.rel, rhs: rs.latex };
    // f = \tanh: a function letter standing for a function (the right side alone is not an expression); L(x, y, w) = …: a head of several arguments.
    const head = k === 0 && r.rel === '=' && b.ok ? headOf(ls.latex) : undefined;
    const named = k === 0 && r.rel === '=' ? (functionDefinition(ls.latex, rs.latex) ?? (head !== undefined && b.ok ? { kind: 'define' as const, sym: sym(head.name), value: b.expr, param: head.params[0] as Sym, params: head.params } : undefined)) : undefined;
    if (named !== undefined && named.kind === 'define' && !ledger.definedAt(named.sym, stepAt)) {
      ledger.state(named, stepAt, scopes.sectionEnd(stepAt));
      steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines ${ls.latex}` } });
      return;
    }
    if (!a.ok || !b.ok) {
      // Unreadable notation is not a verdict: the relation is listed as not read, at the parse error.
      const bad = (!a.ok ? a : b) as Extract<Side, { ok: false }>;
      notReadAt(ctx, bad.offset, `${ls.latex} ${relationLatex(r.rel)} ${rs.latex}`, bad.reason);
      return;
    }
    // `h = …` or `f(x) = …` introducing a symbol first seen here is a definition, not a claim.
    const d = k === 0 && r.rel === '=' ? definitionOf(ls.latex, a.expr, b.expr) : undefined;
    // "Now let $$h = …$$" redefines h from here on (without such words h = … is a claim about h).
    const redefines = !inline && d?.kind === 'define' && REDEFINE.test(source.slice(Math.max(0, seg.offset - 40), seg.offset).replace(/(\$\$|\\\[|\\begin\{[A-Za-z*]+\})\s*$/, ''));
    if (redefines && d?.kind === 'define') for (const st of ledger.activeAt(stepAt)) if (st.fact.kind === 'define' && symKey(st.fact.sym) === symKey(d.sym)) st.to = stepAt;
    if (d !== undefined && d.kind === 'define' && !ledger.definedAt(d.sym, stepAt) && (redefines || !ledger.usedInSection(symKey(d.sym), stepAt))) {
      if (inline && d.param === undefined && symbolsOf(d.value).length === 0) {
        // "At the point $x = 2$", "so $x = 2$": a value named in passing is neither a claim to judge nor a value to use.
        notReadAt(ctx, stepAt, `${ls.latex} = ${rs.latex}`, `a value named in prose, neither a claim gradtex can judge nor a fact it uses (write "let $${ls.latex} = ${rs.latex}$" to give ${ls.latex} that value)`);
        // "e.g. $x = 2$ gives $x^2 = 4$": a later failure in the paragraph may be about that value, so it is undecided.
        ledger.examples.push({ key: symKey(d.sym), text: ledger.describe(d), from: stepAt, to: ledger.paragraphEnd(stepAt), line: lineCol(source, stepAt).line });
        return;
      }
      ledger.state(d, stepAt, scopes.sectionEnd(stepAt));
      steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines ${ls.latex}` } });
      return;
    }
    const active = ledger.activeAt(stepAt);
    const facts = factsUsed([a.expr, b.expr], active);
    const uses = facts.map((st) => ({ fact: ledger.describe(st.fact), line: st.line, col: st.col }));
    const empty = facts.some((st) => st.hypothetical === true) ? emptyScope(facts) : undefined;
    if (empty !== undefined) {
      // Hypothetical facts that contradict the others in scope: nothing can be sampled, nothing is claimed.
      steps.push({ ...base, verdict: 'undecided', evidence: { method: 'none', summary: `the facts in scope leave no value for ${subjectOf(empty)}` }, facts: uses });
      return;
    }
    let j;
    try {
      // Vectors and matrices with shapes in scope are judged entry by entry under them (shaped-step.ts).
      const sh = ctx.shapes;
      const shaped = sh === undefined ? undefined : shapedStep(ctx.checker, ls.latex, a.expr, r.rel, rs.latex, b.expr, mergeDomains(active.map((st) => st.fact)), shapesAt(sh.stated, stepAt, sh.command), sh.stated, stepAt, { ...ctx.opts, seed: ctx.seed.next }, sh.properties);
      uses.push(...(shaped?.uses ?? []));
      j = shaped?.judgement ?? judgeStep(ctx.checker, a.expr, r.rel, b.expr, mergeDomains(active.map((st) => st.fact)), { ...ctx.opts, seed: ctx.seed.next++ });
    } catch (e) {
      j = { verdict: 'undecided' as const, evidence: { method: 'none' as const, summary: `could not be judged: ${e instanceof Error ? e.message : String(e)}` } };
    }
    // A sum whose range the text leaves unstated is read over 1..J, a guess; when the counterexample gives the
    // step another size too (K of a softmax over K terms) and J differs from it, it may only refute the guess
    // (Σ_{j≠i} p_j = 1 − p_i fails at J = 1, K = 3).
    const guess = j.verdict === 'fails' ? guessedBoundApart([...(a.readings ?? []), ...(b.readings ?? [])], j.evidence.point) : undefined;
    if (guess !== undefined) {
      const summary = `${j.evidence.summary}; but the sum's range is not stated and was read up to ${guess.bound}, which the point sets apart from ${guess.other}: state the range (\\sum_{j=1}^{${guess.other}})`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    const keys = new Set([...allSymbols(a.expr).keys(), ...allSymbols(b.expr).keys()]);
    const example = j.verdict === 'fails' ? ledger.examples.find((v) => v.from <= stepAt && stepAt < v.to && keys.has(v.key)) : undefined;
    if (example !== undefined) {
      const summary = `${j.evidence.summary}; but ${example.text} was given in the paragraph (line ${example.line}), and the claim may be about that value`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    if (j.verdict === 'fails' && ctx.premise === true) {
      const summary = `${j.evidence.summary}; but the prose introduces this as a premise (a definition or an identity it uses), not as a claim`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // An index relation in scope that the sampler could not apply (k bound by a sum, x < y between variables).
    const unapplied = j.verdict === 'fails' ? unappliedIndexCondition([a.expr, b.expr, ...facts.flatMap((st) => (st.fact.kind === 'define' ? [st.fact.value] : []))], facts.map((st) => st.fact), j.evidence.point) : undefined;
    if (unapplied !== undefined) {
      const summary = `${j.evidence.summary}; but the condition ${ledger.describe(unapplied)} could not be applied to this step's indices, and the point may break it`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // Words about named symbols ("$W$ is orthogonal") weaken only the steps that use those symbols (or their definitions do).
    const stepSymbols = j.verdict === 'fails' ? new Set([...allSymbols(a.expr, allSymbols(b.expr, new Map(facts.flatMap((st) => (st.fact.kind === 'define' ? [...allSymbols(st.fact.value).entries()] : []))))).values()].map((s) => s.name)) : new Set<string>();
    const unreadHere = j.verdict === 'fails' ? ledger.unread.find((u) => u.from <= stepAt && stepAt < u.to && (u.about === undefined || u.about.some((n) => stepSymbols.has(n)))) : undefined;
    if (unreadHere !== undefined) {
      // Weaker than the truth, never stronger: the counterexample may violate a condition we could not read.
      const summary = `${j.evidence.summary}; but the condition $${unreadHere.text}$ (line ${unreadHere.line}) could not be read as a fact, and the point may lie outside it`;
      steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
      return;
    }
    // The output says which reading was used where the notation allowed another.
    const told = [...(a.readings ?? []), ...(b.readings ?? [])].filter((r) => TOLD.has(r.kind)).map((r) => r.text);
    const evidence = told.length === 0 ? j.evidence : { ...j.evidence, summary: `${j.evidence.summary} (read: ${[...new Set(told)].join('; ')})` };
    steps.push({ ...base, verdict: j.verdict, evidence, ...(uses.length > 0 ? { facts: uses } : {}) });
  });
  ledger.noteUsed(
    sides.flatMap((s) => (s.ok ? [s.expr] : [])),
    chainAt,
  );
  return steps;
}

/**
 * The bound a sum with an unstated range was read up to (a 'sum-range' reading: "read as j = 1, …, J"), when
 * the point gives it a value other than another size of the step (a capital letter, K).
 */
function guessedBoundApart(readings: readonly Reading[], point: Readonly<Record<string, number>> | undefined): { bound: string; other: string } | undefined {
  if (point === undefined) return undefined;
  for (const r of readings) {
    if (r.kind !== 'sum-range') continue;
    const bound = /read as \w+ = 1, …, (\w+)/.exec(r.text)?.[1];
    const at = bound === undefined ? undefined : point[bound];
    if (bound === undefined || at === undefined) continue;
    const other = Object.keys(point).find((k) => k !== bound && /^[A-Z]$/.test(k) && point[k] !== at);
    if (other !== undefined) return { bound, other };
  }
  return undefined;
}
