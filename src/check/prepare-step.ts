/**
 * Turning a step and the document's facts into what the judges need:
 * definitions substituted (after derivatives are taken, when a derivative is
 * with respect to a defined symbol), derivatives replaced by the engine's own
 * result, and domains turned into sampling assumptions or reparametrisations
 * (p_1 + p_2 + p_3 = 1 becomes p_k = t_k / (t_1 + t_2 + t_3) with t_k > 0,
 * so every sampled point lies on the simplex).
 *
 *     prepareStep(engine, parseLatex('h^2'), parseLatex('h h'), facts).lhs
 */
import { add, addAll, call, deriv, div, mul, mulAll, num, sym } from '../expr/build.js';
import { substitute } from '../expr/substitute.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, mapBottomUp, some, withChildren } from '../expr/traverse.js';
import { differentiate } from '../derive/differentiate.js';
import { distrust, verifyDerivation } from '../proof/verify.js';
import { toPlain } from '../expr/to-plain.js';
import { mapCondition, stepConditions, type Condition } from './proof-assumptions.js';
import type { Assumption } from '../numeric/index.js';
import { indexRoles, needsIndexedMode, type IndexRole } from '../numeric/indexed.js';
import { compile, EvaluationError, freeSymbols } from '../numeric/index.js';
import type { Engine } from '../rewrite/engine.js';
import { factCovers, type Fact } from './facts.js';
import { primedHeads, valueHeadsAsProducts } from './defined-heads.js';
import { summedRanges } from './summed-ranges.js';
import { opaqueScalarProducts } from './scalar-products.js';
import { isFamilySymbol, isRecurrence, matchFamily, renameIndices, substituteFamilies, type FamilyDefinition } from './indexed-definitions.js';
import { isIndexLetter } from './index-conditions.js';

export interface PreparedStep {
  /** Sides on the sampled domain (definitions, derivatives and reparametrisations applied). */
  readonly lhs: Expr;
  readonly rhs: Expr;
  /** Sides with definitions and derivatives applied, in the document's own symbols (for symbolic proof). */
  readonly symbolicLhs: Expr;
  readonly symbolicRhs: Expr;
  /** The symbolic sides with constraints solved for one member (p_3 = 1 - p_1 - p_2), when the step has any. */
  readonly constrained?: readonly [Expr, Expr];
  readonly assumptions: readonly Assumption[];
  /** Original symbol (key) -> its expression in the sampled symbols, for reporting points. */
  readonly reparam: ReadonlyMap<string, Expr>;
  /** True when a derivative was replaced by the engine's result. */
  readonly engineDerivative: boolean;
  /**
   * Side conditions of the substituted derivatives (u > 0, u ≠ 0, a ≤ j ≤ b),
   * in the symbols of symbolicLhs/symbolicRhs: a proof must discharge them on
   * the domain.
   */
  readonly conditions: readonly Condition[];
  /** The functions whose derivatives were substituted (the derivative exists at most where they are defined), sampled symbols. */
  readonly anchors: readonly Expr[];
  /** The same, per side: [left, right]. */
  readonly sideAnchors: readonly [readonly Expr[], readonly Expr[]];
  /**
   * Why an engine derivative was not substituted (its own verification, the
   * one `gradtex diff` runs, failed or could not decide): the step may then
   * hold or fail by sampling, never be proved.
   */
  readonly distrusted?: string;
  /**
   * A derivative of a symbol the document never defines (∂L/∂w with L
   * unknown): the step cannot be judged. Holds that symbol's name.
   */
  readonly undefinedDerivative?: string;
  /**
   * A derivative by a defined symbol (∂L/∂z, z = w x + b) of a body that uses
   * the symbols of its definition but not the symbol (σ(w x + b) written
   * differently): the dependence is hidden. Holds that symbol's name.
   */
  readonly hiddenDependence?: string;
  /** Facts used (for evidence). */
  readonly used: readonly Fact[];
  /**
   * Definitions that refer to each other without end for this step (a^{(l)}
   * from z^{(l)} from a^{(l-1)} with no base case reached): expansion stopped
   * at a bound, so the sides hold unexpanded members and a failure proves nothing.
   */
  readonly unsettled?: string;
  /** Readings a verdict must state (a sum's size taken from the members the document gives). */
  readonly notes?: readonly string[];
}

/**
 * Function heads: in a product as written, `f` followed by a factor is the
 * application f(a) (the parser reads f(x) as f times x): replaced by the
 * definition's value with the parameter set to a.
 */
