/**
 * Special points, checked in addition to the random ones: where identities
 * that are almost true break. For every variable: 0, 1, −1, the ends of its
 * assumed domain and points just inside them; for every kink (abs, relu,
 * step, sign, max and min) the point where its argument is 0 or its two
 * arguments tie; for sub-expressions that change sign (a sum such as
 * x^2 − 1/10^6, the argument of log or sqrt) the point where they vanish and
 * points just either side. Zeros are found numerically, one variable at a
 * time from a base point of simple values (halves), so a linear argument
 * such as x − y or 2x − 1 vanishes exactly in floating point.
 *
 *     specialPoints([parsePlain('max(x, y)'), parsePlain('x')], [x, y], [], {}).labels
 *     // ['x = 0, y = 0', 'x = 1, y = 1', …, 'tie of max', 'x = -1', …]
 */
import { add, neg, num } from '../expr/build.js';
import { lookupFunction } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children } from '../expr/traverse.js';
import type { Assumption } from './assumptions.js';
import { EvaluationError } from './evaluation-error.js';
import { compile, freeSymbols, type Compiled } from './evaluate.js';
import { createRng } from './rng.js';
import { admits, domainEnds } from './sample.js';
import { formatNumber } from './format-number.js';
import { SubtreeSet } from './shared-subtrees.js';

export interface SpecialPoints {
  readonly points: readonly Float64Array[];
  /** One short description per point ("x = 0", "tie of max(x, y)"), in the same order. */
  readonly labels: readonly string[];
}

export interface SpecialOptions {
  /** Variables the caller sets itself (index symbols, sizes, the salt of indexed values): left as in the base point. */
  readonly fixed?: ReadonlySet<number>;
  /** Points on a kink are no use (a finite difference is taken there): avoid them. */
  readonly avoidKinks?: boolean;
  /** Evaluate in indexed mode (sums, z_k). */
  readonly indexed?: boolean;
  /** A base point with the fixed coordinates set (called once per special point); default all zeros. */
  readonly base?: () => Float64Array;
  /** At most this many points (default MAX_SPECIAL). */
  readonly max?: number;
  readonly seed?: number;
}

/** The default cap on special points per check. */
export const MAX_SPECIAL = 12;

/** Functions with a kink or jump (relu, abs, step, max, min): the table's `kink`. */
const hasKink = (fn: string): boolean => lookupFunction(fn)?.kink !== undefined;
/** Functions whose argument changing sign matters (domain ends: log, sqrt): the table's `domain`. */
const isSignSensitive = (fn: string): boolean => {
  const domain = lookupFunction(fn)?.domain;
  return domain !== undefined && domain !== 'all';
};
/** At most this many sub-expressions are solved for their zeros (bounded work). */
const MAX_CRITICAL = 6;
/** Sign-changing sub-expressions solved (after the kinks). */
const MAX_SIGN_CHANGES = 2;

interface Critical {
  readonly expr: Expr;
  readonly kink: boolean;
  /** Printed only for points that are kept. */
  readonly label: () => string;
}

/** A critical expression compiled over the check's variables, and the free ones it reads. */
interface CompiledCritical {
  readonly c: Critical;
  readonly f: Compiled;
  readonly uses: readonly number[];
}

