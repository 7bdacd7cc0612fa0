/**
 * Truncated Taylor series ("jets") over any number system: forward-mode
 * automatic differentiation of every order at once. A jet of order n holds
 * u(x0 + t) = u_0 + u_1 t + … + u_n t^n; arithmetic and the elementary
 * functions act on the coefficients by the classical recurrences (Griewank
 * and Walther, Evaluating Derivatives, ch. 13), so the k-th derivative at x0
 * is k! u_k, exact up to the rounding of the underlying numbers. Nothing
 * here knows a derivative rule of rules/: sin's series comes from
 * s' = c u', c' = -s u', exp's from w' = w u', and so on.
 *
 *     const J = jetOps(FLOAT_OPS, 3);
 *     J.sin(J.variable(0.5)).coefficients   // [sin 0.5, cos 0.5, -sin 0.5 / 2, -cos 0.5 / 6]
 */
import type { RealOps } from '../expr/functions.js';
import { dualFloatOps } from './dual-float.js';
import { FLOAT_OPS } from './float-ops.js';

/** A truncated Taylor series: coefficients[k] = (k-th derivative) / k!. */
export interface Jet<T> {
  readonly coefficients: readonly T[];
}

/** RealOps on jets of order `order`, plus the jet of the variable itself and of constants. */
export interface JetOps<T> extends RealOps<Jet<T>> {
  readonly order: number;
  /** x0 + t: the variable being differentiated, at x0. */
  variable(x0: T): Jet<T>;
  /** c + 0 t + …: a value that does not depend on the variable. */
  constant(c: T): Jet<T>;
}

/**
 * Jets of order `order` over the number system `b`.
 *
 *     jetOps(FLOAT_OPS, 2).exp(jetOps(FLOAT_OPS, 2).variable(0)).coefficients   // [1, 1, 0.5]
 */
export function jetOps<T>(b: RealOps<T>, order: number): JetOps<T> {
  // One set of operations per number system and order: they are made at every derivative node and point.
  let byOrder = made.get(b) as Map<number, JetOps<T>> | undefined;
  if (byOrder === undefined) {
    byOrder = new Map();
    made.set(b, byOrder);
  }
  const known = byOrder.get(order);
  if (known !== undefined) return known;
  // First derivatives in doubles, the common case, by dual numbers doing the same arithmetic (dual-float.ts).
  const fresh = b === (FLOAT_OPS as RealOps<unknown>) && order === 1 ? (dualFloatOps() as unknown as JetOps<T>) : generalJetOps(b, order);
  byOrder.set(order, fresh);
  return fresh;
}

const made = new WeakMap<object, Map<number, unknown>>();

/**
 * Jets by the general recurrences, for any number system and order (jetOps
 * uses dual-float.ts for doubles at order 1, which must agree with this to
 * the last bit).
 */
