/**
 * A printer of expressions (plain text, LaTeX) that can remember what it
 * printed by node object: the steps of a derivation share most of their
 * subtrees (a step rewrites one place, the rest of its tree is the step
 * before's), and a printer whose output is a function of the tree alone
 * prints each shared node once. Outside a batch nothing is kept.
 *
 *     const plain = nodeMemoPrinter(plainOf);   // plainOf prints children through plain.print
 *     const batch = plain.batch();
 *     batch(step.before); batch(step.after)     // the untouched subtrees printed once, the same strings
 */
import type { Expr } from './node.js';

export interface NodeMemoPrinter {
  /** The text of `e`: remembered by node object while a batch prints (numbers are cheap and not kept). */
  print(e: Expr): string;
  /** A printer for many expressions that share subtrees: each node object printed once, the same strings as `print`. */
  batch(): (e: Expr) => string;
}

export function nodeMemoPrinter(printNode: (e: Expr) => string): NodeMemoPrinter {
  /** While a batch prints: the text of every node printed so far. */
  let printed: Map<Expr, string> | undefined;
  const print = (e: Expr): string => {
    if (printed === undefined || e.kind === 'num') return printNode(e);
    let s = printed.get(e);
    if (s === undefined) {
      s = printNode(e);
      printed.set(e, s);
    }
    return s;
  };
  const batch = (): ((e: Expr) => string) => {
    const memo = new Map<Expr, string>();
    return (e) => {
      const outer = printed;
      printed = memo;
      try {
        return print(e);
      } finally {
        printed = outer;
      }
    };
  };
  return { print, batch };
}