/** Kink arguments (and differences of max/min arguments) and sign-changing sub-expressions, kinks first. */
function criticalExpressions(es: readonly Expr[]): Critical[] {
  const kinks: Critical[] = [];
  const signs: Critical[] = [];
  const seen = new Set<number>();
  const push = (list: Critical[], e: Expr, kink: boolean, label: () => string): void => {
    if (e.kind === 'num' || e.kind === 'float' || seen.has(e.hash)) return;
    seen.add(e.hash);
    list.push({ expr: e, kink, label });
  };
  // A subtree met again pushes nothing new (its expressions were pushed, or seen, on the first visit).
  const visited = new SubtreeSet();
  const visit = (e: Expr): void => {
    if (children(e).length > 0 && !visited.add(e)) return;
    if (e.kind === 'call' && hasKink(e.fn)) {
      const [a, b] = e.args;
      if (b !== undefined && a !== undefined) push(kinks, add(a, neg(b)), true, () => `tie of ${e.fn}`);
      else if (a !== undefined) push(kinks, a, true, () => `kink of ${e.fn}`);
    } else if (e.kind === 'call' && isSignSensitive(e.fn) && e.args[0] !== undefined) push(signs, e.args[0], false, () => `${e.fn} argument = 0`);
    else if (e.kind === 'pow' && !(e.exp.kind === 'num' && e.exp.d === 1n)) push(signs, e.base, false, () => 'power base = 0');
    else if (e.kind === 'add') push(signs, e, false, () => 'sign change of a sum');
    for (const c of children(e)) visit(c);
  };
  es.forEach(visit);
  return [...kinks.slice(0, MAX_CRITICAL), ...signs.slice(0, MAX_SIGN_CHANGES)];
}

/** Powers with a varying exponent, b^e: where b < 0 and e = 1/2, b^e stops being real. At most two. */
function varyingPowers(es: readonly Expr[]): { base: Expr; exp: Expr }[] {
  const out: { base: Expr; exp: Expr }[] = [];
  // (A repeat is visited again: the same power twice is two tries from different base points.)
  const visit = (e: Expr): void => {
    // A subtree holding no such power pushes nothing (most of a lowered matrix entry, whose entries share their subtrees).
    if (out.length >= 2 || !holdsVaryingPower(e)) return;
    if (e.kind === 'pow' && isVaryingPower(e) && out.length < 2) out.push({ base: e.base, exp: e.exp });
    for (const c of children(e)) visit(c);
  };
  es.forEach(visit);
  return out;
}

function isVaryingPower(e: Expr): boolean {
  return e.kind === 'pow' && freeSymbols(e.exp, [], false).length > 0 && freeSymbols(e.base, [], false).length > 0;
}

/** Whether e or a subtree is a power with a varying exponent and base, remembered per node object (a function of the tree alone). */
function holdsVaryingPower(e: Expr): boolean {
  const known = withVaryingPower.get(e);
  if (known !== undefined) return known;
  const v = isVaryingPower(e) || children(e).some(holdsVaryingPower);
  withVaryingPower.set(e, v);
  return v;
}

const withVaryingPower = new WeakMap<Expr, boolean>();

/** t near which f(t) = 0 (f continuous), or undefined: exact for linear f, else a few secant steps. */
function solveZero(f: (t: number) => number, start: number): number | undefined {
  const u0 = f(0);
  const u1 = f(1);
  const um = f(-1);
  if (!Number.isFinite(u0) || !Number.isFinite(u1) || !Number.isFinite(um)) return secant(f, start, start + 0.5);
  const scale = Math.max(Math.abs(u0), Math.abs(u1), Math.abs(um), 1);
  if (Math.abs(u1 - 2 * u0 + um) <= 1e-12 * scale) {
    const slope = u1 - u0;
    if (slope === 0) return undefined;
    // Three points in a line do not make f linear: an odd f such as sin(t) - c passes the test. Keep the root only
    // where f vanishes (relu(sin(x) - 0.9999) = 0 held: its kink was put at x = 1.19, where sin(x) = 0.93).
    const t = -u0 / slope;
    if (Math.abs(f(t)) <= 1e-9 * scale) return t;
  }
  return secant(f, start, start + 0.5) ?? secant(f, -start - 1, -start - 0.5);
}

/** t near which f has a maximum or minimum (its central difference vanishes), or undefined. */
function extremum(f: (t: number) => number, start: number): number | undefined {
  const slope = (t: number): number => {
    const h = 1e-6 * Math.max(1, Math.abs(t));
    return (f(t + h) - f(t - h)) / (2 * h);
  };
  // From a few starts, the extremum where f comes closest to 0 (the maximum of sin(x) − c, not its minimum).
  let best: number | undefined;
  for (const a of [start, -start - 1, start + 2, start - 2]) {
    const t = secant(slope, a, a + 0.5);
    if (t === undefined || !Number.isFinite(t) || !Number.isFinite(f(t))) continue;
    if (best === undefined || Math.abs(f(t)) < Math.abs(f(best))) best = t;
  }
  return best;
}

