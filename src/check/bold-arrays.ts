/**
 * Bold letters as the font says: \mathbf{a}, \boldsymbol{\mu}, \bm{x},
 * \vec{b} name vectors or matrices. The reader keeps only the letter (the
 * symbol a), so without declared shapes a product of two bold letters would
 * be judged as a product of numbers: \mathbf{a}\cdot\mathbf{b} =
 * \mathbf{a}\mathbf{b} "proved", although the left side is a number and the
 * right side is not a scalar product at all. The names are taken from the
 * text of the sides; the products, quotients and powers that combine them
 * are order-sensitive (matrix-gate.ts), never decided by scalar algebra.
 *
 *     boldArrayNames(['\\mathbf{x} \\cdot \\mathbf{x}', '\\mathbf{x}^2'])   // { plain: {'x'}, indexed: {} }
 *     boldProducts(parseLatex('\\mathbf{a}\\mathbf{b}'), names)              // [a*b]
 */
import type { Expr } from '../expr/node.js';
import { children } from '../expr/traverse.js';

/** The bold names of some sides: without a subscript (\mathbf{x}) and with one (\mathbf{x}_i, the i-th vector). */
export interface BoldNames {
  readonly plain: ReadonlySet<string>;
  readonly indexed: ReadonlySet<string>;
}

/** \mathbf{x}, \mathbf x, \boldsymbol{\mu}, \bm{\theta}, \vec{b}: group 1 or 2 the letter (or Greek name), then whether a subscript follows. */
const BOLD = /\\(?:mathbf|boldsymbol|bm|vec|mathbfit)\s*(?:\{\s*\\?([A-Za-z]+)\s*\}|\s\\?([A-Za-z])\b)(\s*_)?/g;

/** The names written in bold in `texts` (digits such as \mathbf{1}, a ones vector or an indicator, are left out). */
export function boldArrayNames(texts: readonly string[]): BoldNames {
  const plain = new Set<string>();
  const indexed = new Set<string>();
  for (const t of texts) {
    for (const m of t.matchAll(BOLD)) {
      const name = m[1] ?? m[2];
      if (name === undefined) continue;
      // \mathbf{T} after a letter is a transpose sign (latex-transpose.ts), not a bold matrix T.
      if (name === 'T' && /\^\s*\{?\s*$/.test(t.slice(0, m.index))) continue;
      (m[3] !== undefined ? indexed : plain).add(name);
    }
  }
  return { plain, indexed };
}

function isBoldSym(e: Expr, names: BoldNames): boolean {
  return e.kind === 'sym' && (e.sub.length === 0 ? names.plain.has(e.name) : names.indexed.has(e.name));
}

/** Reductions to a number: a norm or a sum of a bold letter is a scalar. */
const SCALAR_CALLS: ReadonlySet<string> = new Set(['norm', 'norm1', 'norminf', 'sum', 'transpose']);

/** Is e a vector or matrix by its bold letters (a bold letter, a multiple or sum of one, an elementwise function of one)? */
function isBoldArray(e: Expr, names: BoldNames): boolean {
  switch (e.kind) {
    case 'sym':
      return isBoldSym(e, names);
    case 'call':
      return !SCALAR_CALLS.has(e.fn) && e.args.some((a) => isBoldArray(a, names));
    case 'neg':
      return isBoldArray(e.arg, names);
    case 'pow':
      return isBoldArray(e.base, names);
    default:
      return children(e).some((c) => isBoldArray(c, names));
  }
}

/**
 * The subterms that combine bold arrays as if they were numbers: a product or
 * quotient with two bold factors (\mathbf{a}\mathbf{b}, \mathbf{a}\cdot\mathbf{b}),
 * a power of one (\mathbf{x}^2). Empty when the bold letters only meet
 * numbers (2\mathbf{x}, \mathbf{x} + \mathbf{y}), where scalar algebra agrees
 * with the vector reading entry by entry.
 */
export function boldProducts(e: Expr, names: BoldNames): Expr[] {
  if (names.plain.size === 0 && names.indexed.size === 0) return [];
  const out: Expr[] = [];
  const walk = (x: Expr): void => {
    if (x.kind === 'mul' && x.args.filter((a) => isBoldArray(a, names)).length >= 2) {
      out.push(x);
      return;
    }
    if (x.kind === 'div' && isBoldArray(x.num, names) && isBoldArray(x.den, names)) {
      out.push(x);
      return;
    }
    if (x.kind === 'pow' && isBoldArray(x.base, names) && !(x.exp.kind === 'num' && x.exp.n === x.exp.d)) {
      out.push(x);
      return;
    }
    for (const c of children(x)) walk(c);
  };
  walk(e);
  return out;
}
