/**
 * Derivatives at a kink. The rules differentiate relu, |u|, max, min, step
 * and sign away from their kinks (relu' = step); at a point where a kink's
 * argument is 0 (or max's arguments tie) that formula has no meaning, so
 * the value there is not "step(0) = 1/2". The function table says where each
 * function has a kink and its branches on either side (functions.ts `kink`);
 * here the branch on each side replaces the kink in the derivative, which
 * gives the left and right derivatives (for a function continuous at the
 * point, the one-sided derivative is the one-sided limit of the derivative).
 *
 *     kinkAt(engine, parsePlain('relu(x)'), [x], parsePlain('step(x)'), point)
 *     // { kind: 'not-differentiable', statement: 'not differentiable at x = 0 (left derivative 0, right derivative 1)', … }
 */
import { sub } from '../expr/build.js';
import { lookupFunction, type Kink } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, symbolsOf, withChildren } from '../expr/traverse.js';
import { parsePlain } from '../parse/index.js';
import { toPlain } from '../expr/to-plain.js';
import type { Engine } from '../rewrite/engine.js';
import { differentiate } from './differentiate.js';
import { substitute } from '../expr/substitute.js';
import { evaluateAt, type ValueAt } from './evaluate-at.js';

export type KinkOutcome =
  /** No kink of the function at the point. */
  | { readonly kind: 'smooth' }
  /** Kinks at the point, but the left and right derivatives agree: this is the derivative. */
  | { readonly kind: 'differentiable'; readonly value: ValueAt; readonly kinks: readonly string[] }
  /** Not differentiable (`proved`), or not known to be: no value is given. */
  | {
      readonly kind: 'not-differentiable';
      readonly proved: boolean;
      readonly statement: string;
      readonly kinks: readonly string[];
      readonly conventions: readonly string[];
      readonly left?: ValueAt;
      readonly right?: ValueAt;
    };

interface Found {
  readonly call: Expr;
  readonly kink: Kink;
  /** The quantity that is 0 at the kink: u, or u - v for a tie. */
  readonly q: Expr;
  /** Exactly 0 at the point (false: only too close to 0 to tell in floating point). */
  readonly exact: boolean;
}

function kinkOf(e: Expr): Kink | undefined {
  return e.kind === 'call' ? lookupFunction(e.fn)?.kink : undefined;
}

function quantity(e: Expr, k: Kink): Expr | undefined {
  if (e.kind !== 'call') return undefined;
  const [u, v] = e.args;
  if (u === undefined) return undefined;
  // A branch written with v needs the second argument: ELU(u), whose scale is 1 by default, has no kink.
  if (v === undefined && [k.below, k.above].some((b) => symbolsOf(parsePlain(b)).some((s) => s.name === 'v'))) return undefined;
  if (k.at === 'zero') return k.where === undefined ? u : branch(k.where, e.args);
  return v === undefined ? undefined : sub(u, v);
}

/** 'zero' when q is exactly 0 at the point, 'near' when floating point cannot tell it from 0, undefined otherwise. */
function vanishes(engine: Engine, q: Expr, values: ReadonlyMap<string, Expr>): 'zero' | 'near' | undefined {
  if (symbolsOf(q).some((s) => s.name !== 'pi' && !values.has(symKey(s)))) return undefined;
  let v: ValueAt;
  try {
    v = evaluateAt(engine, q, values);
  } catch {
    return undefined;
  }
  if (v.value.kind === 'num') return v.value.n === 0n ? 'zero' : undefined;
  if (!Number.isFinite(v.approx)) return undefined;
  return Math.abs(v.approx) <= 1e-12 ? 'near' : undefined;
}

/** Kinks of `e` at the point whose argument depends on one of `vars`. */
function kinksIn(engine: Engine, e: Expr, vars: readonly Sym[], values: ReadonlyMap<string, Expr>): Found[] {
  const out: Found[] = [];
  const keys = new Set(vars.map(symKey));
  const visit = (x: Expr): void => {
    const k = kinkOf(x);
    const q = k === undefined ? undefined : quantity(x, k);
    if (k !== undefined && q !== undefined && symbolsOf(q).some((s) => keys.has(symKey(s)))) {
      const z = vanishes(engine, q, values);
      if (z !== undefined) out.push({ call: x, kink: k, q, exact: z === 'zero' });
    }
    for (const c of children(x)) visit(c);
  };
  visit(e);
  return out;
}

/** A branch of the table (plain syntax in u, v) with the call's arguments. */
function branch(template: string, args: readonly Expr[]): Expr {
  const [u, v] = args;
  const map = new Map<string, Expr>();
  if (u !== undefined) map.set('u', u);
  if (v !== undefined) map.set('v', v);
  return substitute(parsePlain(template), map);
}

/** The sign of dq/dx at the point, exactly; undefined when it is 0 or cannot be decided. */
function slopeSign(engine: Engine, q: Expr, x: Sym, values: ReadonlyMap<string, Expr>): 1 | -1 | undefined {
  const d = differentiate(engine, q, [x], { maxSteps: 600, maxMs: 200 });
  if (d.stop !== 'normal-form') return undefined;
  let v: ValueAt;
  try {
    v = evaluateAt(engine, d.result, values);
  } catch {
    return undefined;
  }
  if (v.value.kind === 'num') return v.value.n > 0n ? 1 : v.value.n < 0n ? -1 : undefined;
  if (v.exact && Number.isFinite(v.approx) && Math.abs(v.approx) > 1e-9) return v.approx > 0 ? 1 : -1;
  return undefined;
}

