/**
 * The facts of a document with where each holds: a fact (a domain such as
 * `x > 0`, a definition `h = …`, a `gradtex: assume` directive) holds from
 * where it is stated to the end of its section, never before; one stated in
 * a hypothetical sentence only to the end of that sentence (see scopes.ts).
 * Facts given on the command line hold everywhere. Facts that leave a symbol
 * no value are a DocumentError at the later fact's line:col. The ledger also
 * remembers which symbols claims used where (a symbol used is a variable of
 * its section, not something a later `y = …` defines) and the prose
 * conditions that could not be read ("for $w x > 0$").
 *
 *     const ledger = createLedger(source, scopes, []);
 *     ledger.state(readFacts('x > 0')[0], 10, source.length);
 *     ledger.activeAt(20)   // [x > 0, stated at line 1]
 */
import type { Recurrence } from './recurrence-closed-form.js';
import { abstractHead } from '../expr/abstract-function.js';
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, symbolsOf } from '../expr/traverse.js';
import { lineCol } from '../parse/index.js';
import { toPlain } from '../expr/to-plain.js';
import { DocumentError } from './document-error.js';
import { conflictOf, describeFact, FactError, factCovers, type Fact } from './facts.js';
import { definesMember } from './indexed-definitions.js';
import { supersedes } from './index-conditions.js';
import { readFacts, type ReadOptions } from './read-facts.js';
import type { Scopes } from './scopes.js';

/** A fact with where it was stated and where it holds (offsets; line 0 = the command line). */
export interface Stated {
  readonly fact: Fact;
  readonly from: number;
  /** Ends early when a prose redefinition of the same symbol takes over. */
  to: number;
  /** Stated in a hypothetical sentence: a contradiction with it is not an error (case splits, "if x < 0 were …"). */
  readonly hypothetical?: boolean;
  /** A value given for a worked example ("take $w = 2$"): steps using it are judged in general first (worked-example.ts). */
  readonly example?: boolean;
  readonly line: number;
  readonly col: number;
}

/** A prose condition not read as a fact, with its scope: a failure inside it may lie outside the condition. */
export interface UnreadCondition {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly line: number;
  /** Words about named symbols ("$W$ is orthogonal") concern only the steps that use one of these names. */
  readonly about?: readonly string[];
  /** A definition of `about` that could not be read: a derivative through the name is not known either way. */
  readonly definition?: boolean;
  /** Facts that settle the doubt where they hold: a failure at a point satisfying all of them stands (widened-domains.ts). */
  readonly settledBy?: readonly Fact[];
}

export interface Ledger {
  readonly source: string;
  readonly scopes: Scopes;
  activeAt(offset: number): Stated[];
  /** Adds a fact stated at `offset`, holding until `to`; a contradiction with the facts in scope is a DocumentError. */
  state(fact: Fact, offset: number, to: number, hypothetical?: boolean, example?: boolean): void;
  /** The definition of the symbol in scope at `offset`, if any. */
  definitionAt(key: string, offset: number): Stated | undefined;
  /** The last definition stated before `offset` of the symbol printed `name`, in scope there or not. */
  lastDefinitionBefore(name: string, offset: number): Stated | undefined;
  /** Is the symbol defined at `offset`, by its own definition or as a member of a defined family (p_j by p_k = …)? */
  definedAt(s: Sym, offset: number): boolean;
  /** Reads facts from math at `offset`; an empty domain (`0 < x < 0`) is a DocumentError there. */
  read(text: string, offset: number, opts: ReadOptions): Fact[];
  /** Records the symbols of a claim's sides as used at `offset`. */
  noteUsed(sides: readonly Expr[], offset: number): void;
  /** Was the symbol used by a claim earlier in the section of `offset`? */
  usedInSection(key: string, offset: number): boolean;
  readonly unread: UnreadCondition[];
  /** Recurrences stated in prose (m_t = β m_{t-1} + …), for closed forms claimed after them (recurrence-closed-form.ts). */
  readonly recurrences: Recurrence[];
  describe(f: Fact): string;
  /** The end of the paragraph holding `offset` (a blank line, or the end of the source). */
  paragraphEnd(offset: number): number;
  /** Facts stated before `from` that `about` picks are out of force from `from` to `to`, and back after it ("for every real $x$" rebinds x). */
  suspend(about: (f: Fact) => boolean, from: number, to: number): void;
}

