/**
 * Smart constructors: the only way to make nodes. They compute the structural
 * hash and flatten nested sums/products, and never simplify anything else.
 *
 *     add(sym('x'), num(1))   // x + 1
 */
import type { Add, Call, Deriv, Div, Expr, Float, Mul, Neg, Num, Pow, Sym } from './node.js';
import { hashBigint, hashNumber, hashOrdered, hashString, hashUnordered } from './hash.js';
import { normalise, type Rational } from './rational.js';

const TAG = {
  num: 1,
  float: 2,
  sym: 3,
  add: 4,
  mul: 5,
  div: 6,
  pow: 7,
  neg: 8,
  call: 9,
  deriv: 10,
} as const;

/** num(1, 2) is the exact 1/2; num(3) is 3. */
export function num(n: bigint | number, d: bigint | number = 1n): Num {
  const r = normalise(BigInt(n), BigInt(d));
  return { kind: 'num', n: r.n, d: r.d, hash: hashOrdered(TAG.num, [hashBigint(r.n), hashBigint(r.d)]) };
}

export function rat(r: Rational): Num {
  return num(r.n, r.d);
}

export function float(value: number): Float {
  return { kind: 'float', value, hash: hashOrdered(TAG.float, [hashNumber(value)]) };
}

/** sym('x'), sym('x', [num(1)]) for x_1, sym('w', [], [num(1)]) for w^{(1)}. */
export function sym(name: string, sub: readonly Expr[] = [], sup: readonly Expr[] = []): Sym {
  const parts = [hashString(name), sub.length, ...sub.map((e) => e.hash), sup.length, ...sup.map((e) => e.hash)];
  return { kind: 'sym', name, sub, sup, hash: hashOrdered(TAG.sym, parts) };
}

function flatten(kind: 'add' | 'mul', args: readonly Expr[]): Expr[] {
  const out: Expr[] = [];
  // Loops, not push(...xs): a sum may have 100,000 terms, beyond spread limits.
  for (const a of args) {
    if (a.kind === kind) for (const b of a.args) out.push(b);
    else out.push(a);
  }
  return out;
}

/** Sum of the operands; one operand is returned as is, none is 0. */
export function add(...args: readonly Expr[]): Expr {
  return addAll(args);
}

/** add() for an array of any length (spreading a huge array overflows the stack). */
export function addAll(args: readonly Expr[]): Expr {
  const flat = flatten('add', args);
  if (flat.length === 0) return num(0);
  if (flat.length === 1) return flat[0] as Expr;
  const node: Add = { kind: 'add', args: flat, hash: hashUnordered(TAG.add, flat.map((e) => e.hash)) };
  return node;
}

/** Product of the operands; one operand is returned as is, none is 1. */
export function mul(...args: readonly Expr[]): Expr {
  return mulAll(args);
}

/** mul() for an array of any length. */
export function mulAll(args: readonly Expr[]): Expr {
  const flat = flatten('mul', args);
  if (flat.length === 0) return num(1);
  if (flat.length === 1) return flat[0] as Expr;
  const node: Mul = { kind: 'mul', args: flat, hash: hashUnordered(TAG.mul, flat.map((e) => e.hash)) };
  return node;
}

export function div(numerator: Expr, denominator: Expr): Div {
  return { kind: 'div', num: numerator, den: denominator, hash: hashOrdered(TAG.div, [numerator.hash, denominator.hash]) };
}

export function pow(base: Expr, exp: Expr): Pow {
  return { kind: 'pow', base, exp, hash: hashOrdered(TAG.pow, [base.hash, exp.hash]) };
}

export function neg(arg: Expr): Neg {
  return { kind: 'neg', arg, hash: hashOrdered(TAG.neg, [arg.hash]) };
}

/** a - b, as a + (-b). */
export function sub(a: Expr, b: Expr): Expr {
  return add(a, neg(b));
}

export function call(fn: string, args: readonly Expr[]): Call {
  return { kind: 'call', fn, args, hash: hashOrdered(TAG.call, [hashString(fn), ...args.map((e) => e.hash)]) };
}

export function deriv(body: Expr, wrt: Sym): Deriv {
  return { kind: 'deriv', body, wrt, hash: hashOrdered(TAG.deriv, [body.hash, wrt.hash]) };
}
