/**
 * The fixed vocabulary of side conditions a rule may state after `if`.
 * A guard answers yes, no, or "yes, assuming …" when the condition cannot be
 * decided from the expression alone (u/u = 1 assuming u ≠ 0): the assumption
 * is attached to the step as a note, so it is stated, never hidden.
 */
import { equal } from '../expr/equal.js';
import { lookupFunction } from '../expr/functions.js';
import type { Expr } from '../expr/node.js';
import type { DependencyResolver } from '../expr/dependencies.js';
import { freeOf, some } from '../expr/traverse.js';
import { ratCompare } from '../expr/rational.js';
import { inferShape } from '../matrix/infer-shape.js';
import { declaredShape, isScalarShape, sameShape, ShapeError, type Shape, type ShapeContext } from '../matrix/shape.js';

/**
 * What a guard may know beyond its arguments: the symbols that stand for
 * expressions (ŷ for a softmax of the weights), so `free`/`depends` look
 * through them. Passed down explicitly from the run that asked.
 */
export interface GuardContext {
  readonly definitions?: DependencyResolver;
  /** Declared shapes of vectors and matrices (the matrix-calculus rules' side conditions); absent: every symbol is a scalar. */
  readonly shapes?: ShapeContext;
}

const NO_SHAPES: ShapeContext = new Map();

/**
 * freeOf, and under shapes an entry z_k of a declared vector or matrix x is
 * part of x: Σ_k e^{z_k} is not free of z (without shapes z and z_k are two
 * symbols, as the scalar evaluator reads them).
 */
function freeUnderShapes(u: Expr, x: Expr, c: GuardContext): boolean {
  if (!freeOf(u, x, c.definitions)) return false;
  if (c.shapes === undefined || x.kind !== 'sym' || declaredShape(c.shapes, x) === undefined) return true;
  return !some(u, (y) => y.kind === 'sym' && y.name === x.name && y.sub.length > x.sub.length && x.sub.every((s, k) => equal(s, y.sub[k] as Expr)) && declaredShape(c.shapes ?? NO_SHAPES, y) === undefined);
}

/** The shape of u under the context's shapes; undefined when u is not well shaped (the guard then answers no). */
function shapeOf(u: Expr, c: GuardContext): Shape | undefined {
  try {
    return inferShape(u, c.shapes ?? NO_SHAPES);
  } catch (e) {
    if (e instanceof ShapeError) return undefined;
    throw e;
  }
}

function shapeTest(test: (s: Shape) => boolean): (x: readonly Expr[], c: GuardContext) => GuardAnswer {
  return (x, c) => {
    const s = shapeOf(a(x, 0), c);
    return s !== undefined && test(s) ? YES : NO;
  };
}

export type GuardAnswer = { readonly ok: true; readonly assumption?: string } | { readonly ok: false };

const YES: GuardAnswer = { ok: true };
const NO: GuardAnswer = { ok: false };
const assume = (text: string): GuardAnswer => ({ ok: true, assumption: text });

/** The note a step carries when a guard assumed u ≠ 0 (value `0` is u). */
export const ASSUMED_NONZERO = 'assuming ${0} \\neq 0$';
/** The note a step carries when a guard assumed u > 0; the checker looks for it (src/check/proof-assumptions.ts). */
export const ASSUMED_POSITIVE = 'assuming ${0} > 0$';
/** The note a step carries when a guard assumed the range a..b has b − a + 1 ≥ 0 terms (values `0` = a, `1` = b). */
export const ASSUMED_COUNT = 'assuming ${1} \\ge {0} - 1$';
/** The note a step carries when a guard assumed a ≤ j ≤ b for an index j (values `0` = j, `1` = a, `2` = b). */
export const ASSUMED_IN_RANGE = 'assuming ${1} \\le {0} \\le {2}$';

/** Sign facts we can read off an expression without knowing its variables. */
function knownPositive(e: Expr): boolean {
  switch (e.kind) {
    case 'num':
      return e.n > 0n;
    case 'float':
      return e.value > 0;
    case 'call':
      return lookupFunction(e.fn)?.positivity === 'always';
    case 'mul':
      return e.args.every(knownPositive);
    case 'add':
      return e.args.every(knownPositive);
    case 'div':
      return knownPositive(e.num) && knownPositive(e.den);
    case 'pow':
      return knownPositive(e.base);
    default:
      return false;
  }
}

