/**
 * First-order jets over doubles (dual numbers u + u' t): what every check of
 * a single derivative in double precision computes with. They do exactly
 * the arithmetic of jet.ts's general recurrences at order 1 — the same
 * operations in the same order, `0 + a b` where the general sum starts at 0,
 * so even the sign of a zero is the same — without the general version's
 * loops, closures and coefficient arrays: one object of two fields per value.
 *
 *     const J = dualFloatOps();
 *     J.exp(J.variable(0.5)).coefficients   // [e^0.5, e^0.5]
 */
import type { Jet, JetOps } from './jet.js';

/** A value and its first derivative; `coefficients` as a general jet spells them. */
class Dual implements Jet<number> {
  constructor(
    readonly c0: number,
    readonly c1: number,
  ) {}

  get coefficients(): readonly number[] {
    return [this.c0, this.c1];
  }
}

const asDual = (u: Jet<number>): Dual => (u instanceof Dual ? u : new Dual(u.coefficients[0] ?? 0, u.coefficients[1] ?? 0));
const constant = (c: number): Dual => new Dual(c, 0);
const NAN = (): Dual => new Dual(NaN, NaN);
const sign = (a: number): number => (Number.isNaN(a) ? NaN : Math.sign(a));
/** jet.ts's isConstant at order 1 over doubles: the derivative is ±0 (NaN is not constant). */
const isConstant = (u: Dual): boolean => sign(u.c1) === 0;

export function dualFloatOps(): JetOps<number> {
  return OPS;
}

const OPS: JetOps<number> = {
  order: 1,
  variable: (x0) => new Dual(x0, 1),
  constant,
  num: (v) => constant(v),
  rational: (p, q) => constant(Number(p) / Number(q)),
  pi: () => constant(Math.PI),
  nan: NAN,
  add: (u, v) => {
    const [a, b] = [asDual(u), asDual(v)];
    return new Dual(a.c0 + b.c0, a.c1 + b.c1);
  },
  sub: (u, v) => {
    const [a, b] = [asDual(u), asDual(v)];
    return new Dual(a.c0 - b.c0, a.c1 - b.c1);
  },
  neg: (u) => {
    const a = asDual(u);
    return new Dual(-a.c0, -a.c1);
  },
  mul: (u, v) => {
    const [a, b] = [asDual(u), asDual(v)];
    return new Dual(0 + a.c0 * b.c0, 0 + a.c0 * b.c1 + a.c1 * b.c0);
  },
  div: (u, v) => {
    const [a, b] = [asDual(u), asDual(v)];
    const w0 = a.c0 / b.c0;
    return new Dual(w0, (a.c1 - b.c1 * w0) / b.c0);
  },
  exp: (u) => {
    const a = asDual(u);
    const w0 = Math.exp(a.c0);
    // (1/1) · u_1 · w_0, as the general recurrence computes it.
    return new Dual(w0, 0 + 1 * a.c1 * w0);
  },
  log: (u) => {
    const a = asDual(u);
    if (sign(a.c0) !== 1) return NAN();
    if (isConstant(a)) return constant(Math.log(a.c0));
    return new Dual(Math.log(a.c0), a.c1 / a.c0);
  },
  log1p: (u) => {
    const a = asDual(u);
    const base = 1 + a.c0;
    if (sign(base) !== 1) return NAN();
    return new Dual(Math.log1p(a.c0), a.c1 / base);
  },
  sqrt: (u) => {
    const a = asDual(u);
    if (isConstant(a)) return constant(Math.sqrt(a.c0));
    if (sign(a.c0) !== 1) return NAN();
    const w0 = Math.sqrt(a.c0);
    return new Dual(w0, a.c1 / (w0 + w0));
  },
  sin: (u) => {
    const a = asDual(u);
    const w = 1 * a.c1;
    return new Dual(Math.sin(a.c0), 0 + w * Math.cos(a.c0));
  },
  cos: (u) => {
    const a = asDual(u);
    const w = 1 * a.c1;
    return new Dual(Math.cos(a.c0), 0 - w * Math.sin(a.c0));
  },
  sign: (u) => sign(asDual(u).c0),
  isConstant: (u) => isConstant(asDual(u)),
  toNumber: (u) => asDual(u).c0,
  agree: (u, v) => {
    const [a, b] = [asDual(u), asDual(v)];
    const same0 = sign(a.c0 - b.c0) === 0;
    const same1 = same0 && sign(a.c1 - b.c1) === 0;
    return new Dual(same0 ? a.c0 : NaN, same1 ? a.c1 : NaN);
  },
};
