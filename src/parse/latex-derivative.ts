/**
 * The derivative family of the LaTeX reader: the operator forms
 * `\frac{d}{dx} u`, `\frac{\partial}{\partial w} u`, `\frac{d^2}{dx^2} u`,
 * `\frac{\partial^2}{\partial x \partial y} u` and `\nabla_w u`, and the
 * Leibniz forms `\frac{du}{dx}`, `\frac{d^2 u}{dx^2}`.
 *
 * Scope of an operator, as textbooks write it: it applies to the whole
 * multiplicative term that follows, up to the next + or − (or relation) at
 * the same level, so `\frac{d}{dx} x \sin x` is d(x sin x)/dx and
 * `\frac{d}{dx} 3x^2` is d(3x²)/dx. The one exception, the clear reading we
 * chose for the ambiguous case: when the operand starts with a bracket,
 * the operator applies to that bracketed group only, so
 * `\frac{d}{dx}\left(x^2\right) \cdot 3` is 3 · d(x²)/dx (the form gradtex
 * itself prints; write `\frac{d}{dx}\left(3 x^2\right)` for the other
 * reading).
 *
 *     \frac{d^2}{dx^2} x^3 \sin x   ->  d(d(x^3 sin x, x), x)
 */
import { call, deriv } from '../expr/build.js';
import { equal } from '../expr/equal.js';
import { toPlain } from '../expr/to-plain.js';
import type { Expr, Sym } from '../expr/node.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexFamilyReader, LatexReader } from './latex-reader.js';

/** Higher orders than this are refused: each order is a nested derivative. */
const MAX_ORDER = 9;

/** Tokens taken by a differential mark at k: d, \partial or \mathrm{d}; 0 if none. */
function differentialAt(p: LatexReader, k: number): number {
  if (p.is('letter', 'd', k) || p.is('cmd', 'partial', k)) return 1;
  if (p.is('cmd', 'mathrm', k) && p.is('sym', '{', k + 1) && p.is('letter', 'd', k + 2) && p.is('sym', '}', k + 3)) return 4;
  return 0;
}

/** Offset just past the brace group starting at k (a '{'), or -1 if it never closes. */
function groupEnd(p: LatexReader, k: number): number {
  let depth = 0;
  for (let j = k; ; j++) {
    const t = p.peek(j);
    if (t.type === 'eof') return -1;
    if (t.type === 'sym' && t.text === '{') depth++;
    if (t.type === 'sym' && t.text === '}' && --depth === 0) return j + 1;
  }
}

