/**
 * Checking a whole document: extract the math, read the facts, then judge
 * every step of every display chain with the facts in scope at that step.
 * A fact (a domain such as `x > 0`, a definition `h = …`, a `gradtex:
 * assume` directive) holds from where it is stated to the end of its
 * section, never before; one stated in a hypothetical sentence ("when …",
 * "if …") only to the end of that sentence (see scopes.ts). Facts given on
 * the command line hold everywhere. Each judged step lists the facts it used
 * with their line. Facts that leave a symbol no value (`0 < x < 0`, `x > 1`
 * and later `x < 0` in scope) are a DocumentError at the later fact's
 * line:col; apart from that nothing here throws on what the user wrote: a
 * side that cannot be read makes its steps `undecided`, with the line and
 * column of the problem.
 *
 *     checkDocument(checker, '$x > 0$\n\n$$\\ln x \\le x - 1$$\n', 'markdown').chains[0].steps[0].verdict   // 'proved'
 */
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, symbolsOf } from '../expr/traverse.js';
import { toPlain } from '../render/to-plain.js';
import { ParseError, lineCol, parseLatex } from '../parse/index.js';
import { extractMarkdown } from './extract-markdown.js';
import { extractTex } from './extract-tex.js';
import { conflictOf, definitionOf, describeFact, FactError, factCovers, mergeDomains, type Fact } from './facts.js';
import type { JudgeOptions } from './judge-equal.js';
import { judgeStep, type Checker } from './judge-step.js';
import type { Evidence, Verdict } from './judgement.js';
import { readFacts } from './read-facts.js';
import { definesMember } from './indexed-definitions.js';
import { functionDefinition, functionInWords } from './function-definitions.js';
import { factsInWords } from './word-facts.js';
import { indexConditionClause, supersedes, unappliedIndexCondition } from './index-conditions.js';
import { whereClause } from './where-clauses.js';
import { headDefinition, headOf, parseWithHeads, type HeadDefinition } from './multi-argument-heads.js';
import { sym } from '../expr/build.js';
import { abstractHead } from '../expr/abstract-function.js';
import { documentScopes } from './scopes.js';
import type { Relation } from './relation.js';
import type { Segment } from './segments.js';
import { splitRelations, type ChainSide } from './split-relations.js';

export type DocumentKind = 'markdown' | 'tex';

export interface StepReport {
  /** 1-based position of the relation in its chain. */
  readonly step: number;
  readonly line: number;
  readonly col: number;
  readonly lhs: string;
  readonly rel: Relation;
  readonly rhs: string;
  /** `definition` for `h = …` introducing a symbol: not a claim. */
  readonly verdict: Verdict | 'definition';
  readonly evidence: Evidence;
  /** The facts in scope that speak about the step's symbols, with where they were stated. */
  readonly facts?: readonly FactUse[];
}

/** A fact a step used: "x > 0" stated at line 12 (line 0: the command line). */
export interface FactUse {
  readonly fact: string;
  readonly line: number;
  readonly col: number;
}

/**
 * Facts that cannot all hold (or one that leaves no value): bad input, at
 * the line and column of the fact that completes the contradiction.
 */
export class DocumentError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(message);
    this.name = 'DocumentError';
  }
}

export interface ChainReport {
  readonly line: number;
  readonly col: number;
  readonly steps: readonly StepReport[];
}

/**
 * Math in the document that holds a relation gradtex did not judge: never
 * silence. `reason` is one line a student can act on ("uses \\forall, a
 * quantifier gradtex does not read").
 */
export interface NotRead {
  readonly line: number;
  readonly col: number;
  /** The math as written. */
  readonly latex: string;
  readonly reason: string;
}

export interface DocumentReport {
  readonly chains: readonly ChainReport[];
  /** Relations found but not judged, in document order. */
  readonly notRead: readonly NotRead[];
}

export interface DocumentOptions extends JudgeOptions {
  /** Facts given on the command line, in addition to the document's. */
  readonly facts?: readonly Fact[];
}

