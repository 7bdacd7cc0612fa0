/**
 * The node kinds a problem may allow (`--ops '+,square,ln,*,sin,cos'`): the
 * arithmetic kinds by their usual signs and spellings, functions by any name
 * the function table knows (ln is log). Which functions exist is the
 * function table's business; this file only names the arithmetic kinds.
 *
 *     readNodeKinds('+, x^2, ln')   // Set { '+', 'square', 'log' }
 */
import { lookupFunction } from '../expr/functions.js';

/** Arithmetic node kinds and the spellings a problem set may use for them. */
const ARITHMETIC: ReadonlyMap<string, string> = new Map([
  ['+', '+'],
  ['add', '+'],
  ['-', '-'],
  ['−', '-'],
  ['sub', '-'],
  ['*', '*'],
  ['×', '*'],
  ['·', '*'],
  ['mul', '*'],
  ['/', '/'],
  ['÷', '/'],
  ['div', '/'],
  ['neg', 'neg'],
  ['square', 'square'],
  ['sq', 'square'],
  ['^2', 'square'],
  ['²', 'square'],
  ['x^2', 'square'],
  ['□^2', 'square'],
  ['\\square^2', 'square'],
  ['^', '^'],
  ['pow', '^'],
]);

/** The canonical kind for one spelling, or undefined when it names nothing we know. */
export function nodeKind(spelling: string): string | undefined {
  const s = spelling.trim();
  return ARITHMETIC.get(s.toLowerCase()) ?? lookupFunction(s)?.name;
}

/** Reads a comma-separated list; throws RangeError naming an unknown kind. */
export function readNodeKinds(list: string): ReadonlySet<string> {
  const out = new Set<string>();
  for (const item of list.split(',')) {
    if (item.trim() === '') continue;
    const k = nodeKind(item);
    if (k === undefined) throw new RangeError(`--ops: unknown node kind '${item.trim()}' (known: + - * / neg square ^ and the function names, e.g. ln, sin, exp)`);
    out.add(k);
  }
  if (out.size === 0) throw new RangeError('--ops: the list is empty');
  return out;
}
