/**
 * The text family of the LaTeX reader: \operatorname{softplus}(x),
 * \text{ReLU}(s), \textrm, \mbox, and a function named in a font,
 * \mathrm{ReLU}(x). The letters inside must name a function of the table
 * (src/expr/functions.ts: names and aliases), \operatorname{diag} or the
 * trace \operatorname{tr}(A) (also \mathrm{tr}, Tr, trace); any
 * other text inside one expression is an error "not read", never dropped
 * (prose such as \text{ for } x > 0 is the relation splitter's business).
 *
 *     3\text{ReLU}(s)   ->  3 relu(s)
 *     \text{ReLU}'(z)   ->  d(relu(z), z)
 *     3\text{foo}(s)    ->  E_PARSE_UNKNOWN_FUNCTION
 */
import type { Expr } from '../expr/node.js';
import { FUNCTIONS, lookupFunction } from '../expr/functions.js';
import { diag } from '../matrix/matrix-calls.js';
import { call } from '../expr/build.js';

/** The names of the trace: \operatorname{tr}, \mathrm{Tr}, \operatorname{trace}. */
const TRACE_NAMES: ReadonlySet<string> = new Set(['tr', 'Tr', 'trace']);
import type { LatexToken } from './lexer-latex.js';
import type { LatexFamilyReader, LatexReader } from './latex-reader.js';
import { bracketArgs } from './latex-delimiters.js';
import { wordName, wordSymbol } from './latex-fonts.js';
import { applyFunction } from './latex-functions.js';
import { readPrimedFunction } from './latex-function-notation.js';
import { didYouMean, functionSample } from './suggest.js';

/**
 * \mathrm{…}, \mathbf{…} (`functionsOnly` false: a symbol unless a known
 * function and a bracket follow), \operatorname{…}, \text{…} (true: a known
 * function, or an error "not read"), with the command consumed.
 */
function readWord(p: LatexReader, cmd: LatexToken, functionsOnly: boolean): Expr {
  const w = wordName(p, cmd);
  if (!('close' in w)) return w;
  const { name, close } = w;
  const at = { start: cmd.start, end: close.end };
  // \operatorname{diag}(v), \operatorname{tr}(A): the matrix operations written as functions.
  const matrixFn = name === 'diag' ? 'diag' : TRACE_NAMES.has(name) ? 'trace' : undefined;
  if (matrixFn !== undefined && p.bracketNext()) {
    const args = bracketArgs(p);
    if (args.length !== 1) p.fail('E_PARSE_ARITY', `\\operatorname{${name}} takes 1 argument (${matrixFn === 'diag' ? 'a vector' : 'a square matrix'}), got ${args.length}`, at);
    return matrixFn === 'diag' ? diag(args[0] as Expr) : call('trace', [args[0] as Expr]);
  }
  // \operatorname{tr} A B could be tr(A) B or tr(AB): the bracket says which.
  if (matrixFn === 'trace') p.fail('E_PARSE_AMBIGUOUS', `write the argument of \\${cmd.text}{${name}} in brackets, as in \\operatorname{tr}(A B): without them it may be tr(A) B or tr(A B)`, at);
  const spec = lookupFunction(name);
  // \text{ReLU}'(z), \operatorname{softplus}''(x): the derivative of the function at a variable (latex-function-notation.ts).
  if (spec !== undefined && p.is('sym', "'")) {
    const primed = readPrimedFunction(p, { ...cmd, text: `${cmd.text}{${name}}`, end: close.end }, spec.name);
    if (primed !== undefined) return primed;
  }
  if (spec !== undefined && (functionsOnly || p.bracketNext())) return applyFunction(p, { ...cmd, text: `${cmd.text}{${name}}`, end: close.end }, spec.name);
  if (!functionsOnly) return wordSymbol(p, name, { ...cmd, end: close.end });
  const names = FUNCTIONS.map((f) => f.name);
  const what = cmd.text === 'operatorname' ? `'${name}' in \\operatorname{…}` : `\\${cmd.text}{${name}}`;
  // Text that names no function is never dropped: it is an error the checker reports as "not read".
  const prose = cmd.text === 'operatorname' ? '' : '; other text inside math is not read';
  return p.fail('E_PARSE_UNKNOWN_FUNCTION', `unknown function ${what}.${didYouMean(name, [...names, ...FUNCTIONS.flatMap((f) => f.aliases)])} Known functions include ${functionSample(lookupFunction)}${prose}`, at);
}

/** \mathrm{…}, \mathbf{…}: a symbol, or a known function when a bracket follows. */
export const readFontWord: LatexFamilyReader = (p, t) => readWord(p, t, false);

/** \operatorname{…}, \text{…}: a known function, or an error "not read". */
export const readFunctionWord: LatexFamilyReader = (p, t) => readWord(p, t, true);
