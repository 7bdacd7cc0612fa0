/**
 * The accent and font family of the LaTeX reader: how a decorated letter
 * becomes a symbol name.
 *
 * - Accents make a symbol of their own: \hat{y} -> yhat, \tilde{y} -> ytilde,
 *   \bar{x} -> xbar, \dot{x} -> xdot, \ddot{x} -> xddot, \mathcal{L} -> Lcal.
 * - Bold and \vec only say "this is a vector or a matrix": \mathbf{x},
 *   \boldsymbol{x}, \bm{x}, \vec{x} are the symbol x (a reading noted beside
 *   the expression). \mathrm{loss} and \mathit{loss} are the word as one name.
 * - \mathbb{1}[…] and \mathbf{1}\{…\} are indicators (latex-indicator.ts);
 *   any other \mathbb (\mathbb{R}, \mathbb{E}) is refused by name.
 *
 *     \hat{y}_k    \mathbf{W}    \mathcal{L}    \mathrm{loss}
 */
import type { Expr, Sym } from '../expr/node.js';
import { sym } from '../expr/build.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexFamilyReader, LatexReader } from './latex-reader.js';
import { readIndicator } from './latex-indicator.js';
import { readOnesVector } from './latex-matrix-words.js';
import { readAbstractCall } from './latex-function-notation.js';
import { GREEK_LETTERS } from '../expr/greek-letters.js';
import { primedVariable } from './latex-primes.js';

/** Accent commands and the suffix they give the name (vec marks a vector and keeps the name). */
export const ACCENTS: Readonly<Record<string, string>> = { hat: 'hat', widehat: 'hat', tilde: 'tilde', widetilde: 'tilde', bar: 'bar', overline: 'bar', dot: 'dot', ddot: 'ddot', vec: '', mathcal: 'cal' };

/** Font commands that keep the letters as the name: bold marks vectors and matrices, roman marks words. */
export const WORD_FONTS: readonly string[] = ['mathrm', 'mathit', 'mathsf', 'mathbf', 'boldsymbol', 'bm'];
const BOLD = new Set(['mathbf', 'boldsymbol', 'bm', 'vec']);

/** A letter or a Greek letter command, consumed, as a name; undefined (nothing consumed) otherwise. */
export function symbolName(p: LatexReader): string | undefined {
  const t = p.peek();
  const c = p.command();
  let name: string | undefined;
  if (t.type === 'letter') name = t.text;
  else if (c?.kind === 'greek') name = c.name;
  else if (c?.kind === 'function' && !c.needsArgument) name = t.text; // the letter: \Phi, not the function normcdf
  if (name !== undefined) p.next();
  return name;
}

/**
 * \hat{y} -> yhat; scripts inside or after the accent both count: \hat{y}_k, \hat{y_k}.
 *
 *     \hat{y}_k
 *         ^
 */
export function accent(p: LatexReader, t: LatexToken): Sym {
  const suffix = ACCENTS[t.text] ?? '';
  const braced = p.is('sym', '{');
  if (braced) p.next();
  const inner = boldName(p) ?? symbolName(p);
  if (inner === undefined) p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}{…} is read on a single letter, as in \\${t.text}{${t.text === 'mathcal' ? 'L' : 'y'}}; found ${p.describe(p.peek())}`, p.peek());
  const insideScripts = braced ? p.scripts(inner) : sym(inner);
  if (braced) {
    if (!p.is('sym', '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close '\\${t.text}{' opened at ${p.where(t.start)}, found ${p.describe(p.peek())}`, p.peek());
    p.next();
  }
  if (BOLD.has(t.text)) p.note({ at: { start: t.start, end: p.peek(-1).end }, kind: 'font', text: `\\${t.text}{${inner}} is read as the symbol ${inner}` });
  const after = p.scripts(inner + suffix);
  return sym(inner + suffix, insideScripts.sub.length > 0 ? insideScripts.sub : after.sub, insideScripts.sup.length > 0 ? insideScripts.sup : after.sup);
}

/**
 * A bold letter inside an accent, \hat{\mathbf{y}}: its name, consumed;
 * undefined (nothing consumed) when no bold letter is next.
 */
function boldName(p: LatexReader): string | undefined {
  const t = p.peek();
  if (t.type !== 'cmd' || !BOLD.has(t.text) || !p.is('sym', '{', 1)) return undefined;
  const c = p.command(2);
  const single = p.peek(2).type === 'letter' || c?.kind === 'greek';
  if (!single || !p.is('sym', '}', 3)) return undefined;
  p.next();
  p.next();
  const name = symbolName(p);
  p.next();
  return name;
}

/**
 * A Greek letter or an accented letter in bold, \boldsymbol{\theta},
 * \mathbf{\hat{y}}, with `{` next: the symbol with its scripts; undefined
 * (nothing consumed) when the group holds something else.
 */
