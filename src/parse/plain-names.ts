/**
 * What a name means in the plain syntax when a bracket follows it: a
 * function of the table, an unknown function (f, g, h, phi, …), the
 * derivative d(u, x), a matrix function, an extra name from the options, or
 * a symbol that multiplies (x(1 - x), pi(r), yhat(1 - yhat)); and the words
 * for the readings and the errors about it.
 *
 *     functionNamed('sigmoid', undefined)?.name   // 'sigma'
 *     isSymbolName('lambda')                      // true: lambda(a + b) is a product
 */
import { abstractHead } from '../expr/abstract-function.js';
import { FUNCTIONS, lookupFunction } from '../expr/functions.js';
import { MATRIX_FUNCTIONS } from '../matrix/matrix-calls.js';
import { GREEK_LETTERS } from '../expr/greek-letters.js';
import { didYouMean, functionSample } from './suggest.js';

/** Multi-letter names that are symbols even when a bracket follows: pi(r), lambda(…), yhat(1 - yhat). */
export function isSymbolName(name: string): boolean {
  return name === 'pi' || GREEK_LETTERS.includes(name) || /^[A-Za-z](?:hat|tilde|bar|dot|ddot|cal)$/.test(name);
}

/** The function a name followed by '(' calls: the table, an unknown function, d(u, x), a matrix function, or an extra name. */
export function functionNamed(text: string, extra: readonly string[] | undefined): { name: string; minArgs: number; maxArgs: number; abstract?: boolean } | undefined {
  const spec = lookupFunction(text);
  if (spec !== undefined) return spec;
  // f(x), f'(x), Phi(x): an unknown function of one argument (src/expr/abstract-function.ts).
  if (abstractHead(text) !== undefined && extra?.includes(text) !== true) return { name: text, minArgs: 1, maxArgs: 1, abstract: true };
  if (text === 'd') return { name: 'd', minArgs: 2, maxArgs: 2 };
  const matrixFn = MATRIX_FUNCTIONS.get(text);
  if (matrixFn !== undefined) return matrixFn;
  if (extra?.includes(text) === true) return { name: text, minArgs: 0, maxArgs: Number.POSITIVE_INFINITY };
  return undefined;
}

/** The error for a multi-letter name before a bracket that names no function. */
export function unknownFunctionMessage(text: string): string {
  const names = FUNCTIONS.map((f) => f.name);
  return `unknown function '${text}'.${didYouMean(text, [...names, ...FUNCTIONS.flatMap((f) => f.aliases)])} Known functions include ${functionSample(lookupFunction)} and d(u, x). For a product write ${text}*(…)`;
}

/** The words of a reading of `name(…)`. */
export function readingText(kind: 'product' | 'unknown-function', name: string): string {
  return kind === 'product'
    ? `${name}(…) is read as ${name} times (…): ${name} is not a function name (f, g, h, phi, psi are) or is used as a value inside the bracket; write ${name}*(…) to make the product explicit`
    : `${name}(…) is read as an unknown function ${name} applied to its argument (write ${name}*(…) for a product)`;
}