type Side = { readonly ok: true; readonly expr: Expr } | { readonly ok: false; readonly reason: string; readonly offset: number };

function parseSide(side: ChainSide, base: number, heads: readonly HeadDefinition[] = []): Side {
  if (side.latex === '') return { ok: false, reason: 'nothing on this side of the relation', offset: base + side.start };
  try {
    // Calls of functions of several arguments the document defined (L(a, b, c)) are read as their definitions.
    return { ok: true, expr: heads.length === 0 ? parseLatex(side.latex) : parseWithHeads(side.latex, heads) };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, reason: `cannot read this math: ${e.message}`, offset: base + side.start + e.span.start };
    throw e;
  }
}

function segmentsOf(source: string, kind: DocumentKind): Segment[] {
  return kind === 'markdown' ? extractMarkdown(source) : extractTex(source);
}

/** A fact with where it was stated and where it holds (offsets; line 0 = the command line). */
interface Stated {
  readonly fact: Fact;
  readonly from: number;
  /** Ends early when a prose redefinition of the same symbol takes over. */
  to: number;
  /** Stated in a hypothetical sentence: a contradiction with it is not an error (case splits, "if x < 0 were …"). */
  readonly hypothetical?: boolean;
  readonly line: number;
  readonly col: number;
}

/** Every symbol of e, indexed ones inside sums included. */
function allSymbols(e: Expr, into = new Map<string, Sym>()): Map<string, Sym> {
  if (e.kind === 'sym') into.set(symKey(e), e);
  // The name of an applied function letter (f(s_1), f'(s_1) use f: "for $f = \tanh$" speaks about it).
  const head = e.kind === 'call' ? abstractHead(e.fn) : undefined;
  if (head !== undefined) into.set(head.name, sym(head.name));
  // Indices too (x_i uses i: "for $i = j$" speaks about it).
  for (const c of children(e)) allSymbols(c, into);
  return into;
}

/** Does a domain fact speak about s? */
function about(f: Fact, s: Sym): boolean {
  switch (f.kind) {
    case 'define':
      return symKey(f.sym) === symKey(s);
    case 'simplex':
      return f.syms.some((g) => factCovers(g, s) || factCovers(s, g));
    case 'simplex-indexed':
      return s.name === f.name && s.sub.length === 1;
    default:
      return factCovers(f.sym, s) || factCovers(s, f.sym);
  }
}

/** The facts in scope that speak about the step: definitions of its symbols (and theirs, transitively), domains of all of them. */
function factsUsed(sides: readonly Expr[], active: readonly Stated[]): Stated[] {
  const syms = new Map<string, Sym>();
  for (const e of sides) allSymbols(e, syms);
  const used = new Set<Stated>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const st of active) {
      if (used.has(st) || st.fact.kind !== 'define') continue;
      if (!syms.has(symKey(st.fact.sym)) && !definesMember(st.fact.sym, [...syms.values()])) continue;
      used.add(st);
      allSymbols(st.fact.value, syms);
      grew = true;
    }
  }
  const all = [...syms.values()];
  for (const st of active) if (st.fact.kind !== 'define' && all.some((s) => about(st.fact, s))) used.add(st);
  return active.filter((st) => used.has(st));
}

/**
 * The facts of a list that speak about a relation's sides (definitions of
 * its symbols, transitively, and their domains), for evidence outside
 * documents (`gradtex equal --assume`).
 *
 *     factsAbout([parsePlain('d(h, w)')], readAssumptions(['h = tanh(w*x), y > 0']))   // [h = tanh(w*x)]
 */
export function factsAbout(sides: readonly Expr[], facts: readonly Fact[]): Fact[] {
  return factsUsed(
    sides,
    facts.map((fact) => ({ fact, from: 0, to: Infinity, line: 0, col: 0 })),
  ).map((st) => st.fact);
}