export function generalJetOps<T>(b: RealOps<T>, order: number): JetOps<T> {
  const n = order;
  const zero = b.num(0);
  const make = (cs: T[]): Jet<T> => ({ coefficients: cs });
  const at = (u: Jet<T>, k: number): T => u.coefficients[k] ?? zero;
  const constant = (c: T): Jet<T> => {
    const cs: T[] = [c];
    for (let k = 1; k <= n; k++) cs.push(zero);
    return make(cs);
  };
  const map2 = (u: Jet<T>, v: Jet<T>, f: (a: T, c: T) => T): Jet<T> => {
    const cs: T[] = [];
    for (let k = 0; k <= n; k++) cs.push(f(at(u, k), at(v, k)));
    return make(cs);
  };
  /** k-th coefficient's scale factor j / k. */
  const ratio = (j: number, k: number): T => b.div(b.num(j), b.num(k));
  const isConstant = (u: Jet<T>): boolean => {
    for (let k = 1; k <= n; k++) {
      const c = at(u, k);
      if (b.sign(c) !== 0 || !b.isConstant(c)) return false;
    }
    return b.isConstant(at(u, 0));
  };
  /** Undefined in every coefficient: where the series does not exist (sqrt and log at 0, a kink). */
  const nanJet = (): Jet<T> => {
    const cs: T[] = [];
    for (let k = 0; k <= n; k++) cs.push(b.nan());
    return make(cs);
  };
  const ops: JetOps<T> = {
    order: n,
    variable: (x0) => {
      const cs: T[] = [x0];
      for (let k = 1; k <= n; k++) cs.push(k === 1 ? b.num(1) : zero);
      return make(cs);
    },
    constant,
    num: (v) => constant(b.num(v)),
    rational: (p, q) => constant(b.rational(p, q)),
    pi: () => constant(b.pi()),
    nan: nanJet,
    add: (u, v) => map2(u, v, (x, y) => b.add(x, y)),
    sub: (u, v) => map2(u, v, (x, y) => b.sub(x, y)),
    neg: (u) => make(u.coefficients.map((c) => b.neg(c))),
    mul: (u, v) => {
      const cs: T[] = [];
      for (let k = 0; k <= n; k++) {
        let s = zero;
        for (let j = 0; j <= k; j++) s = b.add(s, b.mul(at(u, j), at(v, k - j)));
        cs.push(s);
      }
      return make(cs);
    },
    div: (u, v) => {
      // w v = u: w_k = (u_k - Σ_{j=1..k} v_j w_{k-j}) / v_0
      const cs: T[] = [];
      for (let k = 0; k <= n; k++) {
        let s = at(u, k);
        for (let j = 1; j <= k; j++) s = b.sub(s, b.mul(at(v, j), cs[k - j] ?? zero));
        cs.push(b.div(s, at(v, 0)));
      }
      return make(cs);
    },
    exp: (u) => {
      // w' = w u': k w_k = Σ_{j=1..k} j u_j w_{k-j}
      const cs: T[] = [b.exp(at(u, 0))];
      for (let k = 1; k <= n; k++) {
        let s = zero;
        for (let j = 1; j <= k; j++) s = b.add(s, b.mul(b.mul(ratio(j, k), at(u, j)), cs[k - j] ?? zero));
        cs.push(s);
      }
      return make(cs);
    },
    log: (u) => {
      // Even a constant-looking u: in doubles it may be a series that underflowed to 0.
      if (b.sign(at(u, 0)) !== 1) return nanJet();
      if (isConstant(u)) return constant(b.log(at(u, 0)));
      // u w' = u': w_k = (u_k - Σ_{j=1..k-1} (j/k) w_j u_{k-j}) / u_0
      const cs: T[] = [b.log(at(u, 0))];
      for (let k = 1; k <= n; k++) {
        let s = at(u, k);
        for (let j = 1; j < k; j++) s = b.sub(s, b.mul(b.mul(ratio(j, k), cs[j] ?? zero), at(u, k - j)));
        cs.push(b.div(s, at(u, 0)));
      }
      return make(cs);
    },
    log1p: (u) => {
      const base = b.add(b.num(1), at(u, 0));
      if (b.sign(base) !== 1) return nanJet();
      // As log, with 1 + u_0 for u_0 in the denominators.
      const cs: T[] = [b.log1p(at(u, 0))];
      for (let k = 1; k <= n; k++) {
        let s = at(u, k);
        for (let j = 1; j < k; j++) s = b.sub(s, b.mul(b.mul(ratio(j, k), cs[j] ?? zero), at(u, k - j)));
        cs.push(b.div(s, base));
      }
      return make(cs);
    },
    sqrt: (u) => {
      if (isConstant(u)) return constant(b.sqrt(at(u, 0)));
      if (b.sign(at(u, 0)) !== 1) return nanJet();
      // w^2 = u: w_k = (u_k - Σ_{j=1..k-1} w_j w_{k-j}) / (2 w_0)
      const w0 = b.sqrt(at(u, 0));
      const cs: T[] = [w0];
      const twice = b.add(w0, w0);
      for (let k = 1; k <= n; k++) {
        let s = at(u, k);
        for (let j = 1; j < k; j++) s = b.sub(s, b.mul(cs[j] ?? zero, cs[k - j] ?? zero));
        cs.push(b.div(s, twice));
      }
      return make(cs);
    },
    sin: (u) => sinCos(u)[0],
    cos: (u) => sinCos(u)[1],
    sign: (u) => b.sign(at(u, 0)),
    isConstant,
    toNumber: (u) => b.toNumber(at(u, 0)),
    agree: (u, v) => {
      // Two branches meeting at a point (ELU's u and e^u - 1 at 0): the
      // derivatives both give exist there; from the first that differs on, none does.
      const cs: T[] = [];
      let same = true;
      for (let k = 0; k <= n; k++) {
        const d = b.sub(at(u, k), at(v, k));
        same = same && b.sign(d) === 0 && b.isConstant(d);
        cs.push(same ? at(u, k) : b.nan());
      }
      return make(cs);
    },
  };
  /** s' = c u', c' = -s u': k s_k = Σ j u_j c_{k-j}, k c_k = -Σ j u_j s_{k-j}. */
  function sinCos(u: Jet<T>): [Jet<T>, Jet<T>] {
    const s: T[] = [b.sin(at(u, 0))];
    const c: T[] = [b.cos(at(u, 0))];
    for (let k = 1; k <= n; k++) {
      let ss = zero;
      let cc = zero;
      for (let j = 1; j <= k; j++) {
        const w = b.mul(ratio(j, k), at(u, j));
        ss = b.add(ss, b.mul(w, c[k - j] ?? zero));
        cc = b.sub(cc, b.mul(w, s[k - j] ?? zero));
      }
      s.push(ss);
      c.push(cc);
    }
    return [make(s), make(c)];
  }
  return ops;
}
