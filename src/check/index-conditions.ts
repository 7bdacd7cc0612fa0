/**
 * Conditions on indices as homework states them: relations (`k \ne l`,
 * `k < l`, "for $i \ne j$", `\quad (k \neq j)` after a display) and ranges
 * (`i \in \{1, \dots, n\}`, `k = 1, \dots, K`, `1 \le j \le K`). They restrict
 * the index values the numeric checks draw (src/numeric/indexed.ts); a range
 * is never a value of the index.
 *
 * A relation that cannot be applied to a step (one of its letters is bound by
 * a sum there, or is not an index at all, as in $x < y$) leaves a failure of
 * that step undecided: the counterexample may break the condition.
 *
 *     indexRelationFact(i, '!=', j)          // { kind: 'index-relation', sym: i, rel: '!=', other: j }
 *     indexRangeFact('k = 1, ..., K')        // [{ kind: 'index-range', sym: k, lo: 1, hi: K }]
 *     indexConditionClause('a = b \\quad (k \\neq j)')   // the clause 'k \\neq j'
 */
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children } from '../expr/traverse.js';
import { ParseError, parseLatex } from '../parse/index.js';
import type { Fact } from './facts.js';
import type { Relation } from '../parse/relation.js';
import { tryParseLatex } from '../parse/index.js';
import { splitRelations } from '../parse/split-relations.js';

/** Does the math hold a relation of its own (split-relations.ts)? */
function holdsRelation(math: string): boolean {
  try {
    return splitRelations(math).some((c) => c.rels.length > 0);
  } catch {
    return true;
  }
}

/** A single lowercase letter without indices: how indices are named (i, j, k, l). */
export function isIndexLetter(e: Expr): e is Sym {
  return e.kind === 'sym' && /^[a-z]$/.test(e.name) && e.sub.length === 0 && e.sup.length === 0;
}

/** `a rel b` between two index letters as a fact (k > l is l < k); undefined for `=` and `≈`. */
export function indexRelationFact(a: Expr, rel: Relation, b: Expr): Fact | undefined {
  if (!isIndexLetter(a) || !isIndexLetter(b) || a.name === b.name) return undefined;
  if (rel === '!=' || rel === '<' || rel === '<=') return { kind: 'index-relation', sym: a, rel, other: b };
  if (rel === '>' || rel === '>=') return { kind: 'index-relation', sym: b, rel: rel === '>' ? '<' : '<=', other: a };
  return undefined;
}

const tryParse = tryParseLatex;

/** The upper end of a range: a number or a size symbol (n, K, N_c). */
function rangeEnd(text: string): Expr | undefined {
  const e = tryParse(text.trim());
  if (e === undefined) return undefined;
  if (e.kind === 'num' && e.d === 1n) return e;
  return e.kind === 'sym' && e.sup.length === 0 ? e : undefined;
}

/**
 * `k = 1, ..., K`, `k = 1, 2, ..., K` or `i, j = 1, ..., n` (with the dots
 * already spelled `...`) as ranges; undefined for anything else.
 */
export function indexRangeFact(text: string): Fact[] | undefined {
  const m = /^\s*([a-z](?:\s*,\s*[a-z])*)\s*=\s*(-?\d+)\s*,(?:\s*-?\d+\s*,)*\s*\.\.\.\s*,\s*([^,]+?)\s*$/.exec(text);
  if (m === null) return undefined;
  const hi = rangeEnd(m[3] as string);
  if (hi === undefined) return undefined;
  return (m[1] as string).split(',').map((letter): Fact => ({ kind: 'index-range', sym: sym(letter.trim()), lo: Number(m[2]), hi }));
}

/** `i \in \{lo, ..., hi\}` (the items of the braces, dots spelled `...`) as a range of the index i. */
export function indexRangeOfItems(s: Sym, items: readonly string[]): Fact | undefined {
  const first = items[0];
  const last = items[items.length - 1];
  if (!isIndexLetter(s) || first === undefined || last === undefined || items[items.length - 2] !== '...') return undefined;
  const lo = /^\s*(-?\d+)\s*$/.exec(first);
  const hi = rangeEnd(last);
  return lo === null || hi === undefined ? undefined : { kind: 'index-range', sym: s, lo: Number(lo[1]), hi };
}

/** `1 \le j \le K`, `0 \le t < T`: a range for an index letter between a number and a size. */
export function indexRangeBetween(lo: number | undefined, lowRel: Relation, middle: Expr | undefined, highRel: Relation, hiText: string): Fact | undefined {
  if (lo === undefined || middle === undefined || !isIndexLetter(middle) || !Number.isInteger(lo)) return undefined;
  if ((lowRel !== '<' && lowRel !== '<=') || (highRel !== '<' && highRel !== '<=')) return undefined;
  const hi = rangeEnd(hiText);
  if (hi === undefined) return undefined;
  // i < n with n a symbol: the last value n - 1 is not a range this reading keeps.
  if (highRel === '<' && hi.kind !== 'num') return undefined;
  const top = highRel === '<' && hi.kind === 'num' ? { ...hi, n: hi.n - 1n } : hi;
  return { kind: 'index-range', sym: middle, lo: lowRel === '<' ? lo + 1 : lo, hi: top as Expr };
}

