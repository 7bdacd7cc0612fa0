/**
 * Scripts after a name in the plain syntax: subscripts (x_1, x_12, W_{ij},
 * W_{i,j}, z_{k+1}) and superscript labels (w^{(1)}, y^{(i+1)}, b^{[2]}), which name
 * a symbol rather than raise it to a power.
 *
 *     W_{ij}    w^{(1)}
 *      ^         ^
 */
import { sym } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import type { InfixParser } from './infix-core.js';
import type { PlainToken } from './lexer-plain.js';
import { isSubscriptWord } from './subscript-word.js';

type Plain = InfixParser<PlainToken>;

function isOp(p: Plain, text: string, k = 0): boolean {
  return p.is('op', text, k);
}

/** At `^{(` or `^{[`: a superscript label w^{(1)}, b^{[2]} rather than a power. */
export function isLabel(p: Plain): boolean {
  return isOp(p, '^') && isOp(p, '{', 1) && (isOp(p, '(', 2) || isOp(p, '[', 2));
}

/**
 *     w^{(1)}    y^{(i+1)}
 *      ^
 */
export function label(p: Plain): Expr {
  const open = p.next();
  p.enter(open, 2);
  p.next();
  // b^{[2]} and b^{(2)} are the same label: both name layer 2.
  const close = p.next().text === '[' ? ']' : ')';
  const e = p.additive();
  if (!isOp(p, close) || !isOp(p, '}', 1)) {
    p.fail('E_PARSE_UNCLOSED', `expected '${close}}' to close the label '^{${close === ']' ? '[' : '('}' opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
  }
  p.next();
  p.next();
  p.leave(2);
  return e;
}

/**
 *     x_1  x_12  z_k  x_{12}  W_{ij}  W_{i,j}  z_{k+1}
 *       ^
 */
export function indices(p: Plain): Expr[] {
  const t = p.peek();
  if (t.type === 'num' && /^\d+$/.test(t.text)) {
    p.next();
    return [p.lit.number(t.text)];
  }
  if (t.type === 'ident') {
    p.next();
    return [sym(t.text)];
  }
  if (isOp(p, '{')) {
    // Indices nest through more methods per level than brackets do: count 2.
    p.enter(p.next(), 2);
    const inner = p.peek();
    // {ij}: a run of letters is one index per letter, as in W_{ij}; {in}, {out}: a word naming the symbol (subscript-word.ts).
    if (inner.type === 'ident' && /^[A-Za-z]{2,}$/.test(inner.text) && isOp(p, '}', 1)) {
      p.next();
      p.next();
      p.leave(2);
      return isSubscriptWord(inner.text) ? [sym(inner.text)] : [...inner.text].map((c) => sym(c));
    }
    const out = [p.additive()];
    while (isOp(p, ',')) {
      p.next();
      out.push(p.additive());
    }
    if (!isOp(p, '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close the subscript opened at ${p.where(t.start)}, found ${p.describe(p.peek())}`, p.peek());
    p.next();
    p.leave(2);
    return out;
  }
  p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected a subscript after '_' (a number, a name or {…}), found ${p.describe(t)}`, t);
}
