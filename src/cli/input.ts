/**
 * Reading an expression argument: `-` means standard input; text with a
 * backslash is LaTeX, anything else the plain syntax. Parse errors become
 * one-line UserErrors that name line:column.
 */
import type { Expr } from '../expr/node.js';
import { ParseError, parseLatex, parsePlain } from '../parse/index.js';
import { UserError, type Io } from './io.js';
import type { ShapeContext } from '../matrix/shape.js';

export type InputSyntax = 'auto' | 'plain' | 'latex';

export function parseInput(text: string, syntax: InputSyntax = 'auto', what = 'expression', shapes?: ShapeContext): Expr {
  const useLatex = syntax === 'latex' || (syntax === 'auto' && text.includes('\\'));
  const opts = shapes === undefined ? {} : { shapes };
  try {
    return useLatex ? parseLatex(text, opts) : parsePlain(text, opts);
  } catch (e) {
    if (e instanceof ParseError) throw new UserError(`${what}: ${e.oneLine()}`);
    throw e;
  }
}

export async function readExprArg(arg: string, io: Io): Promise<string> {
  if (arg !== '-') return arg;
  const text = await io.readStdin();
  return text.replace(/\r?\n$/, '');
}
