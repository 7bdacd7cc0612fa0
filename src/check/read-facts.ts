/**
 * Reading facts the way people write them, in inline math or in a
 * `gradtex: assume …` comment:
 *
 *     readFacts('x > 0')                      // sign
 *     readFacts('p_i > 0, q_i > 0')           // two signs (p_i covers p_1, p_2, p_j)
 *     readFacts('x, y > 0')                   // a list shares the relation
 *     readFacts('0 < t < 1')                  // interval
 *     readFacts('y \\in \\{-1, 1\\}')         // finite set
 *     readFacts('j \\in \\{1, \\dots, n\\}')  // an index: nothing to add (indices are sampled with their range)
 *     readFacts('x \\in \\mathbb{R}^n')       // nothing to add (reals are the default)
 *     readFacts('p_1 + p_2 = 1')              // simplex (with p_k > 0)
 *     readFacts('\\sum_{i=1}^{n} p_i = 1')    // simplex over an indexed family
 *     readFacts('h = \\tanh(w_1 x + b_1)', { definitions: true })  // definition
 *
 * Anything else gives no fact (prose math is not always a statement), unless
 * the reading is strict (`--assume`, `gradtex: assume` directives): then each
 * piece that is not understood is a FactError naming it. A domain that is
 * empty (`0 < x < 0`, `x in [2, 1]`, `x in {}`) is a FactError either way.
 */
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { ParseError, parseLatex, parsePlain } from '../parse/index.js';
import { toPlain } from '../expr/to-plain.js';
import { conflictOf, definitionOf, describeFact, emptyFact, FactError, mergeDomains, type Bounds, type Fact, type Sign } from './facts.js';
import { splitRelations } from '../parse/split-relations.js';
import { functionDefinition } from './function-definitions.js';
import { headDefinitionFact } from './multi-argument-heads.js';
import { splitTopLevelCommas, splitTopLevelCommasAt, type Piece } from './top-level-commas.js';

export { splitTopLevelCommas, splitTopLevelCommasAt, type Piece } from './top-level-commas.js';
import { indexRangeBetween, indexRangeFact, indexRangeOfItems, indexRelationFact, isIndexLetter } from './index-conditions.js';
import type { Relation } from '../parse/relation.js';
import { tryParseLatex } from '../parse/index.js';

export interface ReadOptions {
  /** Accept `SYM = expr` as a definition (prose math), not only domains. */
  readonly definitions?: boolean;
  /** Every piece must be understood; one that is not throws a FactError naming it. */
  readonly strict?: boolean;
  /**
   * `auto` (the command line): a piece without a backslash is read in the
   * plain syntax first (`log(sigma(z))` is a logarithm, not l·o·g), as
   * `gradtex equal` reads its sides; default `latex` (documents).
   */
  readonly syntax?: 'latex' | 'auto';
  /** Read `y = 1` as giving y that value (prose introduced by "let", "given", "set" …). */
  readonly values?: boolean;
}

/** Plain syntax first, then LaTeX (`f(x)` with f unknown, `w x` juxtaposed). */
function tryParseAuto(text: string): Expr | undefined {
  try {
    return parsePlain(text);
  } catch (e) {
    if (e instanceof ParseError) return tryParse(text);
    throw e;
  }
}

const tryParse = tryParseLatex;

function numberValue(e: Expr | undefined): number | undefined {
  if (e === undefined) return undefined;
  if (e.kind === 'num') return Number(e.n) / Number(e.d);
  if (e.kind === 'float') return e.value;
  if (e.kind === 'neg') {
    const v = numberValue(e.arg);
    return v === undefined ? undefined : -v;
  }
  return undefined;
}

/** Plain spellings in directives -> LaTeX the splitter and parser read. */
function normalise(text: string): string {
  return text
    .replace(/(^|[^\\A-Za-z])in(?=\s)/g, '$1\\in')
    .replace(/(^|[^\\])\bsum_/g, '$1\\sum_')
    .replace(/\\mathbb\{([A-Z])\}/g, '\\mathbb$1')
    .replace(/\\left|\\right/g, '')
    .replace(/\\\{/g, '{')
    .replace(/\\\}/g, '}')
    .replace(/\\(?:dots|ldots|cdots)/g, '...')
    .trim();
}

