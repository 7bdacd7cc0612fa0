/**
 * Random expression trees in parser normal form: the trees parsePlain and
 * parseLatex produce, so that printing and parsing back must give the same
 * tree. Normal form means: no neg directly around a number (the parsers read
 * `-3` as the number -3), no sum directly inside a sum and no product inside
 * a product (the constructors flatten them), exact numbers and decimal
 * floats (a whole float prints as `2.0`, so it reads back as a float), and no
 * quotient of two integers (`1/2` reads back as the exact number 1/2).
 *
 *     fc.sample(arbExpr({ depth: 2 }), 1) // e.g. [add(x, call('sigma', [y]))]
 */
import fc from 'fast-check';
import { add, call, deriv, div, float, mul, neg, num, pow, sym } from '../../src/expr/build.js';
import type { Expr, Sym } from '../../src/expr/node.js';
import { FUNCTIONS, lookupFunction } from '../../src/expr/functions.js';

export interface ArbExprOptions {
  /** Maximum nesting of operators (default 3). */
  readonly depth?: number;
  /** Symbol spellings: x, y, z, x_1, w^{(1)}, alpha, loss (default x, y, z, x_1, w^{(1)}). */
  readonly vars?: readonly string[];
  /**
   * Function names from the table (default: all but binders such as sum,
   * whose bound variable and bounds have a shape of their own; ask for 'sum'
   * to get sum(u, k, a, b) with k a fresh index and integer or symbolic bounds).
   */
  readonly functions?: readonly string[];
  /** Spellings of derivative variables (default: vars). */
  readonly wrt?: readonly string[];
}

const DEFAULT_VARS = ['x', 'y', 'z', 'x_1', 'w^{(1)}'];

/** 'x_1' -> sym('x', [num(1)]), 'w^{(1)}' -> sym('w', [], [num(1)]), 'W_{ij}' -> sym('W', [i, j]). */
export function symbolFromSpelling(spelling: string): Sym {
  const m = /^([A-Za-z]+)(?:_(\d+|[A-Za-z]|\{([A-Za-z]+)\}))?(?:\^\{\((\d+|[A-Za-z])\)\})?$/.exec(spelling);
  if (m === null) throw new Error(`unsupported symbol spelling in a test: ${spelling}`);
  const index = (s: string): Expr => (/^\d+$/.test(s) ? num(BigInt(s)) : sym(s));
  const sub = m[3] !== undefined ? [...m[3]].map((c) => sym(c)) : m[2] !== undefined ? [index(m[2])] : [];
  const sup = m[4] !== undefined ? [index(m[4])] : [];
  return sym(m[1] as string, sub, sup);
}

/** Exact numbers: integers (some negative) and proper fractions. */
const arbNum: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((n) => num(n)),
  fc.tuple(fc.integer({ min: -9, max: 9 }), fc.integer({ min: 2, max: 9 })).filter(([n, d]) => n !== 0 && n % d !== 0).map(([n, d]) => num(n, d)),
);

/** Decimals: three places (0.25, -1.5, 2.0) and tiny ones that JavaScript prints with an exponent (3e-9). */
const arbFloat: fc.Arbitrary<Expr> = fc.oneof(
  fc.integer({ min: -9999, max: 9999 }).map((k) => float(k / 1000)),
  fc.integer({ min: 1, max: 999 }).map((k) => float(k * 1e-9)),
);

/** Bound variables and bounds of binders: sum(u, k, 1, n). */
const BOUND: readonly Sym[] = [sym('k'), sym('i')];
const BOUNDS: readonly Expr[] = [num(1), num(0), num(10), sym('n'), sym('c')];

const isNumber = (e: Expr): boolean => e.kind === 'num' || e.kind === 'float';
const isInteger = (e: Expr): boolean => e.kind === 'num' && e.d === 1n;

/** Keep sums and products flat as the constructors do, and never two sums nested. */
function addOf(args: readonly Expr[]): Expr {
  return add(...args);
}

export function arbExpr(opts: ArbExprOptions = {}): fc.Arbitrary<Expr> {
  const depth = opts.depth ?? 3;
  const vars = (opts.vars ?? DEFAULT_VARS).map(symbolFromSpelling);
  // LSE and softmax of a scalar are u and 1: random scalar expressions have nothing to exercise in them (their
  // laws are checked under shapes, tests/matrix/vector-functions.test.ts), and leaving them out keeps every seeded sample as it was.
  const fns = (opts.functions ?? FUNCTIONS.filter((f) => f.binds === undefined && f.name !== 'lse' && f.name !== 'softmax').map((f) => f.name)).map((name) => {
    const spec = lookupFunction(name);
    if (spec === undefined) throw new Error(`unknown function in a test: ${name}`);
    return spec;
  });
  const arbSym: fc.Arbitrary<Sym> = fc.constantFrom(...vars);
  const arbWrt: fc.Arbitrary<Sym> = opts.wrt === undefined ? arbSym : fc.constantFrom(...opts.wrt.map(symbolFromSpelling));
  const leaf: fc.Arbitrary<Expr> = fc.oneof({ weight: 4, arbitrary: arbSym }, { weight: 2, arbitrary: arbNum }, { weight: 1, arbitrary: arbFloat });

  const tree = fc.letrec<{ e: Expr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', maxDepth: depth, withCrossShrink: true },
      leaf,
      fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map(addOf),
      fc.array(tie('e'), { minLength: 2, maxLength: 3 }).map((xs) => mul(...xs)),
      fc
        .tuple(tie('e'), tie('e'))
        .filter(([a, b]) => !(isInteger(a) && isInteger(b)))
        .map(([a, b]) => div(a, b)),
      fc.tuple(tie('e'), tie('e')).map(([a, b]) => pow(a, b)),
      tie('e')
        .filter((a) => !isNumber(a))
        .map((a) => neg(a)),
      ...(fns.length === 0
        ? []
        : [
            fc.constantFrom(...fns).chain((f) =>
              f.binds === undefined
                ? fc.array(tie('e'), { minLength: f.minArgs, maxLength: f.minArgs }).map((xs) => call(f.name, xs))
                : fc.tuple(tie('e'), fc.constantFrom(...BOUND), fc.constantFrom(...BOUNDS), fc.constantFrom(...BOUNDS)).map(([u, k, lo, hi]) => call(f.name, [u, k, lo, hi])),
            ),
          ]),
      fc.tuple(tie('e'), arbWrt).map(([body, x]) => deriv(body, x)),
    ),
  }));
  return tree.e;
}
