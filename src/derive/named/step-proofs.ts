/**
 * The symbolic proofs of a named derivation's steps (src/proof/step-proof.ts):
 * the rules of rules/*.rules (whose soundness tests/properties/rules-sound
 * checks) are handed to the prover as statements, the guards are answered
 * with the part's definitions as the run had them, the definitions and
 * hypothesis instances are written out by the same unfolding the numeric
 * checks use (the guards look through the same definitions), and the free indices get the ranges read from what the part
 * differentiates (index-ranges.ts). A derivation's own rules (its `rules:`
 * block) are not tested rules: their steps are proved only through the
 * definitions.
 *
 *     stepProofs(computed, partIndex, open)   // [{ proved: true, by: 'an instance of d.sum' }, …]
 */
import type { Expr } from '../../expr/node.js';
import type { DependencyResolver } from '../../expr/dependencies.js';
import { proveStep, type ProofContext, type RuleView, type StepProof } from '../../proof/step-proof.js';
import type { IndexRange } from '../../proof/side-conditions.js';
import { checkGuard } from '../../rewrite/guards.js';
import type { RuleLibrary } from '../../rewrite/load-rules.js';
import type { ComputedPart } from './compute.js';

function ruleView(library: RuleLibrary, own: ReadonlySet<string>, id: string): RuleView | undefined {
  if (own.has(id)) return undefined;
  const r = library.byId(id);
  if (r === undefined) return undefined;
  if (r.type === 'builtin') return { kind: 'builtin', builtin: r.builtin };
  return { kind: 'pattern', statement: { id: r.id, lhs: r.lhs, rhs: r.rhs, vars: r.vars, guards: r.guards } };
}

/** One proof per step of the part, in order; `open` writes out the definitions the part's checks use. */
export function stepProofs(library: RuleLibrary, ownRuleIds: ReadonlySet<string>, p: ComputedPart, open: (e: Expr) => Expr, ranges: readonly IndexRange[], definitions: DependencyResolver): StepProof[] {
  // The guards see every definition of the derivation (ŷ depends on z), even where the run did not
  // (a rewrite part): "u is free of x" must not be answered with a defined symbol taken as a constant.
  const context = { definitions };
  const ctx: ProofContext = {
    rule: (id) => ruleView(library, ownRuleIds, id),
    guard: (name, args) => checkGuard(name, args, context),
    unfold: open,
    indexRanges: ranges,
  };
  return p.derivation.steps.map((s) => proveStep(s, ctx));
}
