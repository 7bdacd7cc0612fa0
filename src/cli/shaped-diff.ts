/**
 * `gradtex diff EXPR --wrt x --shape 'W: m x n, x: n, b: m'`: the expression
 * read under the shapes, then src/derive/shaped-diff-result.ts. Exit 0 when
 * the derivative is derived and verified, 1 when its check fails, 3 when it
 * is not derived (a one-line refusal naming what is unsupported).
 */
import type { Sym } from '../expr/node.js';
import { shapedDiffResult, type ShapedDiffOutcome } from '../derive/shaped-diff-result.js';
import type { Layout } from '../derive/shaped-derivative.js';
import type { Engine } from '../rewrite/engine.js';
import { parseInput, type InputSyntax } from './input.js';
import { EXIT, UserError } from './io.js';
import { readShapes } from './matrix-equal.js';

export interface ShapedDiffRequest {
  readonly text: string;
  readonly syntax: InputSyntax;
  readonly wrt: readonly Sym[];
  readonly shapes: readonly string[];
  readonly points?: number;
  readonly seed?: number;
  readonly layout?: Layout;
  readonly engine?: Engine;
}

/** --layout numerator|denominator. */
export function parseLayout(text: string): Layout {
  if (text !== 'numerator' && text !== 'denominator') throw new UserError(`--layout is numerator or denominator, got '${text}'`);
  return text;
}

/** Reads, derives, verifies; bad input (a shape declaration, a parse error) is a UserError. */
export function shapedDiff(req: ShapedDiffRequest): ShapedDiffOutcome & { readonly code: number } {
  const ctx = readShapes(req.shapes);
  const f = parseInput(req.text, req.syntax, 'expression', ctx);
  const o = shapedDiffResult(req.text, f, req.wrt, ctx, {
    ...(req.points !== undefined ? { points: req.points } : {}),
    ...(req.seed !== undefined ? { seed: req.seed } : {}),
    ...(req.layout !== undefined ? { layout: req.layout } : {}),
    ...(req.engine !== undefined ? { engine: req.engine } : {}),
  });
  return { ...o, code: o.verdict === 'holds' ? EXIT.ok : o.verdict === 'fails' ? EXIT.failed : EXIT.undecided };
}
/** --shape refuses the options it cannot honour, in one line. */
export function refuseShapedOptions(opts: { readonly grad?: string | undefined; readonly at?: readonly string[] }): void {
  if (opts.grad !== undefined) throw new UserError('--grad with --shape: give the vector with --wrt x; its gradient is one vector');
  if (opts.at !== undefined && opts.at.length > 0) throw new UserError('--at with --shape: values of vectors and matrices at a point are not supported yet');
}