function applyFunctions(e: Expr, fns: ReadonlyMap<string, { param: Sym; value: Expr }>): Expr {
  if (fns.size === 0) return e;
  const go = (x: Expr): Expr => {
    if (x.kind === 'deriv') return deriv(go(x.body), x.wrt);
    const kids = children(x).map(go);
    const y = kids.length === 0 ? x : withChildren(x, kids);
    // f(a) with f an unknown-function name is a call node (src/expr/abstract-function.ts).
    const called = y.kind === 'call' && y.args.length === 1 ? fns.get(symKey(sym(y.fn))) : undefined;
    if (y.kind === 'call' && called !== undefined) return substitute(called.value, new Map([[symKey(called.param), y.args[0] as Expr]]));
    if (y.kind !== 'mul') return y;
    const out: Expr[] = [];
    for (let i = 0; i < y.args.length; i++) {
      const a = y.args[i] as Expr;
      const arg = y.args[i + 1];
      // \frac{d}{dx} f(x) is read as (d f/dx) times x: the derivative applies to f(x).
      const inner = a.kind === 'deriv' && a.body.kind === 'sym' ? fns.get(symKey(a.body)) : undefined;
      const fn = a.kind === 'sym' ? fns.get(symKey(a)) : undefined;
      if (a.kind === 'deriv' && inner !== undefined && arg !== undefined) {
        out.push(deriv(substitute(inner.value, new Map([[symKey(inner.param), arg]])), a.wrt));
        i++;
      } else if (fn !== undefined && arg !== undefined) {
        out.push(substitute(fn.value, new Map([[symKey(fn.param), arg]])));
        i++;
      } else out.push(a);
    }
    return out.length === y.args.length ? y : mulAll(out);
  };
  return go(e);
}

/**
 * Expand definitions (and members of defined families, p_j from p_k = …) to
 * a fixed point (definitions may use earlier ones); bounded depth. An index
 * set equal to another ("for $i = j$") is renamed in subscripts too, never
 * where a sum binds it.
 */
function expand(e: Expr, defs: ReadonlyMap<string, Expr>, families: readonly FamilyDefinition[] = [], sizes?: GivenSizes): Expr {
  let cur = e;
  const exact = new Set(defs.keys());
  const indexCases = new Map([...defs].filter(([key, v]) => /^[a-z]$/.test(key) && isIndexLetter(v)));
  for (let i = 0; i < 8; i++) {
    const next = renameIndices(substituteFamilies(unrollSumsOverValues(sizesFromMembers(substitute(cur, defs), defs, sizes), defs), families, exact), indexCases);
    if (next === cur) return cur;
    cur = next;
  }
  return cur;
}

/** Families whose members 1..m are all given values, and the notes saying where a sum's size was taken from them. */
interface GivenSizes {
  /** Family name -> m. */
  readonly sizes: ReadonlyMap<string, number>;
  /** Sizes the facts speak about (a one-hot y over K): a sum up to one of them keeps it. */
  readonly stated: ReadonlySet<string>;
  readonly notes: string[];
}

/** Families with members 1..m (m >= 2, one subscript) all given a number: "Scores $s_1 = 2$, …, $s_4 = 3.5$". */
function givenSizes(facts: readonly Fact[]): ReadonlyMap<string, number> {
  const indices = new Map<string, Set<number>>();
  for (const f of facts) {
    if (f.kind !== 'define' || f.param !== undefined || f.sym.sub.length !== 1 || f.sym.sup.length > 0 || some(f.value, (x) => x.kind === 'sym')) continue;
    const i = f.sym.sub[0];
    if (i?.kind !== 'num' || i.d !== 1n) continue;
    indices.set(f.sym.name, (indices.get(f.sym.name) ?? new Set()).add(Number(i.n)));
  }
  const out = new Map<string, number>();
  for (const [name, set] of indices) if (set.size >= 2 && [...set].every((i) => i >= 1 && i <= set.size)) out.set(name, set.size);
  return out;
}

/**
 * A sum from 1 to a size nothing gives (J in \sum_{j \ne y} read as j = 1,
 * …, J) over a family whose members 1..m all have values: the size is m
 * (the values given are the family), and a note says so.
 */
function sizesFromMembers(e: Expr, defs: ReadonlyMap<string, Expr>, given: GivenSizes | undefined): Expr {
  if (given === undefined || given.sizes.size === 0 || !some(e, (x) => x.kind === 'call' && x.fn === 'sum')) return e;
  // A size used anywhere else (a second sum, a fraction 1/K, a fact) is one quantity: taking it from one sum's terms would split it.
  const count = new Map<string, number>();
  const tally = (x: Expr): void => {
    if (x.kind === 'sym') count.set(symKey(x), (count.get(symKey(x)) ?? 0) + 1);
    for (const c of children(x)) tally(c);
  };
  tally(e);
  const go = (x: Expr): Expr => {
    const kids = children(x);
    const y = kids.length === 0 ? x : withChildren(x, kids.map(go));
    if (y.kind !== 'call' || y.fn !== 'sum') return y;
    const [body, k, lo, hi] = y.args;
    if (body === undefined || k?.kind !== 'sym' || lo?.kind !== 'num' || lo.n !== 1n || lo.d !== 1n || hi?.kind !== 'sym' || defs.has(symKey(hi))) return y;
    if ((count.get(symKey(hi)) ?? 0) > 1 || given.stated.has(symKey(hi))) return y;
    const names = new Set<string>();
    for (const [name] of given.sizes) if (some(body, (m) => m.kind === 'sym' && m.name === name && m.sub.length === 1 && m.sub[0]?.hash === k.hash)) names.add(name);
    // Every family the terms run over must be given (a one-hot y_k beside z_k keeps its own size).
    const others = some(body, (m) => m.kind === 'sym' && !names.has(m.name) && m.sub.some((i) => i.hash === k.hash));
    const sizes = new Set([...names].map((n) => given.sizes.get(n)));
    const [m] = sizes;
    if (others || sizes.size !== 1 || m === undefined) return y;
    const note = `the sum over ${toPlain(k)} read as ${toPlain(k)} = 1, …, ${m}: the members of ${[...names].join(', ')} given`;
    if (!given.notes.includes(note)) given.notes.push(note);
    return withChildren(y, [body, k, lo, num(m)]);
  };
  return go(e);
}

