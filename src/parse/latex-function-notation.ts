/**
 * Function notation that is easy to misread, in the LaTeX reader:
 *
 * - `f(x)`, `g(h(x))`, `\phi(z)`, `f'(x)`: an application of an unknown
 *   (abstract) function (src/expr/abstract-function.ts), never f times x;
 * - `\sin^{-1} x`, `\sigma^{-1}(x)`, `f^{-1}(x)`, `f^2(x)`: refused as
 *   ambiguous (an inverse function, a reciprocal, a composition or a power),
 *   with the spelling that says which one is meant. `\sin^2 x` stays
 *   (\sin x)^2, as everywhere.
 *
 *     f'(g(x))     ->  call("f'", [call('g', [x])])
 *     \sin^{-1} x  ->  E_PARSE_AMBIGUOUS "write \arcsin x or (\sin x)^{-1}"
 */
import { call, deriv, mul, sym } from '../expr/build.js';
import { some } from '../expr/traverse.js';
import type { Expr } from '../expr/node.js';
import { ABSTRACT_FUNCTION_NAMES } from '../expr/abstract-function.js';
import { lookupFunction } from '../expr/functions.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexReader } from './latex-reader.js';
import { bracketArgs } from './latex-delimiters.js';


/**
 * \sigma'(z), \tanh''(x): a derivative of a known function, read when its
 * argument is a variable (then it is d^k/dz^k \sigma(z)); undefined when no
 * prime follows. Other arguments are refused: \sigma'(w x + b) has no
 * variable to differentiate by.
 *
 *     \sigma'(z)
 *           ^
 */
export function readPrimedFunction(p: LatexReader, t: LatexToken, fn: string): Expr | undefined {
  let primes = 0;
  while (p.is('sym', "'", primes)) primes++;
  if (primes === 0) return undefined;
  if (!p.bracketAt(primes)) p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}${"'".repeat(primes)} needs its argument in brackets: write \\${t.text}${"'".repeat(primes)}(z)`, { start: t.start, end: p.peek(primes - 1).end });
  for (let j = 0; j < primes; j++) p.next();
  p.enter(t, 2);
  const args = bracketArgs(p);
  p.leave(2);
  const [z] = args;
  if (args.length !== 1 || z === undefined || z.kind !== 'sym') {
    p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}'(…) is read on a variable, as in \\${t.text}'(z); for another argument write the derivative by the chain rule`, { start: t.start, end: p.peek(-1).end });
  }
  let e: Expr = call(fn, [z]);
  for (let k = 0; k < primes; k++) e = deriv(e, z);
  return p.lit.plain(e);
}

/** Does e use the bare symbol `name` (h in 1 - h)? */
export function usesSymbol(e: Expr, name: string): boolean {
  return some(e, (x) => x.kind === 'sym' && x.name === name && x.sub.length === 0 && x.sup.length === 0);
}

/** Is e the exponent -1 (written ^{-1} or ^-1)? */
export function isMinusOne(e: Expr): boolean {
  if (e.kind === 'num') return e.n === -1n && e.d === 1n;
  return e.kind === 'neg' && e.arg.kind === 'num' && e.arg.n === 1n && e.arg.d === 1n;
}

/**
 * Refuse `\sin^{-1}`: the superscript -1 on a function name (t is the command,
 * `end` the end of its superscript).
 *
 *     \sin^{-1} x
 *     ^^^^^^^^^
 */
export function refuseInverse(p: LatexReader, t: LatexToken, end: number): never {
  const name = t.text;
  const inverse = lookupFunction(name)?.latexInverse;
  const move = inverse === undefined ? `(\\${name}(x))^{-1} for 1/\\${name}(x); the inverse function is not read` : `${inverse} x for the inverse function or (\\${name} x)^{-1} for 1/\\${name} x`;
  return p.fail('E_PARSE_AMBIGUOUS', `\\${name}^{-1} is ambiguous (the inverse function or the reciprocal): write ${move}`, { start: t.start, end });
}

