/**
 * An exact argument for the algebra steps (arithmetic, collecting terms,
 * multiplying out, factoring, cancelling, common denominators): both sides
 * are brought to a quotient of polynomials with exact rational coefficients
 * whose variables are the sides' other subterms taken whole ("atoms": x,
 * exp(z_k), a sum, a derivative), and p₁/q₁ = p₂/q₂ is decided as the
 * polynomial identity p₁ q₂ = p₂ q₁. Nothing here knows the rewriter.
 *
 * The identity holds wherever every denominator is nonzero. So that it holds
 * wherever the left side is defined, the right side may divide only by what
 * the left side divides by (each factor of each divisor of the right is a
 * factor of a divisor of the left) and may use only the left side's atoms:
 * cancelling u in u v / (u w) is proved, dividing by something new is not.
 *
 *     rationalIdentity(parsePlain('a*(b + c)'), parsePlain('a*b + a*c'))   // true
 *     rationalIdentity(parsePlain('x*y/(x*z)'), parsePlain('y/z'))           // true
 *     rationalIdentity(parsePlain('x'), parsePlain('x^2/x'))                 // false: divides by x
 */
import type { Expr } from '../expr/node.js';
import { ratAdd, ratDiv, ratMul, ratNeg, type Rational } from '../expr/rational.js';
import { acKey } from './ac-key.js';

/** monomial key ("atomKey^k*atomKey^k", sorted) -> coefficient */
type Poly = Map<string, Rational>;
interface Frac {
  readonly num: Poly;
  readonly den: Poly;
}

/** Beyond this many terms the argument gives up (weaker, never wrong). */
const MAX_TERMS = 400;
/** Integer powers multiplied out up to this exponent. */
const MAX_POWER = 8;

const ONE: Rational = { n: 1n, d: 1n };

class TooLarge extends Error {}

function constant(r: Rational): Poly {
  return r.n === 0n ? new Map() : new Map([['', r]]);
}

function addPoly(a: Poly, b: Poly): Poly {
  const out = new Map(a);
  for (const [m, c] of b) {
    const s = ratAdd(out.get(m) ?? { n: 0n, d: 1n }, c);
    if (s.n === 0n) out.delete(m);
    else out.set(m, s);
  }
  if (out.size > MAX_TERMS) throw new TooLarge();
  return out;
}

function monoParts(m: string): Map<string, number> {
  const out = new Map<string, number>();
  if (m === '') return out;
  for (const piece of m.split('\u0001')) {
    const at = piece.lastIndexOf('\u0002');
    out.set(piece.slice(0, at), Number(piece.slice(at + 1)));
  }
  return out;
}

function monoKey(parts: ReadonlyMap<string, number>): string {
  return [...parts.entries()]
    .filter(([, k]) => k !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([a, k]) => `${a}\u0002${k}`)
    .join('\u0001');
}

function mulMono(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  const p = monoParts(a);
  for (const [atom, k] of monoParts(b)) p.set(atom, (p.get(atom) ?? 0) + k);
  return monoKey(p);
}

function mulPoly(a: Poly, b: Poly): Poly {
  if (a.size * b.size > MAX_TERMS * 4) throw new TooLarge();
  let out: Poly = new Map();
  for (const [ma, ca] of a) for (const [mb, cb] of b) out = addPoly(out, new Map([[mulMono(ma, mb), ratMul(ca, cb)]]));
  return out;
}

const negPoly = (a: Poly): Poly => new Map([...a].map(([m, c]) => [m, ratNeg(c)]));
const atomPoly = (k: string): Poly => new Map([[`${k}\u0002${1}`, ONE]]);
const isZero = (p: Poly): boolean => p.size === 0;

/** The side's quotient, its divisors' factors (keys) and its atoms (keys). */
interface Normal {
  readonly frac: Frac;
  readonly divisors: Set<string>;
  readonly atoms: Set<string>;
}

/** Factors of a divisor: u v w^2 gives u, v, w (each must be nonzero). */
function factorKeys(e: Expr, out: Set<string>): void {
  if (e.kind === 'mul') e.args.forEach((a) => factorKeys(a, out));
  else if (e.kind === 'neg') factorKeys(e.arg, out);
  else if (e.kind === 'pow' && e.exp.kind === 'num' && e.exp.d === 1n && e.exp.n > 0n) factorKeys(e.base, out);
  else if (e.kind !== 'num') out.add(acKey(e));
}

