/**
 * The function family of the LaTeX reader: commands of the function table
 * (\sin x, \log(x), \sigma\left(x\right), \max\{a, b\}, \sin^2 x, \exp z_k),
 * primes on them (\sigma'(z), in latex-function-notation.ts) and the bare
 * Greek function letters (\sigma alone is a symbol). Without brackets a
 * function takes the next power-level factor: \log x^2 = log(x^2).
 *
 *     \sin^2 x    \max\left\{a, b\right\}
 *         ^           ^
 */
import { call, div, mul, pow } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexReader } from './latex-reader.js';
import { readExtremumOverIndex } from './latex-big-operators.js';
import { bracketArgs } from './latex-delimiters.js';
import { ACCENTS, WORD_FONTS } from './latex-fonts.js';
import { FRACTION_COMMANDS } from './latex-fraction.js';
import { isMinusOne, readPrimedFunction, refuseInverse, superscriptThenBracket } from './latex-function-notation.js';

/** The function `fn` applied, with its command `t` consumed: its power, its arguments, its arity checked. */
export function applyFunction(p: LatexReader, t: LatexToken, fn: string): Expr {
  const spec = lookupFunction(fn);
  let power: Expr | undefined;
  if (p.is('sym', '^')) {
    const op = p.next();
    power = p.argument(op);
    if (isMinusOne(power)) refuseInverse(p, t, p.peek(-1).end);
  }
  let args: Expr[];
  if (p.bracketNext()) {
    args = bracketArgs(p);
  } else {
    p.expectOperand(t);
    args = [bareArgument(p, t)];
  }
  // \operatorname{softmax}(z)_i: the entry i of a vector-valued function is its extra argument, softmax(z, i).
  if (spec?.entryArgument !== undefined && args.length === spec.entryArgument && p.is('sym', '_')) {
    const under = p.next();
    p.expectOperand(under);
    args = [...args, p.argument(under)];
  }
  const end = p.peek(-1).end;
  if (spec !== undefined && (args.length < spec.minArgs || args.length > spec.maxArgs)) {
    const want = spec.minArgs === spec.maxArgs ? `${spec.minArgs}` : `${spec.minArgs} to ${spec.maxArgs}`;
    const example = spec.maxArgs > 1 ? `, as in \\${fn}\\{a, b\\}` : '';
    p.fail('E_PARSE_ARITY', `\\${t.text} takes ${want} argument${want === '1' ? '' : 's'}, got ${args.length}${example}`, { start: t.start, end });
  }
  const applied = call(spec?.name ?? fn, args);
  return p.lit.plain(power === undefined ? applied : pow(applied, power));
}

/**
 * \log_b x with \log consumed: log(x)/log(b), the change of base, exact for
 * every base b > 0, b ≠ 1 (elsewhere both are undefined). \ln_b is not
 * notation, so only \log takes a base.
 *
 *     \log_2 8    \log_{10}(x)    \log_b^2 x
 *         ^
 */
function readLogarithmToBase(p: LatexReader, t: LatexToken): Expr {
  const under = p.next();
  p.expectOperand(under);
  const base = p.argument(under);
  const value = applyFunction(p, t, 'log');
  // applyFunction read any power (\log_2^2 x): the base divides the logarithm inside it.
  const [inner, power] = value.kind === 'pow' ? [value.base, value.exp] : [value, undefined];
  const quotient = div(inner, call('log', [base]));
  return p.lit.plain(power === undefined ? quotient : pow(quotient, power));
}

/**
 * A function command of the table, consumed as `t`: \sigma'(z), \sigma(x),
 * \sin x, or \sigma alone (a symbol).
 */
