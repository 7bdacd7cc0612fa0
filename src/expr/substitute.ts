/**
 * Replacing free symbols by expressions: the one `substitute` of the code
 * base (definitions in the checker, points in `diff --at`, index cases such
 * as i = j in named derivations).
 *
 * - A symbol is replaced by its whole key (`x_1`, `p_k`); failing that, its
 *   subscripts are substituted and the new key looked up, so with k := 2
 *   and x_2 := 5, `x_k` becomes 5.
 * - The variable of a derivative is never replaced (d(h, w) with h := tanh(w)
 *   is d(tanh(w), w), never d(…, 0.3)); its body is.
 * - A bound index (k in sum(body, k, lo, hi)) is not free in the body, so
 *   a value for k does not reach the body; the bounds are outside its scope.
 *
 *     substitute(parsePlain('x_k + d(h, w)'), new Map([['k', num(2)], ['x_2', num(5)], ['h', parsePlain('tanh(w)')]]))
 *     // 5 + d(tanh(w), w)
 */
import { deriv, num, sym } from './build.js';
import { lookupFunction } from './functions.js';
import type { Expr } from './node.js';
import { symKey } from './sym-key.js';
import { children, withChildren } from './traverse.js';

export function substitute(e: Expr, values: ReadonlyMap<string, Expr>): Expr {
  if (values.size === 0) return e;
  return go(e, values);
}

function go(x: Expr, values: ReadonlyMap<string, Expr>): Expr {
  switch (x.kind) {
    case 'num':
    case 'float':
      return x;
    case 'sym': {
      const whole = values.get(symKey(x));
      if (whole !== undefined) return whole;
      if (x.sub.length === 0 && x.sup.length === 0) return x;
      // x_{t+1} with t := 0 is x_1, the same symbol as a given x_1 (a sum of whole numbers folded, nothing else).
      const sub = x.sub.map((s) => {
        const v = go(s, values);
        return v === s ? s : foldWhole(v);
      });
      const sup = x.sup.map((s) => go(s, values));
      if (sub.every((s, i) => s === x.sub[i]) && sup.every((s, i) => s === x.sup[i])) return x;
      const renamed = sym(x.name, sub, sup);
      return values.get(symKey(renamed)) ?? renamed;
    }
    case 'deriv': {
      const body = go(x.body, values);
      return body === x.body ? x : deriv(body, x.wrt);
    }
    case 'call': {
      const bound = lookupFunction(x.fn)?.binds;
      const index = bound === undefined ? undefined : x.args[bound];
      if (index !== undefined && index.kind === 'sym') {
        // The body (argument 0) sees the index as bound; the bounds do not.
        const inner = new Map(values);
        inner.delete(symKey(index));
        const next = x.args.map((a, i) => (i === bound ? a : i === 0 ? go(a, inner) : go(a, values)));
        return rebuilt(x, next);
      }
      return rebuilt(x, x.args.map((a) => go(a, values)));
    }
    default:
      return rebuilt(
        x,
        children(x).map((k) => go(k, values)),
      );
  }
}

function rebuilt(x: Expr, next: readonly Expr[]): Expr {
  const kids = children(x);
  return next.every((k, i) => k === kids[i]) ? x : withChildren(x, next);
}

/** The value of a subscript built from whole numbers by +, − and ×, as a number; any other subscript unchanged. */
function foldWhole(e: Expr): Expr {
  const value = (x: Expr): bigint | undefined => {
    switch (x.kind) {
      case 'num':
        return x.d === 1n ? x.n : undefined;
      case 'neg': {
        const v = value(x.arg);
        return v === undefined ? undefined : -v;
      }
      case 'add':
      case 'mul': {
        let acc = x.kind === 'add' ? 0n : 1n;
        for (const a of x.args) {
          const v = value(a);
          if (v === undefined) return undefined;
          acc = x.kind === 'add' ? acc + v : acc * v;
        }
        return acc;
      }
      default:
        return undefined;
    }
  };
  const v = value(e);
  return v === undefined ? e : num(v);
}