function normal(e: Expr, divisors: Set<string>, atoms: Set<string>): Frac {
  const one = constant(ONE);
  switch (e.kind) {
    case 'num':
      return { num: constant(e), den: one };
    case 'add': {
      let acc: Frac = { num: new Map(), den: one };
      for (const a of e.args) {
        const f = normal(a, divisors, atoms);
        acc = { num: addPoly(mulPoly(acc.num, f.den), mulPoly(f.num, acc.den)), den: mulPoly(acc.den, f.den) };
      }
      return acc;
    }
    case 'mul': {
      let acc: Frac = { num: one, den: one };
      for (const a of e.args) {
        const f = normal(a, divisors, atoms);
        acc = { num: mulPoly(acc.num, f.num), den: mulPoly(acc.den, f.den) };
      }
      return acc;
    }
    case 'neg': {
      const f = normal(e.arg, divisors, atoms);
      return { num: negPoly(f.num), den: f.den };
    }
    case 'div': {
      const n = normal(e.num, divisors, atoms);
      const d = normal(e.den, divisors, atoms);
      if (isZero(d.num)) throw new TooLarge();
      factorKeys(e.den, divisors);
      return { num: mulPoly(n.num, d.den), den: mulPoly(n.den, d.num) };
    }
    case 'pow': {
      if (e.exp.kind === 'num' && e.exp.d === 1n && e.exp.n !== 0n && e.exp.n <= BigInt(MAX_POWER) && e.exp.n >= -BigInt(MAX_POWER)) {
        const b = normal(e.base, divisors, atoms);
        let acc: Frac = { num: one, den: one };
        for (let i = 0n; i < (e.exp.n > 0n ? e.exp.n : -e.exp.n); i++) acc = { num: mulPoly(acc.num, b.num), den: mulPoly(acc.den, b.den) };
        if (e.exp.n > 0n) return acc;
        if (isZero(b.num)) throw new TooLarge();
        factorKeys(e.base, divisors);
        return { num: acc.den, den: acc.num };
      }
      break;
    }
    case 'call': {
      const linear = finiteSum(e, divisors, atoms);
      if (linear !== undefined) return { num: linear, den: one };
      break;
    }
    case 'float':
      // Float arithmetic is rounded: no exact argument.
      throw new TooLarge();
    default:
      break;
  }
  const k = acKey(e);
  atoms.add(k);
  return { num: atomPoly(k), den: one };
}

/**
 * A finite sum is linear: Σ_k (c₁ m₁ + c₂ m₂) = c₁ Σ_k m₁ + c₂ Σ_k m₂ for
 * rational c and monomials m, each Σ_k m an atom of its own (same index,
 * range and monomial: same atom). Undefined when the body has a
 * non-constant denominator (the sum is then one atom, taken whole).
 */
function finiteSum(e: Expr & { kind: 'call' }, divisors: Set<string>, atoms: Set<string>): Poly | undefined {
  const [u, k, lo, hi] = e.args;
  if (e.fn !== 'sum' || e.args.length !== 4 || u === undefined || k?.kind !== 'sym' || lo === undefined || hi === undefined) return undefined;
  // The body's atoms and divisors count only when the sum is taken apart (else it is one atom, taken whole).
  const inner = new Set<string>();
  const innerDivisors = new Set<string>();
  const body = normal(u, innerDivisors, inner);
  const den = body.den.get('');
  if (body.den.size !== 1 || den === undefined) return undefined;
  inner.forEach((a) => atoms.add(a));
  innerDivisors.forEach((d) => divisors.add(d));
  const range = `${acKey(k)}|${acKey(lo)}|${acKey(hi)}`;
  let out: Poly = new Map();
  for (const [mono, c] of body.num) {
    // JSON spelling: the monomial's separators must not be read as this monomial's own.
    const key = `sum[${JSON.stringify(mono)}|${range}]`;
    atoms.add(key);
    out = addPoly(out, new Map([[`${key}\u0002${1}`, ratDiv(c, den)]]));
  }
  return out;
}

function normalForm(e: Expr): Normal | undefined {
  const divisors = new Set<string>();
  const atoms = new Set<string>();
  try {
    return { frac: normal(e, divisors, atoms), divisors, atoms };
  } catch (err) {
    if (err instanceof TooLarge) return undefined;
    throw err;
  }
}

/**
 * True when `lhs = rhs` is a rational identity in their atoms that holds
 * wherever `lhs` is defined (see the file comment); false when that cannot
 * be shown this way (which says nothing about the relation).
 */
export function rationalIdentity(lhs: Expr, rhs: Expr): boolean {
  const l = normalForm(lhs);
  const r = normalForm(rhs);
  if (l === undefined || r === undefined) return false;
  if ([...r.atoms].some((a) => !l.atoms.has(a))) return false;
  if ([...r.divisors].some((d) => !l.divisors.has(d))) return false;
  try {
    const diff = addPoly(mulPoly(l.frac.num, r.frac.den), negPoly(mulPoly(r.frac.num, l.frac.den)));
    return isZero(diff);
  } catch (err) {
    if (err instanceof TooLarge) return false;
    throw err;
  }
}
