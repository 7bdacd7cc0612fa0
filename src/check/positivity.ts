/**
 * Is an expression positive on the document's domain? Read off its shape
 * (e^u, σ(u), positive numbers, products, quotients and sums of positive
 * things) and the facts (x > 0, p_i > 0, members of a probability simplex).
 * A `false` means "not shown", never "negative".
 *
 *     positivity([{ kind: 'sign', sym: sym('x'), sign: 'positive' }])(parseLatex('\\frac{x}{1 + e^{y}}'))   // true
 */
import type { Expr, Sym } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import { factCovers, type Fact } from './facts.js';
import type { IsPositive } from './lemma-proof.js';

function symPositive(s: Sym, facts: readonly Fact[]): boolean {
  return facts.some((f) => {
    switch (f.kind) {
      case 'sign':
        return f.sign === 'positive' && factCovers(f.sym, s);
      case 'interval':
        return f.lo > 0 && factCovers(f.sym, s);
      case 'set':
        return f.values.every((v) => v > 0) && factCovers(f.sym, s);
      case 'simplex':
        return f.syms.some((g) => g.hash === s.hash);
      case 'simplex-indexed':
        return f.oneHot !== true && s.name === f.name && s.sub.length === 1;
      case 'define':
      case 'index-range':
      case 'index-relation':
        return false;
    }
  });
}

export function positivity(facts: readonly Fact[]): IsPositive {
  const pos = (e: Expr): boolean => {
    switch (e.kind) {
      case 'num':
        return e.n > 0n;
      case 'float':
        return e.value > 0;
      case 'sym':
        return symPositive(e, facts);
      case 'add':
      case 'mul':
        return e.args.every(pos);
      case 'div':
        return pos(e.num) && pos(e.den);
      case 'pow':
        return pos(e.base);
      case 'call':
      {
        const positivity = lookupFunction(e.fn)?.positivity;
        if (positivity === 'always') return true;
        return positivity === 'with-argument' && e.args[0] !== undefined && pos(e.args[0]);
      }
      default:
        return false;
    }
  };
  return pos;
}
