/**
 * A name defined as a function, the way homework writes it: "for $f = \tanh$",
 * "$\phi = \sigma$", "where $g$ is the sigmoid", "let $f$ be the ReLU". The
 * name is then that function: f(s_1) is tanh(s_1) and f'(s_1) its
 * derivative. Only conventional function letters (f, g, h, \phi, …; see
 * src/expr/abstract-function.ts) are read this way, so "$s = \sigma$" (a
 * standard deviation) never turns s x into a sigmoid.
 *
 *     functionDefinition('f', '\\tanh')                    // { kind: 'define', sym: f, param: x, value: tanh(x) }
 *     functionInWords('g', ' is the sigmoid activation')   // { kind: 'define', sym: g, param: x, value: sigma(x) }
 */
import { call, sym } from '../expr/build.js';
import { abstractHead } from '../expr/abstract-function.js';
import { FUNCTIONS, lookupFunction } from '../expr/functions.js';
import type { Expr, Sym } from '../expr/node.js';
import { ParseError, parseLatex } from '../parse/index.js';
import type { Fact } from './facts.js';
import { tryParseLatex } from '../parse/index.js';

/** The parameter of a function given by name only. */
const PARAM: Sym = sym('x');

const tryParse = tryParseLatex;

/** A conventional function letter written alone (f, \phi), not yet applied. */
function functionLetter(latex: string): Sym | undefined {
  const e = tryParse(latex.trim());
  return e?.kind === 'sym' && e.sub.length === 0 && e.sup.length === 0 && abstractHead(e.name)?.order === 0 ? e : undefined;
}

/** Is `fn` a function of one argument that a name can stand for (tanh, sigma, relu, another letter f)? */
function unary(fn: string): boolean {
  const spec = lookupFunction(fn);
  if (spec !== undefined) return spec.minArgs === 1 && spec.maxArgs === 1 && spec.binds === undefined;
  return abstractHead(fn)?.order === 0;
}

/**
 * `f = \tanh`, `\phi = \sigma`, `g = \text{ReLU}`: a function letter set to a
 * function written without its argument; undefined for anything else (f = x^2
 * is a value, read by definitionOf).
 */
export function functionDefinition(lhsLatex: string, rhsLatex: string): Fact | undefined {
  const name = functionLetter(lhsLatex);
  if (name === undefined || rhsLatex.trim() === '' || /[()]/.test(rhsLatex)) return undefined;
  // Written alone, the right side is a function name: \tanh does not parse, \sigma parses as a symbol.
  const alone = tryParse(rhsLatex.trim());
  if (alone !== undefined && alone.kind !== 'sym') return undefined;
  const applied = tryParse(`${rhsLatex.trim()}(x)`);
  if (applied?.kind !== 'call' || applied.args.length !== 1 || applied.args[0]?.hash !== PARAM.hash || !unary(applied.fn)) return undefined;
  if (applied.fn === name.name) return undefined;
  return { kind: 'define', sym: name, param: PARAM, value: applied, anonymous: true };
}

/**
 * The table function an activation word names (the entries' `words`:
 * sigmoid, tanh, ReLU, softplus, logistic), if any. Only those: "the step
 * size", "the sign of", "the log-likelihood" and "the max norm" use function
 * names as other nouns.
 */
function functionNamed(word: string): string | undefined {
  const w = word.toLowerCase();
  const spec = FUNCTIONS.find((f) => f.words?.includes(w) === true);
  return spec !== undefined && unary(spec.name) ? spec.name : undefined;
}

/**
 * "$g$ is the sigmoid", "$f$ denotes the tanh activation", "let $f$ be the
 * ReLU", "let $\phi$ denote the sigmoid function": inline math `nameLatex` holding a function letter alone, followed by
 * the prose `after`.
 */
export function functionInWords(nameLatex: string, after: string): Fact | undefined {
  const name = functionLetter(nameLatex);
  if (name === undefined) return undefined;
  const m = /^\s*(?:(?:(?:is|be)\s+defined\s+as|is|be|denotes?|represents?|stands?\s+for|refers?\s+to)\s+(?:the\s+|a\s+|an\s+)?|the\s+)(?:elementwise\s+|element-wise\s+)?([A-Za-z]+)\b(?![-'])/i.exec(after);
  const fn = m === null ? undefined : functionNamed(m[1] as string);
  if (fn === undefined || fn === name.name) return undefined;
  return { kind: 'define', sym: name, param: PARAM, value: call(fn, [PARAM]), anonymous: true };
}