/**
 * `e` just to one side of the point along x: every kink at the point
 * replaced by its branch on that side; undefined when a side cannot be
 * decided (the kink's argument is flat in x there).
 */
function oneSided(engine: Engine, e: Expr, x: Sym, values: ReadonlyMap<string, Expr>, side: 1 | -1): Expr | undefined {
  let ok = true;
  const go = (y: Expr): Expr => {
    if (!ok) return y;
    const k = kinkOf(y);
    const q = k === undefined ? undefined : quantity(y, k);
    if (k !== undefined && q !== undefined && y.kind === 'call' && symbolsOf(q).some((s) => symKey(s) === symKey(x)) && vanishes(engine, q, values) !== undefined) {
      const s = slopeSign(engine, q, x, values);
      if (s === undefined) {
        ok = false;
        return y;
      }
      return branch(s * side > 0 ? k.above : k.below, y.args.map(go));
    }
    const kids = children(y);
    return kids.length === 0 ? y : withChildren(y, kids.map(go));
  };
  const out = go(e);
  return ok ? out : undefined;
}

function sameValue(a: ValueAt, b: ValueAt): boolean {
  if (a.exact && b.exact) return a.value.hash === b.value.hash || toPlain(a.value) === toPlain(b.value);
  return false;
}

/** "x = 0, y = 1": the point's values of the variables of the kinks. */
function pointText(found: readonly Found[], values: ReadonlyMap<string, Expr>): string {
  const seen = new Map<string, string>();
  for (const f of found) for (const s of symbolsOf(f.q)) {
    const v = values.get(symKey(s));
    if (v !== undefined) seen.set(symKey(s), `${toPlain(s)} = ${toPlain(v)}`);
  }
  return [...seen.values()].join(', ');
}

/**
 * The derivative `derivative` of `f` with respect to `wrt` (in order) at the
 * point: smooth there, differentiable although kinks meet there (the left and
 * right derivatives agree), or not differentiable (with the left and right
 * derivatives for a first derivative of a function continuous there).
 */
export function kinkAt(engine: Engine, f: Expr, wrt: readonly Sym[], derivative: Expr, values: ReadonlyMap<string, Expr>): KinkOutcome {
  const found = kinksIn(engine, f, wrt, values);
  if (found.length === 0) return { kind: 'smooth' };
  const at = pointText(found, values);
  const kinks = found.map((k) => `${toPlain(k.call)} has a ${k.kink.continuous ? 'kink' : 'jump'} where ${toPlain(k.q)} = 0${k.exact ? '' : ' (to within rounding)'}`);
  const conventions = [...new Set(found.flatMap((k) => (k.kink.convention === undefined ? [] : [k.kink.convention])))];
  const unknown = (why: string): KinkOutcome => ({ kind: 'not-differentiable', proved: false, statement: `may not be differentiable at ${at}: ${why}; no value is given`, kinks, conventions });
  const x = wrt[0];
  if (wrt.length !== 1 || x === undefined) return unknown(`${found.map((k) => toPlain(k.call)).join(', ')} ${found.length === 1 ? 'is' : 'are'} not differentiable there`);
  if (found.some((k) => !k.exact)) return unknown('a kink argument is 0 to within rounding');
  const sides = ([-1, 1] as const).map((side) => {
    const fs = oneSided(engine, f, x, values, side);
    const ds = oneSided(engine, derivative, x, values, side);
    if (fs === undefined || ds === undefined) return undefined;
    try {
      return { f: evaluateAt(engine, fs, values), d: evaluateAt(engine, ds, values) };
    } catch {
      return undefined;
    }
  });
  const [left, right] = sides;
  if (left === undefined || right === undefined) return unknown(`the side of ${found.map((k) => toPlain(k.call)).join(', ')} cannot be decided along ${toPlain(x)}`);
  if (found.some((k) => !k.kink.continuous)) {
    if (left.f.exact && right.f.exact && !sameValue(left.f, right.f)) {
      return { kind: 'not-differentiable', proved: true, statement: `not differentiable at ${at}: the function jumps there (from ${toPlain(left.f.value)} to ${toPlain(right.f.value)})`, kinks, conventions };
    }
    return unknown('a jump of a step or sign function meets the point');
  }
  if (!Number.isFinite(left.d.approx) || !Number.isFinite(right.d.approx)) return unknown('a one-sided derivative is not finite');
  if (sameValue(left.d, right.d)) return { kind: 'differentiable', value: left.d, kinks };
  if (!left.d.exact || !right.d.exact) return unknown('the one-sided derivatives could not be compared exactly');
  return {
    kind: 'not-differentiable',
    proved: true,
    statement: `not differentiable at ${at} (left derivative ${toPlain(left.d.value)}, right derivative ${toPlain(right.d.value)})`,
    kinks,
    conventions,
    left: left.d,
    right: right.d,
  };
}
