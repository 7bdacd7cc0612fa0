/**
 * mathjs's BigNumber (decimal.js) as a RealOps number system, for
 * re-evaluating a point where doubles cannot decide. decimal.js is loaded on
 * first use, on its own: it is the whole of mathjs's BigNumber, and loading
 * all of mathjs to reach it cost 1.3–1.5 s of CPU (measured), paid again in
 * every `--jobs` worker thread, where decimal.js alone takes 15 ms. (The
 * CommonJS build is loaded with require so that this stays synchronous.)
 *
 *     const ops = bigOps(60);
 *     ops.sqrt(ops.num(2)).toString()   // '1.41421356237309504880168872420969807856967187537694807317668'
 */
import { createRequire } from 'node:module';
import type { RealOps } from '../expr/functions.js';

/** The part of a decimal.js number that we use. */
export interface BigDecimal {
  plus(x: BigDecimal): BigDecimal;
  minus(x: BigDecimal): BigDecimal;
  times(x: BigDecimal): BigDecimal;
  div(x: BigDecimal): BigDecimal;
  neg(): BigDecimal;
  abs(): BigDecimal;
  exp(): BigDecimal;
  ln(): BigDecimal;
  sqrt(): BigDecimal;
  sin(): BigDecimal;
  cos(): BigDecimal;
  isNaN(): boolean;
  isFinite(): boolean;
  isZero(): boolean;
  isNegative(): boolean;
  gt(x: BigDecimal): boolean;
  toNumber(): number;
  toString(): string;
  toSignificantDigits(digits: number): BigDecimal;
  /** The decimal exponent: 1.2e-17 has exponent -17. */
  e: number;
}

interface BigDecimalClass {
  new (value: string | number): BigDecimal;
  clone(config: { precision: number }): BigDecimalClass;
  acos(value: number): BigDecimal;
}

let base: BigDecimalClass | undefined;
const byPrecision = new Map<number, RealOps<BigDecimal>>();

/** decimal.js's constructor, with the configuration the clones start from. */
type DecimalModule = BigDecimalClass & { clone(config: { precision: number; modulo: number }): BigDecimalClass; EUCLID: number };

/** mathjs's BigNumber configuration (lib/cjs/type/bignumber/BigNumber.js: precision 64, Euclidean modulo); every use clones it with its own precision. */
function configured(Decimal: DecimalModule): BigDecimalClass {
  return Decimal.clone({ precision: 64, modulo: Decimal.EUCLID });
}

/**
 * decimal.js, already loaded (the V8 start-up snapshot of `check` bundles it
 * and hands it over here): a module loaded with require while the snapshot
 * is built makes the snapshot fail at start (Node 20 cannot keep user-land
 * CommonJS modules in it), so the snapshot must not reach the require below.
 */
export function useLoadedDecimal(Decimal: unknown): void {
  base ??= configured(Decimal as DecimalModule);
}

function bigNumberClass(): BigDecimalClass {
  if (base !== undefined) return base;
  // The decimal.js that mathjs itself depends on, configured as mathjs configures its BigNumber.
  base = configured(createRequire(import.meta.url)('decimal.js') as DecimalModule);
  return base;
}

/** Has decimal.js been loaded (for tests of lazy loading)? */
export function bigNumbersLoaded(): boolean {
  return base !== undefined;
}

/**
 * Decimal arithmetic with `digits` significant digits. Every value that is
 * not finite (a division by 0, the log of 0) counts as undefined.
 */
export function bigOps(digits: number): RealOps<BigDecimal> {
  const cached = byPrecision.get(digits);
  if (cached !== undefined) return cached;
  const D = bigNumberClass().clone({ precision: digits });
  const nan = new D(NaN);
  const pi = D.acos(-1);
  const finite = (x: BigDecimal): BigDecimal => (x.isFinite() ? x : nan);
  const ops: RealOps<BigDecimal> = {
    // A double's shortest decimal spelling: the point as printed, and typed decimals as typed.
    num: (v) => new D(Object.is(v, -0) ? 0 : v),
    rational: (n, d) => new D(n.toString()).div(new D(d.toString())),
    pi: () => pi,
    nan: () => nan,
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => finite(a.div(b)),
    neg: (a) => a.neg(),
    exp: (a) => finite(a.exp()),
    log: (a) => finite(a.ln()),
    log1p: (a) => {
      if (a.isZero() || !a.isFinite()) return a.isZero() ? a : nan;
      // 1 + a keeps a's digits only with as many more digits as a is small.
      const extra = Math.max(0, -a.e) + 5;
      if (extra <= 5) return finite(new D(1).plus(a).ln());
      // log(1 + a) = a (1 - a/2 + …): below 10^-(digits + 2) the correction is beyond
      // the digits asked for, and a logarithm at millions of digits (log(1 + e^u) at u = -3e7) never ends.
      if (-a.e > digits + 2) return a;
      const H = bigNumberClass().clone({ precision: digits + extra });
      return finite(new D(new H(1).plus(new H(a.toString())).ln().toString()).toSignificantDigits(digits));
    },
    sqrt: (a) => a.sqrt(),
    sin: (a) => a.sin(),
    cos: (a) => a.cos(),
    sign: (a) => (a.isNaN() ? NaN : a.isZero() ? 0 : a.isNegative() ? -1 : 1),
    isConstant: () => true,
    toNumber: (a) => a.toNumber(),
  };
  byPrecision.set(digits, ops);
  return ops;
}