/**
 * An index condition closing a display: `\quad (k \neq j)`, `, \; k < l`
 * (after a space command or a comma); the clause's start, and its math's text
 * and start, as check-document's condition clauses.
 */
export function indexConditionClause(text: string): { start: number; text: string; textStart: number } | undefined {
  if (text.includes('\\begin') || text.includes('\\\\')) return undefined;
  const m = /(?:,|\\[,;:!]|\\q?quad|~|\s)+\s*(\(?)\s*([a-z]\s*(?:\\neq?|\\not\s*=|\\leq?|\\geq?|\\lt|\\gt|<|>|=)\s*(?:[a-z]|0))\s*\)?[\s.,;]*$/.exec(text);
  if (m === null || m[2] === undefined) return undefined;
  // `\quad (x \neq 0)`: a condition on a variable, set apart in brackets (without them, x = 0 may be the relation itself).
  if (/0$/.test(m[2]) && (m[1] === '' || !/^\s*(?:\\neq?|\\not\s*=)/.test(m[2].slice(1)))) return undefined;
  // Without a bracket, the clause must be set apart by a space command or a comma (a = b \quad k \ne j), not be the relation itself.
  if (m[1] === '' && !/(?:,|\\[,;:]|\\q?quad)/.test(m[0])) return undefined;
  // `W\,x = x`: with no relation before it, the "clause" is the display's own relation after a thin space.
  if (!holdsRelation(text.slice(0, m.index))) return undefined;
  return { start: m.index, text: m[2], textStart: m.index + m[0].indexOf(m[2]) };
}

/** The unordered pair of index letters an index condition speaks about (i = j read as a definition counts). */
function pairOf(f: Fact): string | undefined {
  if (f.kind === 'index-relation') return [f.sym.name, f.other.name].sort().join(',');
  if (f.kind === 'define' && f.param === undefined && isIndexLetter(f.sym) && isIndexLetter(f.value)) return [f.sym.name, f.value.name].sort().join(',');
  return undefined;
}

/**
 * Does the index condition `next` replace `earlier` ("For $i = j$: … For
 * $i \ne j$: …": the cases of one derivation, each holding until the next)?
 */
export function supersedes(next: Fact, earlier: Fact): boolean {
  const p = pairOf(next);
  return p !== undefined && p === pairOf(earlier);
}

function boundIndices(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'call' && e.fn === 'sum' && e.args[1]?.kind === 'sym') into.add(symKey(e.args[1]));
  for (const c of children(e)) boundIndices(c, into);
  return into;
}

function subscriptsOf(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'sym') for (const i of [...e.sub, ...e.sup]) for (const s of symbolsIn(i)) into.add(s);
  if (e.kind === 'call' && (e.fn === 'delta' || e.fn === 'sum')) for (const a of e.fn === 'delta' ? e.args : e.args.slice(2, 3)) for (const s of symbolsIn(a)) into.add(s);
  for (const c of children(e)) subscriptsOf(c, into);
  return into;
}

function symbolsIn(e: Expr, into: string[] = []): string[] {
  if (e.kind === 'sym') into.push(symKey(e));
  for (const c of children(e)) symbolsIn(c, into);
  return into;
}

/**
 * An index relation in `facts` that speaks about a step (its `sides` and the
 * values of the `definitions` it uses) but that the index plan cannot apply:
 * one of its letters is bound by a sum of the step, or is used as something
 * other than an index.
 * A counterexample `point` that satisfies the relation (x = 0.3, y = 1.2 for
 * x < y) settles it: then the relation is not returned.
 */
export function unappliedIndexCondition(sides: readonly Expr[], definitions: readonly Expr[], facts: readonly Fact[], point?: Readonly<Record<string, number>>): Fact | undefined {
  const exprs = [...sides, ...definitions];
  const all = new Set(exprs.flatMap((e) => symbolsIn(e)));
  // Only the step's own sums bind a letter of the condition: the index a definition sums over
  // (j in p_k = e^{z_k} / \sum_j e^{z_j}) is its own dummy, renamed where it would capture.
  const bound = new Set(sides.flatMap((e) => [...boundIndices(e)]));
  const indices = new Set(exprs.flatMap((e) => [...subscriptsOf(e)]));
  return facts.find((f) => {
    if (f.kind !== 'index-relation') return false;
    const letters = [symKey(f.sym), symKey(f.other)];
    if (!letters.some((k) => all.has(k))) return false;
    if (!letters.some((k) => bound.has(k) || (all.has(k) && !indices.has(k)))) return false;
    const [a, b] = letters.map((k) => point?.[k]);
    const kept = a !== undefined && b !== undefined && !bound.has(letters[0] as string) && !bound.has(letters[1] as string) && (f.rel === '!=' ? a !== b : f.rel === '<' ? a < b : a <= b);
    return !kept;
  });
}