/** The order written after a differential mark, consumed: d^2, \partial^{3}; 1 if none. */
function order(p: LatexReader): number {
  if (!p.is('sym', '^')) return 1;
  const hat = p.next();
  const braced = p.is('sym', '{');
  if (braced) p.next();
  const t = p.peek();
  if (t.type !== 'num' || !/^\d+$/.test(t.text)) p.fail('E_PARSE_UNSUPPORTED', `the order of a derivative is a whole number, as in d^2 or \\partial^{2}; found ${p.describe(t)}`, t);
  p.next();
  const n = Number(t.text);
  if (braced) {
    if (!p.is('sym', '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close the order opened at ${p.where(hat.start)}, found ${p.describe(p.peek())}`, p.peek());
    p.next();
  }
  if (n < 1 || n > MAX_ORDER) p.fail('E_PARSE_UNSUPPORTED', `derivatives of order ${n} are not read: the order is between 1 and ${MAX_ORDER}`, { start: hat.start, end: t.end });
  return n;
}

/**
 * The denominator {dx}, {dx^2}, {\partial x \partial y}, consumed: the
 * variables, one per order (x, x for dx^2).
 *
 *     \frac{\partial^2}{\partial x \partial y}
 *                      ^
 */
function denominator(p: LatexReader, frac: LatexToken, wanted: number): Sym[] {
  const open = p.next();
  const vars: Sym[] = [];
  do {
    const dn = differentialAt(p, 0);
    if (dn === 0) p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected d or \\partial before the next variable of the derivative, found ${p.describe(p.peek())}`, p.peek());
    for (let j = 0; j < dn; j++) p.next();
    const x = p.variable();
    const n = order(p);
    for (let j = 0; j < n && vars.length <= MAX_ORDER; j++) vars.push(x);
  } while (!p.is('sym', '}') && differentialAt(p, 0) > 0);
  if (!p.is('sym', '}')) {
    p.fail('E_PARSE_UNCLOSED', `expected '}' after the variable of the derivative (\\${frac.text} at ${p.where(frac.start)}), opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
  }
  const close = p.next();
  if (vars.length !== wanted) {
    p.fail('E_PARSE_UNSUPPORTED', `the orders above and below do not match: order ${wanted} above, ${vars.length} below; write \\frac{d^2}{dx^2} or \\frac{\\partial^2}{\\partial x \\partial y}`, { start: open.start, end: close.end });
  }
  return vars;
}

/** d/dx_1 d/dx_2 … u, the last variable innermost (∂²u/∂x∂y = ∂/∂x (∂u/∂y)). */
function applyAll(body: Expr, vars: readonly Sym[]): Expr {
  let e = body;
  for (let k = vars.length - 1; k >= 0; k--) e = deriv(e, vars[k] as Sym);
  return e;
}

/**
 * What an operator applies to: a bracketed group alone, else the whole
 * multiplicative term that follows (see the file comment).
 *
 *     \frac{d}{dx} x \sin x + 1      \frac{d}{dx}\left(x\right) \sin x
 *                  ^^^^^^^^                    ^^^^^^^^^^^^^^
 */
export function operatorOperand(p: LatexReader, op: LatexToken): Expr {
  p.expectOperand(op);
  const bracket = p.bracketNext();
  const operand = bracket ? p.power() : p.term();
  // Either scope is a reading some writers do not mean (\frac{d}{dx} x^2 + x as d(x^2)/dx + x): say which was used.
  const next = p.peek();
  const sum = next.type === 'sym' && (next.text === '+' || next.text === '-');
  if (sum || (bracket && next.type !== 'eof' && !(next.type === 'sym' && /^[)\]}=<>,&]$/.test(next.text)) && p.command()?.kind !== 'relation' && p.command()?.kind !== 'right')) {
    const what = sum ? `the term up to the next ${next.text}` : 'the bracket after it only';
    p.note({ at: { start: op.start, end: next.start }, kind: 'operator-scope', text: `the derivative operator applies to ${what}; write it before a bracket around everything it should apply to` });
  }
  return operand;
}

/**
 * A derivative written as a fraction, with `\frac` consumed; undefined (and
 * nothing consumed) when the fraction is an ordinary one.
 *
 *     \frac{d}{dx} u    \frac{d^2 y}{dx^2}    \frac{\partial L}{\partial w_1}
 *          ^                 ^                     ^
 */