export function checkDocument(checker: Checker, source: string, kind: DocumentKind, opts: DocumentOptions = {}): DocumentReport {
  const segments = segmentsOf(source, kind);
  const scopes = documentScopes(source, kind, segments);
  const everywhere = { from: 0, to: Infinity, line: 0, col: 0 };
  const stated: Stated[] = (opts.facts ?? []).map((fact) => ({ fact, ...everywhere }));
  const activeAt = (p: number): Stated[] => stated.filter((st) => st.from <= p && p < st.to);
  const describe = (f: Fact): string => describeFact(f, toPlain);
  const where = (st: Stated): string => (st.line === 0 ? 'the command line' : `line ${st.line}`);
  /** Adds a fact stated at `offset`, holding until `to`; a contradiction with the facts in scope is a DocumentError. */
  const state = (fact: Fact, offset: number, to: number, hypothetical = false): void => {
    // A fact restated while it holds changes nothing (and the evidence names where it was first stated).
    const text = describe(fact);
    if (activeAt(offset).some((st) => st.to >= to && describe(st.fact) === text)) return;
    const lc = lineCol(source, offset);
    if (fact.kind !== 'define' && !hypothetical) {
      const inScope = activeAt(offset).filter((st) => st.hypothetical !== true);
      const clash = conflictOf(
        inScope.map((st) => st.fact),
        fact,
      );
      if (clash !== undefined) {
        const parts = clash.map((f) => {
          const st = inScope.find((x) => x.fact === f);
          return st === undefined ? describe(f) : `${describe(f)} (${where(st)})`;
        });
        throw new DocumentError(`${parts.join(' and ')} leave no value for ${symKeyOf(fact)}`, lc.line, lc.col);
      }
    }
    stated.push({ fact, from: offset, to, line: lc.line, col: lc.col, ...(hypothetical ? { hypothetical } : {}) });
  };
  const definedAt = (s: Sym, p: number): boolean => activeAt(p).some((st) => st.fact.kind === 'define' && (symKey(st.fact.sym) === symKey(s) || definesMember(st.fact.sym, [s])));
  /** Reads facts; an empty domain (`0 < x < 0`) is a DocumentError at the piece. */
  const read = (text: string, offset: number, strict: boolean, definitions: boolean, values = false): Fact[] => {
    try {
      return readFacts(text, { definitions, strict, values });
    } catch (e) {
      if (e instanceof FactError) {
        const lc = lineCol(source, offset + e.start);
        throw new DocumentError(e.message, lc.line, lc.col);
      }
      if (strict) throw e;
      return []; // prose math can be anything
    }
  };
  const chains: ChainReport[] = [];
  /** Inequalities stated in prose that could not be read as facts, with their scope. */
  const unread: { text: string; from: number; to: number; line: number; about?: readonly string[] }[] = [];
  // Symbols used in a chain, with where: such a symbol is a variable in its section, not something a later `y = …` defines.
  const used = new Map<string, number[]>();
  const usedInSection = (key: string, p: number): boolean => {
    const start = scopes.sectionStart(p);
    return (used.get(key) ?? []).some((q) => q >= start && q < p);
  };
  let stepSeed = opts.seed ?? 1;
  for (const seg of segments) {
    if (seg.kind === 'assume') {
      for (const f of read(seg.text, seg.offset, true, true)) state(f, seg.offset, scopes.sectionEnd(seg.offset));
      continue;
    }
    if (!seg.display) {
      const ifEnd = scopes.hypotheticalEnd(seg);
      const to = ifEnd ?? scopes.sectionEnd(seg.offset);
      // "Let $n = 3$", "Given $y = 1$": a value for the name; "at $x = 2$" is an example, not a definition.
      const values = GIVES_VALUE.test(source.slice(Math.max(0, seg.offset - 40), seg.offset).replace(/\$+$/, ''));
      const named = functionInWords(seg.text, source.slice(seg.offset + seg.text.length, seg.offset + seg.text.length + 80).replace(/^\$+/, ''));
      // "$p$ and $q$ are distributions", "one-hot label $y$", "$W$ is orthogonal" (not read: a failure in its scope is undecided).
      const words = factsInWords(seg.text, source.slice(Math.max(0, seg.offset - 80), seg.offset), source.slice(seg.offset + seg.text.length, seg.offset + seg.text.length + 120));
      const read1 = named !== undefined ? [named] : [...read(seg.text, seg.offset, false, true, values), ...words.facts];
      // Words about named symbols ("$W$ is orthogonal") concern only the steps that use them.
      if (words.unread !== undefined) unread.push({ text: `${seg.text.trim()} \\text{ ${words.unread}}`, from: seg.offset, to, line: lineCol(source, seg.offset).line, about: words.subjects ?? [] });
      // A condition in prose that is not understood ("for $w x > 0$"): a failure in its scope may lie outside it.
      const conditional = CONDITION_WORD.test(source.slice(Math.max(0, seg.offset - 40), seg.offset).replace(/\$+$/, ''));
      if (read1.length === 0 && conditional && CONDITION.test(seg.text)) unread.push({ text: seg.text.trim(), from: seg.offset, to, line: lineCol(source, seg.offset).line });
      for (const f of read1) {
        // "For $i \ne j$" after "For $i = j$": the next case of the derivation replaces the previous one.
        for (const st of activeAt(seg.offset)) if (supersedes(f, st.fact)) st.to = seg.offset;
        if (f.kind === 'define') {
          // A prose redefinition ("Model B uses $h = \max(0, w x)$") takes over from here; a restatement changes nothing.
          const before = activeAt(seg.offset).filter((st) => st.fact.kind === 'define' && symKey(st.fact.sym) === symKey(f.sym));
          if (before.some((st) => st.fact.kind === 'define' && st.fact.value.hash === f.value.hash && st.fact.param?.hash === f.param?.hash)) continue;
          for (const st of before) st.to = seg.offset;
        }
        // A number given in prose ("take $x = -1$", "given $y = 1$") is often an example: it holds to the end of its sentence only.
        const value = values && f.kind === 'define' && f.param === undefined && f.value.kind !== 'sym' && symbolsOf(f.value).length === 0;
        state(f, seg.offset, value ? Math.min(to, scopes.sentenceEnd(seg)) : to, ifEnd !== undefined);
      }
      continue;
    }
    // "$$…$$ where $p = \sigma(z)$": the clause defines what the display uses, from the display on.
    for (const w of whereClause(source, seg, segments)) {
      const named = functionInWords(w.text, source.slice(w.offset + w.text.length, w.offset + w.text.length + 80).replace(/^\$+/, ''));
      for (const f of named !== undefined ? [named] : read(w.text, w.offset, false, true)) if (f.kind === 'define' && !definedAt(f.sym, seg.offset)) state(f, seg.offset, scopes.sectionEnd(seg.offset));
    }
    // `… \quad \text{where } x \ge 0` (or `L = …`) closing a one-line display: a fact for this display only.
    const clause = conditionClause(seg.text) ?? indexConditionClause(seg.text);
    const text = clause === undefined ? seg.text : seg.text.slice(0, clause.start) + ' '.repeat(seg.text.length - clause.start);
    if (clause !== undefined) for (const f of read(clause.text, seg.offset + clause.textStart, false, true)) state(f, seg.offset, seg.offset + seg.text.length, true);
    let raw;
    try {
      raw = splitRelations(text);
    } catch {
      continue;
    }
    for (const chain of raw) {
      const heads = activeAt(seg.offset).flatMap((st) => (st.fact.kind === 'define' ? (headDefinition(st.fact) ?? []) : []));
      const sides = chain.sides.map((s) => parseSide(s, seg.offset, heads));
      const first = chain.sides[0];
      const chainAt = seg.offset + (first?.start ?? 0);
      const firstLc = lineCol(source, chainAt);
      const steps: StepReport[] = [];
      chain.rels.forEach((r, k) => {
        const ls = chain.sides[k] as ChainSide;
        const rs = chain.sides[k + 1] as ChainSide;
        const a = sides[k] as Side;
        const b = sides[k + 1] as Side;
        const stepAt = seg.offset + ls.start;
        const at = lineCol(source, seg.offset + (rs.latex === '' ? r.start : rs.start));
        const base = { step: k + 1, line: at.line, col: at.col, lhs: ls.latex, rel: r.rel, rhs: rs.latex };
        // f = \tanh: a function letter standing for a function (the right side alone is not an expression).
        const head = k === 0 && r.rel === '=' && b.ok ? headOf(ls.latex) : undefined;
        const named = k === 0 && r.rel === '=' ? (functionDefinition(ls.latex, rs.latex) ?? (head !== undefined && b.ok ? { kind: 'define' as const, sym: sym(head.name), value: b.expr, param: head.params[0] as Sym, params: head.params } : undefined)) : undefined;
        if (named !== undefined && named.kind === 'define' && !definedAt(named.sym, stepAt)) {
          state(named, stepAt, scopes.sectionEnd(stepAt));
          steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines ${ls.latex}` } });
          return;
        }
        if (!a.ok || !b.ok) {
          const bad = (!a.ok ? a : b) as Extract<Side, { ok: false }>;
          const lc = lineCol(source, bad.offset);
          steps.push({ ...base, line: lc.line, col: lc.col, verdict: 'undecided', evidence: { method: 'parse', summary: bad.reason } });
          return;
        }
        // `h = …` or `f(x) = …` introducing a symbol first seen here is a definition, not a claim.
        const d = k === 0 && r.rel === '=' ? definitionOf(ls.latex, a.expr, b.expr) : undefined;
        // "Now let $$h = …$$" redefines h from here on (without such words h = … is a claim about h).
        const redefines = d?.kind === 'define' && REDEFINE.test(source.slice(Math.max(0, seg.offset - 40), seg.offset).replace(/(\$\$|\\\[|\\begin\{[A-Za-z*]+\})\s*$/, ''));
        if (redefines && d?.kind === 'define') for (const st of activeAt(stepAt)) if (st.fact.kind === 'define' && symKey(st.fact.sym) === symKey(d.sym)) st.to = stepAt;
        if (d !== undefined && d.kind === 'define' && !definedAt(d.sym, stepAt) && (redefines || !usedInSection(symKey(d.sym), stepAt))) {
          state(d, stepAt, scopes.sectionEnd(stepAt));
          steps.push({ ...base, verdict: 'definition', evidence: { method: 'definition', summary: `defines ${ls.latex}` } });
          return;
        }
        const active = activeAt(stepAt);
        const facts = factsUsed([a.expr, b.expr], active);
        const uses = facts.map((st) => ({ fact: describe(st.fact), line: st.line, col: st.col }));
        const empty = facts.some((st) => st.hypothetical === true) ? emptyScope(facts) : undefined;
        if (empty !== undefined) {
          // Hypothetical facts that contradict the others in scope: nothing can be sampled, nothing is claimed.
          steps.push({ ...base, verdict: 'undecided', evidence: { method: 'none', summary: `the facts in scope leave no value for ${symKeyOf(empty)}` }, facts: uses });
          return;
        }
        let j;
        try {
          j = judgeStep(checker, a.expr, r.rel, b.expr, mergeDomains(active.map((st) => st.fact)), { ...opts, seed: stepSeed++ });
        } catch (e) {
          j = { verdict: 'undecided' as const, evidence: { method: 'none' as const, summary: `could not be judged: ${e instanceof Error ? e.message : String(e)}` } };
        }
        // An index relation in scope that the sampler could not apply (k bound by a sum, x < y between variables).
        const unapplied = j.verdict === 'fails' ? unappliedIndexCondition([a.expr, b.expr, ...facts.flatMap((st) => (st.fact.kind === 'define' ? [st.fact.value] : []))], facts.map((st) => st.fact), j.evidence.point) : undefined;
        if (unapplied !== undefined) {
          const summary = `${j.evidence.summary}; but the condition ${describe(unapplied)} could not be applied to this step's indices, and the point may break it`;
          steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
          return;
        }
        const stepSymbols = j.verdict === 'fails' ? new Set([...allSymbols(a.expr, allSymbols(b.expr, new Map(facts.flatMap((st) => (st.fact.kind === 'define' ? [...allSymbols(st.fact.value).entries()] : []))))).values()].map((s) => s.name)) : new Set<string>();
        const unreadHere = j.verdict === 'fails' ? unread.find((u) => u.from <= stepAt && stepAt < u.to && (u.about === undefined || u.about.some((n) => stepSymbols.has(n)))) : undefined;
        if (unreadHere !== undefined) {
          // Weaker than the truth, never stronger: the counterexample may violate a condition we could not read.
          const summary = `${j.evidence.summary}; but the condition $${unreadHere.text}$ (line ${unreadHere.line}) could not be read as a fact, and the point may lie outside it`;
          steps.push({ ...base, verdict: 'undecided', evidence: { method: j.evidence.method, summary }, ...(uses.length > 0 ? { facts: uses } : {}) });
          return;
        }
        steps.push({ ...base, verdict: j.verdict, evidence: j.evidence, ...(uses.length > 0 ? { facts: uses } : {}) });
      });
      for (const s of sides) {
        if (!s.ok) continue;
        for (const x of symbolsOf(s.expr)) {
          const list = used.get(symKey(x));
          if (list === undefined) used.set(symKey(x), [chainAt]);
          else list.push(chainAt);
        }
      }
      chains.push({ line: firstLc.line, col: firstLc.col, steps });
    }
  }
  return { chains, notRead: [] };
}

