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
import { call, pow } from '../expr/build.js';
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
 * A function command of the table, consumed as `t`: \sigma'(z), \sigma(x),
 * \sin x, or \sigma alone (a symbol).
 */
export function readFunctionCommand(p: LatexReader, t: LatexToken, fn: string, needsArgument: boolean): Expr {
  const primed = readPrimedFunction(p, t, fn);
  if (primed !== undefined) return primed;
  // \max_j z_j (over an index), \log_2 x (a base): no reading in the table's functions.
  if (needsArgument && p.is('sym', '_')) {
    const spec = lookupFunction(fn);
    const hint = spec !== undefined && spec.maxArgs > 1 ? `gradtex's \\${t.text} takes ${spec.maxArgs} arguments, as in \\${t.text}\\{a, b\\}` : `write \\${t.text} without the subscript`;
    p.fail('E_PARSE_UNSUPPORTED', `\\${t.text}_{…} is not read (a maximum over an index, a base of a logarithm): ${hint}`, { start: t.start, end: p.peek(1).end });
  }
  // The letter itself (\Phi alone is Φ, although \Phi(x) is the table's normcdf).
  if (!needsArgument && !p.bracketNext() && !superscriptThenBracket(p)) return p.scripts(t.text);
  return applyFunction(p, t, fn);
}