export function readDerivativeFraction(p: LatexReader, t: LatexToken): Expr | undefined {
  const dn = p.is('sym', '{') ? differentialAt(p, 1) : 0;
  if (dn === 0) return undefined;
  const numEnd = groupEnd(p, 0);
  if (numEnd < 0 || !p.is('sym', '{', numEnd) || differentialAt(p, numEnd + 1) === 0) return undefined;
  const open = p.next();
  for (let j = 0; j < dn; j++) p.next();
  const n = order(p);
  if (p.is('sym', '}')) {
    // Operator form: \frac{d}{dx} u.
    p.next();
    const vars = denominator(p, t, n);
    return p.lit.plain(applyAll(operatorOperand(p, t), vars));
  }
  // Leibniz form: \frac{du}{dx}.
  const c = p.peek();
  if (p.isFunctionCommand(0) && p.is('sym', '}', 1)) {
    const known = bareFunctionDerivative(p, t, c, n);
    if (known !== undefined) return known;
    p.fail('E_PARSE_UNSUPPORTED', `\\frac{d\\${c.text}}{dx} leaves the argument of \\${c.text} unsaid: write \\frac{d}{dx}\\${c.text}(x)`, c);
  }
  const body = p.additive();
  if (!p.is('sym', '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close '{' opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
  p.next();
  return p.lit.plain(applyAll(body, denominator(p, t, n)));
}

/**
 * \frac{d\sigma}{dx} (cursor at \sigma, order n above) where the document
 * writes σ as a function of x (`\sigma(x) = …`, LatexOptions
 * functionArguments): d(σ(x), x), noted as a reading; undefined (nothing
 * consumed) otherwise, and the caller refuses it.
 *
 *     \frac{d\sigma}{dx}
 *            ^
 */
function bareFunctionDerivative(p: LatexReader, frac: LatexToken, c: LatexToken, n: number): Expr | undefined {
  const x = p.functionArguments?.get(c.text);
  const fn = p.command(0);
  if (x === undefined || fn?.kind !== 'function' || !p.is('sym', '{', 2) || differentialAt(p, 3) === 0) return undefined;
  p.next();
  p.next();
  const vars = denominator(p, frac, n);
  if (vars.some((v) => !equal(v, x))) {
    p.fail('E_PARSE_UNSUPPORTED', `\\frac{d\\${c.text}}{…} leaves the argument of \\${c.text} unsaid, and the document writes \\${c.text}(${toPlain(x)}), not a function of this variable: write \\frac{d}{d…}\\${c.text}(…)`, { start: frac.start, end: p.peek(-1).end });
  }
  p.note({ at: { start: frac.start, end: p.peek(-1).end }, kind: 'function-argument', text: `\\${c.text} in \\frac{d\\${c.text}}{d${toPlain(x)}} is read as \\${c.text}(${toPlain(x)}), the argument the document writes it at` });
  return p.lit.plain(applyAll(call(fn.fn, [x]), vars));
}

/**
 * \nabla_w u, \nabla_{w_1} u: the derivative (gradient) with respect to w of
 * the term that follows, with the same scope as \frac{d}{dx}.
 *
 *     \nabla_w \frac{1}{2} (w x - y)^2
 *            ^
 */
export const readNabla: LatexFamilyReader = (p, t) => {
  if (!p.is('sym', '_')) p.fail('E_PARSE_UNSUPPORTED', '\\nabla needs its variable as a subscript: write \\nabla_w L', t);
  p.next();
  let x: Sym;
  if (p.is('sym', '{')) {
    const open = p.next();
    x = p.variable();
    if (!p.is('sym', '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close the variable of \\nabla opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
    p.next();
  } else x = p.variable();
  return p.lit.plain(deriv(operatorOperand(p, t), x));
};

/**
 * \partial L / \partial z_i, with the first \partial consumed: the partial
 * derivative of the variable L with respect to z_i, as typed in plain-text
 * notes (∂L/∂z_i reads the same). Only a variable is read above the slash:
 * `\partial (x^2) / \partial x` is refused, as the scope of such an
 * operator is not clear.
 *
 *     \partial L / \partial z_i
 *             ^
 */
export function readPartialQuotient(p: LatexReader, t: LatexToken): Expr {
  const t0 = p.peek();
  const head = t0.type === 'letter' || (t0.type === 'cmd' && p.command()?.kind !== 'partial' && p.command()?.kind !== 'relation' && p.command()?.kind !== 'times') ? p.variable() : undefined;
  if (head === undefined || !p.is('sym', '/') || !p.is('cmd', 'partial', 1)) {
    return p.fail('E_PARSE_UNSUPPORTED', `'\\partial' is read in \\frac{\\partial L}{\\partial w} or \\partial L / \\partial w (a variable over the slash)`, t);
  }
  p.next();
  p.next();
  const x = p.variable();
  return p.lit.plain(deriv(head, x));
}
