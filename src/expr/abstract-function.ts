/**
 * Abstract (unknown) functions: `f(x)`, `g(x^2)`, `\phi(z)`, `\Phi(x)` where
 * the name is a conventional function letter and not a function of the table
 * in functions.ts. They are call nodes whose head is the name, with one prime
 * per derivative: d(f(u), x) = f'(u) · du/dx (rewrite builtin
 * derivative-of-abstract).
 *
 * A relation in f must hold for every f, so the numeric checker evaluates f
 * as a fixed smooth function that has no special structure (a sum of two
 * sinusoids with unrelated frequencies, a slope and an offset, seeded by the
 * name): a true identity holds for it, and a false one fails for it except by
 * coincidence. Its derivatives of every order are exact, so f' and f'' are
 * evaluated exactly too.
 *
 *     abstractHead("f''")      // { name: 'f', order: 2 }
 *     abstractReal(FLOAT_OPS, 'f', 0, 0.3)   // the stand-in f(x) = a sin(b x + c) + p cos(q x + r) + s x + t at 0.3
 */

import type { RealOps } from './functions.js';

/** Names read as functions when a bracket follows: f(x), g(h(x)), \phi(z), Phi(x). */
export const ABSTRACT_FUNCTION_NAMES: ReadonlySet<string> = new Set(['f', 'g', 'h', 'F', 'G', 'phi', 'varphi', 'psi', 'Phi', 'Psi']);

/** The name and derivative order of an abstract call head ("f'" -> f, 1); undefined for other heads. */
export function abstractHead(fn: string): { readonly name: string; readonly order: number } | undefined {
  const m = /^([A-Za-z]+)('*)$/.exec(fn);
  if (m === null || !ABSTRACT_FUNCTION_NAMES.has(m[1] as string)) return undefined;
  return { name: m[1] as string, order: (m[2] as string).length };
}

/** The head of the derivative of an abstract function: f -> f', f' -> f''. */
export function primed(fn: string): string {
  return `${fn}'`;
}

/** A number in [lo, hi) from the name and a slot, fixed forever (FNV-1a). */
function param(name: string, slot: number, lo: number, hi: number): number {
  let h = 2166136261;
  for (const c of `${name}#${slot}`) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619);
  return lo + ((h >>> 0) / 4294967296) * (hi - lo);
}

/** The stand-in's constants for `name`, fixed forever. */
function standIn(name: string): { a: number; b: number; c: number; p: number; q: number; r: number; s: number; t: number } {
  return {
    a: param(name, 0, 0.5, 1.5),
    b: param(name, 1, 0.7, 1.6),
    c: param(name, 2, 0, 2 * Math.PI),
    p: param(name, 3, 0.3, 1),
    q: param(name, 4, 1.9, 2.9),
    r: param(name, 5, 0, 2 * Math.PI),
    s: param(name, 6, 0.2, 1.2),
    t: param(name, 7, -1, 1),
  };
}

/**
 * The same stand-in in any arithmetic of the function table (doubles with an
 * error bound, BigNumber, Taylor jets), so derivatives of f(u) taken by
 * automatic differentiation are exact too.
 *
 *     abstractReal(ops, 'f', 1, ops.num(0.3))   // f'(0.3)
 */
export function abstractReal<T>(ops: RealOps<T>, name: string, order: number, x: T): T {
  const { a, b, c, p, q, r, s, t } = standIn(name);
  // The k-th derivative of sin is sin, cos, −sin, −cos by k mod 4, taken
  // exactly: a phase shifted by a double k·π/2 (and a factor freq^k rounded
  // in doubles) made f' differ from the derivative of f in the last bits,
  // which the high-precision referee then reported as a counterexample to
  // the true d/dx f(x²) = 2x f'(x²).
  const sinDerivative = (k: number, u: T): T => {
    const m = k % 4;
    return m === 0 ? ops.sin(u) : m === 1 ? ops.cos(u) : m === 2 ? ops.neg(ops.sin(u)) : ops.neg(ops.cos(u));
  };
  const wave = (amp: number, freq: number, phase: number, startsAt: number): T => {
    // amp·freq^order in the arithmetic itself, as the chain rule multiplies it (not rounded once in doubles).
    let coef = ops.num(amp);
    for (let k = 0; k < order; k++) coef = ops.mul(coef, ops.num(freq));
    return ops.mul(coef, sinDerivative(startsAt + order, ops.add(ops.mul(ops.num(freq), x), ops.num(phase))));
  };
  // cos u is the first derivative of sin u.
  const waves = ops.add(wave(a, b, c, 0), wave(p, q, r, 1));
  if (order === 0) return ops.add(waves, ops.add(ops.mul(ops.num(s), x), ops.num(t)));
  return order === 1 ? ops.add(waves, ops.num(s)) : waves;
}
