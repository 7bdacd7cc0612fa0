/**
 * A symbolic proof of one step, found again from the step's own terms: the
 * step names its rule and the bindings the rewriter used, and this file
 * checks, without the rewriter's matcher, that
 *
 * 1. the step rewrote what it says (the subterm of `before` at `path` is
 *    the redex, and putting the contractum there gives `after`);
 * 2. the redex is the rule's left side and the contractum its right side
 *    under the bindings, up to the order of operands of + and · and the
 *    names of sum indices (ac-key.ts); a left side found among more
 *    operands (a + 2x + 3x by n₁u + n₂u) keeps the other operands;
 * 3. every hypothesis of the rule holds for the bindings, and a hypothesis
 *    the rule could only assume (u > 0, u ≠ 0, 1 ≤ j ≤ n) is discharged
 *    (side-conditions.ts).
 *
 * The rules themselves are verified by tests/properties/rules-sound.test.ts,
 * which instantiates every rule of rules/ and compares both sides at random
 * points. Algebra done by an algorithm (arithmetic, collecting, cancelling)
 * is proved by an exact rational identity (rational-identity.ts); a step
 * between two expressions that the derivation's definitions make the same
 * is proved by those definitions. Anything else is not proved here: the
 * step keeps the verdict its numeric check gives.
 *
 * This layer knows no rule file: the caller looks rules up and answers
 * guards (`ProofContext`), so a rule's statement is data handed in.
 *
 *     proveStep(step, ctx)   // { proved: true, by: 'an instance of d.sum' }
 */
import { call, deriv, addAll, mulAll, num } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import type { Expr, Sym } from '../expr/node.js';
import { mapBottomUp, replaceAt, subtermAt } from '../expr/traverse.js';
import { ratAdd, ratDiv, ratMul, ratNeg, ratPowInt, type Rational } from '../expr/rational.js';
import { acEqual, acKey } from './ac-key.js';
import { rationalIdentity } from './rational-identity.js';
import { dischargeCondition, type IndexRange } from './side-conditions.js';
import type { Step } from './step.js';

/** What a rule variable may stand for (the same four kinds as the rule files). */
export type RuleVarType = 'expr' | 'symbol' | 'number' | 'int';

/** A pattern rule's statement as data: left side, right side, variables and hypotheses (`if positive(u)`). */
export interface RuleStatement {
  readonly id: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly vars: ReadonlyMap<string, RuleVarType>;
  readonly guards: readonly { readonly name: string; readonly args: readonly Expr[] }[];
}

/** A rule as the prover sees it: a statement to re-match, an algorithm named by the rule files, or a rule nothing vouches for. */
export type RuleView = { readonly kind: 'pattern'; readonly statement: RuleStatement } | { readonly kind: 'builtin'; readonly builtin: string };

export type GuardVerdict = { readonly ok: true; readonly assumption?: string } | { readonly ok: false };

export interface ProofContext {
  /** The rule of an id whose soundness is tested (rules/*.rules); undefined for a derivation's own rules and claims. */
  readonly rule: (id: string) => RuleView | undefined;
  /** The rule files' guard vocabulary, answered for the run the step came from (its definitions). */
  readonly guard: (name: string, args: readonly Expr[]) => GuardVerdict;
  /** Writes out the derivation's definitions (none: identity). */
  readonly unfold?: (e: Expr) => Expr;
  /** Index ranges stated by the derivation (the i of ∂C/∂w_i runs over w's entries). */
  readonly indexRanges?: readonly IndexRange[];
}

export type StepProof = { readonly proved: true; readonly by: string } | { readonly proved: false; readonly reason: string };

const no = (reason: string): StepProof => ({ proved: false, reason });

/** The algorithms whose every output is an exact rational identity of its input. */
const ALGEBRA = new Set(['fold-constants', 'collect-like-terms', 'collect-like-factors', 'expand-if-shorter', 'factor-common', 'common-denominator-if-shorter', 'cancel-common-factors']);

const EVAL = 'eval';
const SUBST = 'subst';

/** Exact value of a literal computation (the `eval(n - 1)` of a rule's right side), else undefined. */
function exactValue(e: Expr): Rational | undefined {
  switch (e.kind) {
    case 'num':
      return e;
    case 'neg': {
      const v = exactValue(e.arg);
      return v === undefined ? undefined : ratNeg(v);
    }
    case 'add':
    case 'mul': {
      let acc: Rational | undefined = e.kind === 'add' ? { n: 0n, d: 1n } : { n: 1n, d: 1n };
      for (const a of e.args) {
        const v = exactValue(a);
        if (v === undefined || acc === undefined) return undefined;
        acc = e.kind === 'add' ? ratAdd(acc, v) : ratMul(acc, v);
      }
      return acc;
    }
    case 'div': {
      const [n, d] = [exactValue(e.num), exactValue(e.den)];
      return n === undefined || d === undefined || d.n === 0n ? undefined : ratDiv(n, d);
    }
    case 'pow': {
      const [b, k] = [exactValue(e.base), exactValue(e.exp)];
      if (b === undefined || k === undefined || k.d !== 1n || k.n > 64n || k.n < -64n) return undefined;
      if (b.n === 0n && k.n < 0n) return undefined;
      return ratPowInt(b, k.n);
    }
    default:
      return undefined;
  }
}