/** Offset just past the superscript that starts at k (a '^'), or -1 if it never closes. */
function superscriptEnd(p: LatexReader, k: number): number {
  let j = k + 1;
  if (p.is('sym', '-', j)) j++;
  if (!p.is('sym', '{', j)) return j + 1;
  let depth = 0;
  for (; ; j++) {
    const t = p.peek(j);
    if (t.type === 'eof') return -1;
    if (t.type === 'sym' && t.text === '{') depth++;
    if (t.type === 'sym' && t.text === '}' && --depth === 0) return j + 1;
  }
}

/** Is a superscript at k followed by a bracket, as in \sigma^{-1}(x) or f^2(x)? */
export function superscriptThenBracket(p: LatexReader, k = 0): boolean {
  if (!p.is('sym', '^', k)) return false;
  const end = superscriptEnd(p, k);
  return end > 0 && p.bracketAt(end);
}

/**
 * After the name of a conventional function letter (f, g, h, F, G, \phi,
 * \psi, \Phi, \Psi), consumed as `t`: its application f(x), f'(x), or
 * undefined when no bracket follows (then it is a symbol, as in f = x^2).
 *
 *     f'(x)    g\left(x^2\right)    \phi(z)
 *      ^        ^                       ^
 */
export function readAbstractCall(p: LatexReader, t: LatexToken, name: string): Expr | undefined {
  if (!ABSTRACT_FUNCTION_NAMES.has(name)) return undefined;
  let primes = 0;
  while (p.is('sym', "'", primes)) primes++;
  const shown = t.type === 'cmd' ? `\\${name}` : name;
  if (superscriptThenBracket(p, primes)) {
    const end = p.peek(superscriptEnd(p, primes) - 1).end;
    p.fail('E_PARSE_AMBIGUOUS', `${shown}^{…}(x) is ambiguous (a power of ${shown}(x), a composition or an inverse function): write \\left(${shown}(x)\\right)^{2} or ${shown}(${shown}(x))`, { start: t.start, end });
  }
  if (primes === 0 && p.is('sym', '_')) {
    const s = p.scripts(name);
    if (p.bracketAt(0)) p.fail('E_PARSE_UNSUPPORTED', `${shown}_{…}(x): a function with an index is not read; name it without the index, or define it`, { start: t.start, end: p.peek().start });
    return p.lit.plain(s);
  }
  if (!p.bracketAt(primes)) {
    if (primes > 0) p.fail('E_PARSE_UNSUPPORTED', `${shown}${"'".repeat(primes)} needs its argument: write ${shown}${"'".repeat(primes)}(x)`, { start: t.start, end: p.peek(primes - 1).end });
    return undefined;
  }
  for (let j = 0; j < primes; j++) p.next();
  // A call nests like \operatorname{relu}(…): two levels of the depth limit.
  p.enter(t, 2);
  const args = bracketArgs(p);
  p.leave(2);
  // h(1 - h), g(1 - g): the name used as a value inside its own bracket is a product, not an application.
  const [only] = args;
  const at = { start: t.start, end: p.peek(-1).end };
  if (primes === 0 && args.length === 1 && only !== undefined && usesSymbol(only, name)) {
    p.note({ at, kind: 'product', text: `${shown}(…) is read as ${shown} times (…), since ${shown} is used as a value inside the bracket` });
    return p.lit.plain(mul(sym(name), only));
  }
  if (args.length !== 1) {
    p.fail('E_PARSE_ARITY', `${shown}(…) is read as an unknown function of one argument, and has ${args.length}; functions of several arguments are not read: define ${shown}, or write the expression it stands for`, at);
  }
  p.note({ at, kind: 'unknown-function', text: `${shown}${"'".repeat(primes)}(…) is read as an unknown function ${shown} applied to its argument (write ${shown} \\cdot (…) for a product)` });
  return p.lit.plain(call(name + "'".repeat(primes), args));
}