/** The longest sum written out term by term. */
const MAX_UNROLLED = 64;

/**
 * A sum over numbers whose terms use members the document gives (z_j with
 * z_1 = 0 and z_2 = \ln 3 from "$z = (0, \ln 3)$", n = 2): written out term
 * by term, so each member takes its value (the sampler would draw z_j
 * afresh inside the sum while z_1 outside it is 0).
 *
 *     unrollSumsOverValues(parseLatex('\\sum_{j=1}^{2} e^{z_j}'), defs)   // e^{z_1} + e^{z_2}
 */
function unrollSumsOverValues(e: Expr, defs: ReadonlyMap<string, Expr>): Expr {
  if (defs.size === 0 || !some(e, (x) => x.kind === 'call' && x.fn === 'sum')) return e;
  const integer = (x: Expr | undefined): number | undefined => (x?.kind === 'num' && x.d === 1n ? Number(x.n) : undefined);
  const go = (x: Expr): Expr => {
    const kids = children(x);
    const y = kids.length === 0 ? x : withChildren(x, kids.map(go));
    if (y.kind !== 'call' || y.fn !== 'sum') return y;
    const [body, k, lo, hi] = y.args;
    const a = integer(lo);
    const b = integer(hi);
    if (body === undefined || k?.kind !== 'sym' || a === undefined || b === undefined || b - a + 1 > MAX_UNROLLED) return y;
    const terms = Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => substitute(body, new Map([[symKey(k), num(a + i)]])));
    const usesValue = terms.some((t) => some(t, (m) => m.kind === 'sym' && m.sub.length > 0 && defs.has(symKey(m))));
    return usesValue ? (terms.length === 0 ? num(0) : addAll(terms)) : y;
  };
  return go(e);
}

/**
 * A member given a value (z_1 = 0) whose family a sum still runs over (a
 * size not given as a number): inside the sum z_j is drawn at random, so
 * the sum and z_1 outside it disagree and a failure shows nothing. Its name.
 */
function memberInOpenSum(e: Expr, facts: readonly Fact[]): string | undefined {
  const members = facts.flatMap((f) => (f.kind === 'define' && f.param === undefined && f.sym.sub.length > 0 && f.sym.sub.every((x) => x.kind === 'num') ? [f.sym] : []));
  if (members.length === 0) return undefined;
  let found: string | undefined;
  const go = (x: Expr): void => {
    if (found !== undefined) return;
    if (x.kind === 'call' && x.fn === 'sum') {
      const [body, k] = x.args;
      if (body !== undefined && k?.kind === 'sym') {
        const m = members.find((s) => some(body, (y) => y.kind === 'sym' && y.name === s.name && y.sub.length === s.sub.length && y.sub.some((i) => i.hash === k.hash)));
        if (m !== undefined) found = toPlain(m);
      }
    }
    for (const c of children(x)) go(c);
  };
  go(e);
  return found;
}

function derivVariables(e: Expr, into = new Set<string>()): Set<string> {
  if (e.kind === 'deriv') into.add(symKey(e.wrt));
  for (const c of children(e)) derivVariables(c, into);
  return into;
}

/** The variables derivatives are taken by, as symbols. */
function derivSymbols(e: Expr, into: Sym[] = []): Sym[] {
  if (e.kind === 'deriv') into.push(e.wrt);
  for (const c of children(e)) derivSymbols(c, into);
  return into;
}

/** Families none of whose members is a variable of a derivative in the sides (those are expanded after differentiating). */
function familiesFreeOf(families: readonly FamilyDefinition[], sides: readonly Expr[]): FamilyDefinition[] {
  const wrt = sides.flatMap((e) => derivSymbols(e));
  return families.filter((f) => !wrt.some((w) => matchFamily(f.sym, w) !== undefined));
}

