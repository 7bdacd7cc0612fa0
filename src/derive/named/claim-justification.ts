/**
 * What a typed-in claim of a named derivation cites, so that it is not shown
 * as "Claim (checked numerically)" when a definition or algebra justifies it:
 * the two sides agree once the derivation's definitions are written out
 * ("By the definition of s"), or they are an exact rational identity, with
 * or without the definitions ("Rearranging (exact algebra)"). Only the title
 * and id change: the verifier proves the step again on its own
 * (src/proof/step-proof.ts) and samples it as every step.
 *
 *     claimJustification(parsePlain('-(y - s)*x_l'), parsePlain('-(y - (b + sum(w_i*x_i, i, 1, m)))*x_l'), [s = …])
 *     // { rule: 'claim.definition', title: 'By the definition of s' }
 */
import type { Expr } from '../../expr/node.js';
import { some } from '../../expr/traverse.js';
import { acEqual } from '../../proof/ac-key.js';
import { rationalIdentity } from '../../proof/rational-identity.js';
import { unfold, type ParsedDefinition } from './definitions.js';

/** A claim written out by the definitions (checked by writing them out again). */
export const DEFINITION_CLAIM_RULE = 'claim.definition';
/** A claim that is an exact rational identity (after the definitions, if any). */
export const ALGEBRA_CLAIM_RULE = 'claim.algebra';

export function claimJustification(lhs: Expr, rhs: Expr, defs: readonly ParsedDefinition[]): { rule: string; title: string } | undefined {
  const used = defs.filter((d) => [lhs, rhs].some((e) => some(e, (x) => x.kind === 'sym' && x.name === d.head.name && x.sub.length === d.head.sub.length && x.sup.length === d.head.sup.length)));
  // Bare names (yhat, X): a title is words, printed in \text{…}; indices would need math there.
  const names = [...new Set(used.map((d) => d.head.name))].join(', ');
  const [a, b] = [unfold(lhs, defs), unfold(rhs, defs)];
  if (used.length > 0 && acEqual(a, b)) return { rule: DEFINITION_CLAIM_RULE, title: `By the definition of ${names}` };
  if (rationalIdentity(a, b)) return { rule: ALGEBRA_CLAIM_RULE, title: used.length > 0 ? `By the definition of ${names}, and rearranging (exact algebra)` : 'Rearranging (exact algebra)' };
  return undefined;
}
