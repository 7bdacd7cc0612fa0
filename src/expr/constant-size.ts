/**
 * How large the constants of an expression are, without computing them:
 * log2 of the magnitude of each constant subexpression built from literals
 * (`(1234567/7654321)^9000` is about 2^-23,700). Two uses:
 * - an expression whose exact constants would exceed MAX_EXACT_BITS is not
 *   handed to a CAS that expands them (nerdamer's bigint gcd takes a minute);
 * - a constant outside float64's range (it underflows to 0 or overflows to
 *   ∞ when sampled) makes a floating-point agreement meaningless.
 *
 *     constantBeyondFloatRange(parsePlain('(1234567/7654321)^9000*x'))   // the power
 */
import { bitLength, log2Abs, MAX_EXACT_BITS } from './exact-size.js';
import type { Expr } from './node.js';
import { children } from './traverse.js';

/** float64's normal range is 2^-1022 .. 2^1024; a little margin for the arithmetic around a constant. */
const FLOAT_LOG2_LIMIT = 1000;

/**
 * log2 |e| when e is a nonzero constant made of literals, + − × ÷ and
 * powers with a literal exponent; undefined otherwise (a symbol, a sum that
 * may cancel, a function call, zero).
 */
export function log2Magnitude(e: Expr): number | undefined {
  switch (e.kind) {
    case 'num':
      return e.n === 0n ? undefined : log2Abs(e.n) - log2Abs(e.d);
    case 'float':
      return e.value === 0 || !Number.isFinite(e.value) ? undefined : Math.log2(Math.abs(e.value));
    case 'neg':
      return log2Magnitude(e.arg);
    case 'pow': {
      const b = log2Magnitude(e.base);
      if (b === undefined || e.exp.kind !== 'num') return undefined;
      return b * (Number(e.exp.n) / Number(e.exp.d));
    }
    case 'mul': {
      let s = 0;
      for (const a of e.args) {
        const l = log2Magnitude(a);
        if (l === undefined) return undefined;
        s += l;
      }
      return s;
    }
    case 'div': {
      const a = log2Magnitude(e.num);
      const b = log2Magnitude(e.den);
      return a === undefined || b === undefined ? undefined : a - b;
    }
    default:
      return undefined;
  }
}

/** The first subexpression satisfying `pred`, depth first (pred sees a node before its children). */
function find(e: Expr, pred: (e: Expr) => boolean): Expr | undefined {
  const stack: Expr[] = [e];
  for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
    if (pred(x)) return x;
    const kids = children(x);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as Expr);
  }
  return undefined;
}

/**
 * Bits a CAS may be handed in one exact constant. nerdamer's bigint gcd is
 * quadratic: a 5,000-digit fraction takes it 4 s, (a/b)^10000 a minute.
 */
export const MAX_CAS_BITS = 2048;

/**
 * A literal (or a literal power, k · bits(base) for base^k) whose exact value
 * needs more than `limit` bits, or undefined.
 *
 *     constantTooLargeForExactArithmetic(parsePlain('(123456789/987654320)^10000*x^2'))   // the power
 */
export function constantTooLargeForExactArithmetic(e: Expr, limit: number = MAX_EXACT_BITS): Expr | undefined {
  return find(e, (x) => {
    if (x.kind === 'num') return Math.max(bitLength(x.n), bitLength(x.d)) > limit;
    if (x.kind !== 'pow' || x.exp.kind !== 'num') return false;
    if (x.base.kind === 'num' && x.base.d === 1n && (x.base.n === 1n || x.base.n === -1n || x.base.n === 0n)) return false;
    const b = log2Magnitude(x.base);
    if (b === undefined) return false;
    // Bits of the numerator and denominator grow with |exponent|, whatever the magnitude.
    const base = x.base.kind === 'num' ? Math.max(log2Abs(x.base.n), log2Abs(x.base.d)) : Math.abs(b);
    return Math.abs(Number(x.exp.n) / Number(x.exp.d)) * Math.max(base, 1) > limit;
  });
}