/** The rule's side with its variables replaced, eval(…) computed and subst(u, k, j) carried out. */
function instantiate(template: Expr, vars: ReadonlyMap<string, RuleVarType>, b: ReadonlyMap<string, Expr>): Expr | undefined {
  let failed = false;
  const filled = mapBottomUp(template, (x) => (x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0 && vars.has(x.name) ? (b.get(x.name) ?? ((failed = true), x)) : x));
  if (failed) return undefined;
  const templates = (e: Expr): Expr | undefined => {
    if (e.kind === 'call' && e.fn === EVAL && e.args.length === 1) {
      const v = exactValue(e.args[0] as Expr);
      return v === undefined ? undefined : num(v.n, v.d);
    }
    if (e.kind === 'call' && e.fn === SUBST && e.args.length === 3) {
      const [u, k, j] = e.args as [Expr, Expr, Expr];
      const body = templates(u);
      return body === undefined ? undefined : mapBottomUp(body, (x) => (equal(x, k) ? j : x));
    }
    return e;
  };
  // eval/subst may sit anywhere: apply them innermost first.
  let bad = false;
  const out = mapBottomUp(filled, (x) => {
    if (x.kind !== 'call' || (x.fn !== EVAL && x.fn !== SUBST)) return x;
    const r = templates(x);
    if (r === undefined) bad = true;
    return r ?? x;
  });
  return bad ? undefined : out;
}

function fitsType(e: Expr, t: RuleVarType): boolean {
  if (t === 'symbol') return e.kind === 'sym';
  if (t === 'number') return e.kind === 'num';
  if (t === 'int') return e.kind === 'num' && e.d === 1n;
  return true;
}

/** The operands of a sum or product, nested ones flattened. */
function operands(e: Expr, kind: 'add' | 'mul'): Expr[] {
  return e.kind === kind ? e.args.flatMap((a) => operands(a, kind)) : [e];
}

/** The redex's operands that are not the instantiated left side's, or undefined when the left side is not among them. */
function rest(redex: Expr, lhs: Expr): Expr[] | undefined {
  if ((redex.kind !== 'add' && redex.kind !== 'mul') || lhs.kind !== redex.kind) return undefined;
  const left = operands(redex, redex.kind).map(acKey);
  const all = operands(redex, redex.kind);
  for (const k of operands(lhs, lhs.kind).map(acKey)) {
    const at = left.indexOf(k);
    if (at < 0) return undefined;
    left.splice(at, 1);
    all.splice(at, 1);
  }
  return all;
}

/** Is the step an instance of the statement (point 2 of the file comment)? */
function matchesStatement(step: Step, st: RuleStatement): boolean {
  for (const [name, type] of st.vars) {
    const v = step.bindings.get(name);
    if (v !== undefined && !fitsType(v, type)) return false;
  }
  const lhs = instantiate(st.lhs, st.vars, step.bindings);
  const rhs = instantiate(st.rhs, st.vars, step.bindings);
  if (lhs === undefined || rhs === undefined) return false;
  if (acEqual(lhs, step.redex)) return acEqual(rhs, step.contractum);
  const others = rest(step.redex, lhs);
  if (others === undefined || others.length === 0) return false;
  return acEqual(step.redex.kind === 'add' ? addAll([rhs, ...others]) : mulAll([rhs, ...others]), step.contractum);
}

/** Point 3: each hypothesis holds, or its assumption is discharged; the reason when one is not. */
function hypothesesHold(step: Step, st: RuleStatement, ctx: ProofContext): string | undefined {
  for (const g of st.guards) {
    const args = g.args.map((a) => instantiate(a, st.vars, step.bindings));
    if (args.some((a) => a === undefined)) return `the hypothesis ${g.name} could not be instantiated`;
    const answer = ctx.guard(g.name, args as Expr[]);
    if (!answer.ok) return `the hypothesis ${g.name} does not hold for this instance`;
    if (answer.assumption === undefined) continue;
    const left = dischargeCondition(g.name, args as Expr[], step.redex, ctx.unfold ?? ((e) => e), ctx.indexRanges ?? []);
    if (left !== undefined) return left;
  }
  return undefined;
}

