/**
 * Proving an inequality from the lemma library (rules/lemmas.rules, where
 * `a <= b` is written `max(a, b) => b`). A claim a ≤ b is proved when it is
 * - an instance of a lemma, its guards shown from the document's domains
 *   (ln(q/p) ≤ q/p − 1 needs q/p > 0, which follows from p, q > 0);
 * - termwise: sums with matching terms (as written, or under one \sum with
 *   the same range), each term equal or proved;
 * - after taking out a positive common factor or denominator, or a minus
 *   sign from both sides (which turns the inequality round);
 * - a rearrangement: b − a equals a lemma's slack exactly (the simplifier
 *   reduces the difference to 0), as in ln x − x + 1 ≤ 0.
 *
 *     proveByLemmas(parseLatex('\\ln x'), parseLatex('x - 1'), false, lemmas, isPositive, engine)?.lemmas   // ['le.log-below-line']
 */
import { add, mulAll } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import { children } from '../expr/traverse.js';
import type { Engine } from '../rewrite/engine.js';
import { checkGuard } from '../rewrite/guards.js';
import { instantiate, match, type Bindings } from '../rewrite/pattern.js';
import type { PatternRule } from '../rewrite/rule.js';
import { reductionConditions } from './judge-equal.js';
import type { Condition } from './proof-assumptions.js';

export interface Lemma {
  readonly id: string;
  readonly title: string;
  /** The lemma says a ≤ b (a < b when strict). */
  readonly a: Expr;
  readonly b: Expr;
  readonly strict: boolean;
  readonly rule: PatternRule;
}

/** The lemmas of the engine's library (set `lemmas`). */
export function loadLemmas(engine: Engine): Lemma[] {
  const set = engine.library.sets.get('lemmas');
  if (set === undefined) return [];
  return set.rules.flatMap((r): Lemma[] => {
    if (r.type !== 'pattern' || r.lhs.kind !== 'call' || r.lhs.fn !== 'max') return [];
    const [a, b] = r.lhs.args;
    if (a === undefined || b === undefined || !equal(b, r.rhs)) return [];
    return [{ id: r.id, title: r.title, a, b, strict: r.id.startsWith('lt.'), rule: r }];
  });
}

export interface LemmaProof {
  readonly lemmas: readonly string[];
  readonly strict: boolean;
}

export type IsPositive = (e: Expr) => boolean;

function guardsHold(l: Lemma, b: Bindings, isPositive: IsPositive): boolean {
  return l.rule.guards.every((g) => {
    const args = g.args.map((x) => instantiate(x, l.rule, b));
    if (g.name === 'positive') return args[0] !== undefined && isPositive(args[0]);
    const answer = checkGuard(g.name, args);
    return answer.ok && answer.assumption === undefined;
  });
}

function instance(a: Expr, b: Expr, lemmas: readonly Lemma[], isPositive: IsPositive): LemmaProof | undefined {
  for (const l of lemmas) {
    let ok = false;
    match(l.a, a, l.rule, new Map(), (b1) => match(l.b, b, l.rule, b1, (b2) => (ok = guardsHold(l, b2, isPositive))));
    if (ok) return { lemmas: [l.id], strict: l.strict };
  }
  return undefined;
}

function withoutOne(args: readonly Expr[], i: number): readonly Expr[] {
  return args.filter((_, k) => k !== i);
}