export function createLedger(source: string, scopes: Scopes, everywhere: readonly Fact[]): Ledger {
  const stated: Stated[] = everywhere.map((fact) => ({ fact, from: 0, to: Infinity, line: 0, col: 0 }));
  const used = new Map<string, number[]>();
  const describe = (f: Fact): string => describeFact(f, toPlain);
  const where = (st: Stated): string => (st.line === 0 ? 'the command line' : `line ${st.line}`);
  const activeAt = (p: number): Stated[] => stated.filter((st) => st.from <= p && p < st.to);
  const unread: UnreadCondition[] = [];
  return {
    source,
    scopes,
    activeAt,
    describe,
    unread,
    recurrences: [],
    suspend(about, from, to) {
      for (const st of activeAt(from)) {
        if (st.from >= from || st.fact.kind === 'define' || !about(st.fact)) continue;
        if (st.to > to) stated.push({ ...st, from: to });
        st.to = from;
      }
    },
    paragraphEnd(offset) {
      const m = /\n[ \t]*\n/.exec(source.slice(offset));
      return m === null ? source.length : offset + m.index;
    },
    state(fact, offset, to, hypothetical = false, example = false) {
      // A fact restated while it holds changes nothing (and the evidence names where it was first stated).
      const text = describe(fact);
      if (activeAt(offset).some((st) => st.to >= to && describe(st.fact) === text)) return;
      const lc = lineCol(source, offset);
      // "$…$ for $i = y$, and $…$ for $i \ne y$": the later case ends the earlier one, also when it is first
      // stated as the condition of the claim before it (stateTrailingConditions), ahead of its own premise.
      for (const st of activeAt(offset)) if (st.from < offset && supersedes(fact, st.fact)) st.to = offset;
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
          throw new DocumentError(`${parts.join(' and ')} leave no value for ${subjectOf(fact)}`, lc.line, lc.col);
        }
      }
      // Stated inside an example, an exercise or a proof: it holds to the block's end; after that it is only
      // doubtful (a failure it might explain is undecided), never used (Example 2 is not about Example 1's x).
      const block = scopes.blockAt(offset);
      if (block !== undefined && block.end < to) {
        const ended = lineCol(source, block.end).line;
        unread.push({ text: `${describe(fact)} \\text{ (stated in the ${block.name} that ended at line ${ended})}`, from: block.end, to, line: lc.line, about: factNames(fact) });
        to = block.end;
      }
      stated.push({ fact, from: offset, to, line: lc.line, col: lc.col, ...(hypothetical ? { hypothetical } : {}), ...(example ? { example } : {}) });
    },
    definitionAt(key, p) {
      return activeAt(p).find((st) => st.fact.kind === 'define' && symKey(st.fact.sym) === key);
    },
    lastDefinitionBefore(name, p) {
      const before = stated.filter((st) => st.fact.kind === 'define' && st.line > 0 && st.from < p && toPlain(st.fact.sym) === name);
      return before[before.length - 1];
    },
    definedAt(s, p) {
      return activeAt(p).some((st) => st.fact.kind === 'define' && (symKey(st.fact.sym) === symKey(s) || definesMember(st.fact.sym, [s])));
    },
    read(text, offset, opts) {
      try {
        return readFacts(text, opts);
      } catch (e) {
        if (e instanceof FactError) {
          const lc = lineCol(source, offset + e.start);
          throw new DocumentError(e.message, lc.line, lc.col);
        }
        if (opts.strict === true) throw e;
        return []; // prose math can be anything
      }
    },
    noteUsed(sides, at) {
      for (const s of sides) {
        for (const x of symbolsOf(s)) {
          const list = used.get(symKey(x));
          if (list === undefined) used.set(symKey(x), [at]);
          else list.push(at);
        }
      }
    },
    usedInSection(key, p) {
      const start = scopes.sectionStart(p);
      return (used.get(key) ?? []).some((q) => q >= start && q < p);
    },
  };
}

/** Every symbol of e, indexed ones inside sums included. */
export function allSymbols(e: Expr, into = new Map<string, Sym>()): Map<string, Sym> {
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
export function factsUsed(sides: readonly Expr[], active: readonly Stated[]): Stated[] {
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

/** A fact that contradicts the others in the list (possible only with hypothetical facts), or undefined. */
export function emptyScope(list: readonly Stated[]): Fact | undefined {
  const seen: Fact[] = [];
  for (const st of list) {
    if (st.fact.kind === 'define') continue;
    if (conflictOf(seen, st.fact) !== undefined) return st.fact;
    seen.push(st.fact);
  }
  return undefined;
}

/** The names of the symbols a fact speaks about (x for x > 0, p for a distribution p). */
function factNames(f: Fact): string[] {
  switch (f.kind) {
    case 'simplex':
      return f.syms.map((s) => s.name);
    case 'simplex-indexed':
      return [f.name];
    case 'index-relation':
      return [f.sym.name, f.other.name];
    default:
      return [f.sym.name];
  }
}

/** The symbol a fact is about, for messages. */
export function subjectOf(f: Fact): string {
  switch (f.kind) {
    case 'simplex':
      return f.syms.map(toPlain).join(', ');
    case 'simplex-indexed':
      return `${f.name}_i`;
    default:
      return toPlain(f.sym);
  }
}
