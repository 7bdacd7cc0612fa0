/**
 * Structural equality in order, and hash consing by it. `a + b` and `b + a`
 * differ here (unlike `equal`): floating-point addition is not
 * associative, so only the same tree in the same order is sure to compute
 * the same value to the last bit. Every field a compiled closure reads is
 * compared (a number's n and d, a float's bits, a symbol's name and
 * indices, a function's name).
 *
 *     sameTree(parsePlain('x + 1'), parsePlain('x + 1'))   // true
 *     sameTree(parsePlain('x + 1'), parsePlain('1 + x'))   // false
 */
import type { Expr } from './node.js';
import { children, withChildren } from './traverse.js';

export function sameTree(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.hash !== b.hash) return false;
  switch (a.kind) {
    case 'num':
      return b.kind === 'num' && a.n === b.n && a.d === b.d;
    case 'float':
      return b.kind === 'float' && Object.is(a.value, b.value);
    case 'sym':
      return b.kind === 'sym' && a.name === b.name && sameList(a.sub, b.sub) && sameList(a.sup, b.sup);
    case 'add':
    case 'mul':
      return b.kind === a.kind && sameList(a.args, b.args);
    case 'call':
      return b.kind === 'call' && a.fn === b.fn && sameList(a.args, b.args);
    case 'div':
      return b.kind === 'div' && sameTree(a.num, b.num) && sameTree(a.den, b.den);
    case 'pow':
      return b.kind === 'pow' && sameTree(a.base, b.base) && sameTree(a.exp, b.exp);
    case 'neg':
      return b.kind === 'neg' && sameTree(a.arg, b.arg);
    case 'deriv':
      return b.kind === 'deriv' && sameTree(a.wrt, b.wrt) && sameTree(a.body, b.body);
  }
}

function sameList(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameTree(a[i] as Expr, b[i] as Expr)) return false;
  return true;
}

/**
 * One object per tree (up to `sameTree`): the trees it hands out are the
 * ones it was given, node for node, but a subtree met again, in the same
 * tree or another, is the object met first. A walk that remembers what it
 * met by identity then does a repeat's work once.
 *
 *     const t = new ExprInterner();
 *     t.intern(parsePlain('exp(x) + 1')) === t.intern(parsePlain('exp(x) + 1'))   // true
 */
export class ExprInterner {
  private readonly buckets = new Map<number, Expr[]>();
  private readonly done = new Map<Expr, Expr>();

  /** The interned copy of e (every subtree interned). */
  intern(x: Expr): Expr {
    const known = this.done.get(x);
    if (known !== undefined) return known;
    const kids = children(x);
    let y = x;
    if (kids.length > 0) {
      const interned = kids.map((k) => this.intern(k));
      if (interned.some((k, i) => k !== kids[i])) y = withChildren(x, interned);
    }
    const out = this.canonical(y);
    this.done.set(x, out);
    return out;
  }

  /** The interned node for y, whose children are interned already (they are compared by identity first). */
  canonical(y: Expr): Expr {
    const known = this.done.get(y);
    if (known !== undefined) return known;
    let out = y;
    const bucket = this.buckets.get(y.hash);
    if (bucket === undefined) this.buckets.set(y.hash, [y]);
    else {
      const rep = bucket.find((z) => sameTree(z, y));
      if (rep === undefined) bucket.push(y);
      else out = rep;
    }
    // Only the interned node is remembered as done: y may be a passing copy (a walk keeps its own map of those).
    this.done.set(out, out);
    return out;
  }
}