function knownNonzero(e: Expr): boolean {
  if (knownPositive(e)) return true;
  switch (e.kind) {
    case 'num':
      return e.n !== 0n;
    case 'float':
      return e.value !== 0;
    case 'neg':
      return knownNonzero(e.arg);
    case 'mul':
      return e.args.every(knownNonzero);
    case 'div':
      return knownNonzero(e.num) && knownNonzero(e.den);
    case 'pow':
      return knownNonzero(e.base);
    default:
      return false;
  }
}

function isNumber(e: Expr): boolean {
  return e.kind === 'num' || e.kind === 'float';
}

function isInteger(e: Expr): boolean {
  return (e.kind === 'num' && e.d === 1n) || (e.kind === 'float' && Number.isInteger(e.value));
}

/** The value of an exact or float number, else undefined. */
function numberValue(e: Expr): number | undefined {
  if (e.kind === 'num') return Number(e.n) / Number(e.d);
  if (e.kind === 'float') return e.value;
  return undefined;
}

/**
 * Is the index j inside a..b? `true`/`false` when the numbers decide it
 * (j = 1 and a = 2: outside; j ≡ a or j ≡ b with the other end a number
 * that does not decide it: undecided), `undefined` when they do not.
 */
function inRange(j: Expr, lo: Expr, hi: Expr): boolean | undefined {
  const jv = numberValue(j);
  const lv = numberValue(lo);
  const hv = numberValue(hi);
  if (jv !== undefined && lv !== undefined && jv < lv) return false;
  if (jv !== undefined && hv !== undefined && jv > hv) return false;
  const aboveLo = equal(j, lo) || (jv !== undefined && lv !== undefined && jv >= lv);
  const belowHi = equal(j, hi) || (jv !== undefined && hv !== undefined && jv <= hv);
  return aboveLo && belowHi ? true : undefined;
}

interface GuardSpec {
  readonly arity: number;
  readonly test: (args: readonly Expr[], context: GuardContext) => GuardAnswer;
  readonly description: string;
}

const a = (args: readonly Expr[], i: number): Expr => {
  const x = args[i];
  if (x === undefined) throw new Error('guard argument missing');
  return x;
};

