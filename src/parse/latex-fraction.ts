/**
 * The fraction family of the LaTeX reader: \frac, \dfrac, \tfrac, \cfrac
 * (the size does not change the value), derivatives written as fractions
 * (latex-derivative.ts: \frac{d}{dx} u, \frac{d^2 h}{dx^2}), and roots
 * \sqrt{x}, \sqrt[n]{x}. Two integer arguments make one exact rational.
 *
 *     \frac{d}{dx}\left(u\right)    \frac{dy}{dx}    \frac12    \sqrt[3]{x}
 *          ^                             ^               ^           ^
 */
import { call, num, pow } from '../expr/build.js';
import type { LatexFamilyReader } from './latex-reader.js';
import { readDerivativeFraction } from './latex-derivative.js';

export const FRACTION_COMMANDS: readonly string[] = ['frac', 'dfrac', 'tfrac', 'cfrac'];

export const readFraction: LatexFamilyReader = (p, t) => {
  const d = readDerivativeFraction(p, t);
  if (d !== undefined) return d;
  const a = p.argument(t);
  const aLiteral = p.lit.literal;
  const b = p.argument(t);
  return p.lit.divide(a, aLiteral, b);
};

/** \sqrt{x}, and \sqrt[n]{x} = x^{1/n}. */
export const readSquareRoot: LatexFamilyReader = (p, t) => {
  if (p.is('sym', '[')) {
    const open = p.next();
    const n = p.additive();
    const nLiteral = p.lit.literal;
    if (!p.is('sym', ']')) p.fail('E_PARSE_UNCLOSED', `expected ']' to close '[' opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
    p.next();
    const x = p.argument(t);
    p.lit.literal = nLiteral;
    return p.lit.plain(pow(x, p.lit.divide(num(1), true, n)));
  }
  return p.lit.plain(call('sqrt', [p.argument(t)]));
};
