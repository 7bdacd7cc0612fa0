/**
 * nerdamer as an independent second opinion. We translate our tree into
 * nerdamer's syntax (each function by its spelling in the function table,
 * σ and softplus by their definitions; symbols renamed to v0, v1, … because
 * nerdamer treats `_` specially) and let nerdamer differentiate and simplify
 * with its own code. A function the table gives no nerdamer spelling (relu,
 * step, max, unknown functions) makes the translation unsupported.
 *
 * Known nerdamer weaknesses are recorded in tests/properties/NERDAMER.md.
 */
import { createRequire } from 'node:module';
import { constantTooLargeForExactArithmetic, MAX_CAS_BITS } from '../expr/constant-size.js';
import type { Expr, Sym } from '../expr/node.js';
import { assertNever } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, size, some } from '../expr/traverse.js';
import { readNerdamer } from './nerdamer-reader.js';
import { askNerdamerThread } from './nerdamer-thread.js';
import { lookupFunction } from '../expr/functions.js';

interface NerdamerExpression {
  text(): string;
}
export type Nerdamer = ((expression: string) => NerdamerExpression) & { flush(): unknown };

const require = createRequire(import.meta.url);
let loaded: Nerdamer | undefined;
/**
 * nerdamer, loaded on the first question rather than at start-up: its load
 * (700 kB of code and a prime table) costs about as much as starting Node,
 * and most runs never ask it. nerdamer is CommonJS; its calculus module
 * registers diff() on the same instance.
 */
function nerdamer(): Nerdamer {
  if (loaded === undefined) {
    loaded = require('nerdamer') as Nerdamer;
    require('nerdamer/Calculus.js');
    require('nerdamer/Algebra.js');
  }
  return loaded;
}

/**
 * Hands the bridge a nerdamer its caller already loaded (with its calculus
 * and algebra modules): the CLI's start-up snapshot has it in its heap
 * (src/cli/snapshot-entry.ts). The same library, asked the same way.
 */
export function useLoadedNerdamer(n: Nerdamer): void {
  loaded = n;
}

/**
 * nerdamer's text for `expression`; throws with nerdamer's message when it
 * fails. Asked of the thread the CLI started ahead (nerdamer-thread.ts) when
 * there is one, else of nerdamer loaded here: the same calls either way.
 */
function askNerdamer(expression: string): string {
  const remote = askNerdamerThread(expression);
  if (remote !== undefined) {
    if ('error' in remote) throw new Error(remote.error);
    return remote.text;
  }
  const n = nerdamer();
  const text = n(expression).text();
  n.flush();
  return text;
}

/**
 * Larger expressions are not sent: nerdamer's simplify takes seconds on a
 * few sigmoids (measured: σ''(x) 9 s, a two-layer sigmoid network 29 s), and
 * it cannot be interrupted.
 */
const MAX_NODES = 120;
const MAX_TRANSCENDENTAL = 3;

/** A sum inside a sum: nerdamer expands nested symbolic sums for minutes (measured: a squared-error loss of a linear neuron, differentiated, over 10 minutes), and cannot be interrupted. */
const isSum = (n: Expr): boolean => n.kind === 'call' && n.fn === 'sum';
const hasNestedSum = (e: Expr): boolean => some(e, (n) => isSum(n) && children(n).some((c) => some(c, isSum)));

function transcendentalCount(e: Expr): number {
  let n = e.kind === 'call' && lookupFunction(e.fn)?.nerdamer?.heavy === true ? 1 : 0;
  for (const c of children(e)) n += transcendentalCount(c);
  return n;
}

class Names {
  private readonly map = new Map<string, string>();
  /** nerdamer's name -> our symbol, to read an answer back. */
  readonly back = new Map<string, Sym>();
  name(s: Sym): string {
    const k = symKey(s);
    if (k === 'pi') return 'pi';
    let n = this.map.get(k);
    if (n === undefined) {
      n = `v${this.map.size}`;
      this.map.set(k, n);
      this.back.set(n, s);
    }
    return n;
  }
}

/**
 * A float as the exact fraction of its shortest decimal spelling: 4e-9 is
 * sent as (4/1000000000). nerdamer's own conversion of decimals rounds
 * (x/4e-9 came back as 249999999; NERDAMER.md, section 4).
 *
 *     exactDecimal(0.25)   // '(25/100)'
 */
export function exactDecimal(v: number): string | undefined {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(v));
  if (m === null) return undefined; // NaN, Infinity
  const [, sign = '', whole = '', frac = '', exp = '0'] = m;
  const shift = Number(exp) - frac.length;
  const digits = BigInt(whole + frac);
  return shift >= 0 ? `(${sign}${digits * 10n ** BigInt(shift)})` : `(${sign}${digits}/${10n ** BigInt(-shift)})`;
}