/** Name -> test. Unknown names are load errors in rule-file.ts. */
export const GUARDS: ReadonlyMap<string, GuardSpec> = new Map<string, GuardSpec>([
  ['free', { arity: 2, description: 'u does not contain x', test: (x, c) => (freeUnderShapes(a(x, 0), a(x, 1), c) ? YES : NO) }],
  ['depends', { arity: 2, description: 'u contains x', test: (x, c) => (freeUnderShapes(a(x, 0), a(x, 1), c) ? NO : YES) }],
  [
    'entryof',
    {
      arity: 2,
      description: 'x is an entry v_i of the vector v (a bare symbol)',
      test: (x) => {
        const e = a(x, 0);
        const v = a(x, 1);
        return e.kind === 'sym' && v.kind === 'sym' && e.name === v.name && e.sub.length > 0 && v.sub.length === 0 && v.sup.length === 0 && e.sup.length === 0 ? YES : NO;
        },
      },
    ],
  ['scalar', { arity: 1, description: 'u is a scalar under the declared shapes', test: shapeTest(isScalarShape) }],
  ['notscalar', { arity: 1, description: 'u is a vector or matrix under the declared shapes', test: shapeTest((s) => !isScalarShape(s)) }],
  ['column', { arity: 1, description: 'u is a column vector (n×1, not a scalar) under the declared shapes', test: shapeTest((s) => !isScalarShape(s) && s.cols === 1) }],
  [
    'sameshape',
    {
      arity: 2,
      description: 'u and v have the same shape under the declared shapes',
      test: (x, c) => {
        const p = shapeOf(a(x, 0), c);
        const q = shapeOf(a(x, 1), c);
        return p !== undefined && q !== undefined && sameShape(p, q) ? YES : NO;
      },
    },
  ],
  ['number', { arity: 1, description: 'u is a number', test: (x) => (isNumber(a(x, 0)) ? YES : NO) }],
  ['notnumber', { arity: 1, description: 'u is not a number', test: (x) => (isNumber(a(x, 0)) ? NO : YES) }],
  ['fraction', { arity: 1, description: 'n is an exact number that is not an integer', test: (x) => { const n = a(x, 0); return n.kind === 'num' && n.d !== 1n ? YES : NO; } }],
  ['single', { arity: 1, description: 'u is not a sum', test: (x) => (a(x, 0).kind === 'add' ? NO : YES) }],
  ['different', { arity: 2, description: 'u and v differ', test: (x) => (equal(a(x, 0), a(x, 1)) ? NO : YES) }],
  [
    'negative',
    {
      arity: 1,
      description: 'n is a negative number',
      test: (x) => {
        const n = a(x, 0);
        return (n.kind === 'num' && n.n < 0n) || (n.kind === 'float' && n.value < 0) ? YES : NO;
      },
    },
  ],
  [
    'less',
    {
      arity: 2,
      description: 'a < b for numbers a, b',
      test: (x) => {
        const p = a(x, 0);
        const q = a(x, 1);
        if (p.kind === 'num' && q.kind === 'num') return ratCompare(p, q) < 0 ? YES : NO;
        return NO;
      },
    },
  ],
  ['integer', { arity: 1, description: 'n is an integer number', test: (x) => (isInteger(a(x, 0)) ? YES : NO) }],
  ['even', { arity: 1, description: 'n is an even integer number', test: (x) => { const n = a(x, 0); return n.kind === 'num' && n.d === 1n && n.n % 2n === 0n ? YES : NO; } }],
  [
    'inrange',
    {
      arity: 3,
      description: 'a ≤ j ≤ b for an index j (assumed, and stated, when it cannot be decided; no when the numbers put j outside)',
      test: (x) => {
        const r = inRange(a(x, 0), a(x, 1), a(x, 2));
        return r === true ? YES : r === false ? NO : assume(ASSUMED_IN_RANGE);
      },
    },
  ],
  [
    'counts',
    {
      arity: 2,
      description: 'b − a + 1 ≥ 0, so b − a + 1 counts the terms of a sum from a to b (assumed, and stated, unless the numbers decide it or b is a size symbol and a ≤ 1)',
      test: (x) => {
        const lo = a(x, 0);
        const hi = a(x, 1);
        const lv = numberValue(lo);
        const hv = numberValue(hi);
        if (lv !== undefined && hv !== undefined) return hv - lv + 1 >= 0 ? YES : NO;
        // A bare symbol as the upper end of a sum is a size (n ≥ 0), the convention the sampler follows.
        if (equal(lo, hi) || (lv !== undefined && lv <= 1 && hi.kind === 'sym')) return YES;
        return assume(ASSUMED_COUNT);
      },
    },
  ],
  [
    'outside',
    {
      arity: 3,
      description: 'j < a or j > b, decided from numbers',
      test: (x) => (inRange(a(x, 0), a(x, 1), a(x, 2)) === false ? YES : NO),
    },
  ],
  [
    'nonzero',
    {
      arity: 1,
      description: 'u ≠ 0 (assumed, and stated, when it cannot be decided)',
      test: (x) => {
        const u = a(x, 0);
        if (knownNonzero(u)) return YES;
        if (isNumber(u)) return NO;
        return assume(ASSUMED_NONZERO);
      },
    },
  ],
  [
    'positive',
    {
      arity: 1,
      description: 'u > 0 (assumed, and stated, when it cannot be decided)',
      test: (x) => {
        const u = a(x, 0);
        if (knownPositive(u)) return YES;
        if (isNumber(u)) return NO;
        return assume(ASSUMED_POSITIVE);
      },
    },
  ],
]);

/** The guards that may answer "yes, assuming …", with the note each then attaches (the checker discharges them on the domain). */
export const CONDITIONAL_GUARDS: ReadonlyMap<string, string> = new Map([
  ['nonzero', ASSUMED_NONZERO],
  ['positive', ASSUMED_POSITIVE],
  ['inrange', ASSUMED_IN_RANGE],
  ['counts', ASSUMED_COUNT],
]);

export function checkGuard(name: string, args: readonly Expr[], context: GuardContext = {}): GuardAnswer {
  const spec = GUARDS.get(name);
  if (spec === undefined) return NO;
  return spec.test(args, context);
}
