/**
 * `gradtex equal LHS RHS --shape 'A: n x p' --shape 'B: p x q'`: a matrix
 * identity, parsed under the declared shapes and judged by
 * src/matrix-check/check-matrix-equal.ts (shapes first, then every entry at
 * several sizes). Kept apart from equal.ts, whose scalar judgement it
 * replaces when shapes are given.
 */
import { judgeShaped, readShaped, type ShapedJudgement } from '../check/judge-shaped.js';
import { shapeContext, ShapeError, shapeText, type ShapeContext } from '../matrix/shape.js';
import { ParseError } from '../parse/index.js';
import { toPlain } from '../render/index.js';
import type { InputSyntax } from './input.js';
import { EXIT, UserError, type Io } from './io.js';
import { splitRelations } from '../parse/split-relations.js';

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

/** `--shape` declarations (the one shape syntax of src/matrix/shape.ts) as a context; a mistake is bad input. */
export function readShapes(decls: readonly string[]): ShapeContext {
  try {
    return shapeContext(decls);
  } catch (e) {
    if (e instanceof ShapeError) throw new UserError(`--shape: ${e.message}`);
    throw e;
  }
}

function sideTexts(req: MatrixEqualRequest): [string, string] {
  if (req.rel !== undefined && req.rel.trim() !== '=') throw new UserError(`--shape judges matrix identities (=), not '${req.rel}'`);
  if (req.rhs !== undefined) return [req.lhs, req.rhs];
  const chain = splitRelations(req.lhs)[0];
  const [l, r] = chain?.sides ?? [];
  if (chain === undefined || chain.rels.length !== 1 || chain.rels[0]?.rel !== '=' || l === undefined || r === undefined) throw new UserError('give LHS and RHS, or one identity such as "transpose(A*B) = transpose(B)*transpose(A)"');
  return [l.latex, r.latex];
}

/** The identity judged under the shapes; a side that cannot be read at all (not a shape mismatch) is bad input. */
export function judgeMatrixIdentity(lhsText: string, rhsText: string, ctx: ShapeContext, syntax: InputSyntax, opts: { points?: number; seed?: number }): ShapedJudgement {
  try {
    // A left side that does not fit its own shapes is a mistake in the question, not a claim to judge.
    const left = readShaped(lhsText, ctx, syntax);
    if (!left.ok) throw new UserError(`left side: ${left.where}`);
    return judgeShaped(lhsText, '=', rhsText, ctx, { syntax, ...opts });
  } catch (e) {
    if (e instanceof ParseError) throw new UserError(e.oneLine());
    throw e;
  }
}

function json(lhs: string, rhs: string, ctx: ShapeContext, j: ShapedJudgement): Record<string, unknown> {
  const shapes = Object.fromEntries([...ctx].map(([k, s]) => [k, shapeText(s)]));
  return { lhs, rel: '=', rhs, shapes, verdict: j.verdict, evidence: { ...j.evidence, ...(j.details ?? {}) } };
}

/** Runs the check, prints it, returns the exit code (1 when the identity fails, as the scalar `equal`). */
export function runMatrixEqual(req: MatrixEqualRequest, io: Io): number {
  const ctx = readShapes(req.shapes);
  const [lhsText, rhsText] = sideTexts(req);
  const j = judgeMatrixIdentity(lhsText, rhsText, ctx, req.syntax, { ...(req.points !== undefined ? { points: req.points } : {}), ...(req.seed !== undefined ? { seed: req.seed } : {}) });
  const lhs = j.lhs === undefined ? lhsText : toPlain(j.lhs);
  const rhs = j.rhs === undefined ? rhsText : toPlain(j.rhs);
  if (req.format === 'json') io.stdout(JSON.stringify(json(lhs, rhs, ctx, j), null, 2) + '\n');
  else io.stdout(`${lhs} = ${rhs}\n${j.verdict}: ${j.evidence.summary}\n`);
  return j.verdict === 'fails' ? EXIT.failed : EXIT.ok;
}