/**
 * A constant subexpression whose magnitude is outside float64's range, so
 * that evaluating it in floating point gives 0 or ∞ while its exact value is
 * neither; undefined when there is none.
 */
export function constantBeyondFloatRange(e: Expr): Expr | undefined {
  return find(e, (x) => {
    const l = log2Magnitude(x);
    return l !== undefined && Math.abs(l) > FLOAT_LOG2_LIMIT;
  });
}

/** The sign of a nonzero literal constant (as log2Magnitude reads it), or undefined. */
function signOf(e: Expr): number | undefined {
  switch (e.kind) {
    case 'num':
      return e.n > 0n ? 1 : e.n < 0n ? -1 : undefined;
    case 'float':
      return Math.sign(e.value) || undefined;
    case 'neg': {
      const s = signOf(e.arg);
      return s === undefined ? undefined : -s;
    }
    case 'pow': {
      const s = signOf(e.base);
      if (s === undefined || e.exp.kind !== 'num') return undefined;
      if (s > 0) return 1;
      // A negative base: real only for integer exponents.
      return e.exp.d === 1n ? (e.exp.n % 2n === 0n ? 1 : -1) : undefined;
    }
    case 'mul': {
      let s = 1;
      for (const a of e.args) {
        const t = signOf(a);
        if (t === undefined) return undefined;
        s *= t;
      }
      return s;
    }
    case 'div': {
      const a = signOf(e.num);
      const b = signOf(e.den);
      return a === undefined || b === undefined ? undefined : a * b;
    }
    default:
      return undefined;
  }
}

/**
 * A decimal approximation such as "1.0960e-954" of a literal constant, from
 * its logarithm: right where float64 fails (a value beyond its range, or
 * numerator and denominator each beyond it); undefined for an expression
 * that is not such a constant.
 *
 *     approximateFromLogarithm(parsePlain('(1/9)^1000'))   // '5.7212e-955'
 */
export function approximateFromLogarithm(e: Expr): string | undefined {
  const l = log2Magnitude(e);
  const s = signOf(e);
  if (l === undefined || s === undefined || !Number.isFinite(l)) return undefined;
  const log10 = l * Math.log10(2);
  let exponent = Math.floor(log10);
  let mantissa = Math.pow(10, log10 - exponent);
  if (mantissa >= 9.99995) {
    mantissa = 1;
    exponent += 1;
  }
  return `${s < 0 ? '-' : ''}${mantissa.toFixed(4)}e${exponent < 0 ? '' : '+'}${exponent}`;
}

/**
 * approximateFromLogarithm for a literal constant beyond float64's range
 * (float64 itself would print 0 or Infinity); undefined for any other.
 *
 *     approximateBeyondFloatRange(parsePlain('(1/9)^1000'))   // '5.7212e-955'
 */
export function approximateBeyondFloatRange(e: Expr): string | undefined {
  const l = log2Magnitude(e);
  return l === undefined || Math.abs(l) <= FLOAT_LOG2_LIMIT ? undefined : approximateFromLogarithm(e);
}

/**
 * A power of a non-constant base with a literal exponent beyond
 * ±FLOAT_LOG2_LIMIT, such as x^(10^9): in float64 it is 0 or ∞ at every
 * sampled point except |x| = 1, so sampled agreement says nothing about it.
 *
 *     powerBeyondFloatRange(parsePlain('x^1000000000'))   // the power
 */
export function powerBeyondFloatRange(e: Expr): Expr | undefined {
  return find(e, (x) => {
    if (x.kind !== 'pow' || log2Magnitude(x.base) !== undefined) return false;
    const k = log2Magnitude(x.exp);
    return k !== undefined && k > Math.log2(FLOAT_LOG2_LIMIT);
  });
}