/** The name of a symbol differentiated with respect to another variable without being defined. */
function opaqueDerivative(e: Expr): string | undefined {
  if (e.kind === 'deriv' && e.body.kind === 'sym' && e.body.name !== e.wrt.name) return e.body.name;
  for (const c of children(e)) {
    const found = opaqueDerivative(c);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A symbol inside a derivative that shares its name with a defined symbol
 * without being defined itself (z^{(i)} after z = \sum_j w_j x_j + b): how it
 * depends on the variable is unknown, so a derivative through it would be
 * taken as 0. Its name as written, or undefined.
 */
function undefinedMember(e: Expr, defs: ReadonlyMap<string, Expr>, families: readonly FamilyDefinition[]): string | undefined {
  let found: string | undefined;
  // Only where the defined symbol depends on the variable's name (z = \sum_j w_j x_j + b and ∂/∂w_j; not z = W x and ∂/∂z_y).
  const dependsOn = (name: string, wrt: Sym): boolean => {
    const v = defs.get(name);
    return v !== undefined && some(v, (y) => y.kind === 'sym' && y.name === wrt.name);
  };
  const visit = (x: Expr, wrt: Sym | undefined): void => {
    if (found !== undefined) return;
    if (x.kind === 'deriv') {
      visit(x.body, x.wrt);
      return;
    }
    if (wrt !== undefined && x.kind === 'sym' && (x.sub.length > 0 || x.sup.length > 0) && dependsOn(x.name, wrt) && !defs.has(symKey(x)) && !families.some((f) => matchFamily(f.sym, x) !== undefined)) {
      found = toPlain(x);
      return;
    }
    for (const c of children(x)) visit(c, wrt);
  };
  visit(e, undefined);
  return found;
}

/**
 * ∂/∂z_i of a sum over i (C = -\sum_i p_i \log q_i substituted into
 * \partial C/\partial z_i): the sum's own i is another index than the
 * variable's, so it is renamed to a letter the step does not use before the
 * derivative is taken (otherwise the variable is captured by the sum).
 */
function freeBoundIndices(e: Expr): Expr {
  if (!some(e, (x) => x.kind === 'deriv' && x.wrt.sub.some((i) => i.kind === 'sym'))) return e;
  const used = new Set<string>();
  some(e, (x) => {
    if (x.kind === 'sym') used.add(x.name);
    return false;
  });
  const spare = (): Sym | undefined => {
    const letter = [...'klmrsuvabcdeghpq'].find((c) => !used.has(c));
    if (letter !== undefined) used.add(letter);
    return letter === undefined ? undefined : sym(letter);
  };
  const rename = (x: Expr, captured: ReadonlySet<string>): Expr => {
    if (x.kind === 'call' && x.fn === 'sum') {
      const [body, k, lo, hi] = x.args;
      if (body !== undefined && k?.kind === 'sym' && lo !== undefined && hi !== undefined && captured.has(symKey(k))) {
        const fresh = spare();
        if (fresh !== undefined) return call('sum', [rename(substitute(body, new Map([[symKey(k), fresh]])), captured), fresh, lo, hi]);
      }
    }
    if (x.kind === 'deriv') {
      const inner = new Set([...captured, ...x.wrt.sub.flatMap((i) => (i.kind === 'sym' ? [symKey(i)] : []))]);
      const body = rename(x.body, inner);
      return body === x.body ? x : deriv(body, x.wrt);
    }
    const kids = children(x);
    return kids.length === 0 ? x : withChildren(x, kids.map((c) => rename(c, captured)));
  };
  return rename(e, new Set());
}

/**
 * A derivative by a defined symbol (∂L/∂z with z = w x + b) of a body in
 * which the definitions wrote z out (L in ŷ = σ(w x + b)): each occurrence of
 * z's value, as written, is folded back into z, so the body depends on z.
 */
function foldDefinedVariables(e: Expr, defs: ReadonlyMap<string, Expr>): Expr {
  if (!some(e, (x) => x.kind === 'deriv' && defs.has(symKey(x.wrt)))) return e;
  const go = (x: Expr): Expr => {
    if (x.kind === 'deriv') {
      const body = go(x.body);
      const v = defs.get(symKey(x.wrt));
      const folded = v === undefined || v.kind === 'sym' || v.kind === 'num' ? body : mapBottomUp(body, (y) => (y.hash === v.hash ? x.wrt : y));
      return folded === x.body ? x : deriv(folded, x.wrt);
    }
    const kids = children(x);
    return kids.length === 0 ? x : withChildren(x, kids.map(go));
  };
  return go(e);
}

/**
 * A derivative by a defined symbol whose body does not use it but uses the
 * symbols of its definition (∂L/∂z with z = w x + b and L in σ(w x + b)
 * written otherwise): the dependence on z is hidden, and the derivative would
 * be taken as 0. The variable's name, or undefined.
 */
function hiddenDependence(e: Expr, defs: ReadonlyMap<string, Expr>): string | undefined {
  let found: string | undefined;
  some(e, (x) => {
    if (found !== undefined || x.kind !== 'deriv') return false;
    const v = defs.get(symKey(x.wrt));
    if (v === undefined || some(x.body, (y) => y.kind === 'sym' && y.hash === x.wrt.hash)) return false;
    const inner = new Set(freeSymbols(v, [], true).map(symKey));
    if (some(x.body, (y) => y.kind === 'sym' && inner.has(symKey(y)))) found = toPlain(x.wrt);
    return found !== undefined;
  });
  return found;
}

/**
 * Replace each innermost derivative the engine can compute by its result,
 * once the result has passed the verification `gradtex diff` runs on its own
 * derivations (src/proof/verify.ts); the result's side conditions come along.
 * A derivative that fails it stays a derivative (evaluated by finite
 * differences) and the reason is kept.
 */
function engineDerivatives(engine: Engine, e: Expr): { expr: Expr; replaced: boolean; conditions: Condition[]; anchors: Expr[]; distrusted?: string } {
  let replaced = false;
  const conditions: Condition[] = [];
  const anchors: Expr[] = [];
  let distrusted: string | undefined;
  const go = (x: Expr): Expr => {
    if (x.kind === 'deriv') {
      const body = go(x.body);
      const d = differentiate(engine, body, [x.wrt], { maxSteps: 600, maxMs: 150 });
      if (d.stop === 'normal-form' && !some(d.result, (n) => n.kind === 'deriv')) {
        const start = deriv(body, x.wrt);
        // diff's check; nerdamer's opinion can only turn an undecided sampling into "proved"
        // (never make a failure acceptable), so it is asked only then: it costs most of the time.
        const sampled = verifyDerivation(d, start, { symbolic: false });
        const why = distrust(sampled.verdict === 'undecided' ? verifyDerivation(d, start) : sampled);
        if (why === undefined) {
          replaced = true;
          conditions.push(...stepConditions(d.steps));
          anchors.push(body);
          return d.result;
        }
        distrusted ??= `the engine's derivative of ${toPlain(body)} with respect to ${toPlain(x.wrt)} failed its own check: ${why}`;
        return start;
      }
      return body === x.body ? x : deriv(body, x.wrt);
    }
    const kids = children(x);
    if (kids.length === 0) return x;
    return withChildren(x, kids.map(go));
  };
  const expr = some(e, (n) => n.kind === 'deriv') ? go(e) : e;
  return { expr, replaced, conditions, anchors, ...(distrusted !== undefined ? { distrusted } : {}) };
}

const fresh = (s: Sym): Sym => sym(`#${s.name}`, s.sub, s.sup);

/** Every symbol of e, including indexed ones inside sums (with their written indices). */
function allSymbols(e: Expr, into: Sym[] = []): Sym[] {
  if (e.kind === 'sym') {
    if (!into.some((s) => s.hash === e.hash)) into.push(e);
    return into;
  }
  for (const c of children(e)) allSymbols(c, into);
  return into;
}

/** Domains -> substitutions (in fresh symbols) and assumptions. */
function domains(syms: readonly Sym[], facts: readonly Fact[], indexed: boolean): { values: Map<string, Expr>; assumptions: Assumption[]; used: Fact[] } {
  const values = new Map<string, Expr>();
  const assumptions: Assumption[] = [];
  const used: Fact[] = [];
  const k = sym('#k');
  for (const f of facts) {
    if (f.kind === 'simplex') {
      if (!syms.some((s) => f.syms.some((g) => g.hash === s.hash))) continue;
      used.push(f);
      const total = addAll(f.syms.map(fresh));
      for (const g of f.syms) {
        values.set(symKey(g), div(fresh(g), total));
        assumptions.push({ sym: fresh(g), kind: 'positive' });
      }
    } else if (f.kind === 'simplex-indexed') {
      const members = syms.filter((s) => s.name === f.name && s.sub.length === 1);
      if (members.length === 0) continue;
      used.push(f);
      if (f.oneHot === true) {
        // A vertex of the simplex: y_j = δ(j, c) with c an index of its own (sampled like the other indices),
        // named so that coverage and counterexamples say where the 1 is ("hot(y) = 3"); no reader makes such a name.
        const hot = sym(`hot(${f.name})`);
        for (const s of members) values.set(symKey(s), call('delta', [s.sub[0] as Expr, hot]));
        continue;
      }
      const denominator = call('sum', [call('exp', [sym(`#${f.name}`, [k])]), k, num(1), f.size]);
      for (const s of members) values.set(symKey(s), div(call('exp', [fresh(s)]), denominator));
    }
  }
  for (const s of syms) {
    const key = symKey(s);
    if (values.has(key)) continue;
    for (const f of facts) {
      if (f.kind === 'define' || f.kind === 'simplex' || f.kind === 'simplex-indexed' || f.kind === 'index-range' || f.kind === 'index-relation' || !factCovers(f.sym, s)) continue;
      used.push(f);
      const t = fresh(s);
      if (indexed && (s.sub.length > 0 || s.sup.length > 0)) {
        // Indexed values come from a hash, not from the sampler: shape them instead.
        if (f.kind === 'sign') values.set(key, f.sign === 'negative' ? mul(num(-1), call('exp', [t])) : f.sign === 'nonzero' ? t : call('exp', [t]));
        else if (f.kind === 'interval' && Number.isFinite(f.hi - f.lo)) values.set(key, add(num(f.lo), mul(num(f.hi - f.lo), call('sigma', [t]))));
        else if (f.kind === 'set' && f.values.length > 0) values.set(key, discrete(f.values, t));
        break;
      }
      if (f.kind === 'sign') {
        if (f.sign === 'negative') {
          values.set(key, mul(num(-1), t));
          assumptions.push({ sym: t, kind: 'positive' });
        } else assumptions.push({ sym: s, kind: f.sign });
      } else if (f.kind === 'interval') {
        // Which ends belong to the set: as stated (bounds), else a closed interval [lo, hi].
        const closed = f.closed ?? (f.bounds !== undefined ? ([!f.bounds.loOpen && Number.isFinite(f.bounds.lo), !f.bounds.hiOpen && Number.isFinite(f.bounds.hi)] as const) : ([true, true] as const));
        assumptions.push({ sym: s, kind: 'interval', lo: f.lo, hi: f.hi, integer: f.integer, closed });
      } else {
        const vs = [...f.values].sort((a, b) => a - b);
        const consecutive = vs.every((v, i) => Number.isInteger(v) && (i === 0 || v === (vs[i - 1] as number) + 1));
        const lo = vs[0] ?? 0;
        const hi = vs[vs.length - 1] ?? 0;
        if (consecutive) assumptions.push({ sym: s, kind: 'interval', lo, hi, integer: true });
        else if (vs.length === 2) {
          values.set(key, add(num(lo), mul(rationalOf(hi - lo), t)));
          assumptions.push({ sym: t, kind: 'interval', lo: 0, hi: 1, integer: true });
        } else if (vs.length > 0) {
          // t in {0, …, m-1} and the polynomial through (k, v_k): exact, and without kinks for special points to land on.
          values.set(key, interpolate(vs, t));
          assumptions.push({ sym: t, kind: 'interval', lo: 0, hi: vs.length - 1, integer: true });
        }
      }
      break;
    }
  }
  return { values, assumptions, used };
}

/**
 * A value of a finite set from a real t in [-2.5, 2.5) (the range of indexed
 * values): a staircase of steps, none at 0 or ±1 where special points sit.
 *
 *     discrete([-1, 1], t)   // -1 + 2 step(t - 0.0123)
 */
function discrete(values: readonly number[], t: Sym): Expr {
  const vs = [...values].sort((a, b) => a - b);
  const parts: Expr[] = [rationalOf(vs[0] ?? 0)];
  for (let i = 1; i < vs.length; i++) {
    const threshold = -2.5 + (5 * i) / vs.length + 0.0123;
    parts.push(mul(rationalOf((vs[i] as number) - (vs[i - 1] as number)), call('step', [add(t, rationalOf(-threshold))])));
  }
  return addAll(parts);
}

/**
 * The polynomial taking the k-th value at t = k (Lagrange), for a finite set
 * sampled through an integer t.
 *
 *     interpolate([-1, 0, 2], t)   // -1 at t = 0, 0 at t = 1, 2 at t = 2
 */
function interpolate(values: readonly number[], t: Sym): Expr {
  return addAll(
    values.map((v, i) => {
      const factors: Expr[] = [rationalOf(v)];
      values.forEach((_, j) => {
        if (j !== i) factors.push(div(add(t, num(-j)), num(i - j)));
      });
      return mulAll(factors);
    }),
  );
}

function rationalOf(v: number): Expr {
  if (Number.isInteger(v)) return num(v);
  return div(num(Math.round(v * 1e6)), num(1e6));
}

/**
 * A family constraint whose size was not stated ("p is a distribution") takes
 * the upper end of the first sum over its members in the step (\sum_{i=1}^{K} p_i: K).
 */
function withSizeFromSums(f: Fact, sides: readonly Expr[]): Fact {
  if (f.kind !== 'simplex-indexed' || f.sizeFromSums !== true) return f;
  let size: Expr | undefined;
  const find = (x: Expr): void => {
    if (size !== undefined) return;
    if (x.kind === 'call' && x.fn === 'sum') {
      const [body, k, lo, hi] = x.args;
      const member = body !== undefined && some(body, (m) => m.kind === 'sym' && m.name === f.name && m.sub.length === 1 && m.sub[0]?.hash === k?.hash);
      if (member && lo?.kind === 'num' && lo.n === 1n && lo.d === 1n && hi !== undefined) size = hi;
    }
    for (const c of children(x)) find(c);
  };
  for (const e of sides) find(e);
  return size === undefined ? f : { ...f, size };
}

/**
 * A family defined over a stated range ("$p_k = …$ for $k = 1, \dots, K$")
 * is used only inside it: p_j in a step gives j the range of k.
 */
function inheritedRanges(sides: readonly Expr[], families: readonly FamilyDefinition[], facts: readonly Fact[]): Fact[] {
  const out: Fact[] = [];
  const ranged = new Set(facts.flatMap((f) => (f.kind === 'index-range' ? [symKey(f.sym)] : [])));
  for (const s of sides.flatMap((e) => allSymbols(e))) {
    for (const fam of families) {
      const binding = matchFamily(fam.sym, s);
      if (binding === undefined) continue;
      for (const f of facts) {
        const j = f.kind === 'index-range' ? binding.get(symKey(f.sym)) : undefined;
        if (f.kind !== 'index-range' || j === undefined || !isIndexLetter(j) || ranged.has(symKey(j))) continue;
        ranged.add(symKey(j));
        out.push({ kind: 'index-range', sym: j, lo: f.lo, hi: f.hi });
      }
    }
  }
  return out;
}

/**
 * Stated index conditions that apply to the step's own indices: a range
 * whose upper end is a number or a size of the step (a sum's bound), and
 * relations between two of its indices. The index plan draws inside them.
 */
function indexAssumptions(sides: readonly Expr[], facts: readonly Fact[], written: readonly Expr[] = []): { assumptions: Assumption[]; used: Fact[] } {
  const roles = new Map<string, IndexRole>();
  for (const e of sides) indexRoles(e, roles, sides);
  // A sum's bound as written counts though the derivative took the sum away
  // (d(sum(x_k^2, k, 1, n), x_j) = 2 x_j with j in {1, …, n}).
  const writtenRoles = new Map<string, IndexRole>();
  for (const e of written) indexRoles(e, writtenRoles, written);
  const assumptions: Assumption[] = [];
  const used: Fact[] = [];
  for (const f of facts) {
    if (f.kind === 'index-range' && roles.get(symKey(f.sym)) === 'index') {
      const hi = f.hi;
      if (!(hi.kind === 'num' && hi.d === 1n) && !(hi.kind === 'sym' && (roles.get(symKey(hi)) === 'bound' || writtenRoles.get(symKey(hi)) === 'bound'))) continue;
      assumptions.push({ sym: f.sym, kind: 'index-range', lo: f.lo, hi });
      used.push(f);
    } else if (f.kind === 'index-relation' && roles.get(symKey(f.sym)) === 'index' && roles.get(symKey(f.other)) === 'index') {
      assumptions.push({ sym: f.sym, kind: 'index-relation', rel: f.rel, other: f.other });
      used.push(f);
    }
  }
  return { assumptions, used };
}

/** \sum_{i=1}^{n} p_i -> 1 where the document says so. */
function replaceStatedSums(e: Expr, facts: readonly Fact[]): Expr {
  if (facts.length === 0) return e;
  const go = (x: Expr): Expr => {
    if (x.kind === 'call' && x.fn === 'sum') {
      const [body, k, lo, hi] = x.args;
      const stated = facts.some(
        (f) => f.kind === 'simplex-indexed' && body?.kind === 'sym' && body.name === f.name && body.sub.length === 1 && body.sub[0]?.hash === k?.hash && lo?.kind === 'num' && lo.n === 1n && lo.d === 1n && hi?.hash === f.size.hash,
      );
      if (stated) return num(1);
    }
    if (x.kind === 'deriv') return deriv(go(x.body), x.wrt);
    const kids = children(x);
    return kids.length === 0 ? x : withChildren(x, kids.map(go));
  };
  return go(e);
}

/** The step ready for judging. */
export function prepareStep(engine: Engine, lhsAsWritten: Expr, rhsAsWritten: Expr, given: readonly Fact[]): PreparedStep {
  // Scores z_k = w_k^\top x in a step that never uses w_k or x: z_k is a number (scalar-products.ts).
  const { facts, opaque: scalarProducts } = opaqueScalarProducts(given, [lhsAsWritten, rhsAsWritten]);
  let lhs = lhsAsWritten;
  let rhs = rhsAsWritten;
  const defs = new Map<string, Expr>();
  const fns = new Map<string, { param: Sym; value: Expr }>();
  const families: FamilyDefinition[] = [];
  for (const f of facts) {
    // A function of several arguments is substituted where its calls are read (multi-argument-heads.ts).
    if (f.kind !== 'define' || (f.params?.length ?? 0) > 1) continue;
    if (f.param === undefined) defs.set(symKey(f.sym), f.value);
    else fns.set(symKey(f.sym), { param: f.param, value: f.value });
    // p_k = … defines p_j, p_1 too; a value without symbols (y_k = 1) is about the member written only.
    if (f.param === undefined && isFamilySymbol(f.sym) && !isRecurrence(f.sym, f.value) && some(f.value, (x) => x.kind === 'sym')) families.push({ sym: f.sym, value: f.value });
  }
  // Function heads (f = \tanh, f(x) = x^2) are applied as written and again after definitions are
  // expanded: a_1 = f(s_1) brings f into a step that does not write it.
  const withFunctions = (e: Expr): Expr => applyFunctions(primedHeads(valueHeadsAsProducts(e, new Set(defs.keys())), fns, engine, substitute), fns);
  lhs = withFunctions(lhs);
  rhs = withFunctions(rhs);
  const wrt = new Set([...derivVariables(lhs), ...derivVariables(rhs)]);
  const first = new Map([...defs].filter(([key]) => !wrt.has(key)));
  const stated = new Set(facts.flatMap((f) => (f.kind === 'simplex-indexed' ? [...allSymbols(f.size)].map(symKey) : f.kind === 'index-range' ? [...allSymbols(f.hi)].map(symKey) : [])));
  const sizes: GivenSizes = { sizes: givenSizes(facts), stated, notes: scalarProducts.map((z) => `${z} used as a number: the step never uses the vectors of its definition`) };
  let l = withFunctions(expand(lhs, first, familiesFreeOf(families, [lhs, rhs]), sizes));
  let r = withFunctions(expand(rhs, first, familiesFreeOf(families, [lhs, rhs]), sizes));
  l = foldDefinedVariables(freeBoundIndices(l), defs);
  r = foldDefinedVariables(freeBoundIndices(r), defs);
  const opaque = [l, r].map(opaqueDerivative).find((x) => x !== undefined) ?? [l, r].map((x) => undefinedMember(x, defs, families)).find((x) => x !== undefined);
  const hidden = [l, r].map((x) => hiddenDependence(x, defs)).find((x) => x !== undefined);
  const dl = engineDerivatives(engine, l);
  const dr = engineDerivatives(engine, r);
  l = dl.expr;
  r = dr.expr;
  // Derivatives taken: now the variables they were taken by may be expanded too,
  // unless a derivative by them is still unevaluated.
  const stillWrt = new Set([...derivVariables(l), ...derivVariables(r)]);
  const second = new Map([...defs].filter(([key]) => !stillWrt.has(key)));
  const laterFamilies = familiesFreeOf(families, [l, r]);
  l = withFunctions(expand(l, second, laterFamilies, sizes));
  r = withFunctions(expand(r, second, laterFamilies, sizes));
  // Expanded to a fixed point? Otherwise members left at the bound make the sides differ at random.
  const unsettled = [l, r].some((x) => expand(x, second, laterFamilies, sizes).hash !== x.hash);
  const mixed = [l, r].map((x) => memberInOpenSum(x, facts)).find((m) => m !== undefined);
  const mentions = (e: Expr, s: Sym): boolean => some(e, (x) => x.kind === 'sym' && (symKey(x) === symKey(s) || (isFamilySymbol(s) && matchFamily(s, x) !== undefined)));
  const used: Fact[] = facts.filter((f) => f.kind === 'define' && (mentions(lhs, f.sym) || mentions(rhs, f.sym)));
  const sized = facts.map((f) => withSizeFromSums(f, [l, r]));
  const d = domains([...allSymbols(l), ...allSymbols(r)], sized, needsIndexedMode(l) || needsIndexedMode(r));
  // Members as written, with an index set equal to another ("for $i = j$") renamed.
  const cases = new Map([...defs].filter(([key, v]) => /^[a-z]$/.test(key) && isIndexLetter(v)));
  const members = [lhsAsWritten, rhsAsWritten].map((e) => renameIndices(e, cases));
  const inherited = [...facts, ...inheritedRanges(members, families, facts)];
  // w_i with \sum_{k=1}^n w_k in the step or in a definition it uses: i in {1, …, n}.
  const values = facts.flatMap((f) => (f.kind === 'define' ? [f.value] : []));
  const summed = summedRanges(members, values, inherited);
  // A size a definition the step uses sums to is a size of the step, though the derivative took that sum away.
  const conditions = indexAssumptions([l, r], [...inherited, ...summed], [lhs, rhs, ...values]);
  d.assumptions.push(...conditions.assumptions);
  d.used.push(...conditions.used);
  // For symbolic proof, a simplex constraint eliminates its last member
  // (p_3 = 1 - p_1 - p_2), or replaces the sum it states by 1.
  const eliminate = new Map<string, Expr>();
  const sums: Fact[] = [];
  for (const f of d.used) {
    const last = f.kind === 'simplex' ? f.syms[f.syms.length - 1] : undefined;
    if (f.kind === 'simplex' && last !== undefined) eliminate.set(symKey(last), add(num(1), ...f.syms.slice(0, -1).map((s) => mul(num(-1), s))));
    if (f.kind === 'simplex-indexed') sums.push(f);
  }
  const constrain = (e: Expr): Expr => replaceStatedSums(substitute(e, eliminate), sums);
  const constrained = eliminate.size > 0 || sums.length > 0;
  const reparam = d.values;
  const expanded = (x: Expr): Expr => expand(x, second, laterFamilies);
  const distrusted = dl.distrusted ?? dr.distrusted;
  return {
    conditions: [...dl.conditions, ...dr.conditions].map((c) => mapCondition(c, expanded)),
    anchors: [...dl.anchors, ...dr.anchors].map((f) => substitute(expanded(f), reparam)),
    sideAnchors: [dl.anchors.map((f) => substitute(expanded(f), reparam)), dr.anchors.map((f) => substitute(expanded(f), reparam))],
    ...(distrusted !== undefined ? { distrusted } : {}),
    lhs: substitute(l, reparam),
    rhs: substitute(r, reparam),
    symbolicLhs: l,
    symbolicRhs: r,
    ...(constrained ? { constrained: [constrain(l), constrain(r)] as const } : {}),
    assumptions: d.assumptions,
    reparam,
    engineDerivative: dl.replaced || dr.replaced,
    ...(opaque !== undefined ? { undefinedDerivative: opaque } : hidden !== undefined ? { hiddenDependence: hidden } : {}),
    ...(unsettled
      ? { unsettled: 'its definitions refer to each other without reaching a base case (a recurrence), so they were expanded only to a fixed depth' }
      : mixed !== undefined
        ? { unsettled: `${mixed} has a value in the document, but a sum over its family runs to a size not given as a number, so its terms were drawn at random` }
        : {}),
    used: [...used, ...d.used],
    ...(sizes.notes.length > 0 ? { notes: sizes.notes } : {}),
  };
}

/**
 * Values of the document's own symbols at a sampled point (keys as symKey):
 * the sampled coordinates, plus every symbol of the step evaluated through
 * its reparametrisation (p_1 on the simplex, y in {-1, 1}).
 */
export function originalPoint(point: Readonly<Record<string, number>>, prepared: PreparedStep): Record<string, number> {
  const indexed = needsIndexedMode(prepared.lhs) || needsIndexedMode(prepared.rhs);
  const vars = freeSymbols(prepared.rhs, freeSymbols(prepared.lhs, [], indexed), indexed);
  const values = vars.map((s) => point[symKey(s)] ?? NaN);
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(point)) if (!k.startsWith('#')) out[k] = v;
  for (const s of [...allSymbols(prepared.symbolicLhs), ...allSymbols(prepared.symbolicRhs)]) {
    const key = symKey(s);
    if (key in out || key === 'pi') continue;
    try {
      const v = compile(prepared.reparam.get(key) ?? s, vars, { indexed })(values);
      if (Number.isFinite(v)) out[key] = v;
    } catch (e) {
      // A symbol bound inside a sum has no single value at the point: leave it out.
      if (!(e instanceof EvaluationError)) throw e;
    }
  }
  return out;
}