/** ∂z_k/∂z_j = δ_kj (one delta per differing index, 1 when all agree); a different bare variable gives 0. */
function indexedDerivative(step: Step, ctx: ProofContext): boolean {
  const r = step.redex;
  if (r.kind !== 'deriv' || r.body.kind !== 'sym') return false;
  const s: Sym = r.body;
  const x: Sym = r.wrt;
  const unfold = ctx.unfold ?? ((e: Expr) => e);
  // A defined symbol stands for an expression: its derivative is not a delta.
  if (!equal(unfold(s), s) || !equal(unfold(x), x)) return false;
  if (s.name !== x.name || s.sub.length !== x.sub.length || s.sup.length !== x.sup.length) return false;
  const pairs = [...s.sub.map((a, i) => [a, x.sub[i] as Expr] as const), ...s.sup.map((a, i) => [a, x.sup[i] as Expr] as const)];
  const deltas = pairs.filter(([a, b]) => !equal(a, b)).map(([a, b]) => call('delta', [a, b]));
  return acEqual(deltas.length === 0 ? num(1) : mulAll(deltas), step.contractum);
}

/** d(a + b + …, x) = d(a, x) + d(b, x) + … */
function sumRule(step: Step): boolean {
  const r = step.redex;
  if (r.kind !== 'deriv' || r.body.kind !== 'add') return false;
  const wrt = r.wrt;
  return acEqual(addAll(operands(r.body, 'add').map((t) => deriv(t, wrt))), step.contractum);
}

/** δ(n, j) = 0 for a number n outside the stated range of the index j (δ_{0l} = 0 when 1 ≤ l ≤ p). */
function deltaOutsideRange(step: Step, ranges: readonly IndexRange[]): boolean {
  const r = step.redex;
  const c = step.contractum;
  if (r.kind !== 'call' || r.fn !== 'delta' || r.args.length !== 2 || c.kind !== 'num' || c.n !== 0n) return false;
  const [a, b] = r.args as [Expr, Expr];
  const [n, j] = a.kind === 'num' ? [a, b] : b.kind === 'num' ? [b, a] : [undefined, undefined];
  if (n === undefined || j === undefined || n.kind !== 'num') return false;
  return ranges.some((range) => {
    if (!equal(range.index, j)) return false;
    const below = range.lo.kind === 'num' && n.n * range.lo.d < range.lo.n * n.d;
    const above = range.hi.kind === 'num' && n.n * range.hi.d > range.hi.n * n.d;
    return below || above;
  });
}

/** The two sides agree once the definitions are written out: by definition, with algebra when needed. */
function byDefinitions(step: Step, ctx: ProofContext): StepProof | undefined {
  if (ctx.unfold === undefined) return undefined;
  const [a, b] = [ctx.unfold(step.redex), ctx.unfold(step.contractum)];
  const used = !equal(a, step.redex) || !equal(b, step.contractum);
  if (!used) return undefined;
  if (acEqual(a, b)) return { proved: true, by: 'the definitions, written out' };
  if (rationalIdentity(a, b)) return { proved: true, by: 'the definitions, written out, and algebra' };
  return undefined;
}

/** The step's own bookkeeping (point 1): the redex sits at the path and the contractum put there gives `after`. */
function consistent(step: Step): boolean {
  const at = subtermAt(step.before, step.path);
  return at !== undefined && equal(at, step.redex) && equal(replaceAt(step.before, step.path, step.contractum), step.after);
}

export function proveStep(step: Step, ctx: ProofContext): StepProof {
  if (!equal(replaceAt(step.before, step.path, step.contractum), step.after)) return no('the step does not rewrite the subterm it names');
  // A step whose redex is not in `before` states redex = contractum on its own (an equation put at a solution): proved by algebra only.
  if (!consistent(step)) return rationalIdentity(step.redex, step.contractum) ? { proved: true, by: 'exact algebra (a rational identity)' } : no('the step does not rewrite the subterm it names');
  const view = ctx.rule(step.rule);
  if (view?.kind === 'pattern') {
    if (matchesStatement(step, view.statement)) {
      const left = hypothesesHold(step, view.statement, ctx);
      if (left === undefined) return { proved: true, by: `an instance of ${step.rule}` };
      return no(left);
    }
  } else if (view?.kind === 'builtin') {
    if (ALGEBRA.has(view.builtin) && rationalIdentity(step.redex, step.contractum)) return { proved: true, by: `${step.rule}: an exact rational identity` };
    if (view.builtin === 'derivative-of-sum' && sumRule(step)) return { proved: true, by: 'an instance of the sum rule' };
    if (view.builtin === 'derivative-of-indexed' && indexedDerivative(step, ctx)) return { proved: true, by: 'an instance of ∂z_k/∂z_j = δ_kj' };
  }
  if (deltaOutsideRange(step, ctx.indexRanges ?? [])) return { proved: true, by: 'the index range: a Kronecker delta of an index and a number outside its range is 0' };
  const defined = byDefinitions(step, ctx);
  if (defined !== undefined) return defined;
  // Whatever the rule, an exact rational identity between the two terms proves the step.
  if (rationalIdentity(step.redex, step.contractum)) return { proved: true, by: 'exact algebra (a rational identity)' };
  if (view === undefined) return no(`${step.rule} is not a rule of rules/ whose soundness is tested`);
  return no(`the step is not an instance of ${step.rule} that could be matched again`);
}
