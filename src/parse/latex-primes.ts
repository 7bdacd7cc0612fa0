/**
 * Primes on a variable name in the LaTeX reader: `w'` (the weight after an
 * update), `x_1'`, `\theta''`. A letter that is not a function name (f, g,
 * h, φ, ψ are; latex-function-notation.ts reads f'(x)) with primes and no
 * bracket after them is a new variable of its own, named with its primes
 * (w′ is not w, and not a derivative of w), noted as a reading:
 *
 *     w' = w + \eta y x       ->  sym("w'") = w + eta*y*x
 *     y(w' x + b)             ->  y*(sym("w'")*x + b)
 *
 * With a bracket after the primes (`w'(t)`, `H_\delta'(r)`) the notation
 * could be a derivative of a function w or a product w′·(t): refused, never
 * guessed.
 */
import { sym } from '../expr/build.js';
import type { Sym } from '../expr/node.js';
import type { LatexReader } from './latex-reader.js';
import type { LatexToken } from './lexer-latex.js';

/** How many primes follow the cursor (w'' has two). */
function primesAhead(p: LatexReader): number {
  let n = 0;
  while (p.is('sym', "'", n)) n++;
  return n;
}

/**
 * The variable `s` (its name token `t` already read) with the primes after
 * it, consumed: the same variable when none follow.
 *
 *     w'    x_1'    w'_1    \theta''
 *      ^       ^      ^           ^
 */
export function primedVariable(p: LatexReader, s: Sym, t: LatexToken): Sym {
  const primes = primesAhead(p);
  if (primes === 0) return s;
  const marks = "'".repeat(primes);
  // \theta' and w' by their command or letter; \hat{y}' by its name (yhat).
  const name = t.type === 'cmd' && s.name === t.text ? `\\${t.text}` : s.name;
  const shown = s.sub.length > 0 ? `${name}_{…}` : name;
  const at = { start: t.start, end: p.peek(primes - 1).end };
  if (p.bracketAt(primes)) {
    p.fail('E_PARSE_UNSUPPORTED', `${shown}${marks}(…) is not read: ${shown} is not a function name (f, g, h, \\phi, \\psi are) nor a function the document defines here, so it could be a derivative or the variable ${shown}${marks} times (…); write ${shown}${marks} \\cdot (…) for the product, or name the function f`, at);
  }
  for (let k = 0; k < primes; k++) p.next();
  p.note({ at, kind: 'primed-name', text: `${shown}${marks} is read as a variable of its own (a new value such as the weight after an update), not as a derivative of ${shown}` });
  // TeX takes the scripts after the primes too (w'_1 is w_1'), which is how the printer writes them.
  const after = s.sub.length === 0 && s.sup.length === 0 ? p.scripts(s.name) : s;
  return sym(s.name + marks, after.sub, after.sup);
}
