/**
 * Evaluation bars at the end of a side: `\left.\frac{d}{dx}\tanh(x)\right|_{x=\ln 2}`,
 * `\frac{d}{dx}\left(x^3 - 2x\right)\Big|_{x = 2}`, `… \bigg|_{x=0}`: the
 * expression before the bar at the point. The expression tree has no node
 * for "at a point", and a derivative by x cannot have x replaced by a number
 * (d(tanh(2), x) is 0), so the checker takes each derivative by x first (by
 * the engine, checked as `gradtex diff` checks its own: defined-heads.ts),
 * then substitutes the point. A derivative it cannot take and check leaves
 * the side not read, never read otherwise.
 *
 *     readEvaluationBar('\\frac{d}{dx} e^{2x}\\Big|_{x=0}', derivative)   // { ok: true, expr: 2 * e^{0}… }
 */
import type { Expr, Sym } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import { substitute } from '../expr/substitute.js';
import { symKey } from '../expr/sym-key.js';
import { mapBottomUp, some } from '../expr/traverse.js';
import { parseLatexReadings, type LatexOptions, type Reading } from '../parse/index.js';
import type { DerivativeOf } from './multi-argument-heads.js';

/** The bar and its point at the end of a side: \right|, \Big|, \bigg|, \big|, \Bigg|, \vert or | with _{x = a}. */
const BAR = /(\\right\s*\||\\[bB]igg?[lrm]?\s*\||\\vert|\|)\s*_\s*\{\s*([A-Za-z])\s*=\s*([^{}]+?)\s*\}\s*[,.]?\s*$/;

export type BarSide = { readonly ok: true; readonly expr: Expr; readonly readings: readonly Reading[] } | { readonly ok: false; readonly reason: string };

/** The side `latex` with an evaluation bar at its end, read at its point; undefined when it has none. Throws the reader's ParseError. */
export function readEvaluationBar(latex: string, derivative: DerivativeOf | undefined, opts: LatexOptions = {}): BarSide | undefined {
  const m = BAR.exec(latex);
  if (m === null) return undefined;
  let body = latex.slice(0, m.index);
  if (/^\\right/.test(m[1] as string)) {
    // \left. opens what \right| closes: it starts the side.
    const open = /^\s*\\left\s*\./.exec(body);
    if (open === null) return undefined;
    body = body.slice(open[0].length);
  }
  // e would read as Euler's number: not a variable of a bar here.
  if (m[2] === 'e') return undefined;
  const x = parseLatexReadings(m[2] as string).expr as Sym;
  const point = parseLatexReadings(m[3] as string, opts).expr;
  const read = parseLatexReadings(body, opts);
  let failed = false;
  // Each derivative by x, innermost first, taken and checked; other derivatives keep x fixed, so the point goes inside them.
  const taken = mapBottomUp(read.expr, (e) => {
    if (e.kind !== 'deriv' || symKey(e.wrt) !== symKey(x)) return e;
    const d = derivative?.(e.body, e.wrt, 1);
    if (d === undefined) failed = true;
    return d ?? e;
  });
  if (failed || some(taken, (e) => e.kind === 'deriv' && symKey(e.wrt) === symKey(x))) {
    return { ok: false, reason: `the derivative before the bar |_{${m[2]} = ${m[3]}} could not be taken and checked, so its value at the point is not read` };
  }
  // relu'(x) is step(x), and step(0) = 1/2 is a convention, not a derivative: a function with a kink before the bar is not evaluated at a point.
  const kinked = some(taken, (e) => e.kind === 'call' && lookupFunction(e.fn)?.kink !== undefined) || some(read.expr, (e) => e.kind === 'call' && lookupFunction(e.fn)?.kink !== undefined);
  if (kinked) return { ok: false, reason: `a function with a kink before the bar |_{${m[2]} = ${m[3]}}: its derivative at a point may not exist, so the value is not read` };
  const note: Reading = { at: { start: m.index, end: latex.length }, kind: 'operator-scope', text: `the bar |_{${m[2]} = ${m[3]}} evaluates everything before it on this side at ${m[2]} = ${m[3]}` };
  return { ok: true, expr: substitute(taken, new Map([[symKey(x), point]])), readings: [...read.readings, note] };
}