/** How far a one-sided domain is sampled from its end (x > 1 is sampled on [1, 21]). */
const SPAN = 20;

function signFact(s: Sym, rel: Relation, c: number): Fact | undefined {
  if (c === 0) {
    const sign: Sign | undefined = rel === '>' ? 'positive' : rel === '>=' ? 'nonnegative' : rel === '!=' ? 'nonzero' : rel === '<' ? 'negative' : undefined;
    if (sign !== undefined) return { kind: 'sign', sym: s, sign };
    if (rel === '<=') return { kind: 'interval', sym: s, lo: -SPAN, hi: 0, integer: false, bounds: { lo: -Infinity, hi: 0, loOpen: true, hiOpen: false } };
    return undefined;
  }
  if (rel === '>' || rel === '>=') return { kind: 'interval', sym: s, lo: c, hi: c + SPAN, integer: false, bounds: { lo: c, hi: Infinity, loOpen: rel === '>', hiOpen: true } };
  if (rel === '<' || rel === '<=') return { kind: 'interval', sym: s, lo: c - SPAN, hi: c, integer: false, bounds: { lo: -Infinity, hi: c, loOpen: true, hiOpen: rel === '<' } };
  return undefined;
}

/** An interval as written: [lo, hi] sampled, open ends kept; 0 < t (open) also says t > 0. */
function intervalFacts(s: Sym, b: Bounds): Fact[] {
  const interval: Fact = { kind: 'interval', sym: s, lo: b.lo, hi: b.hi, integer: false, ...(b.loOpen || b.hiOpen ? { bounds: b } : {}) };
  // 0 < p < 1 also says p > 0, which lemma guards such as positive(u) need.
  return b.lo === 0 && b.loOpen && b.hi > 0 ? [interval, { kind: 'sign', sym: s, sign: 'positive' }] : [interval];
}

function flipRel(r: Relation): Relation {
  return r === '<' ? '>' : r === '>' ? '<' : r === '<=' ? '>=' : r === '>=' ? '<=' : r;
}