/** a ≤ b (strictly when `strict`), by the structural moves above. */
function provePair(a: Expr, b: Expr, lemmas: readonly Lemma[], isPositive: IsPositive, depth: number): LemmaProof | undefined {
  if (depth > 12) return undefined;
  if (equal(a, b)) return { lemmas: [], strict: false };
  const direct = instance(a, b, lemmas, isPositive);
  if (direct !== undefined) return direct;
  if (a.kind === 'neg' && b.kind === 'neg') return provePair(b.arg, a.arg, lemmas, isPositive, depth + 1);
  if (a.kind === 'div' && b.kind === 'div' && equal(a.den, b.den) && isPositive(a.den)) return provePair(a.num, b.num, lemmas, isPositive, depth + 1);
  if (a.kind === 'mul' && b.kind === 'mul') {
    for (let i = 0; i < a.args.length; i++) {
      const c = a.args[i] as Expr;
      const j = b.args.findIndex((x) => equal(x, c));
      if (j < 0 || !isPositive(c)) continue;
      return provePair(mulAll(withoutOne(a.args, i)), mulAll(withoutOne(b.args, j)), lemmas, isPositive, depth + 1);
    }
  }
  if (a.kind === 'call' && b.kind === 'call' && a.fn === 'sum' && b.fn === 'sum' && a.args.slice(1).every((x, i) => equal(x, b.args[i + 1] as Expr))) {
    const inner = provePair(a.args[0] as Expr, b.args[0] as Expr, lemmas, isPositive, depth + 1);
    return inner === undefined ? undefined : { lemmas: inner.lemmas, strict: false };
  }
  if (a.kind === 'add' && b.kind === 'add' && a.args.length === b.args.length) {
    // Pair terms as written first, then greedily by any order.
    const used = new Set<number>();
    const ids: string[] = [];
    let strict = false;
    for (let i = 0; i < a.args.length; i++) {
      const t = a.args[i] as Expr;
      const order = [i, ...b.args.map((_, k) => k).filter((k) => k !== i)];
      let found = false;
      for (const k of order) {
        if (used.has(k)) continue;
        const p = provePair(t, b.args[k] as Expr, lemmas, isPositive, depth + 1);
        if (p === undefined) continue;
        used.add(k);
        ids.push(...p.lemmas);
        strict ||= p.strict;
        found = true;
        break;
      }
      if (!found) return undefined;
    }
    return { lemmas: [...new Set(ids)], strict };
  }
  return undefined;
}

/** Bindings of a lemma's variables taken from subterms of e (ln u found in e binds u). */
function candidateBindings(l: Lemma, e: Expr, out: Bindings[]): void {
  if (out.length > 20) return;
  for (const pattern of [l.a, l.b]) {
    if (pattern.kind === 'sym' || pattern.kind === 'num') continue;
    match(pattern, e, l.rule, new Map(), (b) => {
      if (b.size === l.rule.vars.size || [...l.rule.vars.keys()].every((v) => b.has(v) || !occurs(v, l))) out.push(b);
      return false;
    });
  }
  for (const c of children(e)) candidateBindings(l, c, out);
}

function occurs(v: string, l: Lemma): boolean {
  const has = (e: Expr): boolean => (e.kind === 'sym' && e.name === v && e.sub.length === 0) || children(e).some(has);
  return has(l.a) || has(l.b);
}

/**
 * Are the side conditions a simplification assumed (u ≠ 0, u > 0) true on the
 * claim's domain? The default accepts none: without a domain to check them
 * on, a rearrangement that needed them proves nothing.
 */
export type Discharge = (conditions: readonly Condition[]) => boolean;

/** Proves a ≤ b (a < b when strict) from the lemmas, or returns undefined. */
export function proveByLemmas(a: Expr, b: Expr, strict: boolean, lemmas: readonly Lemma[], isPositive: IsPositive, engine: Engine, discharge: Discharge = (cs) => cs.length === 0): LemmaProof | undefined {
  const direct = provePair(a, b, lemmas, isPositive, 0);
  if (direct !== undefined && (direct.strict || !strict)) return direct;
  // A rearrangement of one lemma: b - a is exactly its slack.
  for (const l of lemmas) {
    if (strict && !l.strict) continue;
    const found: Bindings[] = [];
    candidateBindings(l, a, found);
    candidateBindings(l, b, found);
    for (const bind of found) {
      if (!guardsHold(l, bind, isPositive)) continue;
      const la = instantiate(l.a, l.rule, bind);
      const lb = instantiate(l.b, l.rule, bind);
      // b - a = lb - la  <=>  b + la = lb + a
      const conditions = reductionConditions(engine, add(b, la), add(lb, a));
      if (conditions !== undefined && discharge(conditions)) return { lemmas: [l.id], strict: l.strict };
    }
  }
  return undefined;
}