/** 1/2, -3/2, 0.5, -(1/2): nerdamer stores u^(1/2) and e^(1/2) as sqrt. */
const isHalfLiteral = (e: Expr): boolean => (e.kind === 'num' && e.d === 2n) || (e.kind === 'float' && Math.abs(e.value % 1) === 0.5) || (e.kind === 'neg' && isHalfLiteral(e.arg));
const hasSquareRoot = (e: Expr): boolean =>
  some(e, (n) => (n.kind === 'call' && (n.fn === 'sqrt' || (n.fn === 'exp' && n.args.length === 1 && isHalfLiteral(n.args[0] ?? n)))) || (n.kind === 'pow' && isHalfLiteral(n.exp)));
const isNegative = (n: Expr): boolean => n.kind === 'neg' || (n.kind === 'num' && n.n < 0n) || (n.kind === 'float' && n.value < 0);
/** (-x)^(1/4), (-2 x)^(3/2), (1/(-x))^y: nerdamer gets the sign of their derivative wrong. */
const isNegatedBaseToNonInteger = (e: Expr): boolean => e.kind === 'pow' && !(e.exp.kind === 'num' && e.exp.d === 1n) && some(e.base, isNegative);
const isTinyLiteral = (e: Expr): boolean => {
  const v = e.kind === 'float' ? e.value : e.kind === 'num' ? Number(e.n) / Number(e.d) : 0;
  return v !== 0 && Math.abs(v) < 1e-6;
};

/**
 * Why nerdamer's verdict on e cannot be trusted, or undefined. These are the
 * inputs on which nerdamer was seen to answer wrongly (NERDAMER.md):
 * derivatives of expressions with square roots (it mutates the argument of
 * sqrt while differentiating) or with a negated base raised to a
 * non-integer power (it applies the sign of the inner derivative twice), and
 * literals below 1e-6 (it prints tiny coefficients as 0).
 *
 *     knownNerdamerHazard(parsePlain('d(sqrt(2*x)*x, x)'))   // 'nerdamer differentiates …'
 */
export function knownNerdamerHazard(e: Expr): string | undefined {
  if (some(e, (n) => n.kind === 'deriv' && hasSquareRoot(n.body))) return 'nerdamer differentiates expressions with square roots incorrectly';
  if (some(e, (n) => n.kind === 'deriv' && some(n.body, isNegatedBaseToNonInteger))) return 'nerdamer differentiates a negated base raised to a non-integer power incorrectly';
  if (some(e, isTinyLiteral)) return 'nerdamer loses numbers below 1e-6';
  return undefined;
}

/** The functions of e that nerdamer cannot be sent (no spelling in the function table), for the reason given. */
function unspeakable(e: Expr): string[] {
  const out = new Set<string>();
  some(e, (n) => {
    if (n.kind === 'call' && lookupFunction(n.fn)?.nerdamer === undefined) out.add(n.fn);
    return false;
  });
  return [...out];
}

function translate(e: Expr, names: Names): string | undefined {
  const t = (x: Expr): string | undefined => translate(x, names);
  const all = (xs: readonly Expr[]): string[] | undefined => {
    const out: string[] = [];
    for (const x of xs) {
      const s = t(x);
      if (s === undefined) return undefined;
      out.push(`(${s})`);
    }
    return out;
  };
  switch (e.kind) {
    case 'num':
      return e.d === 1n ? `(${e.n})` : `(${e.n}/${e.d})`;
    case 'float':
      return exactDecimal(e.value);
    case 'sym':
      return names.name(e);
    case 'add':
      return all(e.args)?.join('+');
    case 'mul':
      return all(e.args)?.join('*');
    case 'div': {
      const p = all([e.num, e.den]);
      return p === undefined ? undefined : `${p[0]}/${p[1]}`;
    }
    case 'pow': {
      const p = all([e.base, e.exp]);
      return p === undefined ? undefined : `${p[0]}^${p[1]}`;
    }
    case 'neg': {
      const a = t(e.arg);
      return a === undefined ? undefined : `-(${a})`;
    }
    case 'call': {
      // The table's spelling; none (relu, max, unknown functions f, f') keeps nerdamer out:
      // it would differentiate its own f, not ours.
      const form = lookupFunction(e.fn)?.nerdamer;
      if (form === undefined) return undefined;
      const args = all(e.args);
      if (args === undefined) return undefined;
      return form.spelling.replace(/\{(\d)\}/g, (_m, k: string) => args[Number(k)] ?? '');
    }
    case 'deriv': {
      const b = t(e.body);
      return b === undefined ? undefined : `diff(${b},${names.name(e.wrt)})`;
    }
    default:
      return assertNever(e);
  }
}

