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
import { EXIT } from './io.js';
import type { Detail } from '../proof/group-steps.js';
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
  readonly detail?: Detail;
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
    ...(req.detail !== undefined ? { detail: req.detail } : {}),
  });
  return { ...o, code: o.verdict === 'holds' ? EXIT.ok : o.verdict === 'fails' ? EXIT.failed : EXIT.undecided };
}
