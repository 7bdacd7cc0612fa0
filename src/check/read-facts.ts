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
 * Anything else gives no fact (prose math is not always a statement).
 */
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { ParseError, parseLatex } from '../parse/index.js';
import { definitionOf, type Fact, type Sign } from './facts.js';
import { splitRelations } from './split-relations.js';
import type { Relation } from './relation.js';

export interface ReadOptions {
  /** Accept `SYM = expr` as a definition (prose math), not only domains. */
  readonly definitions?: boolean;
}

/** Split at top-level commas (not inside (), [], {}). */
export function splitTopLevelCommas(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      out.push(text.slice(from, i));
      from = i + 1;
    }
  }
  out.push(text.slice(from));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

function tryParse(latex: string): Expr | undefined {
  try {
    return parseLatex(latex);
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}

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

function signFact(s: Sym, rel: Relation, c: number): Fact | undefined {
  const span = 20;
  if (c === 0) {
    const sign: Sign | undefined = rel === '>' ? 'positive' : rel === '>=' ? 'nonnegative' : rel === '!=' ? 'nonzero' : rel === '<' ? 'negative' : undefined;
    if (sign !== undefined) return { kind: 'sign', sym: s, sign };
    if (rel === '<=') return { kind: 'interval', sym: s, lo: -span, hi: 0, integer: false, closed: [false, true] };
    return undefined;
  }
  if (rel === '>' || rel === '>=') return { kind: 'interval', sym: s, lo: c, hi: c + span, integer: false, closed: [rel === '>=', false] };
  if (rel === '<' || rel === '<=') return { kind: 'interval', sym: s, lo: c - span, hi: c, integer: false, closed: [false, rel === '<='] };
  return undefined;
}

function flipRel(r: Relation): Relation {
  return r === '<' ? '>' : r === '>' ? '<' : r === '<=' ? '>=' : r === '>=' ? '<=' : r;
}

/** `x \in S` for the sets people write. */
function membership(s: Sym, set: string): Fact[] | undefined {
  const t = set.replace(/\s+/g, '');
  if (/^\\mathbb[RC](\^.*)?$/.test(t) || /^\\mathbbR\^\{?[a-z0-9\\times]+\}?$/.test(t)) return [];
  if (/^\\mathbbR_(\{\\?>0\}|\+|\{\+\}|\{>0\})$/.test(t)) return [{ kind: 'sign', sym: s, sign: 'positive' }];
  // ℤ: every integer, negatives and 0 included; ℕ = {0, 1, 2, …} (ISO 80000-2); ℕ₊, ℕ^*, ℤ_+, ℤ_{>0} = {1, 2, …}.
  if (/^(\\mathbbZ|ℤ|Z)$/.test(t)) return [{ kind: 'interval', sym: s, lo: -Infinity, hi: Infinity, integer: true }];
  if (/^(\\mathbbN|ℕ|N)(_0|_\{0\}|_\{\\geq?0\})?$/.test(t)) return [{ kind: 'interval', sym: s, lo: 0, hi: Infinity, integer: true }];
  if (/^(\\mathbb[NZ]|[ℕℤNZ])(_\{?\+\}?|\^\+|\^\{\+\}|\^\*|\^\{\*\}|_\{>0\})$/.test(t)) return [{ kind: 'interval', sym: s, lo: 1, hi: Infinity, integer: true }];
  const interval = /^([([])(.+),(.+)([)\]])$/.exec(t);
  if (interval !== null) {
    const lo = numberValue(tryParse(interval[2] as string));
    const hi = numberValue(tryParse(interval[3] as string));
    if (lo !== undefined && hi !== undefined && lo < hi) return [{ kind: 'interval', sym: s, lo, hi, integer: false, closed: [interval[1] === '[', interval[4] === ']'] }];
    return undefined;
  }
  const braces = /^\{(.*)\}$/.exec(t);
  if (braces !== null) {
    const items = splitTopLevelCommas(braces[1] as string);
    // An index j ∈ {1, …, n}: the numeric checker already samples indices and sizes together (j <= n).
    if (items.includes('...')) return [];
    const values = items.map((x) => numberValue(tryParse(x)));
    if (values.length >= 1 && values.every((v): v is number => v !== undefined)) return [{ kind: 'set', sym: s, values }];
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

function readRelation(text: string, opts: ReadOptions): Fact[] | undefined {
  const chains = splitRelations(text);
  const chain = chains[0];
  if (chains.length !== 1 || chain === undefined) return undefined;
  const sides = chain.sides.map((s) => s.latex);
  const rels = chain.rels.map((r) => r.rel);
  // 0 < x < 1
  if (rels.length === 2 && sides.length === 3) {
    const lo = numberValue(tryParse(sides[0] as string));
    const hi = numberValue(tryParse(sides[2] as string));
    const s = tryParse(sides[1] as string);
    if (lo !== undefined && hi !== undefined && s?.kind === 'sym' && (rels[0] === '<' || rels[0] === '<=') && (rels[1] === '<' || rels[1] === '<=')) {
      const interval: Fact = { kind: 'interval', sym: s, lo, hi, integer: false, closed: [rels[0] === '<=', rels[1] === '<='] };
      // 0 < p < 1 also says p > 0, which lemma guards such as positive(u) need.
      return lo === 0 && rels[0] === '<' ? [interval, { kind: 'sign', sym: s, sign: 'positive' }] : [interval];
    }
    return undefined;
  }
  if (rels.length !== 1) return undefined;
  const rel = rels[0] as Relation;
  const [lt, rt] = sides as [string, string];
  // \sum_i p_i = 1 without a range
  const bare = /^\\sum_\{?([a-z])\}?\s*([A-Za-z]+)_\{?\1\}?$/.exec(lt.trim());
  if (bare !== null && rel === '=' && numberValue(tryParse(rt)) === 1) return [{ kind: 'simplex-indexed', name: bare[2] as string, size: sym('n') }];
  const l = tryParse(lt);
  const r = tryParse(rt);
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
    const f = signFact(l, rel, rv);
    return f === undefined ? undefined : [f];
  }
  if (r.kind === 'sym' && lv !== undefined) {
    const f = signFact(r, flipRel(rel), lv);
    return f === undefined ? undefined : [f];
  }
  if (opts.definitions === true && rel === '=') {
    const d = definitionOf(lt, l, r);
    return d === undefined ? undefined : [d];
  }
  return undefined;
}

/** Facts stated by one piece of math or one assume-list; [] when it states none. */
export function readFacts(text: string, opts: ReadOptions = {}): Fact[] {
  const out: Fact[] = [];
  let pending: Sym[] = [];
  for (const piece of splitTopLevelCommas(normalise(text))) {
    const inAt = piece.search(/\\in(?![A-Za-z])/);
    let facts: Fact[] | undefined;
    if (inAt >= 0) {
      const syms = asSymbols(piece.slice(0, inAt).trim());
      facts = syms === undefined ? undefined : syms.flatMap((s) => membership(s, piece.slice(inAt + 3).trim()) ?? []);
    } else facts = readRelation(piece, opts);
    if (facts === undefined) {
      // `x, y > 0`: a bare symbol waits for the relation of the next piece.
      const s = asSymbols(piece);
      if (s !== undefined) pending.push(...s);
      else pending = [];
      continue;
    }
    for (const f of facts) {
      out.push(f);
      if (f.kind === 'sign' || f.kind === 'interval' || f.kind === 'set') for (const p of pending) out.push({ ...f, sym: p });
    }
    pending = [];
  }
  return out;
}
