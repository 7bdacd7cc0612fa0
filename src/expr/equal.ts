/**
 * Structural equality. Sums and products compare as multisets of operands
 * (commutativity), everything else position by position. Hashes are checked
 * first, so unequal trees are usually rejected in O(1).
 */
import type { Expr } from './node.js';
import { assertNever } from './node.js';

function sameList(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i] as Expr, b[i] as Expr)) return false;
  return true;
}

function sameMultiset(a: readonly Expr[], b: readonly Expr[]): boolean {
  if (a.length !== b.length) return false;
  const used = new Array<boolean>(b.length).fill(false);
  outer: for (const x of a) {
    for (let j = 0; j < b.length; j++) {
      if (!used[j] && equal(x, b[j] as Expr)) {
        used[j] = true;
        continue outer;
      }
    }
    return false;
  }
  return true;
}

/** equal(parsePlain('a + b'), parsePlain('b + a')) === true */
export function equal(a: Expr, b: Expr): boolean {
  if (a === b) return true;
  if (a.hash !== b.hash || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'num':
      return b.kind === 'num' && a.n === b.n && a.d === b.d;
    case 'float':
      return b.kind === 'float' && Object.is(a.value, b.value);
    case 'sym':
      return b.kind === 'sym' && a.name === b.name && sameList(a.sub, b.sub) && sameList(a.sup, b.sup);
    case 'add':
    case 'mul':
      return (b.kind === 'add' || b.kind === 'mul') && sameMultiset(a.args, b.args);
    case 'div':
      return b.kind === 'div' && equal(a.num, b.num) && equal(a.den, b.den);
    case 'pow':
      return b.kind === 'pow' && equal(a.base, b.base) && equal(a.exp, b.exp);
    case 'neg':
      return b.kind === 'neg' && equal(a.arg, b.arg);
    case 'call':
      return b.kind === 'call' && a.fn === b.fn && sameList(a.args, b.args);
    case 'deriv':
      return b.kind === 'deriv' && equal(a.body, b.body) && equal(a.wrt, b.wrt);
    default:
      return assertNever(a);
  }
}
