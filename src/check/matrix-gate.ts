/**
 * Relations that involve vectors and matrices by convention (x^T, W x, A B;
 * src/parse/matrix-reading.ts) but come without declared shapes. Scalar
 * algebra would commute their products, so a scalar `proved` or `holds` is
 * not evidence: the verdict is `undecided` with the shapes to declare. A
 * scalar counterexample still refutes: it is the matrix relation with every
 * vector and matrix of size 1 (transposes and diag are then the identity).
 *
 *     gradtex equal 'd(B*(A*x), x)' 'A*B'
 *     undecided: B*A*x is read as matrices and vectors (…), whose products do not commute: declare the shapes of A, B and x (--shape 'A: n x n' …); …
 */
import { lookupFunction } from '../expr/functions.js';
import { mulAll } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { mapBottomUp, some, symbolsOf } from '../expr/traverse.js';
import { abstractHead } from '../expr/abstract-function.js';
import { orderSensitiveProducts } from '../parse/matrix-reading.js';
import { toPlain } from '../expr/to-plain.js';
import type { Judgement } from './judgement.js';
import type { Fact } from './facts.js';
import { reachableDefinitions } from './shaped-definitions.js';
import { boldProducts, type BoldNames } from './bold-arrays.js';

/** Matrix calls read at size 1: transpose(u) = u, matmul = product, diag(v) = v, entry(M, i, j) = M. */
function asScalars(e: Expr): Expr {
  return mapBottomUp(e, (x) => {
    if (x.kind !== 'call') return x;
    if ((x.fn === 'transpose' || x.fn === 'diag' || x.fn === 'entry') && x.args[0] !== undefined) return x.args[0];
    if (x.fn === 'matmul') return mulAll(x.args);
    return x;
  });
}

/**
 * A failure that rests on reading g(…) as an unknown function says so, and
 * how to write the product instead (the reading is a choice); a `holds`
 * says that each unknown function was sampled as one function.
 */
function withReadingNote(lhs: Expr, rhs: Expr, j: Judgement): Judgement {
  if (j.verdict !== 'fails' && j.verdict !== 'holds') return j;
  const heads = new Set<string>();
  for (const side of [lhs, rhs]) {
    some(side, (x) => {
      if (x.kind === 'call' && abstractHead(x.fn)?.order === 0) heads.add(x.fn);
      return false;
    });
  }
  const [h] = [...heads].sort();
  if (h === undefined) return j;
  // Sampling covered one function per name: say so, since the claim is about every f.
  if (j.verdict === 'holds') return { verdict: 'holds', evidence: { ...j.evidence, summary: `${j.evidence.summary}; each unknown function (${[...heads].sort().join(', ')}) sampled as one fixed smooth function` } };
  return { verdict: 'fails', evidence: { ...j.evidence, summary: `${j.evidence.summary} (${h}(…) read as an unknown function ${h}, sampled as one fixed smooth function; write ${h}*(…) for a product)` } };
}

/**
 * Capitals are often scalars (K in 1/K, a cost C, a loss L, a count N); with
 * no vector or matrix next to them they were read as numbers, and a verdict
 * that rests on it says so (the reading is a choice, as for f(x)).
 */
function withScalarCapitalsNote(lhs: Expr, rhs: Expr, j: Judgement, defined: ReadonlySet<string>): Judgement {
  if (j.verdict === 'undecided') return j;
  // A capital the document defines (E = (ŷ - y)^2, L(w) = …) was read as its definition, not as a number.
  const capitals = [...new Set([...symbolsOf(lhs), ...symbolsOf(rhs)].filter((s) => /^[A-Z]$/.test(s.name) && !defined.has(s.name)).map((s) => s.name))].sort();
  if (capitals.length === 0) return j;
  const list = capitals.length === 1 ? capitals.join('') : `${capitals.slice(0, -1).join(', ')} and ${capitals[capitals.length - 1]}`;
  return { verdict: j.verdict, evidence: { ...j.evidence, summary: `${j.evidence.summary} (${list} read as ${capitals.length === 1 ? 'a number' : 'numbers'}: no vector or matrix next to ${capitals.length === 1 ? 'it' : 'them'})` } };
}

/** Does an entry name_i of the vector `name` occur in the sides? */
function mentionsEntryOf(sides: readonly Expr[], name: string): boolean {
  return sides.some((e) => some(e, (x) => x.kind === 'sym' && x.name === name && x.sub.length > 0));
}

