/**
 * A matrix identity from rules/matrix-calculus.identities, as data: read by
 * src/matrix-check/identities.ts, checked there by lowering, and listed in
 * the rule reference (src/rewrite/reference.ts), which is why the type lives
 * here, below both.
 */
import type { Expr } from '../expr/node.js';
import type { ShapeContext } from './shape.js';

export interface MatrixIdentity {
  readonly id: string;
  readonly title: string;
  readonly latex: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly shapes: ShapeContext;
  readonly source: { readonly file: string; readonly line: number };
}