/** `x \in S` for the sets people write; undefined when the set is not understood. */
function membership(s: Sym, set: string): Fact[] | undefined {
  const t = set.replace(/\s+/g, '').replace(/^\\mathbb\{?([A-Z])\}?/, '\\mathbb$1').replace(/^(?:ℝ|\\R(?![a-z])|\\reals|R(?![A-Za-z]))/, '\\mathbbR').replace(/^(?:ℤ|Z(?![A-Za-z]))/, '\\mathbbZ').replace(/^(?:ℕ|N(?![A-Za-z]))/, '\\mathbbN');
  if (/^\\mathbb[RC](\^.*)?$/.test(t) || /^\\mathbbR\^\{?[a-z0-9\\times]+\}?$/.test(t)) return [];
  if (/^\\mathbbR_(\{\\?>0\}|\+|\{\+\}|\{>0\})$/.test(t)) return [{ kind: 'sign', sym: s, sign: 'positive' }];
  // ℕ_+, ℤ_+: 1, 2, …; ℕ: 0, 1, 2, … (both conventions are in use, so 0 is sampled too); ℤ: negatives too.
  if (/^\\mathbb[NZ](_\{?\+\}?|\^\+|\^\{\+\})$/.test(t)) return [{ kind: 'interval', sym: s, lo: 1, hi: 7, integer: true, bounds: { lo: 1, hi: Infinity, loOpen: false, hiOpen: true } }];
  if (t === '\\mathbbN') return [{ kind: 'interval', sym: s, lo: 0, hi: 7, integer: true, bounds: { lo: 0, hi: Infinity, loOpen: false, hiOpen: true } }];
  if (t === '\\mathbbZ') return [{ kind: 'interval', sym: s, lo: -7, hi: 7, integer: true, bounds: { lo: -Infinity, hi: Infinity, loOpen: true, hiOpen: true } }];
  // A half-line written with \infty ([0, \infty), (-\infty, 1]): the one-sided domain x >= 0, x <= 1.
  const upTo = /^([([])(.+),\+?\\infty\)$/.exec(t) ?? /^\(-\\infty,(.+)([)\]])$/.exec(t);
  if (upTo !== null) {
    const fromBelow = upTo[1] === '(' || upTo[1] === '[';
    const c = numberValue(tryParse((fromBelow ? upTo[2] : upTo[1]) as string));
    const rel: Relation = fromBelow ? (upTo[1] === '[' ? '>=' : '>') : upTo[2] === ']' ? '<=' : '<';
    const f = c === undefined ? undefined : signFact(s, rel, c);
    return f === undefined ? undefined : [f];
  }
  const interval = /^([([])(.+),(.+)([)\]])$/.exec(t);
  if (interval !== null) {
    const lo = numberValue(tryParse(interval[2] as string));
    const hi = numberValue(tryParse(interval[3] as string));
    if (lo === undefined || hi === undefined) return undefined;
    return intervalFacts(s, { lo, hi, loOpen: interval[1] === '(', hiOpen: interval[4] === ')' });
  }
  const braces = /^\{(.*)\}$/.exec(t);
  if (braces !== null) {
    const items = splitTopLevelCommas(braces[1] as string);
    // An index j ∈ {1, …, n}: its range (for sums and sifting), not a value; other lists with dots state nothing read here.
    if (items.includes('...')) {
      const range = indexRangeOfItems(s, items);
      return range === undefined ? [] : [range];
    }
    const values = items.map((x) => numberValue(tryParse(x)));
    if (values.every((v): v is number => v !== undefined)) return [{ kind: 'set', sym: s, values }];
  }
  return undefined;
}

function asSymbols(text: string): Sym[] | undefined {
  const e = tryParse(text);
  return e?.kind === 'sym' ? [e] : undefined;
}

/** p_1 + p_2 + p_3 (bare symbols of one name with number indices). */
function simplexSymbols(e: Expr): Sym[] | undefined {
  if (e.kind !== 'add') return undefined;
  const syms = e.args.filter((a): a is Sym => a.kind === 'sym' && a.sub.length === 1 && a.sub[0]?.kind === 'num');
  if (syms.length !== e.args.length || syms.length < 2) return undefined;
  const name = syms[0]?.name;
  return syms.every((s) => s.name === name) ? syms : undefined;
}