function askDerivative(f: Expr, x: Sym): { text: string; names: Names } | { unsupported: string } {
  if (size(f) > MAX_NODES) return { unsupported: 'expression too large for nerdamer' };
  if (hasNestedSum(f)) return { unsupported: 'a sum inside a sum, which nerdamer expands too slowly' };
  // nerdamer expands literal powers exactly, and its bigint gcd is quadratic: a minute for (a/b)^10000.
  if (constantTooLargeForExactArithmetic(f, MAX_CAS_BITS) !== undefined) return { unsupported: 'a constant too large for exact arithmetic' };
  const names = new Names();
  const s = translate(f, names);
  if (s === undefined) return { unsupported: `uses a function nerdamer cannot express (${unspeakable(f).join(', ')})` };
  try {
    const text = askNerdamer(`diff(${s},${names.name(x)})`);
    return { text, names };
  } catch (err) {
    return { unsupported: `nerdamer failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/**
 * nerdamer's text for the derivative of f (in its own names v0, v1, …), or
 * why it could not be asked. The raw answer, known bugs included
 * (knownNerdamerHazard, NERDAMER.md).
 *
 *     nerdamerDerivative(parsePlain('sin(x)'), sym('x'))   // { text: 'cos(v0)' }
 */
export function nerdamerDerivative(f: Expr, x: Sym): { text: string } | { unsupported: string } {
  const r = askDerivative(f, x);
  return 'unsupported' in r ? r : { text: r.text };
}

/**
 * nerdamer's derivative of f as our tree (read back with parsePlain), for
 * evaluating it as a second opinion. Unsupported when nerdamer cannot be
 * asked, fails, or answers with something we cannot read. Known bugs are
 * not filtered: check knownNerdamerHazard(d(f, x)) before trusting it.
 *
 *     nerdamerDerivativeExpr(parsePlain('tan(x)'), sym('x'))   // (1/cos(x))^2
 */
export function nerdamerDerivativeExpr(f: Expr, x: Sym): Expr | { unsupported: string } {
  const r = askDerivative(f, x);
  return 'unsupported' in r ? r : readNerdamer(r.text, r.names.back);
}

/** A subtree without variables (pi counts as a number): its value is a number nerdamer may work out. */
const isClosed = (e: Expr): boolean => !some(e, (n) => (n.kind === 'sym' && symKey(n) !== 'pi') || n.kind === 'deriv');
/** A number nerdamer would evaluate in floating point: a function of a constant, pi, a root or power of a constant with a non-integer exponent. */
const isIrrationalConstant = (e: Expr): boolean =>
  isClosed(e) && (e.kind === 'call' || (e.kind === 'sym' && symKey(e) === 'pi') || (e.kind === 'pow' && !(e.exp.kind === 'num' && e.exp.d === 1n)));

/**
 * Why nerdamer's `simplify(lhs - rhs)` cannot be taken as exact, or
 * undefined. nerdamer works decimals and constants such as sqrt(2), cos(1),
 * e, pi and log(3) out in floating point, so it "proves" sqrt(2) =
 * 131836323/93222358 and cos(1) x = 0.5403023058681398 x (NERDAMER.md,
 * section 6): its opinion counts only on exact input, rationals and
 * variables, with functions only of expressions that contain a variable.
 *
 *     inexactForNerdamer(parsePlain('sqrt(2)*x'))   // 'sqrt(2) is a number nerdamer evaluates in floating point'
 *     inexactForNerdamer(parsePlain('sqrt(2*x)'))   // undefined
 */
export function inexactForNerdamer(e: Expr): string | undefined {
  if (some(e, (n) => n.kind === 'float')) return 'a decimal number: nerdamer works in floating point';
  let found: Expr | undefined;
  some(e, (n) => {
    if (found === undefined && isIrrationalConstant(n)) found = n;
    return found !== undefined;
  });
  return found === undefined ? undefined : 'a constant such as sqrt(2), cos(1), e or pi: nerdamer evaluates it in floating point';
}

/**
 * Does nerdamer, on its own, reduce lhs - rhs to 0? true: yes; false: it
 * returned something else (which proves nothing: its simplifier is
 * incomplete); undefined: the question could not be asked, or nerdamer is
 * known to answer such questions wrongly (knownNerdamerHazard). A true is a
 * second opinion, to be trusted only together with a passing numeric check:
 * nerdamer also simplifies log(x^2) to 2 log(x) and sqrt(x y) to
 * sqrt(x) sqrt(y), identities that hold only where both sides are defined.
 * Inputs with decimals or irrational constants are not asked
 * (inexactForNerdamer): nerdamer would compare them in floating point.
 *
 *     nerdamerAgrees(parsePlain('sigma(x)'), parsePlain('1/(1 + exp(-x))'))   // true
 */
export function nerdamerAgrees(lhs: Expr, rhs: Expr): boolean | undefined {
  if (size(lhs) + size(rhs) > MAX_NODES || transcendentalCount(lhs) + transcendentalCount(rhs) > MAX_TRANSCENDENTAL) return undefined;
  if (hasNestedSum(lhs) || hasNestedSum(rhs)) return undefined;
  if (knownNerdamerHazard(lhs) !== undefined || knownNerdamerHazard(rhs) !== undefined) return undefined;
  if (constantTooLargeForExactArithmetic(lhs, MAX_CAS_BITS) !== undefined || constantTooLargeForExactArithmetic(rhs, MAX_CAS_BITS) !== undefined) return undefined;
  if (inexactForNerdamer(lhs) !== undefined || inexactForNerdamer(rhs) !== undefined) return undefined;
  const names = new Names();
  const a = translate(lhs, names);
  const b = translate(rhs, names);
  if (a === undefined || b === undefined) return undefined;
  try {
    const text = askNerdamer(`simplify((${a})-(${b}))`);
    return text === '0';
  } catch {
    return undefined;
  }
}
