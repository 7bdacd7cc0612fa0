/**
 * Symbols in the LaTeX reader: a letter with its subscripts and superscript
 * label (x_1, W_{ij}, y_k^{(i)}), Euler's e, a letter applied to a bracket
 * (f(x) an unknown function, a(b + c) a product, noted as a reading), and the
 * variable of a derivative or a sum (x, w_1, \hat{y}, \mathbf{w}, \mathrm{loss}).
 *
 *     y_k^{(i)}   W_{ij}   \partial w^{(1)}_{ij}
 */
import { sym } from '../expr/build.js';
import type { Expr, Sym } from '../expr/node.js';
import { ACCENTS, accent, symbolName, WORD_FONTS } from './latex-fonts.js';
import { readAbstractCall } from './latex-function-notation.js';
import type { LatexReader } from './latex-reader.js';
import type { LatexToken } from './lexer-latex.js';
import { identityOf } from './identity-name.js';
import { isSubscriptWord } from './subscript-word.js';
import { primedVariable } from './latex-primes.js';

/** At `^{(` or `^{[`: a superscript label w^{(1)}, b^{[2]} (the layer of Ng's notes) rather than a power. */
function isLabel(p: LatexReader): boolean {
  return p.is('sym', '^') && p.is('sym', '{', 1) && (p.is('sym', '(', 2) || p.is('sym', '[', 2));
}

/**
 * A letter with optional scripts; `e` alone is Euler's number; f(x) an
 * unknown function (latex-function-notation.ts); a(b + c) a product, noted.
 *
 *     x_1  e^{x}  e_1  a(b + c)
 *     ^    ^      ^    ^
 */
export function letter(p: LatexReader): Expr {
  const t = p.next();
  if (t.text === 'e' && !p.is('sym', '_') && !isLabel(p)) return p.lit.euler();
  const applied = readAbstractCall(p, t, t.text);
  if (applied !== undefined) return applied;
  // w' (a new variable, latex-primes.ts): primes after the scripts, as in x_1'.
  const s = primedVariable(p, scripts(p, t.text), t);
  const identity = identityOf(s, p.shapes);
  if (identity !== undefined) return p.lit.plain(identity);
  if (p.is('sym', '(')) {
    const name = s.name;
    p.note({ at: { start: t.start, end: p.peek().end }, kind: 'product', text: `${name}(…) is read as ${name} times (…): ${name} is not a function name (f, g, h, φ, ψ are); write ${name} \\cdot (…) to make the product explicit` });
  }
  return p.lit.plain(s);
}

/**
 * Subscripts and a superscript label after a symbol name, in either order.
 *
 *     y_k^{(i)}   y^{(i)}_k   W_{ij}
 *      ^           ^           ^
 */
export function scripts(p: LatexReader, name: string): Sym {
  const sub: Expr[] = [];
  const sup: Expr[] = [];
  for (;;) {
    if (p.is('sym', '_') && sub.length === 0) {
      sub.push(...subscript(p, p.next()));
    } else if (isLabel(p) && sup.length === 0) {
      const open = p.next();
      p.enter(open, 2);
      p.next();
      // b^{[2]} and b^{(2)} are the same label: both name layer 2.
      const close = p.next().text === '[' ? ']' : ')';
      sup.push(p.additive());
      if (!p.is('sym', close) || !p.is('sym', '}', 1)) p.fail('E_PARSE_UNCLOSED', `expected '${close}}' to close the label '^{${close === ']' ? '[' : '('}' opened at ${p.where(open.start)}, found ${p.describe(p.peek())}`, p.peek());
      p.next();
      p.next();
      p.leave(2);
    } else break;
  }
  p.lit.literal = false;
  return sym(name, sub, sup);
}

/**
 * x_1, x_{12}, W_{ij} (one index per letter), W_{i j}, W_{i,j}, z_{k+1}.
 *
 *     W_{ij}
 *       ^
 */
export function subscript(p: LatexReader, op: LatexToken): Expr[] {
  const t = p.peek();
  if (t.type === 'num') return [p.lit.number(p.digit())];
  if (t.type === 'letter') {
    p.next();
    return [sym(t.text)];
  }
  const c = p.command();
  if (c?.kind === 'greek') {
    p.next();
    return [sym(c.name)];
  }
  if (!p.is('sym', '{')) p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected a subscript after '_' (a digit, a letter or {…}), found ${p.describe(t)}`, t);
  // Indices nest through more methods per level than brackets do: count 2.
  p.enter(p.next(), 2);
  // {ij}: a run of letters is one index per letter; {in}, {out}, {He}: a word naming the symbol (n_{in} is one symbol).
  let k = 0;
  while (p.peek(k).type === 'letter') k++;
  if (k > 1 && p.is('sym', '}', k)) {
    const out: Expr[] = [];
    for (let j = 0; j < k; j++) out.push(sym(p.next().text));
    p.next();
    p.leave(2);
    const run = out.map((e) => (e.kind === 'sym' ? e.name : '')).join('');
    return isSubscriptWord(run) ? [sym(run)] : out;
  }
  const items = [p.additive()];
  while (p.is('sym', ',')) {
    p.next();
    items.push(p.additive());
  }
  if (!p.is('sym', '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close the subscript opened at ${p.where(op.start)}, found ${p.describe(p.peek())}`, p.peek());
  p.next();
  p.leave(2);
  return items;
}

/**
 * The variable of a derivative or a sum: a letter, a Greek letter, \hat{y},
 * \mathbf{w} or \mathrm{loss}, with its scripts. `e` here is a variable,
 * not Euler's number.
 *
 *     \partial w^{(1)}_{ij}
 *              ^
 */
export function variable(p: LatexReader): Sym {
  const t = p.peek();
  const c = p.command();
  if (c?.kind === 'reader' && t.text in ACCENTS) return accent(p, p.next());
  if (c?.kind === 'reader' && WORD_FONTS.includes(t.text) && p.is('sym', '{', 1)) {
    const e = c.read(p, p.next());
    if (e.kind !== 'sym') p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected a variable (a letter such as x), found ${p.describe(t)}`, t);
    return e;
  }
  const name = symbolName(p);
  if (name === undefined) p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected the variable of the derivative (a letter such as x), found ${p.describe(t)}`, t);
  return scripts(p, name);
}
