/**
 * Symbols that stand for expressions. A named derivation writes ŷ_k^{(i)}
 * for a softmax of the weights; differentiating by w_q^{(l)} must not take
 * ŷ for a constant. Given the definitions, `freeOf` looks through a defined
 * symbol to what it stands for, so `d.const` and friends do not fire on it
 * and a rule that knows its derivative (a lemma) can.
 *
 *     freeOf(p('yhat_1'), p('w'), (s) => (s.name === 'yhat' ? body : undefined))   // false
 *     rewriteToNormalForm(start, index, budget, { definitions })
 *
 * The definitions are an argument, never ambient state, so what `freeOf`
 * answers depends only on what it is given.
 */
import type { Expr, Sym } from './node.js';

/** What a symbol stands for, or undefined for a free variable. */
export type DependencyResolver = (s: Sym) => Expr | undefined;

/** No symbol is defined: every symbol is a free variable. */
export const NO_DEFINITIONS: DependencyResolver = () => undefined;