function secant(f: (t: number) => number, t0: number, t1: number): number | undefined {
  let [a, b] = [t0, t1];
  let [fa, fb] = [f(a), f(b)];
  for (let i = 0; i < 20; i++) {
    if (!Number.isFinite(fa) || !Number.isFinite(fb)) return undefined;
    if (fb === 0) return b;
    if (fb === fa) return undefined;
    const c = b - (fb * (b - a)) / (fb - fa);
    [a, fa] = [b, fb];
    [b, fb] = [c, f(c)];
    if (Math.abs(b - a) <= 1e-14 * Math.max(1, Math.abs(b))) return Number.isFinite(fb) && Math.abs(fb) < 1e-9 ? b : undefined;
  }
  return undefined;
}

/** A value just inside the end b of a domain (towards the other end). */
function inside(b: number, towards: number): number {
  let d = 1e-6 * Math.max(1, Math.abs(b));
  // Never step past 0 when the domain holds both signs: x > -10^(-9) has
  // negative points, and |x| = x is false there (a step of 10^(-6) lands on a
  // positive x, where it holds).
  if (b !== 0 && Math.sign(towards - b) === -Math.sign(b) && d >= Math.abs(b)) d = Math.abs(b) / 2;
  return towards > b ? b + d : b - d;
}


/**
 * Special points of the relation between the expressions `es` over `vars`
 * (see the file comment), each inside the domain the assumptions describe.
 *
 *     specialPoints([parsePlain('abs(x - 1)')], [x], [], {}).labels   // ['x = 0', 'x = 1', 'x = -1', 'kink of abs', …]
 */
