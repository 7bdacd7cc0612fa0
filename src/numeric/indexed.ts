/**
 * Numeric instantiation of index notation. An expression with finite sums or
 * symbols with symbolic indices (z_k, W_{ij}) is evaluated by giving every
 * indexed variable a pseudo-random value determined by the point's `salt`
 * and the variable's concrete name (z_{3}), so both sides of an equation see
 * the same z_3 however they reach it. Free index symbols (i, j) and sum
 * bounds (c, n) become small integers, so the cases i = j and i ≠ j and
 * several sizes are all sampled.
 */
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { children, some } from '../expr/traverse.js';

/** The pseudo-variable holding a point's salt. */
export const SALT: Sym = sym('#salt');

export function isBinder(e: Expr): boolean {
  return e.kind === 'call' && e.fn === 'sum';
}

function hasSymbolicIndex(e: Expr): boolean {
  return e.kind === 'sym' && [...e.sub, ...e.sup].some((i) => i.kind !== 'num');
}

/** Does evaluating e need the indexed-value provider? */
export function needsIndexedMode(e: Expr): boolean {
  return some(e, (x) => isBinder(x) || hasSymbolicIndex(x) || (x.kind === 'call' && x.fn === 'delta'));
}

/** Deterministic value in [-2.5, 2.5) for an indexed variable at a point. */
export function indexedValue(salt: number, key: string): number {
  let h = Math.imul(Math.floor(salt * 4294967296) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d) >>> 0;
  h ^= h >>> 12;
  return ((h >>> 0) / 4294967296) * 5 - 2.5;
}

export type IndexRole = 'bound' | 'index';

/** Symbols used as sum bounds (sizes such as c, n) or as indices (i, j). */
export function indexRoles(e: Expr, into = new Map<string, IndexRole>()): Map<string, IndexRole> {
  const mark = (x: Expr, role: IndexRole): void => {
    if (x.kind === 'sym' && x.sub.length === 0 && x.sup.length === 0) {
      const k = symKey(x);
      if (into.get(k) !== 'bound') into.set(k, role);
    }
    for (const c of children(x)) mark(c, role);
  };
  const visit = (x: Expr): void => {
    if (x.kind === 'sym') for (const i of [...x.sub, ...x.sup]) mark(i, 'index');
    if (x.kind === 'call' && x.fn === 'delta') for (const a of x.args) mark(a, 'index');
    if (isBinder(x) && x.kind === 'call') {
      const [, , lo, hi] = x.args;
      if (lo !== undefined) mark(lo, 'index');
      if (hi !== undefined) mark(hi, 'bound');
    }
    for (const c of children(x)) visit(c);
  };
  visit(e);
  return into;
}