/** "A, B and x" */
function nameList(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The one-letter names in the order-sensitive products, sorted. */
function arrayNames(products: readonly Expr[]): string[] {
  return [...new Set(products.flatMap((p) => symbolsOf(p)).filter((s: Sym) => /^[A-Za-z]$/.test(s.name) && s.sub.length === 0).map((s) => s.name))].sort();
}

/**
 * Why `gradtex diff` (without shapes) must not differentiate e with scalar
 * rules, or undefined when it may: d(B*(A*x), x) read with numbers is A*B,
 * which as matrices is not even defined.
 *
 *     unshapedDerivativeRefusal(parsePlain('B*(A*x)'))   // 'not derived: B*A*x is read as matrices and vectors …'
 */
export function unshapedDerivativeRefusal(e: Expr): string | undefined {
  const products = orderSensitiveProducts(e);
  if (products.length === 0) return undefined;
  const names = arrayNames(products);
  return `not derived: ${toPlain(products[0] as Expr)} is read as matrices and vectors (a transpose, or a capital next to another factor), whose products do not commute; declare the shapes of ${nameList(names)} with --shape (as in --shape '${names.find((n) => /^[A-Z]$/.test(n)) ?? 'A'}: m x n, x: n') to differentiate by a vector, or write numbers in lower case`;
}

/**
 * The order-sensitive products in the definitions a step uses, followed
 * through (ỹ = σ(wᵀx + b) behind ∂ℓ/∂b): the step is about vectors too,
 * though its own sides show none.
 */
export function definitionProducts(lhs: Expr, rhs: Expr, facts: readonly Fact[]): Expr[] {
  return reachableDefinitions([lhs, rhs], facts).flatMap((v) => orderSensitiveProducts(v));
}

/** The facts with every definition read at size 1 (transposes dropped, matmul a product), for the scalar refutation. */
export function factsAtSizeOne(facts: readonly Fact[]): Fact[] {
  return facts.map((f) => (f.kind === 'define' ? { ...f, value: asScalars(f.value) } : f));
}

/**
 * Judge lhs rel rhs with `judge` when no product in it is order-sensitive;
 * otherwise judge it read at size 1 and keep only a refutation. `hidden`:
 * such products in the definitions the step uses (definitionProducts), for
 * which `judge` must read those definitions at size 1 (factsAtSizeOne).
 * `bold`: names set in bold, arrays by their font (bold-arrays.ts).
 */
export function judgeWithoutShapes(lhs: Expr, rhs: Expr, judge: (lhs: Expr, rhs: Expr) => Judgement, defined: ReadonlySet<string> = new Set(), hidden: readonly Expr[] = [], bold?: BoldNames): Judgement {
  // Bold letters are arrays by their font: \mathbf{a}\mathbf{b} is not a product of numbers.
  const fonts = bold === undefined ? [] : [...boldProducts(lhs, bold), ...boldProducts(rhs, bold)];
  const products = [...orderSensitiveProducts(lhs), ...orderSensitiveProducts(rhs), ...hidden, ...fonts];
  if (products.length === 0) return withScalarCapitalsNote(lhs, rhs, withReadingNote(lhs, rhs, judge(lhs, rhs)), defined);
  // ‖x‖ (LSE(z), softmax(z)) next to an entry x_i: at size 1 the two are one number, which the scalar reading
  // does not know (∂‖x‖²/∂x_i = 2x_i would fail).
  const entriesToo = products.some((p) => p.kind === 'call' && lookupFunction(p.fn)?.ofEntries === true && p.args[0]?.kind === 'sym' && mentionsEntryOf([lhs, rhs], p.args[0].name));
  const j = entriesToo ? ({ verdict: 'undecided', evidence: { method: 'none', summary: 'not judged' } } as const) : judge(asScalars(lhs), asScalars(rhs));
  // Of LSE(z), softmax(z, i), ‖x‖ only the vector is an array (i is an index).
  const arrays = (p: Expr): Expr => (p.kind === 'call' && lookupFunction(p.fn)?.ofEntries === true && p.args[0] !== undefined ? p.args[0] : p);
  const names = [...new Map(products.flatMap((p) => symbolsOf(arrays(p))).filter((s: Sym) => /^[A-Za-z]$/.test(s.name) && s.sub.length === 0).map((s) => [s.name, s.name])).keys()].sort();
  const capital = names.find((n) => /^[A-Z]$/.test(n));
  const example = capital !== undefined ? `${capital}: n x n` : `${names[0] ?? 'x'}: n`;
  const list = names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const shown = toPlain(products[0] as Expr);
  const reading = `${shown} is read as matrices and vectors (${fonts.length > 0 ? 'bold letters, ' : ''}a transpose, a capital next to another factor, or the norm of a letter${products.some((p) => p.kind === 'call' && lookupFunction(p.fn)?.ofEntries === true && !p.fn.startsWith('norm')) ? ' or its LSE or softmax' : ''}), whose products do not commute and whose norms are not absolute values`;
  if (j.verdict === 'fails') {
    return { verdict: 'fails', evidence: { ...j.evidence, summary: `${j.evidence.summary} (every vector and matrix of size 1, so ${shown} is a product of numbers)` } };
  }
  return {
    verdict: 'undecided',
    evidence: { method: 'none', summary: `${reading}: declare the shapes of ${list} (--shape '${example}' …); read with numbers only it would be ${j.verdict}` },
  };
}
