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
  else if (c?.kind === 'function' && !c.needsArgument) name = c.fn;
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
  const inner = symbolName(p);
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

export const readAccent: LatexFamilyReader = (p, t) => p.lit.plain(accent(p, t));

/**
 * The letters of \mathrm{…}, \mathbf{…}, \operatorname{…}, \text{…}, with
 * the command `cmd` consumed: the name and its closing brace; or the
 * indicator \mathbf{1}[…] read whole.
 *
 *     \mathbf{W}_{ij}    \mathrm{loss}
 *            ^                 ^
 */
export function wordName(p: LatexReader, cmd: LatexToken): { name: string; close: LatexToken } | Expr {
  if (!p.is('sym', '{')) p.fail('E_PARSE_UNEXPECTED_TOKEN', `expected '{' after '\\${cmd.text}', as in \\${cmd.text}{loss}`, p.peek());
  if (p.is('num', '1', 1) && p.is('sym', '}', 2) && BOLD.has(cmd.text)) return readIndicator(p, cmd);
  p.next();
  let name = '';
  while (p.peek().type === 'letter') name += p.next().text;
  if (name === '' || !p.is('sym', '}')) p.fail('E_PARSE_UNSUPPORTED', `\\${cmd.text}{…} is read on letters only, as in \\${cmd.text}{loss}; found ${p.describe(p.peek())}`, p.peek());
  const close = p.next();
  if (BOLD.has(cmd.text)) p.note({ at: { start: cmd.start, end: close.end }, kind: 'font', text: `\\${cmd.text}{${name}} is read as the symbol ${name}` });
  return { name, close };
}

/** A word that names no function: \mathrm{e} is Euler's number, anything else a symbol with its scripts. */
export function wordSymbol(p: LatexReader, name: string): Expr {
  if (name === 'e' && !p.is('sym', '_')) return p.lit.euler();
  return p.scripts(name);
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
