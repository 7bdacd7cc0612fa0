/**
 * One precedence table for both printers (SymPy's precedence.py): a child is
 * parenthesised when it binds more loosely than its place requires. The
 * decision lives only in `needsParens`.
 */
import type { Expr } from './node.js';
import { lookupFunction, matrixPrintForm } from './functions.js';

/** Binding strength, loosest first: a sum binds less tightly than a product. */
export const PREC = {
  add: 10,
  neg: 15,
  mul: 20,
  div: 20,
  pow: 30,
  atom: 40,
} as const;

/**
 * A number printed with a sign or a fraction bar is not an atom. In LaTeX a
 * big operator (\sum_{k=1}^{n} u) reaches as far right as a leading minus
 * does, so it binds like one; in plain syntax it is a call, an atom.
 */
export function precedence(e: Expr, flavour: 'plain' | 'latex' = 'plain'): number {
  switch (e.kind) {
    case 'add':
      return PREC.add;
    case 'neg':
      return PREC.neg;
    case 'mul':
      return PREC.mul;
    case 'div':
      return PREC.div;
    case 'pow':
      return PREC.pow;
    case 'num':
      if (e.n < 0n) return PREC.neg;
      return e.d === 1n ? PREC.atom : PREC.div;
    case 'float':
      if (e.value < 0 || Object.is(e.value, -0)) return PREC.neg;
      // Out of positional range, LaTeX writes m \cdot 10^{k}: a product.
      return e.value !== 0 && (e.value >= 1e21 || e.value < 1e-20) ? PREC.mul : PREC.atom;
    case 'call':
      // A matrix product prints as a product (W*x, W x), a transpose as a power (W^T).
      if (matrixPrintForm(e.fn) === 'product') return PREC.mul;
      if (matrixPrintForm(e.fn) === 'transpose') return PREC.pow;
      return flavour === 'latex' && isBigOperator(e) ? PREC.neg : PREC.atom;
    default:
      return PREC.atom;
  }
}

/** \\sum_{k=1}^{n} u: its body runs to the right, like the operand of a minus sign. */
function isBigOperator(e: Expr): boolean {
  return e.kind === 'call' && lookupFunction(e.fn)?.latex.form === 'sum';
}

/** Where a child stands in its parent. */
export type Place = 'term' | 'first-factor' | 'factor' | 'last-factor' | 'numerator' | 'denominator' | 'base' | 'exponent' | 'negated' | 'operand';

/**
 * needsParens(add(a, b), 'factor', 'latex') === true: (a + b) c.
 * needsParens(div(a, b), 'denominator', 'latex') === false: \frac draws the grouping.
 *
 * Plain syntax needs more brackets than LaTeX (no fraction bar, no raised
 * exponent), so the two printers pass their own flavour.
 */
export function needsParens(child: Expr, place: Place, flavour: 'plain' | 'latex'): boolean {
  const p = precedence(child, flavour);
  switch (place) {
    case 'term':
      return p < PREC.add;
    case 'negated':
      // -(a + b); and -(-x), -(3) so that the tree reads back the same; -\sum_{k} u needs none.
      if (flavour === 'latex' && isBigOperator(child)) return false;
      return p <= PREC.neg || child.kind === 'num' || child.kind === 'float';
    case 'first-factor':
      // (-x) y: a leading minus would be read as negating the whole product.
      if (p <= PREC.neg) return true;
      return p < PREC.mul;
    case 'last-factor':
      // y \sum_{k} x_{k}: nothing follows for the sum's body to swallow.
      if (flavour === 'latex' && isBigOperator(child)) return false;
      return needsParens(child, 'factor', flavour);
    case 'factor':
      if (p <= PREC.neg) return true;
      if (flavour === 'plain') return p <= PREC.div && child.kind !== 'mul';
      return p < PREC.mul;
    case 'numerator':
      if (flavour === 'latex') return false;
      return p <= PREC.neg;
    case 'denominator':
      if (flavour === 'latex') return false;
      return p < PREC.pow;
    case 'base':
      if (p < PREC.atom) return true;
      // LaTeX only: e^{u} already has an exponent, and \frac{d}{dx}\left(u\right)^{2}
      // would read as the derivative of u^2.
      return flavour === 'latex' && ((child.kind === 'call' && lookupFunction(child.fn)?.latex.form === 'exp') || child.kind === 'deriv');
    case 'operand':
      // The body of \sum: \sum_{k} x_{k} y and \sum_{i} \sum_{k} u are fine,
      // \sum_{k} \left(a_{k} + b\right) needs brackets.
      if (isBigOperator(child)) return false;
      return p < PREC.mul;
    case 'exponent':
      if (flavour === 'latex') return false;
      return p < PREC.atom;
  }
}
