/**
 * The value of a constant that float64 cannot hold (e^1000 is 1.97·10^434,
 * e^-1000 is 5.08·10^-435), read at 30 digits in decimal.js, where doubles
 * give ∞ or 0: a number to print, not a point outside the domain.
 *
 *     valueInHighPrecision(parsePlain('exp(1000)'))   // '1.9701e+434'
 *     isFiniteInHighPrecision(parsePlain('exp(1000) - exp(1000)'))   // true (0)
 *     isFiniteInHighPrecision(parsePlain('log(-1)'))   // false (not a real number)
 */
import type { Expr } from '../expr/node.js';
import { bigOps, type BigDecimal } from './big-number.js';
import { EvaluationError } from './evaluation-error.js';
import { evaluateReal } from './real-evaluate.js';

/** The constant's value at 30 digits when it is a finite real number; else undefined. */
function valueAt30Digits(e: Expr): BigDecimal | undefined {
  try {
    const v = evaluateReal(e, bigOps(30), new Map());
    return v.isFinite() ? v : undefined;
  } catch (err) {
    // A symbol without a value, a bound index, a function decimal.js does not have: not a constant it can read.
    if (err instanceof EvaluationError) return undefined;
    throw err;
  }
}

/** Is the constant `e` a finite real number (whatever doubles make of it)? */
export function isFiniteInHighPrecision(e: Expr): boolean {
  return valueAt30Digits(e) !== undefined;
}

/**
 * Its value to 5 significant digits when it is a finite real number, for
 * where doubles lost it: beyond their range (e^1000), or on the way there
 * (√(e^1000) = e^500 fits, but e^1000 does not; e^1000/e^999 is ∞/∞).
 * Undefined when it is not a finite real number.
 */
export function valueInHighPrecision(e: Expr): string | undefined {
  return valueAt30Digits(e)?.toSignificantDigits(5).toString();
}
