/**
 * What a document says about its symbols: definitions (`h = \tanh(w_1 x + b_1)`)
 * and domains (`x > 0`, `p_i > 0`, `y \in \{-1, 1\}`, `\sum_i p_i = 1`).
 * Facts are plain data; prepare-step.ts turns them into substitutions and
 * sampling assumptions for one step.
 *
 *     { kind: 'sign', sym: sym('x'), sign: 'positive' }          // x > 0
 *     { kind: 'simplex', syms: [p_1, p_2, p_3] }                  // p_1 + p_2 + p_3 = 1, all > 0
 *     { kind: 'simplex-indexed', name: 'p', size: sym('n') }      // \sum_{i=1}^{n} p_i = 1
 */
import type { Expr, Sym } from '../expr/node.js';
import { children as childrenOf, some } from '../expr/traverse.js';
import { sym } from '../expr/build.js';
import { abstractHead } from '../expr/abstract-function.js';

export type Sign = 'positive' | 'nonnegative' | 'nonzero' | 'negative';

export type Fact =
  /** `h = …`, or with `param` a function head `f(x) = …` (then f(a) means value with x = a). */
  | { readonly kind: 'define'; readonly sym: Sym; readonly value: Expr; readonly param?: Sym }
  | { readonly kind: 'sign'; readonly sym: Sym; readonly sign: Sign }
  | { readonly kind: 'interval'; readonly sym: Sym; readonly lo: number; readonly hi: number; readonly integer: boolean; readonly closed?: readonly [boolean, boolean] }
  | { readonly kind: 'set'; readonly sym: Sym; readonly values: readonly number[] }
  | { readonly kind: 'simplex'; readonly syms: readonly Sym[] }
  | { readonly kind: 'simplex-indexed'; readonly name: string; readonly size: Expr };

/** Does a fact about `general` (p_i, with a symbolic index) speak about `s` (p_2, p_j)? */
export function factCovers(general: Sym, s: Sym): boolean {
  if (general.name !== s.name || general.sub.length !== s.sub.length || general.sup.length !== s.sup.length) return false;
  const same = (a: readonly Expr[], b: readonly Expr[]): boolean =>
    a.every((x, i) => {
      const y = b[i];
      if (y === undefined) return false;
      if (x.kind === 'sym') return true; // a symbolic index covers every index
      return x.hash === y.hash;
    });
  return same(general.sub, s.sub) && same(general.sup, s.sup);
}

/** A one-line description of a fact for reports: "x > 0". */
export function describeFact(f: Fact, show: (e: Expr) => string): string {
  switch (f.kind) {
    case 'define':
      return `${show(f.sym)}${f.param === undefined ? '' : `(${show(f.param)})`} = ${show(f.value)}`;
    case 'sign':
      return `${show(f.sym)} ${f.sign === 'positive' ? '> 0' : f.sign === 'nonnegative' ? '>= 0' : f.sign === 'negative' ? '< 0' : '!= 0'}`;
    case 'interval':
      return `${show(f.sym)} in [${f.lo}, ${f.hi}]${f.integer ? ' (integer)' : ''}`;
    case 'set':
      return `${show(f.sym)} in {${f.values.join(', ')}}`;
    case 'simplex':
      return `${f.syms.map(show).join(' + ')} = 1, each > 0`;
    case 'simplex-indexed':
      return `sum of ${f.name}_i = 1 over ${show(f.size)} terms, each > 0`;
  }
}

/**
 * `SYM = value` or `f(x) = value` read as a definition, when the left side is
 * a symbol (or a function head written with a bracket) not defined yet and
 * the right side does not use it.
 *
 *     definitionOf('f(x)', parseLatex('f(x)'), parseLatex('x^2'))   // { kind: 'define', sym: f, param: x, value: x^2 }
 */
export function definitionOf(lhsLatex: string, lhs: Expr, rhs: Expr): Fact | undefined {
  // h(…) with h an unknown-function name uses h too (h = \tanh(h(x)) defines nothing).
  const uses = (e: Expr, s: Sym): boolean => (e.kind === 'sym' ? e.hash === s.hash : (e.kind === 'call' && s.sub.length === 0 && abstractHead(e.fn)?.name === s.name) || childrenOf(e).some((c) => uses(c, s)));
  if (lhs.kind === 'sym') return uses(rhs, lhs) ? undefined : { kind: 'define', sym: lhs, value: rhs };
  // f(x) = … with f an unknown-function name (src/expr/abstract-function.ts): the parser gives call('f', [x]).
  const [arg] = lhs.kind === 'call' && lhs.args.length === 1 && abstractHead(lhs.fn)?.order === 0 ? lhs.args : [];
  if (lhs.kind === 'call' && arg?.kind === 'sym' && !some(rhs, (x) => x.kind === 'call' && abstractHead(x.fn)?.name === lhs.fn)) {
    return { kind: 'define', sym: sym(lhs.fn), value: rhs, param: arg };
  }
  const [head, param] = lhs.kind === 'mul' && lhs.args.length === 2 ? lhs.args : [];
  if (head?.kind === 'sym' && param?.kind === 'sym' && head.sub.length === 0 && /^\s*\\?[A-Za-z]+\s*(\\left)?\(/.test(lhsLatex) && !uses(rhs, head)) {
    return { kind: 'define', sym: head, value: rhs, param };
  }
  return undefined;
}