export function specialPoints(es: readonly Expr[], vars: readonly Sym[], assumptions: readonly Assumption[], opts: SpecialOptions = {}): SpecialPoints {
  const max = opts.max ?? MAX_SPECIAL;
  const fixed = opts.fixed ?? new Set<number>();
  const free = vars.map((_, i) => i).filter((i) => !fixed.has(i));
  if (free.length === 0 || max <= 0) return { points: [], labels: [] };
  const ok = admits(vars, assumptions);
  const ends = domainEnds(vars, assumptions);
  const rng = createRng(opts.seed ?? 7);
  const baseOf = opts.base ?? (() => new Float64Array(vars.length));
  /** A base point: simple values (halves in [-2, 2]) inside the domain, fixed coordinates from the caller. */
  const simpleBase = (): Float64Array => {
    const p = baseOf();
    for (const i of free) {
      const e = ends[i] ?? { lo: -Infinity, hi: Infinity, integer: false, loClosed: false, hiClosed: false };
      let v = rng.int(-4, 4) / 2;
      if (e.integer) v = Math.round(v);
      if (!ok(i, v)) v = Number.isFinite(e.lo) && Number.isFinite(e.hi) ? (e.integer ? Math.round((e.lo + e.hi) / 2) : (e.lo + e.hi) / 2) : Number.isFinite(e.lo) ? e.lo + 1 : e.hi - 1;
      p[i] = v;
    }
    return p;
  };
  const points: Float64Array[] = [];
  const labels: string[] = [];
  const keys = new Set<string>();
  /** A critical expression compiled, with the free variables it reads; undefined when it cannot be evaluated. */
  const compileCritical = (c: Critical): CompiledCritical | undefined => {
    try {
      const f = compile(c.expr, vars, { indexed: opts.indexed ?? false });
      const used = new Set(freeSymbols(c.expr, [], opts.indexed ?? false).map(symKey));
      return { c, f, uses: free.filter((i) => used.has(symKey(vars[i] as Sym))) };
    } catch (e) {
      if (!(e instanceof EvaluationError)) throw e;
      return undefined;
    }
  };
  const criticals = criticalExpressions(es);
  // Kink arguments at once (`keep` asks them when kinks are avoided); a sign change only when its zeros are
  // solved: most checks of many variables reach the cap before that, and compiling it was then wasted.
  const kinks: CompiledCritical[] = [];
  for (const c of criticals) {
    const k = c.kink ? compileCritical(c) : undefined;
    if (k !== undefined) kinks.push(k);
  }
  const kinkFns: Compiled[] = kinks.map((k) => k.f);
  let limit = max;
  const powers = varyingPowers(es);
  // Once the cap is reached nothing more is kept, unless the powers' points come (past the cap): the rest is skipped.
  const full = (): boolean => points.length >= limit && powers.length === 0;
  const keep = (p: Float64Array, label: string | (() => string)): void => {
    if (points.length >= limit) return;
    // The end of a real interval may be an open end (0 < x < 1 is stored as [0, 1]): only just inside it.
    const atEnd = (i: number): boolean => {
      const e = ends[i];
      return e !== undefined && !e.integer && ((p[i] === e.lo && !e.loClosed) || (p[i] === e.hi && !e.hiClosed));
    };
    if (!free.every((i) => ok(i, p[i] as number) && !atEnd(i))) return;
    // On a kink a finite difference says nothing: such points are left out when derivatives are compared.
    if (opts.avoidKinks === true && kinkFns.some((f) => Math.abs(f(p)) < 1e-4)) return;
    let key = '';
    for (const i of free) key += `${p[i]},`;
    if (keys.has(key)) return;
    keys.add(key);
    points.push(p);
    labels.push(typeof label === 'string' ? label : label());
  };
  // Every variable at once: 0, 1, −1.
  for (const v of [0, 1, -1]) {
    const p = simpleBase();
    for (const i of free) p[i] = v;
    keep(p, free.map((i) => `${symKey(vars[i] as Sym)} = ${v}`).join(', '));
  }
  // Ties and zeros of kink arguments (not when derivatives are compared: they are kinks).
  const zeros = (kink: boolean): void => {
    for (const critical of criticals) {
      if (critical.kink !== kink) continue;
      if (full()) return;
      const compiled = kink ? kinks.find((k) => k.c === critical) : compileCritical(critical);
      if (compiled === undefined) continue;
      const { c, f, uses } = compiled;
      for (const i of uses.slice(0, 2)) {
        const base = simpleBase();
        const at = (t: number): number => {
          base[i] = t;
          return f(base);
        };
        const start = base[i] as number;
        const t = solveZero(at, start);
        if (t === undefined || !Number.isFinite(t)) {
          // No root found: the argument may only graze 0 (sin(x) − 0.99999999 touches it near π/2, a double root
          // the secant steps do not reach). Its extremum there is where the sign, if ever, changes.
          // (Kinks only: a sum without a root is common and the search costs a few hundred evaluations.)
          const top = c.kink ? extremum(at, start) : undefined;
          if (top !== undefined) {
            const p = Float64Array.from(base);
            p[i] = top;
            keep(p, () => `extremum of the argument at ${c.label()}`);
          }
          continue;
        }
        const p = Float64Array.from(base);
        p[i] = t;
        keep(p, c.label);
        // Either side of a sign change or a kink (relu(x + 10^6) = x + 10^6 is false just left of its kink).
        const d = 1e-3 * Math.max(1, Math.abs(t));
        for (const s of [t - d, t + d]) {
          const q = Float64Array.from(base);
          q[i] = s;
          keep(q, () => `near ${c.label()}`);
        }
        // The same sign on both sides: the argument may cross over only in a sliver narrower than d (sin(x) − 0.99999999
        // is positive for |x − π/2| < 1.4e-4 only, and relu of it is not 0 there). Closer in, the other sign if any.
        const side = Math.sign(at(t - d));
        if (side !== 0 && side === Math.sign(at(t + d))) {
          found: for (let k = 4; k <= 10; k++) {
            const e = 10 ** -k * Math.max(1, Math.abs(t));
            for (const s of [t - e, t + e]) {
              if (Math.sign(at(s)) !== -side) continue;
              const q = Float64Array.from(base);
              q[i] = s;
              keep(q, () => `inside a narrow sign change at ${c.label()}`);
              break found;
            }
          }
        }
      }
    }
  };
  if (opts.avoidKinks !== true) zeros(true);
  // One variable at a time: 0, ±1, the ends of its domain and just inside them.
  for (const i of free) {
    if (full()) break;
    const e = ends[i] ?? { lo: -Infinity, hi: Infinity, integer: false, loClosed: false, hiClosed: false };
    const name = symKey(vars[i] as Sym);
    const values: [number, string][] = [
      [0, `${name} = 0`],
      [1, `${name} = 1`],
      [-1, `${name} = -1`],
    ];
    for (const [b, other, closed] of [
      [e.lo, e.hi, e.loClosed],
      [e.hi, e.lo, e.hiClosed],
    ] as const) {
      if (!Number.isFinite(b)) continue;
      // A closed end itself (x in [0, 1], x >= 1, n in ℕ), and just inside every end.
      if (e.integer || closed) values.push([b, `${name} = ${formatNumber(b)} (end of its domain)`]);
      if (!e.integer) values.push([inside(b, other), `${name} just inside ${formatNumber(b)}`]);
    }
    for (const [v, label] of values) {
      const p = simpleBase();
      p[i] = v;
      keep(p, label);
    }
  }
  zeros(false);
  // Beyond the cap, since they would push out the points above (x^{ab} = (x^a)^b fails at a = 2, b = 1/2, x = −1).
  limit = max + 10;
  // A fractional power of a negative base: x^{2y} = (x^y)^2 is true for x > 0 only; at x = −1, y = 1/2 the left
  // side is −1 and the right side is not real. Random reals almost never make 2y a whole number, so ask for it.
  if (powers.length > 0) {
    // Exponent letters at 1/2 or 2 (each combination, up to three letters), then all at 1/3; every other letter at −1:
    // x^{a+b} = x^a x^b at a = b = 1/2, x^{ab} = (x^a)^b at a = 2, b = 1/2 (−1 against 1).
    const inExps = new Set(powers.flatMap(({ exp }) => freeSymbols(exp, [], opts.indexed ?? false).map(symKey)));
    const letters = free.filter((k) => inExps.has(symKey(vars[k] as Sym))).slice(0, 3);
    const assignments = [...Array.from({ length: 1 << letters.length }, (_, mask) => letters.map((_, bit) => ((mask >> bit) & 1 ? 2 : 0.5))), letters.map(() => 1 / 3)];
    for (const values of assignments) {
      const p = simpleBase();
      for (const k of free) p[k] = -1;
      letters.forEach((k, n) => (p[k] = values[n] as number));
      keep(p, () => `${letters.map((k, n) => `${symKey(vars[k] as Sym)} = ${formatNumber(values[n] as number)}`).join(', ')}, bases -1`);
    }
  }
  for (const { base: b, exp: e } of powers) {
    try {
      const fe = compile(add(e, num(-1, 2)), vars, { indexed: opts.indexed ?? false });
      const fb = compile(add(b, num(1)), vars, { indexed: opts.indexed ?? false });
      const inExp = new Set(freeSymbols(e, [], opts.indexed ?? false).map(symKey));
      const inBase = new Set(freeSymbols(b, [], opts.indexed ?? false).map(symKey));
      const i = free.find((k) => inExp.has(symKey(vars[k] as Sym)));
      const j = free.find((k) => inBase.has(symKey(vars[k] as Sym)) && !inExp.has(symKey(vars[k] as Sym)));
      if (i === undefined || j === undefined) continue;
      const p = simpleBase();
      const solveAt = (f: Compiled, k: number): boolean => {
        const t = solveZero((v) => {
          p[k] = v;
          return f(p);
        }, p[k] as number);
        if (t === undefined || !Number.isFinite(t)) return false;
        p[k] = t;
        return true;
      };
      if (solveAt(fe, i) && solveAt(fb, j)) keep(p, 'exponent 1/2 of a negative base');
    } catch (err) {
      if (!(err instanceof EvaluationError)) throw err;
    }
  }
  return { points, labels };
}
