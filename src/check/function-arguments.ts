/**
 * The variable a document writes a function of the table at where it
 * defines it: `\sigma(x) = \frac{1}{1 + e^{-x}}` makes σ a function of x in
 * that document, so its `\frac{d\sigma}{dx}` is d(σ(x), x) (the LaTeX
 * reader's `functionArguments`, src/parse/latex-derivative.ts). A function
 * defined at two different variables is left out (then the reader refuses
 * the bare name, as without a document).
 *
 *     documentFunctionArguments('$\\sigma(x) = …$').get('sigma')   // x
 */
import { sym } from '../expr/build.js';
import type { Sym } from '../expr/node.js';

/** `\name(x) =`, `\name\left(x\right) =`: a function command at a single letter on the left of an equation. */
const DEFINED_AT = /\\([A-Za-z]+)\s*(?:\\left\s*)?\(\s*([A-Za-z])\s*(?:\\right\s*)?\)\s*=/g;

let last: { source: string; args: ReadonlyMap<string, Sym> } | undefined;

export function documentFunctionArguments(source: string): ReadonlyMap<string, Sym> {
  // Every chain of a document asks: the one document being checked is read once.
  if (last?.source === source) return last.args;
  const found = new Map<string, string | null>();
  for (const m of source.matchAll(DEFINED_AT)) {
    const [name, letter] = [m[1] as string, m[2] as string];
    const before = found.get(name);
    found.set(name, before === undefined || before === letter ? letter : null);
  }
  const args = new Map<string, Sym>();
  for (const [name, letter] of found) if (letter !== null) args.set(name, sym(letter));
  last = { source, args };
  return args;
}
