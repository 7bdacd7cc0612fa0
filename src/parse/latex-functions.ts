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
import { call, div, pow } from '../expr/build.js';
import type { Expr } from '../expr/node.js';
import { lookupFunction } from '../expr/functions.js';
import type { LatexToken } from './lexer-latex.js';
import type { LatexReader } from './latex-reader.js';
import { bracketArgs } from './latex-delimiters.js';
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
    args = [p.power()];
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
  // \max_j z_j (over an index): no reading in the table's functions.
  if (needsArgument && p.is('sym', '_')) {
    const spec = lookupFunction(fn);
    const hint = spec !== undefined && spec.maxArgs > 1 ? `gradtex's \\${t.text} takes ${spec.maxArgs} arguments, as in \\${t.text}\\{a, b\\}` : `write \\${t.text} without the subscript`;
    p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}_{…} is not read (a maximum or minimum over an index): ${hint}`, { start: t.start, end: p.peek(1).end });
  }
  if (!needsArgument && !p.bracketNext() && !superscriptThenBracket(p)) return p.scripts(fn);
  return applyFunction(p, t, fn);
}