/** Inline math that states a condition (an inequality). */
const CONDITION = /[<>]|\\(?:le|ge|leq|geq|lt|gt)\b/;

/** Prose just before inline math that makes it a condition: "for $w x > 0$", "when $…$". */
const CONDITION_WORD = /\b(for|when|whenever|if|where|assuming|provided|with)\s*(?:\\\(|\$)?\s*$/i;

/** Prose just before a display that makes its `h = …` a (re)definition: "now let", "redefine", "instead take". */
const REDEFINE = /\b(let|define|redefine|instead(?:\s+(?:take|use))?|now\s+(?:take|use|set))\s*:?\s*$/i;

/** Prose just before `$y = 1$` that makes it a value given to y. */
const GIVES_VALUE = /\b(let|given|set|fix|take|with|where)\s*(?:\\\(|\$)?\s*$/i;

/** A fact that contradicts the others in the list (possible only with hypothetical facts), or undefined. */
function emptyScope(list: readonly Stated[]): Fact | undefined {
  const seen: Fact[] = [];
  for (const st of list) {
    if (st.fact.kind === 'define') continue;
    if (conflictOf(seen, st.fact) !== undefined) return st.fact;
    seen.push(st.fact);
  }
  return undefined;
}

/**
 * A condition closing a one-line display, `… \quad \text{where } x \ge 0`
 * (or for, if, when, with): the clause's start, and its math's text and start.
 * Displays with environments (cases, aligned) are left alone.
 */
function conditionClause(text: string): { start: number; text: string; textStart: number } | undefined {
  if (text.includes('\\begin') || text.includes('\\\\')) return undefined;
  const m = /(?:,|\\[,;:]|\\q?quad|~)*\s*\\(?:text|mbox|textrm|mathrm)\{\s*(?:where|for|if|when|with|provided)\s*\}\s*([^]*?)[\s.,;]*$/.exec(text);
  if (m === null || m[1] === undefined || m[1].trim() === '') return undefined;
  return { start: m.index, text: m[1], textStart: m.index + m[0].indexOf(m[1]) };
}

/** The symbol a fact is about, for messages. */
function symKeyOf(f: Fact): string {
  switch (f.kind) {
    case 'simplex':
      return f.syms.map(toPlain).join(', ');
    case 'simplex-indexed':
      return `${f.name}_i`;
    default:
      return toPlain(f.sym);
  }
}

/** The kind of a file from its name: .tex/.ltx are LaTeX, anything else Markdown. */
export function documentKind(file: string): DocumentKind {
  return /\.(tex|ltx|latex)$/i.test(file) ? 'tex' : 'markdown';
}
