/**
 * Binomial coefficients, factorials and congruences in LaTeX. \binom{n}{k}
 * and n! of whole numbers are exact integers (\binom{5}{2} = 10, 5! = 120);
 * \binom{n}{k} with a whole k is the polynomial n(n−1)…(n−k+1)/k!, which is
 * the binomial coefficient for every whole n (and its usual extension to
 * real n). A factorial of anything else needs the gamma function, which
 * gradtex does not have: refused by name, never read as something else.
 * \pmod, \bmod and \mod (congruences) are refused: gradtex judges relations
 * between real numbers, and 7 ≡ 1 (mod 3) is not one.
 *
 *     \binom{5}{2}    5!    \binom{n}{2}    7 \equiv 1 \pmod 3
 *     ^               ^^    ^                          ^ refused
 */
import { add, mul, num } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexFamilyReader, LatexReader } from './latex-reader.js';

export const BINOMIAL_COMMANDS: readonly string[] = ['binom', 'dbinom', 'tbinom'];
export const MODULO_COMMANDS: readonly string[] = ['pmod', 'bmod', 'mod', 'pod'];

/** Factorials of larger numbers are refused: their digits are beyond what exact folding keeps (src/expr/exact-size.ts). */
const MAX_FACTORIAL = 1000;
/** \binom{n}{k} of a symbol n is written out for k up to this. */
const MAX_BINOMIAL_TERMS = 20;

function wholeNumber(e: Expr): bigint | undefined {
  return e.kind === 'num' && e.d === 1n && e.n >= 0n ? e.n : undefined;
}

function factorial(n: bigint): bigint {
  let r = 1n;
  for (let k = 2n; k <= n; k++) r *= k;
  return r;
}

export const readBinomial: LatexFamilyReader = (p, t) => {
  const n = p.argument(t);
  const k = p.argument(t);
  const at = { start: t.start, end: p.peek(-1).end };
  const kk = wholeNumber(k);
  if (kk === undefined) return p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}{…}{k} is read with a whole number k only (\\binom{n}{2} = n(n-1)/2); a binomial coefficient with a symbolic k is not read`, at);
  const nn = wholeNumber(n);
  if (nn !== undefined) {
    if (nn > BigInt(MAX_FACTORIAL)) p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}{${nn}}{…} is too large to evaluate exactly (n up to ${MAX_FACTORIAL})`, at);
    if (kk > nn) return p.lit.number('0');
    return p.lit.number(String(factorial(nn) / (factorial(kk) * factorial(nn - kk))));
  }
  if (kk > BigInt(MAX_BINOMIAL_TERMS)) p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}{…}{${kk}} of a symbol is read for k up to ${MAX_BINOMIAL_TERMS} only`, at);
  // n(n-1)…(n-k+1)/k!
  const factors: Expr[] = [num(1n, factorial(kk))];
  for (let j = 0n; j < kk; j++) factors.push(j === 0n ? n : add(n, num(-j)));
  return p.lit.plain(mul(...factors));
};

/**
 * The factorial mark after an operand (the '!' token at the cursor): an exact
 * integer for a whole number, refused otherwise.
 */
export function readFactorial(p: LatexReader, base: Expr, bang: LatexToken): Expr {
  const n = wholeNumber(base);
  if (n === undefined) return p.fail('E_PARSE_UNSUPPORTED', `a factorial is read of a whole number only (5! = 120); n! of a symbol or an expression is not read (gradtex has no gamma function)`, bang);
  if (n > BigInt(MAX_FACTORIAL)) p.fail('E_PARSE_UNSUPPORTED', `${n}! is too large to evaluate exactly (up to ${MAX_FACTORIAL}!)`, bang);
  return p.lit.number(String(factorial(n)));
}

export const readModulo: LatexFamilyReader = (p, t) =>
  p.fail('E_PARSE_UNSUPPORTED', `a congruence (\\${t.text}) is not read: gradtex judges relations between real numbers, and "a ≡ b (mod n)" is not one`, t);
