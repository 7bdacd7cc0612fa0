/**
 * A step of a checked document that speaks about vectors or matrices whose
 * shapes are in scope (stated in the document or given with `--shape`): it is
 * judged under the shapes, entry by entry (judge-shaped.ts), never by scalar
 * algebra. Steps that mention no shaped symbol are left to the ordinary
 * judge (the caller's), so documents without shapes read as before.
 *
 *     shapedStep(checker, 'W x + b', a, '=', 'x W + b', b, facts, ctx, stated, at, opts)
 *     // { judgement: { verdict: 'fails', … }, uses: [{ fact: 'W: m x n', line: 3, col: 5 }] }
 */
import type { Expr } from '../expr/node.js';
import { symKey } from '../expr/sym-key.js';
import { some } from '../expr/traverse.js';
import { shapeText, type Shape, type ShapeContext } from '../matrix/shape.js';
import type { Fact } from './facts.js';
import type { JudgeOptions } from './judge-equal.js';
import { judgeShaped } from './judge-shaped.js';
import { mentionsShaped } from '../matrix/mentions-shaped.js';
import { judgeStep, type Checker } from './judge-step.js';
import type { Judgement } from './judgement.js';
import type { Relation } from '../parse/relation.js';
import { tryParseLatex } from '../parse/index.js';
import { shapesUsed, type StatedProperty, type StatedShape } from './shape-facts.js';
import { definitionsText, derivativeVariables, reachableDefinitions, shapedDefinitions } from './shaped-definitions.js';
import { shapeMismatch } from './shape-refutation.js';

export interface ShapedStepResult {
  readonly judgement: Judgement;
  /** The shape statements the step used, as facts with their place (line 0: the command line). */
  readonly uses: readonly { readonly fact: string; readonly line: number; readonly col: number }[];
}

function keysOf(exprs: readonly Expr[]): Set<string> {
  const keys = new Set<string>();
  for (const e of exprs) {
    some(e, (x) => {
      if (x.kind === 'sym') keys.add(symKey(x));
      return false;
    });
  }
  return keys;
}

/**
 * The judgement of lhs rel rhs under the shapes in scope, or undefined when
 * the step mentions no shaped symbol. `a`, `b` are the sides as read without
 * shapes (to see which symbols they use); the texts are read again under the
 * shapes, since a product read without them has lost its order.
 */
export function shapedStep(
  checker: Checker,
  lhsLatex: string,
  a: Expr,
  rel: Relation,
  rhsLatex: string,
  b: Expr,
  facts: readonly Fact[],
  ctx: ShapeContext,
  stated: readonly StatedShape[],
  at: number,
  opts: JudgeOptions = {},
  properties: readonly StatedProperty[] = [],
  elementwise: ReadonlySet<string> = new Set(),
  elementwiseTexts: ReadonlyMap<string, string> = new Map(),
  reread?: (e: Expr) => Expr,
): ShapedStepResult | undefined {
  if (ctx.size === 0) return undefined;
  // The definitions the step uses, followed through and read under the shapes (∂L/∂W with L = ½‖W x - y‖²).
  // The sides as written too: a defined head read in place of its call (J for J(w), defined-heads) leaves a and b without the name, while the text still has it.
  const sides = [a, b, ...[lhsLatex, rhsLatex].flatMap((t) => tryParseLatex(t) ?? [])];
  const keep = derivativeVariables(sides);
  const defs = shapedDefinitions(sides, facts, ctx, keep, elementwise, elementwiseTexts);
  if (!mentionsShaped([...sides, ...reachableDefinitions(sides, facts, ctx)], ctx)) return undefined;
  const keys = keysOf([a, b]);
  const uses = [
    ...[...ctx.keys()].filter((k) => keys.has(k) && !stated.some((s) => s.key === k && s.from <= at && at < s.to)).map((k) => ({ fact: `${k}: ${shapeText(ctx.get(k) as Shape)} (--shape)`, line: 0, col: 0 })),
    ...shapesUsed(stated, at, keys).map((s) => ({ fact: s.declaration, line: s.line, col: s.col })),
  ];
  // A symbol defined in the document (h = W x + b) whose definition cannot be read under the shapes would be read as a scalar here.
  if (!defs.ok) {
    // Its shapes may still refute the claim: ∇_W L is W's shape whatever the scalar L is (shape-refutation.ts).
    const mismatch = rel === '=' ? shapeMismatch(lhsLatex, rhsLatex, ctx, facts) : undefined;
    if (mismatch !== undefined) {
      const summary = `the shapes differ: the left side is ${shapeText(mismatch.lhs)}, the right side ${shapeText(mismatch.rhs)} (whatever ${defs.key} is: it is a number by its definition, which gradtex could not write in under the shapes: ${defs.reason})`;
      return { judgement: { verdict: 'fails', evidence: { method: 'none', summary } }, uses };
    }
    const judgement: Judgement = {
      verdict: 'undecided',
      evidence: { method: 'none', summary: `uses ${defs.key}, defined in the document, together with shaped vectors and matrices, and ${defs.key} cannot be written in under the shapes: ${defs.reason}` },
    };
    return { judgement, uses };
  }
  const domains = facts.filter((f) => f.kind !== 'define');
  const sizeNames = new Set([...defs.ctx.values()].flatMap((sh) => [sh.rows, sh.cols].filter((z): z is string => typeof z === 'string')));
  // A statement of sizes counts only where its letters size the shapes in use (h = k = n = 1 with W_2: k x h).
  const property = properties.find((pr) => pr.from <= at && at < pr.to && (pr.sizes === undefined || pr.sizes.some((z) => sizeNames.has(z))));
  const written = defs.used.length > 0 ? `; definitions written in: ${definitionsText(defs.used, defs.ctx)}` : '';
  try {
    const judged = judgeShaped(
      lhsLatex,
      rel,
      rhsLatex,
      defs.ctx,
      { syntax: 'latex', definitions: defs.values, definitionParams: defs.params, ...(reread !== undefined ? { reread } : {}), ...(opts.points !== undefined ? { points: opts.points } : {}), ...(opts.seed !== undefined ? { seed: opts.seed } : {}) },
      (l, r2, r) => judgeStep(checker, l, r2, r, domains, opts),
    );
    const judgement = written === '' ? judged : { ...judged, evidence: { ...judged.evidence, summary: `${judged.evidence.summary}${written}` } };
    if (judgement.verdict === 'fails' && property !== undefined) {
      // Weaker than the truth, never stronger: the sampled matrices are general, the document's may not be.
      const summary =
        property.sizes === undefined
          ? `${judgement.evidence.summary}; but the document says '${property.word}' (line ${property.line}), which gradtex does not read, and the sampled matrices need not be ${property.word}`
          : `${judgement.evidence.summary}; but the document fixes the sizes, '${property.word}' (line ${property.line}), which gradtex does not read as sizes, and sampled other sizes`;
      return { judgement: { verdict: 'undecided', evidence: { method: judgement.evidence.method, summary } }, uses };
    }
    return { judgement: { verdict: judgement.verdict, evidence: judgement.evidence }, uses };
  } catch (e) {
    return { judgement: { verdict: 'undecided', evidence: { method: 'parse', summary: `cannot read this math under the declared shapes: ${e instanceof Error ? e.message : String(e)}` } }, uses };
  }
}
