/**
 * Pattern matching with typed pattern variables, and substitution.
 *
 * Sums and products match modulo commutativity: the operands of a pattern
 * `u * v + u * w` may be found in any order among the operands of a term.
 * At the top of a rule's left side, a sum or product pattern may also match
 * a part of a larger sum or product ("extension"): `a + 2x + 3x` matches
 * `n1 * u + n2 * u` on the last two terms, and the rest is kept as it is.
 * The last operand of a sum/product pattern, when it is an unbound `expr`
 * variable, absorbs all remaining operands (`u + 0` matches `a + b + 0` with
 * u = a + b).
 *
 * Matching is written in continuation-passing style so that guards can
 * reject a match and make the matcher backtrack to the next one.
 */
import { addAll, mulAll } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import { children, withChildren } from '../expr/traverse.js';
import type { VarType } from './rule.js';

export type Bindings = ReadonlyMap<string, Expr>;

/** Called for each candidate match; return true to accept it and stop. */
export type Accept = (b: Bindings) => boolean;

export interface MatchContext {
  readonly vars: ReadonlyMap<string, VarType>;
}

/** The name of the pattern variable `p`, or undefined when p is not one. */
export function patternVarName(p: Expr, ctx: MatchContext): string | undefined {
  return p.kind === 'sym' && p.sub.length === 0 && p.sup.length === 0 && ctx.vars.has(p.name) ? p.name : undefined;
}

export function isPatternVar(p: Expr, ctx: MatchContext): boolean {
  return patternVarName(p, ctx) !== undefined;
}

function fitsType(t: Expr, type: VarType): boolean {
  switch (type) {
    case 'expr':
      return true;
    case 'symbol':
      return t.kind === 'sym';
    case 'number':
      return t.kind === 'num';
    case 'int':
      return t.kind === 'num' && t.d === 1n;
  }
}

function bind(b: Bindings, name: string, t: Expr): Bindings {
  const m = new Map(b);
  m.set(name, t);
  return m;
}

/** Sort key so that constrained pattern operands are tried first. */
function rank(p: Expr, ctx: MatchContext, b: Bindings): number {
  const name = patternVarName(p, ctx);
  if (name === undefined) return 0;
  if (b.has(name)) return 1;
  return ctx.vars.get(name) === 'expr' ? 3 : 2;
}

/** Match `p` against `t`; calls `accept` for each way it matches until one is accepted. */
export function match(p: Expr, t: Expr, ctx: MatchContext, b: Bindings, accept: Accept): boolean {
  const name = patternVarName(p, ctx);
  if (name !== undefined) {
    const bound = b.get(name);
    if (bound !== undefined) return equal(bound, t) && accept(b);
    const type = ctx.vars.get(name) ?? 'expr';
    return fitsType(t, type) && accept(bind(b, name, t));
  }
  if (p.kind !== t.kind) return false;
  switch (p.kind) {
    case 'num':
    case 'float':
      return equal(p, t) && accept(b);
    case 'add':
    case 'mul':
      return matchOperands(p.kind, p.args, children(t), ctx, b, false, (b2) => accept(b2));
    case 'call':
      if (t.kind !== 'call' || t.fn !== p.fn || t.args.length !== p.args.length) return false;
      return matchSequence(p.args, t.args, 0, ctx, b, accept);
    case 'sym':
      if (t.kind !== 'sym' || t.name !== p.name || t.sub.length !== p.sub.length || t.sup.length !== p.sup.length) return false;
      return matchSequence(children(p), children(t), 0, ctx, b, accept);
    default: {
      const pk = children(p);
      const tk = children(t);
      if (pk.length !== tk.length) return false;
      return matchSequence(pk, tk, 0, ctx, b, accept);
    }
  }
}

function matchSequence(ps: readonly Expr[], ts: readonly Expr[], i: number, ctx: MatchContext, b: Bindings, accept: Accept): boolean {
  if (i === ps.length) return accept(b);
  return match(ps[i] as Expr, ts[i] as Expr, ctx, b, (b2) => matchSequence(ps, ts, i + 1, ctx, b2, accept));
}

/** Accepts bindings plus which term operands were used (for extension matches). */
export type AcceptOperands = (b: Bindings, used: readonly number[]) => boolean;

/**
 * Match the operands of a sum/product pattern against a term's operands,
 * in any order. With `extension`, operands left over are allowed and
 * reported through `used`.
 */
export function matchOperands(
  kind: 'add' | 'mul',
  patternArgs: readonly Expr[],
  termArgs: readonly Expr[],
  ctx: MatchContext,
  b: Bindings,
  extension: boolean,
  accept: AcceptOperands,
): boolean {
  if (termArgs.length < patternArgs.length) return false;
  const ps = [...patternArgs].sort((x, y) => rank(x, ctx, b) - rank(y, ctx, b));
  const used = new Array<boolean>(termArgs.length).fill(false);
  const usedList: number[] = [];
  const last = ps.length - 1;

  const step = (i: number, bi: Bindings): boolean => {
    if (i === ps.length) {
      if (usedList.length === termArgs.length || extension) return accept(bi, [...usedList]);
      return false;
    }
    const p = ps[i] as Expr;
    const pname = patternVarName(p, ctx);
    // The last operand, an unbound expr variable, absorbs everything left.
    if (i === last && !extension && pname !== undefined && !bi.has(pname) && ctx.vars.get(pname) === 'expr') {
      const rest: Expr[] = [];
      const restIdx: number[] = [];
      termArgs.forEach((t, j) => {
        if (!used[j]) {
          rest.push(t);
          restIdx.push(j);
        }
      });
      if (rest.length === 0) return false;
      const value = kind === 'add' ? addAll(rest) : mulAll(rest);
      return accept(bind(bi, pname, value), [...usedList, ...restIdx]);
    }
    for (let j = 0; j < termArgs.length; j++) {
      if (used[j]) continue;
      used[j] = true;
      usedList.push(j);
      const ok = match(p, termArgs[j] as Expr, ctx, bi, (b2) => step(i + 1, b2));
      usedList.pop();
      used[j] = false;
      if (ok) return true;
    }
    return false;
  };
  return step(0, b);
}

/** A rule template with its pattern variables replaced by their bindings (no evaluation). */
export function instantiate(template: Expr, ctx: MatchContext, b: Bindings): Expr {
  const name = patternVarName(template, ctx);
  if (name !== undefined) {
    const v = b.get(name);
    if (v === undefined) throw new Error(`pattern variable ${name} is not bound`);
    return v;
  }
  const kids = children(template);
  if (kids.length === 0) return template;
  let changed = false;
  const next = kids.map((k) => {
    const s = instantiate(k, ctx, b);
    if (s !== k) changed = true;
    return s;
  });
  return changed ? withChildren(template, next) : template;
}
