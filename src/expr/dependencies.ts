/**
 * Symbols that stand for expressions. A named derivation writes ŷ_k^{(i)}
 * for a softmax of the weights; differentiating by w_q^{(l)} must not take
 * ŷ for a constant. While a resolver is active, `freeOf` looks through a
 * defined symbol to what it stands for, so `d.const` and friends do not fire
 * on it and a rule that knows its derivative (a lemma) can.
 *
 *     withDependencies((s) => s.name === 'yhat' ? body : undefined, () => rewriteToNormalForm(...))
 *
 * The resolver is scoped to the call (rewriting is synchronous), so code that
 * does not ask for it sees plain symbols, as before.
 */
import type { Expr, Sym } from './node.js';

/** What a symbol stands for, or undefined for a free variable. */
export type DependencyResolver = (s: Sym) => Expr | undefined;

let active: DependencyResolver | undefined;

/** Runs `f` with `resolve` answering which symbols are defined. */
export function withDependencies<T>(resolve: DependencyResolver, f: () => T): T {
  const previous = active;
  active = resolve;
  try {
    return f();
  } finally {
    active = previous;
  }
}

/** The expression `s` stands for under the active resolver, if any. */
export function definitionOf(s: Sym): Expr | undefined {
  return active?.(s);
}