function boldSymbol(p: LatexReader, cmd: LatexToken): Expr | undefined {
  const c = p.command(1);
  // \boldsymbol{\sigma} is left to the letters-only error: \sigma(x) would be a call, and a bold one is not read.
  const greek = c?.kind === 'greek';
  const accented = p.peek(1).type === 'cmd' && p.peek(1).text in ACCENTS;
  if (!greek && !accented) return undefined;
  p.next();
  const inner = accented ? accent(p, p.next()) : sym(symbolName(p) ?? '');
  if (!p.is('sym', '}')) p.fail('E_PARSE_UNCLOSED', `expected '}' to close '\\${cmd.text}{' opened at ${p.where(cmd.start)}, found ${p.describe(p.peek())}`, p.peek());
  p.next();
  p.note({ at: { start: cmd.start, end: p.peek(-1).end }, kind: 'font', text: `\\${cmd.text}{…} is read as the symbol ${inner.name}` });
  if (!accented) return wordSymbol(p, inner.name, { ...cmd, end: p.peek(-1).end });
  const after = p.scripts(inner.name);
  return sym(inner.name, inner.sub.length > 0 ? inner.sub : after.sub, inner.sup.length > 0 ? inner.sup : after.sup);
}

// \hat{y}' is a variable of its own, as w' is (latex-primes.ts).
export const readAccent: LatexFamilyReader = (p, t) => p.lit.plain(primedVariable(p, accent(p, t), t));

/**
 * The letters of \mathrm{…}, \mathbf{…}, \operatorname{…}, \text{…}, with
 * the command `cmd` consumed: the name and its closing brace; or the
 * indicator \mathbf{1}[…] read whole.
 *
 *     \mathbf{W}_{ij}    \mathrm{loss}
 *            ^                 ^
 */
export function wordName(p: LatexReader, cmd: LatexToken): { name: string; close: LatexToken } | Expr {
  const ones = BOLD.has(cmd.text) ? readOnesVector(p, cmd) : undefined;
  if (ones !== undefined) return ones;
  // \mathbf W_1: TeX takes one token as the argument, a single letter here.
  if (BOLD.has(cmd.text) && p.peek().type === 'letter') {
    const letter = p.next();
    p.note({ at: { start: cmd.start, end: letter.end }, kind: 'font', text: `\\${cmd.text} ${letter.text} is read as the symbol ${letter.text}` });
    return { name: letter.text, close: letter };
  }
  if (!p.is('sym', '{')) p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected '{' after '\\${cmd.text}', as in \\${cmd.text}{loss}`, p.peek());
  if (p.is('num', '1', 1) && p.is('sym', '}', 2) && BOLD.has(cmd.text)) return readIndicator(p, cmd);
  const bold = BOLD.has(cmd.text) ? boldSymbol(p, cmd) : undefined;
  if (bold !== undefined) return p.lit.plain(bold);
  p.next();
  let name = '';
  while (p.peek().type === 'letter') name += p.next().text;
  if (name === '' || !p.is('sym', '}')) p.fail('E_PARSE_UNSUPPORTED', `\\${cmd.text}{…} is read on letters only, as in \\${cmd.text}{loss}; found ${p.describe(p.peek())}`, p.peek());
  const close = p.next();
  if (BOLD.has(cmd.text)) p.note({ at: { start: cmd.start, end: close.end }, kind: 'font', text: `\\${cmd.text}{${name}} is read as the symbol ${name}` });
  return { name, close };
}

/**
 * A word that names no function of the table, with `at` its whole command:
 * \mathrm{e} is Euler's number; \mathbf{f}(x), \boldsymbol{\phi}(z) apply an
 * unknown function as f(x) does; anything else is a symbol with its scripts
 * (a bracket after it multiplies, noted as a reading).
 */
export function wordSymbol(p: LatexReader, name: string, at: LatexToken): Expr {
  if (name === 'e' && !p.is('sym', '_')) return p.lit.euler();
  const applied = readAbstractCall(p, { ...at, type: GREEK_LETTERS.includes(name) ? 'cmd' : 'letter' }, name);
  if (applied !== undefined) return applied;
  const s = p.scripts(name);
  if (p.is('sym', '(')) p.note({ at: { start: at.start, end: p.peek().end }, kind: 'product', text: `${name}(…) is read as ${name} times (…): ${name} is not a function name (f, g, h, φ, ψ are)` });
  return p.lit.plain(s);
}

/**
 * \mathbb{1}[…] is an indicator; \mathbb{R}, \mathbb{E} and the rest are
 * refused by name (a set or an expectation is not an expression here; a
 * shape declaration `x \in \mathbb{R}^n` is read from the prose).
 *
 *     \mathbb{1}\{y = k\}
 *           ^
 */
export const readBlackboard: LatexFamilyReader = (p, t) => {
  if (p.is('sym', '{') && p.is('num', '1', 1) && p.is('sym', '}', 2)) return readIndicator(p, t);
  const letter = p.is('sym', '{') ? p.peek(1).text : p.peek().text;
  const what = letter === 'E' ? 'an expectation' : letter === 'P' ? 'a probability' : 'a set';
  return p.fail('E_PARSE_UNSUPPORTED', `\\mathbb{${letter}} is not read: ${what} is not an expression gradtex checks (only the indicator \\mathbb{1}[y = k] is)`, { start: t.start, end: p.peek(p.is('sym', '{') ? 2 : 0).end });
};
