/**
 * The table of LaTeX commands the parser understands, and how each is read
 * (KaTeX's defineFunction idea, as plain data). Adding a command is one entry
 * here; the function commands come from src/expr/functions.ts, so a function
 * added there with a LaTeX command is read without touching this file.
 *
 *     LATEX_COMMANDS.get('frac')    // { kind: 'frac' }
 *     LATEX_COMMANDS.get('ln')      // { kind: 'function', fn: 'log', needsArgument: true }
 */
import { FUNCTIONS } from '../expr/functions.js';
import { readNabla } from './latex-derivative.js';
import type { LatexFamilyReader } from './latex-reader.js';

export type LatexCommand =
  /**
   * A function from src/expr/functions.ts: \sin x, \sigma(x), \max\{a, b\}.
   * Without `needsArgument` the bare command is a symbol (\sigma alone).
   */
  | { readonly kind: 'function'; readonly fn: string; readonly needsArgument: boolean }
  /** A Greek letter used as a symbol name: \alpha -> sym('alpha'). */
  | { readonly kind: 'greek'; readonly name: string }
  /** \frac{a}{b}, and the derivative operators \frac{d}{dx}, \frac{\partial}{\partial x}. */
  | { readonly kind: 'frac' }
  /** \sqrt{x}, \sqrt[n]{x}. */
  | { readonly kind: 'sqrt' }
  /** \left( … \right), also \left\{ … \right\} and \left| … \right|. */
  | { readonly kind: 'left' }
  | { readonly kind: 'right' }
  /** \bigl, \Big, …: they only size the delimiter that follows. */
  | { readonly kind: 'size' }
  /** Multiplication signs: \cdot, \times. */
  | { readonly kind: 'times' }
  /** \hat{y} -> the symbol yhat. */
  | { readonly kind: 'accent'; readonly suffix: string }
  /** \mathrm{loss}, \operatorname{softplus}: the letters inside as one name. */
  | { readonly kind: 'word'; readonly functionsOnly: boolean }
  /** \partial, only meaningful inside a derivative operator. */
  | { readonly kind: 'partial' }
  /** \sum_{k=1}^{c} body: a finite sum over an index. */
  | { readonly kind: 'sum' }
  /** A command family read by its own file (latex-derivative.ts, …): `read` is called with the command consumed. */
  | { readonly kind: 'reader'; readonly read: LatexFamilyReader }
  /** Delimiters written as commands: \{ \} \lvert \rvert, with the character they stand for. */
  | { readonly kind: 'delimiter'; readonly text: string };

/** Greek letter names read as symbols (the renderer prints these names back as \alpha …). */
export const GREEK_LETTERS: readonly string[] = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa', 'lambda', 'mu', 'nu', 'xi', 'pi', 'rho',
  'varrho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Pi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega', 'ell',
];

const table = new Map<string, LatexCommand>();
for (const g of GREEK_LETTERS) table.set(g, { kind: 'greek', name: g });

// Functions typeset as a command (\log, \sin, \max, \sigma) come from the
// function table. \sigma alone is the Greek letter, so it needs no argument.
for (const f of FUNCTIONS) {
  if (f.latex.form !== 'command') continue;
  const name = f.latex.command.replace(/^\\/, '');
  table.set(name, { kind: 'function', fn: f.name, needsArgument: !GREEK_LETTERS.includes(name) });
}
// Spellings that are LaTeX commands too but not the printed form (\ln, \exp): the table's latexAliases.
for (const f of FUNCTIONS) for (const name of f.latexAliases ?? []) table.set(name, { kind: 'function', fn: f.name, needsArgument: true });

for (const f of ['frac', 'dfrac', 'tfrac']) table.set(f, { kind: 'frac' });
table.set('sqrt', { kind: 'sqrt' });
table.set('left', { kind: 'left' });
table.set('right', { kind: 'right' });
for (const s of ['big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'Biggl', 'Biggr']) table.set(s, { kind: 'size' });
table.set('cdot', { kind: 'times' });
table.set('times', { kind: 'times' });
table.set('ast', { kind: 'times' });
table.set('hat', { kind: 'accent', suffix: 'hat' });
table.set('tilde', { kind: 'accent', suffix: 'tilde' });
table.set('bar', { kind: 'accent', suffix: 'bar' });
table.set('mathrm', { kind: 'word', functionsOnly: false });
// Bold is how textbooks mark vectors and matrices: \mathbf{W} \mathbf{x} names the symbols W and x.
for (const bold of ['mathbf', 'boldsymbol', 'bm']) table.set(bold, { kind: 'word', functionsOnly: false });
table.set('operatorname', { kind: 'word', functionsOnly: true });
// \text{ReLU}(s) names the function ReLU; any other text inside one expression is an error, never dropped
// (prose such as \text{ for } x > 0 is the relation splitter's business).
for (const text of ['text', 'textrm', 'textnormal', 'textup', 'mbox']) table.set(text, { kind: 'word', functionsOnly: true });
table.set('partial', { kind: 'partial' });
table.set('sum', { kind: 'sum' });
table.set('nabla', { kind: 'reader', read: readNabla });
table.set('{', { kind: 'delimiter', text: '{' });
table.set('}', { kind: 'delimiter', text: '}' });
table.set('lbrace', { kind: 'delimiter', text: '{' });
table.set('rbrace', { kind: 'delimiter', text: '}' });
table.set('|', { kind: 'delimiter', text: '|' });
for (const v of ['vert', 'lvert', 'rvert']) table.set(v, { kind: 'delimiter', text: '|' });

export const LATEX_COMMANDS: ReadonlyMap<string, LatexCommand> = table;

/** The names listed when a command is unknown. */
export const LATEX_COMMAND_NAMES: readonly string[] = [...table.keys()].filter((k) => /^[A-Za-z]+$/.test(k));
