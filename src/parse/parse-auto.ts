/**
 * One entry point for text whose syntax is not declared: LaTeX when it
 * contains a backslash (`\frac`, `\sigma`, `\cdot`), the plain syntax
 * otherwise (`1/(1+exp(-x))`). Both syntaxes read `x^{2}`, `w_1`, `f(x)` and
 * `2x` alike, so text without a backslash means the same in either.
 * Returns the readings chosen on the way (reading.ts) and the syntax used.
 *
 *     parseMath('\\sigma(x)').syntax   // 'latex'
 *     parseMath('a(b+c)').readings     // [{ kind: 'product', … }]
 */
import type { Expr } from '../expr/node.js';
import type { ShapeContext } from '../matrix/shape.js';
import { parseLatexReadings } from './parse-latex.js';
import { parsePlainReadings } from './parse-plain.js';
import type { Reading } from './reading.js';

export type MathSyntax = 'plain' | 'latex';

export interface MathOptions {
  /** 'auto' (the default) decides by content; 'plain' or 'latex' forces one. */
  readonly syntax?: MathSyntax | 'auto';
  readonly shapes?: ShapeContext;
}

export interface MathReading {
  readonly expr: Expr;
  readonly syntax: MathSyntax;
  readonly readings: readonly Reading[];
}

/** The syntax `text` is read in: LaTeX when it contains a backslash. */
export function syntaxOf(text: string, requested: MathSyntax | 'auto' = 'auto'): MathSyntax {
  if (requested !== 'auto') return requested;
  return text.includes('\\') ? 'latex' : 'plain';
}

/** Read plain or LaTeX math, decided by content; throws ParseError. */
export function parseMath(text: string, opts: MathOptions = {}): MathReading {
  const syntax = syntaxOf(text, opts.syntax);
  const shapes = opts.shapes === undefined ? {} : { shapes: opts.shapes };
  const { expr, readings } = syntax === 'latex' ? parseLatexReadings(text, shapes) : parsePlainReadings(text, shapes);
  return { expr, syntax, readings };
}
