/**
 * An expression as a sum of atoms with exact rational coefficients, read
 * structurally (no rules, no evaluation): `1 - t` is 1·[1] − 1·[t],
 * `2(a - b)` is 2·[a] − 2·[b]. The cases reader uses it to see that two rows
 * differ by a constant multiple of their split condition (1 − t against 0
 * split at t < 1), which makes the cases a max or a min exactly. Anything
 * that is not a sum, a negation or a product by a number is one atom, so the
 * answer is "the same up to this structure", never a guess.
 *
 *     proportion(parseLatex('1 - t'), parseLatex('t - 1'))   // { n: -1n, d: 1n }
 */
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import { ratAdd, ratDiv, ratMul, type Rational } from '../expr/rational.js';

interface Term {
  readonly atom: Expr | undefined; // undefined: the constant term
  coefficient: Rational;
}

const ONE: Rational = { n: 1n, d: 1n };

function collect(e: Expr, scale: Rational, into: Term[]): void {
  if (e.kind === 'num') {
    addTerm(into, undefined, ratMul(scale, { n: e.n, d: e.d }));
  } else if (e.kind === 'neg') {
    collect(e.arg, ratMul(scale, { n: -1n, d: 1n }), into);
  } else if (e.kind === 'add') {
    for (const a of e.args) collect(a, scale, into);
  } else if (e.kind === 'mul' && e.args.length === 2 && e.args[0]?.kind === 'num') {
    const [c, rest] = e.args as [Expr & { kind: 'num' }, Expr];
    collect(rest, ratMul(scale, { n: c.n, d: c.d }), into);
  } else addTerm(into, e, scale);
}

function addTerm(into: Term[], atom: Expr | undefined, c: Rational): void {
  const t = into.find((x) => (x.atom === undefined ? atom === undefined : atom !== undefined && equal(x.atom, atom)));
  if (t === undefined) into.push({ atom, coefficient: c });
  else t.coefficient = ratAdd(t.coefficient, c);
}

function linearForm(e: Expr): Term[] {
  const out: Term[] = [];
  collect(e, ONE, out);
  return out.filter((t) => t.coefficient.n !== 0n);
}

/**
 * The rational r with a = r·b structurally (both read as linear forms), or
 * undefined when there is none or b is 0.
 */
export function proportion(a: Expr, b: Expr): Rational | undefined {
  const fa = linearForm(a);
  const fb = linearForm(b);
  const first = fb[0];
  if (first === undefined || fa.length !== fb.length) return undefined;
  const match = (t: Term): Term | undefined => fa.find((x) => (x.atom === undefined ? t.atom === undefined : t.atom !== undefined && equal(x.atom, t.atom)));
  const m0 = match(first);
  if (m0 === undefined) return undefined;
  const r = ratDiv(m0.coefficient, first.coefficient);
  for (const t of fb) {
    const m = match(t);
    if (m === undefined) return undefined;
    const want = ratMul(r, t.coefficient);
    if (want.n !== m.coefficient.n || want.d !== m.coefficient.d) return undefined;
  }
  return r;
}
