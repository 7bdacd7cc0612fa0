/**
 * Number literals shared by both parsers. Whether an operand was *written* as
 * a number decides its tree: `1/2` is the exact rational 1/2 and `-3` the
 * number -3, while `(1)/(2)` stays a quotient and `-(3)` a negation.
 *
 * Literal-ness is a synthesized attribute: every parse method leaves
 * `literal` true exactly when the operand it just returned was a bare number
 * (or `e`). A flag instead of a set of marked nodes keeps a 1 MB input cheap
 * and lets equal integers share one immutable node.
 *
 *     const lit = new Literals();
 *     const two = lit.number('2');          // lit.literal === true
 *     lit.negate(two);                      // num(-2)
 */
import { call, div, float, neg, num } from '../expr/build.js';
import type { Expr, Num } from '../expr/node.js';

/** The exact value of a decimal spelling ("1.25", ".5", "3e-2") as n/d, d a power of ten; undefined for anything else. */
function decimalRational(text: string): { n: bigint; d: bigint } | undefined {
  const m = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null || `${m[1] ?? ''}${m[2] ?? ''}` === '') return undefined;
  const frac = m[2] ?? '';
  const exp = Number(m[3] ?? '0') - frac.length;
  // A huge exponent is not a value anyone spells digit by digit: left to the double (and its own checks).
  if (Math.abs(exp) > 400) return undefined;
  const digits = BigInt(`${m[1] ?? ''}${frac}` || '0');
  return exp >= 0 ? { n: digits * 10n ** BigInt(exp), d: 1n } : { n: digits, d: 10n ** BigInt(-exp) };
}

export class Literals {
  /** True when the operand just parsed was written as a number literal. */
  literal = false;
  private readonly ints = new Map<string, Num>();

  /**
   * "12" -> 12, "0.25" -> float 0.25 (decimals stay floats: the input had
   * them), but a decimal a double cannot hold ("0.99999999999999999999" is
   * not 1) is the exact rational it spells, never silently rounded.
   */
  number(text: string): Expr {
    this.literal = true;
    if (!/^\d+$/.test(text)) {
      const x = Number(text);
      const spelt = decimalRational(text);
      const held = decimalRational(String(x));
      if (spelt !== undefined && (held === undefined || spelt.n * held.d !== held.n * spelt.d)) return num(spelt.n, spelt.d);
      return float(x);
    }
    let n = this.ints.get(text);
    if (n === undefined) {
      n = num(BigInt(text));
      this.ints.set(text, n);
    }
    return n;
  }

  /** The operand just parsed is not a literal (a name, a call, a group). */
  plain<T extends Expr>(e: T): T {
    this.literal = false;
    return e;
  }

  /** Unary minus of the operand just parsed: a literal number becomes a negative number. */
  negate(e: Expr): Expr {
    if (this.literal && e.kind === 'num') return num(-e.n, e.d);
    if (this.literal && e.kind === 'float') return float(-e.value);
    return this.plain(neg(e));
  }

  /**
   * a / b where `aLiteral` says whether a was a literal and the flag says
   * whether b (just parsed) was: two exact integers make one exact rational.
   */
  divide(a: Expr, aLiteral: boolean, b: Expr): Expr {
    if (aLiteral && this.literal && a.kind === 'num' && b.kind === 'num' && a.d === 1n && b.d === 1n && b.n !== 0n) {
      return num(a.n, b.n);
    }
    return this.plain(div(a, b));
  }

  /** Euler's number e, written `e`; `e^u` becomes exp(u). */
  euler(): Expr {
    this.literal = true;
    return call('exp', [this.number('1')]);
  }

  /** Is `base`, just parsed, the constant e written as a letter? */
  isEuler(base: Expr, baseLiteral: boolean): boolean {
    return baseLiteral && base.kind === 'call' && base.fn === 'exp';
  }
}