function readRelation(text: string, opts: ReadOptions, plain: boolean): Fact[] | undefined {
  const chains = splitRelations(text);
  const chain = chains[0];
  if (chains.length !== 1 || chain === undefined) return undefined;
  const sides = chain.sides.map((s) => s.latex);
  const rels = chain.rels.map((r) => r.rel);
  // n_{in} = n_{out} = 100: one value given to several names (where values are read).
  if (rels.length >= 2 && rels.every((r) => r === '=') && opts.values === true && opts.definitions === true) return chainedValues(sides);
  // 0 < x < 1
  if (rels.length === 2 && sides.length === 3) {
    const lo = numberValue(tryParse(sides[0] as string));
    const hi = numberValue(tryParse(sides[2] as string));
    const s = tryParse(sides[1] as string);
    if (lo !== undefined && hi !== undefined && s?.kind === 'sym' && (rels[0] === '<' || rels[0] === '<=') && (rels[1] === '<' || rels[1] === '<=')) {
      return intervalFacts(s, { lo, hi, loOpen: rels[0] === '<', hiOpen: rels[1] === '<' });
    }
    // 1 \le j \le K: the range of an index.
    const range = indexRangeBetween(lo, rels[0] as Relation, s, rels[1] as Relation, sides[2] as string);
    return range === undefined ? undefined : [range];
  }
  if (rels.length !== 1) return undefined;
  const rel = rels[0] as Relation;
  const [lt, rt] = sides as [string, string];
  // \sum_i p_i = 1 without a range
  const bare = /^\\sum_\{?([a-z])\}?\s*([A-Za-z]+)_\{?\1\}?$/.exec(lt.trim());
  if (bare !== null && rel === '=' && numberValue(tryParse(rt)) === 1) return [{ kind: 'simplex-indexed', name: bare[2] as string, size: sym('n'), sizeFromSums: true }];
  // f = \tanh, \phi = \sigma: a function letter standing for a function (before parsing: \tanh alone does not parse).
  const named = rel === '=' && opts.definitions === true ? functionDefinition(lt, rt) : undefined;
  if (named !== undefined) return [named];
  // L(x, y, w) = …: a function of several arguments (its left side is not an expression the reader takes).
  const headValue = rel === '=' && opts.definitions === true && /\(/.test(lt) ? tryParse(rt) : undefined;
  const head = headValue !== undefined ? headDefinitionFact(lt, headValue) : undefined;
  if (head !== undefined) return [head];
  const l = plain ? tryParseAuto(lt) : tryParse(lt);
  const r = plain ? tryParseAuto(rt) : tryParse(rt);
  if (l === undefined || r === undefined) return undefined;
  if (rel === '=' && numberValue(r) === 1) {
    const explicit = simplexSymbols(l);
    if (explicit !== undefined) return [{ kind: 'simplex', syms: explicit }];
    if (l.kind === 'call' && l.fn === 'sum') {
      const [body, , , hi] = l.args;
      if (body?.kind === 'sym' && hi !== undefined) return [{ kind: 'simplex-indexed', name: body.name, size: hi }];
    }
  }
  const rv = numberValue(r);
  const lv = numberValue(l);
  if (l.kind === 'sym' && rv !== undefined) {
    // "Given $y = 1$": a value, only where the prose says so (values), never from a bare "at $x = 2$".
    if (rel === '=' && opts.values === true && opts.definitions === true) {
      const d = definitionOf(lt, l, r);
      return d === undefined ? undefined : [d];
    }
    const f = signFact(l, rel, rv);
    return f === undefined ? undefined : [f];
  }
  if (r.kind === 'sym' && lv !== undefined) {
    const f = signFact(r, flipRel(rel), lv);
    return f === undefined ? undefined : [f];
  }
  // k \ne l, k < l between index letters: which index values are drawn together.
  const relation = indexRelationFact(l, rel, r);
  if (relation !== undefined) return [relation];
  // "for $i = j$" (also in a display's closing clause, where definitions are not read): the case i = j.
  if (rel === '=' && isIndexLetter(l) && isIndexLetter(r) && l.name !== r.name) return [{ kind: 'define', sym: l, value: r }];
  if (opts.definitions === true && rel === '=') {
    const d = definitionOf(lt, l, r);
    return d === undefined ? undefined : [d];
  }
  return undefined;
}

/** `a = b = c` with c a number and every other side a plain name: each name gets the value; otherwise undefined. */
function chainedValues(sides: readonly string[]): Fact[] | undefined {
  const value = tryParse(sides[sides.length - 1] as string);
  if (value === undefined || numberValue(value) === undefined) return undefined;
  const out: Fact[] = [];
  for (const side of sides.slice(0, -1)) {
    const s = tryParse(side);
    const d = s?.kind === 'sym' ? definitionOf(side, s, value) : undefined;
    if (d === undefined) return undefined;
    out.push(d);
  }
  return out;
}

/** Why a piece states no fact, for strict reading. */
function notUnderstood(piece: string): string {
  const value = /^\s*([A-Za-z](?:_\{?[A-Za-z0-9]+\}?)?)\s*=\s*(-?[0-9.]+)\s*$/.exec(piece);
  if (value !== null) return `'${piece}' gives ${value[1] ?? ''} one value, which is not a domain: substitute the value, or write ${value[1] ?? ''} in {${value[2] ?? ''}}`;
  return `cannot read '${piece}': write e.g. x > 0, 0 < t < 1, y in {-1, 1}, sum_i p_i = 1 or h = tanh(w x)`;
}

/** The symbol a domain fact is about, for messages. */
function subjectOf(f: Fact): string {
  return f.kind === 'simplex' ? f.syms.map((s) => s.name).join(', ') : f.kind === 'simplex-indexed' ? f.name : f.kind === 'define' ? f.sym.name : f.sym.name;
}

/**
 * Facts stated by one piece of math or one assume-list; [] when it states
 * none. Throws FactError for an empty domain, and (strict) for a piece not
 * understood, with the piece's offset in `text`.
 */
export function readFacts(text: string, opts: ReadOptions = {}): Fact[] {
  const out: Fact[] = [];
  // k = 1, \dots, K: a range, read before the commas split it.
  const ranges = indexRangeFact(normalise(text));
  if (ranges !== undefined) return ranges;
  let pending: { syms: Sym[]; piece: Piece }[] = [];
  for (const p of splitTopLevelCommasAt(text)) {
    const piece = normalise(p.text);
    const inAt = piece.search(/\\in(?![A-Za-z])/);
    let facts: Fact[] | undefined;
    if (inAt >= 0) {
      const syms = asSymbols(piece.slice(0, inAt).trim());
      const sets = syms?.map((s) => membership(s, piece.slice(inAt + 3).trim()));
      facts = sets === undefined || sets.some((x) => x === undefined) ? undefined : sets.flatMap((x) => x ?? []);
      if (facts === undefined && opts.strict === true) throw new FactError(syms === undefined ? `cannot read '${p.text}': the left of 'in' must be a variable` : `cannot read the set in '${p.text}': write e.g. y in {-1, 1}, t in (0, 1), n in N`, p.start);
    } else facts = readRelation(piece, opts, opts.syntax === 'auto' && !p.text.includes('\\'));
    if (facts === undefined) {
      // `x, y > 0`: a bare symbol waits for the relation of the next piece.
      const s = asSymbols(piece);
      if (s !== undefined) pending.push({ syms: s, piece: p });
      else if (opts.strict === true) throw new FactError(notUnderstood(p.text), p.start);
      else pending = [];
      continue;
    }
    for (const f of facts) {
      if (emptyFact(f)) throw new FactError(`'${p.text}' leaves no value for ${subjectOf(f)}`, p.start);
      out.push(f);
      if (f.kind === 'sign' || f.kind === 'interval' || f.kind === 'set' || f.kind === 'index-range') for (const q of pending) for (const s of q.syms) out.push({ ...f, sym: s });
    }
    pending = [];
  }
  const dangling = pending[0];
  if (dangling !== undefined && opts.strict === true) throw new FactError(`'${dangling.piece.text}' has no relation: write e.g. ${dangling.piece.text} > 0`, dangling.piece.start);
  return out;
}

/**
 * `--assume` lists and directives: every piece understood (strict), and the
 * facts consistent with each other and with `known`; otherwise a FactError
 * naming the piece.
 *
 *     readAssumptions(['x > 0, p_i > 0'])   // two facts
 *     readAssumptions(['x > 1', 'x < 0'])   // FactError: x > 1 and x < 0 leave no value for x
 */
export function readAssumptions(texts: readonly string[], known: readonly Fact[] = []): Fact[] {
  const out: Fact[] = [];
  for (const t of texts) {
    for (const f of readFacts(t, { definitions: true, strict: true, syntax: 'auto' })) {
      const clash = conflictOf([...known, ...out], f);
      if (clash !== undefined) throw new FactError(`${clash.map((c) => describeFact(c, toPlain)).join(' and ')} leave no value for ${subjectOf(f)}`);
      out.push(f);
    }
  }
  return out;
}

/**
 * The assumptions for one relation (`gradtex equal`): as readAssumptions,
 * with the domains of each symbol intersected (x > 0, x < 5: x in (0, 5)).
 */
export function readRelationAssumptions(texts: readonly string[]): Fact[] {
  return mergeDomains(readAssumptions(texts));
}
