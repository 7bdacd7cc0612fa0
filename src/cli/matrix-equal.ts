/**
 * `gradtex equal LHS RHS --shape 'A: n x p' --shape 'B: p x q'`: a matrix
 * identity, parsed under the declared shapes and judged by
 * src/matrix-check/check-matrix-equal.ts (shapes first, then every entry at
 * several sizes). Kept apart from equal.ts, whose scalar judgement it
 * replaces when shapes are given.
 */
import type { Expr } from '../expr/node.js';
import { checkMatrixEqual, matrixVerdictText, type MatrixVerdict } from '../matrix-check/check-matrix-equal.js';
import { shapeContext, ShapeError, shapeText, type ShapeContext } from '../matrix/shape.js';
import { toPlain } from '../render/index.js';
import { parseInput, type InputSyntax } from './input.js';
import { EXIT, UserError, type Io } from './io.js';
import { splitRelations } from '../check/split-relations.js';

export interface MatrixEqualRequest {
  readonly lhs: string;
  readonly rhs: string | undefined;
  readonly rel: string | undefined;
  readonly shapes: readonly string[];
  readonly syntax: InputSyntax;
  readonly format: 'text' | 'json';
  readonly points?: number;
  readonly seed?: number;
}

function readShapes(decls: readonly string[]): ShapeContext {
  try {
    return shapeContext(decls);
  } catch (e) {
    if (e instanceof ShapeError) throw new UserError(`--shape: ${e.message}`);
    throw e;
  }
}

function sides(req: MatrixEqualRequest, ctx: ShapeContext): [Expr, Expr] {
  if (req.rel !== undefined && req.rel.trim() !== '=') throw new UserError(`--shape judges matrix identities (=), not '${req.rel}'`);
  if (req.rhs !== undefined) return [parseInput(req.lhs, req.syntax, 'left side', ctx), parseInput(req.rhs, req.syntax, 'right side', ctx)];
  const chain = splitRelations(req.lhs)[0];
  const [l, r] = chain?.sides ?? [];
  if (chain === undefined || chain.rels.length !== 1 || chain.rels[0]?.rel !== '=' || l === undefined || r === undefined) throw new UserError('give LHS and RHS, or one identity such as "transpose(A*B) = transpose(B)*transpose(A)"');
  return [parseInput(l.latex, req.syntax, 'left side', ctx), parseInput(r.latex, req.syntax, 'right side', ctx)];
}

const VERDICT = { numeric: 'holds', failed: 'fails', undecided: 'undecided' } as const;

function json(lhs: Expr, rhs: Expr, ctx: ShapeContext, v: MatrixVerdict): Record<string, unknown> {
  const shapes = Object.fromEntries([...ctx].map(([k, s]) => [k, shapeText(s)]));
  const evidence: Record<string, unknown> = { summary: matrixVerdictText(v) };
  if (v.verdict === 'failed' && v.reason === 'shape') Object.assign(evidence, { lhsShape: shapeText(v.lhsShape), rhsShape: shapeText(v.rhsShape) });
  if (v.verdict === 'failed' && v.reason === 'entry') Object.assign(evidence, { sizes: v.sizes, entry: v.entry, lhs: v.lhs, rhs: v.rhs, lhsEntry: toPlain(v.lhsEntry), rhsEntry: toPlain(v.rhsEntry) });
  if (v.verdict === 'numeric') Object.assign(evidence, { shape: shapeText(v.shape), sizes: v.instances, entries: v.entries, points: v.points, maxRelError: v.maxRelError });
  return { lhs: toPlain(lhs), rel: '=', rhs: toPlain(rhs), shapes, verdict: VERDICT[v.verdict], evidence };
}

/** Runs the check, prints it, returns the exit code (1 when the identity fails). */
export function runMatrixEqual(req: MatrixEqualRequest, io: Io): number {
  const ctx = readShapes(req.shapes);
  const [lhs, rhs] = sides(req, ctx);
  const v = checkMatrixEqual(lhs, rhs, ctx, { ...(req.points !== undefined ? { points: req.points } : {}), ...(req.seed !== undefined ? { seed: req.seed } : {}) });
  if (req.format === 'json') io.stdout(JSON.stringify(json(lhs, rhs, ctx, v), null, 2) + '\n');
  else {
    const detail = v.verdict === 'failed' && v.reason === 'entry' ? `\n  entry: ${toPlain(v.lhsEntry)} vs ${toPlain(v.rhsEntry)}` : '';
    io.stdout(`${toPlain(lhs)} = ${toPlain(rhs)}\n${VERDICT[v.verdict]}: ${matrixVerdictText(v)}${detail}\n`);
  }
  return v.verdict === 'failed' ? EXIT.failed : EXIT.ok;
}