export function readFunctionCommand(p: LatexReader, t: LatexToken, fn: string, needsArgument: boolean): Expr {
  const primed = readPrimedFunction(p, t, fn);
  if (primed !== undefined) return primed;
  // \log_2 x, \log_b x: the logarithm to a base, log x / log b exactly.
  if (fn === 'log' && t.text === 'log' && p.is('sym', '_')) return readLogarithmToBase(p, t);
  // \max_j z_j, \min_{1 \le i \le n} x_i: a maximum or minimum over an index.
  if ((t.text === 'max' || t.text === 'min') && p.is('sym', '_')) return readExtremumOverIndex(p, t);
  // Any other function with a subscript: no reading in the table's functions.
  if (needsArgument && p.is('sym', '_')) {
    const spec = lookupFunction(fn);
    const hint = spec !== undefined && spec.maxArgs > 1 ? `gradtex's \\${t.text} takes ${spec.maxArgs} arguments, as in \\${t.text}\\{a, b\\}` : `write \\${t.text} without the subscript`;
    p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}_{…} is not read (a maximum or minimum over an index): ${hint}`, { start: t.start, end: p.peek(1).end });
  }
  // The letter itself (\Phi alone is Φ, although \Phi(x) is the table's normcdf).
  if (!needsArgument && !p.bracketNext() && !superscriptThenBracket(p)) return p.scripts(t.text);
  return applyFunction(p, t, fn);
}

/**
 * The argument of a function written without brackets. Textbooks read the
 * juxtaposed factors after it as the argument: \sin 2x is sin(2x), \log xy
 * is log(xy) (so log xy = log x + log y), \log 2\pi\sigma^2 is
 * log(2πσ²); another function ends it (\sin x \cos x). A bracket, a
 * fraction or a root after it could belong to either (\log x (1 - x)), and
 * so could a product of declared matrices: those are refused, never read
 * silently one way.
 *
 *     \sin 2x \cos x     ->  sin(2*x) * cos(x)
 *          ^^
 */
function bareArgument(p: LatexReader, t: LatexToken): Expr {
  const factors = [p.power()];
  for (let next = juxtaposed(p); next !== undefined; next = juxtaposed(p)) {
    const at = { start: t.start, end: p.peek().end };
    if (next === 'ambiguous') p.fail('E_PARSE_AMBIGUOUS', `\\${t.text} without brackets followed by ${p.describe(p.peek())} is ambiguous (is it inside the argument?): write \\${t.text}(…) around the whole argument`, at);
    if (p.shapes !== undefined) p.fail('E_PARSE_AMBIGUOUS', `\\${t.text} without brackets followed by ${p.describe(p.peek())} is ambiguous with declared shapes: write \\${t.text}(…) around the whole argument`, at);
    factors.push(p.power());
  }
  if (factors.length === 1) return factors[0] as Expr;
  const end = p.peek(-1).end;
  p.note({ at: { start: t.start, end }, kind: 'function-argument', text: `\\${t.text} without brackets takes the juxtaposed factors after it as its argument (\\sin 2x is sin(2x)): write (\\${t.text} …)·… for a product` });
  return mul(...factors);
}

/** After a function's bare argument: another factor of it, a factor that could belong either way, or neither. */
function juxtaposed(p: LatexReader): 'factor' | 'ambiguous' | undefined {
  const t = p.peek();
  if (t.type === 'num' || t.type === 'letter') return 'factor';
  if (p.bracketNext()) return 'ambiguous';
  if (t.type === 'sym') return t.text === '|' && p.absDepth === 0 ? 'ambiguous' : undefined;
  if (t.type !== 'cmd') return undefined;
  const c = p.command();
  if (c === undefined) return undefined;
  if (c.kind === 'greek') return 'factor';
  // \sigma alone is a letter; \sigma(z) and \cos x are functions, which end the argument.
  if (c.kind === 'function') return c.needsArgument || p.bracketAt(1) ? undefined : 'factor';
  if (c.kind !== 'reader') return undefined;
  if (t.text in ACCENTS || WORD_FONTS.includes(t.text)) return 'factor';
  return FRACTION_COMMANDS.includes(t.text) || t.text === 'sqrt' ? 'ambiguous' : undefined;
}
