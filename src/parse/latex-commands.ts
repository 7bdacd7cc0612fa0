/**
 * The table of LaTeX commands the reader understands, and which family reads
 * each (KaTeX's defineFunction idea, as plain data with explicit imports
 * instead of registration by side effect). Adding a command is one entry
 * here, pointing at its family's file; the function commands come from
 * src/expr/functions.ts, so a function added there with a LaTeX command is
 * read without touching this file.
 *
 * The structural kinds (function, greek, left/right/size, times, delimiter,
 * partial) are the ones the core looks ahead at; every other command is a
 * `reader` that its family's file implements:
 *
 *     latex-fraction.ts       \frac \dfrac \tfrac \sqrt, and latex-derivative.ts (d/dx, ∇)
 *     latex-combinatorics.ts  \binom, n! (whole numbers), \pmod (refused)
 *     latex-fonts.ts          \hat \tilde \bar \dot \vec \mathcal \mathbf \bm \mathrm \mathbb
 *     latex-text.ts           \operatorname \text \mbox, \mathrm{ReLU}(x)
 *     latex-delimiters.ts     \left \big… \{ \| \lvert \middle
 *     latex-big-operators.ts  \sum (\prod, \int, \lim refused)
 *     latex-functions.ts      \sin \log \max \sigma …, with latex-function-notation.ts (f(x), f'(x))
 *     latex-environments.ts   \begin{cases}, matrices (refused)
 *     latex-ellipsis.ts       \dots in a sum written out (a_1 + \dots + a_n)
 *     latex-logic.ts          \forall \exists \Rightarrow \iff (refused)
 *
 *     LATEX_COMMANDS.get('ln')      // { kind: 'function', fn: 'log', needsArgument: true }
 */
import { FUNCTIONS } from '../expr/functions.js';
import { GREEK_LETTERS } from '../expr/greek-letters.js';
import { UNSUPPORTED_OPERATORS, readSum, readUnsupportedOperator } from './latex-big-operators.js';
import { readMiddle, readNorm, NORM_COMMANDS, SIZE_COMMANDS } from './latex-delimiters.js';
import { readNabla } from './latex-derivative.js';
import { ELLIPSIS_COMMANDS, readStrayEllipsis } from './latex-ellipsis.js';
import { readEnvironment, readStrayEnd } from './latex-environments.js';
import { ACCENTS, WORD_FONTS, readAccent, readBlackboard } from './latex-fonts.js';
import { FRACTION_COMMANDS, readFraction, readSquareRoot } from './latex-fraction.js';
import { BINOMIAL_COMMANDS, MODULO_COMMANDS, readBinomial, readModulo } from './latex-combinatorics.js';
import { LOGIC_COMMANDS, readLogic } from './latex-logic.js';
import type { LatexFamilyReader } from './latex-reader.js';
import { readFontWord, readFunctionWord } from './latex-text.js';

export type LatexCommand =
  /**
   * A function from src/expr/functions.ts: \sin x, \sigma(x), \max\{a, b\}.
   * Without `needsArgument` the bare command is a symbol (\sigma alone).
   */
  | { readonly kind: 'function'; readonly fn: string; readonly needsArgument: boolean }
  /** A Greek letter used as a symbol name: \alpha -> sym('alpha'). */
  | { readonly kind: 'greek'; readonly name: string }
  /** \left( … \right), also \left\{ … \right\} and \left| … \right|. */
  | { readonly kind: 'left' }
  | { readonly kind: 'right' }
  /** \bigl, \Big, \bigm, …: they only size the delimiter that follows. */
  | { readonly kind: 'size' }
  /** Multiplication signs: \cdot, \times, \ast; \odot (elementwise) is refused under declared shapes. */
  | { readonly kind: 'times'; readonly elementwise: boolean }
  /** \partial, only meaningful inside a derivative operator. */
  | { readonly kind: 'partial' }
  /** A command family read by its own file: `read` is called with the command consumed. */
  | { readonly kind: 'reader'; readonly read: LatexFamilyReader }
  /** Delimiters written as commands: \{ \} \lvert \rvert, with the character they stand for. */
  | { readonly kind: 'delimiter'; readonly text: string }
  /** Relations (\ne, \le, \in, …): they end an expression; the relation splitter and the readers of ranges and conditions look at them. */
  | { readonly kind: 'relation' };

export { GREEK_LETTERS };

const table = new Map<string, LatexCommand>();
const reader = (names: Iterable<string>, read: LatexFamilyReader): void => {
  for (const n of names) table.set(n, { kind: 'reader', read });
};
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

// Fractions, roots, derivatives.
reader(FRACTION_COMMANDS, readFraction);
reader(['sqrt'], readSquareRoot);
reader(BINOMIAL_COMMANDS, readBinomial);
reader(MODULO_COMMANDS, readModulo);
reader(['nabla'], readNabla);
table.set('partial', { kind: 'partial' });

// Accents and fonts.
reader(Object.keys(ACCENTS), readAccent);
reader(WORD_FONTS, readFontWord);
reader(['mathbb'], readBlackboard);

// Text naming a function: \text{ReLU}(s); any other text is an error, never dropped.
reader(['operatorname', 'text', 'textrm', 'textnormal', 'textup', 'textit', 'mbox'], readFunctionWord);

// Delimiters and sizes.
table.set('left', { kind: 'left' });
table.set('right', { kind: 'right' });
for (const s of SIZE_COMMANDS) table.set(s, { kind: 'size' });
table.set('{', { kind: 'delimiter', text: '{' });
table.set('}', { kind: 'delimiter', text: '}' });
table.set('lbrace', { kind: 'delimiter', text: '{' });
table.set('rbrace', { kind: 'delimiter', text: '}' });
for (const v of ['vert', 'lvert', 'rvert']) table.set(v, { kind: 'delimiter', text: '|' });
reader(NORM_COMMANDS, readNorm);
reader(['middle', 'mid'], readMiddle);

// Products.
for (const t of ['cdot', 'times', 'ast']) table.set(t, { kind: 'times', elementwise: false });
table.set('odot', { kind: 'times', elementwise: true });

// Big operators.
reader(['sum'], readSum);
reader(UNSUPPORTED_OPERATORS, readUnsupportedOperator);

// Relations and the row separator \\ end an expression (\sum_{j \ne y}, \mathbb{1}[j \ne k], cases read them themselves).
for (const r of ['\\', 'ne', 'neq', 'le', 'leq', 'leqslant', 'ge', 'geq', 'geqslant', 'lt', 'gt', 'approx', 'equiv', 'in', 'notin', 'to']) table.set(r, { kind: 'relation' });

// Ellipses: read inside a sum written out by the additive level (latex-ellipsis.ts), refused anywhere else.
reader(ELLIPSIS_COMMANDS, readStrayEllipsis);

// Environments, and logic (refused by name).
reader(['begin'], readEnvironment);
reader(['end'], readStrayEnd);
reader(Object.keys(LOGIC_COMMANDS), readLogic);

export const LATEX_COMMANDS: ReadonlyMap<string, LatexCommand> = table;

/** The names listed when a command is unknown. */
export const LATEX_COMMAND_NAMES: readonly string[] = [...table.keys()].filter((k) => /^[A-Za-z]+$/.test(k));
