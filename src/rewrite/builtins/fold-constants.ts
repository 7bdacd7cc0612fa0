/**
 * Exact arithmetic on literal numbers: 2 + 3 -> 5, 1/2 * 4 -> 2, (2/3)^2 -> 4/9,
 * -(3) -> -3, and exact values of functions the table can compute exactly
 * (sqrt 9/4 = 3/2; log 1 = 0 and σ(0) = 1/2 are rules of their own,
 * rules/special-values.rules). Floats fold only with floats or numbers, and
 * the result is a float: exactness is never invented. An exact result beyond
 * MAX_EXACT_BITS (src/expr/exact-size.ts) is not folded: the unfolded form is
 * exact and stays small.
 */
import { addAll, float, mulAll, neg, rat } from '../../expr/build.js';
import { lookupFunction } from '../../expr/functions.js';
import type { Expr } from '../../expr/node.js';
import { ratFits } from '../../expr/exact-size.js';
import { ratAdd, ratDiv, ratIsInteger, ratMul, ratNeg, ratPowInt, ratRoot, ratToNumber, type Rational } from '../../expr/rational.js';

type Lit = { exact: Rational } | { approx: number };

function literal(e: Expr): Lit | undefined {
  if (e.kind === 'num') return { exact: e };
  if (e.kind === 'float') return { approx: e.value };
  return undefined;
}

const value = (l: Lit): number => ('exact' in l ? ratToNumber(l.exact) : l.approx);
const toExpr = (l: Lit): Expr => ('exact' in l ? rat(l.exact) : float(l.approx));

function combine(a: Lit, b: Lit, op: 'add' | 'mul'): Lit {
  if ('exact' in a && 'exact' in b) return { exact: op === 'add' ? ratAdd(a.exact, b.exact) : ratMul(a.exact, b.exact) };
  return { approx: op === 'add' ? value(a) + value(b) : value(a) * value(b) };
}

/** Fold the literal operands of a sum or product into one (kept where the first literal stood). */
function foldOperands(kind: 'add' | 'mul', args: readonly Expr[]): Expr | undefined {
  let acc: Lit | undefined;
  let count = 0;
  let firstAt = -1;
  args.forEach((x, i) => {
    const l = literal(x);
    if (l === undefined) return;
    count++;
    if (acc === undefined) {
      acc = l;
      firstAt = i;
    } else acc = combine(acc, l, kind);
  });
  if (acc === undefined || count < 2) return undefined;
  if ('exact' in acc && !ratFits(acc.exact)) return undefined;
  const folded = toExpr(acc);
  const rest: Expr[] = [];
  args.forEach((x, i) => {
    if (i === firstAt) rest.push(folded);
    else if (literal(x) === undefined) rest.push(x);
  });
  return kind === 'add' ? addAll(rest) : mulAll(rest);
}

function foldDiv(n: Expr, d: Expr): Expr | undefined {
  const a = literal(n);
  const b = literal(d);
  if (a === undefined || b === undefined) return undefined;
  if ('exact' in a && 'exact' in b) {
    if (b.exact.n === 0n) return undefined;
    const q = ratDiv(a.exact, b.exact);
    return ratFits(q) ? rat(q) : undefined;
  }
  const v = value(b);
  return v === 0 ? undefined : float(value(a) / v);
}

function foldPow(base: Expr, exp: Expr): Expr | undefined {
  const a = literal(base);
  const b = literal(exp);
  if (a === undefined || b === undefined) return undefined;
  if ('exact' in a && 'exact' in b) {
    if (ratIsInteger(b.exact)) {
      const r = ratPowInt(a.exact, b.exact.n);
      return r === undefined ? undefined : rat(r);
    }
    // Rational exponent p/q: exact only when the q-th root is rational.
    if (a.exact.n >= 0n && b.exact.d <= 64n) {
      const root = ratRoot(a.exact, b.exact.d);
      if (root === undefined) return undefined;
      const r = ratPowInt(root, b.exact.n);
      return r === undefined ? undefined : rat(r);
    }
    return undefined;
  }
  const v = Math.pow(value(a), value(b));
  return Number.isFinite(v) ? float(v) : undefined;
}

/**
 * Exact values of a function at a rational argument where the function
 * table knows one (sqrt 9/4 = 3/2): only identities, no rounding. Values at
 * single special points (log 1 = 0, σ(0) = 1/2) are named rules in
 * rules/special-values.rules, so a derivation names them.
 */
function foldCall(fn: string, args: readonly Expr[]): Expr | undefined {
  const x = args[0];
  const exact = lookupFunction(fn)?.exact;
  if (x === undefined || x.kind !== 'num' || args.length !== 1 || exact === undefined) return undefined;
  const r = exact(x);
  return r === undefined || !ratFits(r) ? undefined : rat(r);
}

/** The builtin `fold-constants`: one fold at the root of `e`, or undefined. */
export function foldConstants(e: Expr): Expr | undefined {
  switch (e.kind) {
    case 'add':
    case 'mul':
      return foldOperands(e.kind, e.args);
    case 'div':
      return foldDiv(e.num, e.den);
    case 'pow':
      return foldPow(e.base, e.exp);
    case 'neg': {
      const l = literal(e.arg);
      if (l === undefined) return undefined;
      return 'exact' in l ? rat(ratNeg(l.exact)) : float(-l.approx);
    }
    case 'call': {
      const r = foldCall(e.fn, e.args);
      return r === undefined ? undefined : r;
    }
    default:
      return undefined;
  }
}

/** Exactly evaluate `eval(...)` templates in rule right-hand sides: arithmetic on literals only. */
export function evaluateExactly(e: Expr): Expr | undefined {
  const l = literal(e);
  if (l !== undefined) return e;
  switch (e.kind) {
    case 'add':
    case 'mul': {
      const parts = e.args.map(evaluateExactly);
      if (parts.some((p) => p === undefined)) return undefined;
      const ps = parts as Expr[];
      const folded = foldOperands(e.kind, ps);
      return folded !== undefined && literal(folded) !== undefined ? folded : undefined;
    }
    case 'neg': {
      const a = evaluateExactly(e.arg);
      return a === undefined ? undefined : foldConstants(neg(a));
    }
    case 'div': {
      const a = evaluateExactly(e.num);
      const b = evaluateExactly(e.den);
      return a === undefined || b === undefined ? undefined : foldDiv(a, b);
    }
    case 'pow': {
      const a = evaluateExactly(e.base);
      const b = evaluateExactly(e.exp);
      return a === undefined || b === undefined ? undefined : foldPow(a, b);
    }
    default:
      return undefined;
  }
}

