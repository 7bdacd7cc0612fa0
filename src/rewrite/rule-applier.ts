/**
 * One rule, found by its id, applied at one node: the engine's side of
 * src/proof/replay.ts. The rule is tried alone, exactly as the strategy
 * tries it among its candidates (rewriteOnce), so a recorded step replays
 * to the same contractum.
 *
 *     replay(derivation, ruleApplier([...engine.library.rules, ...ownRules], { definitions }))
 */
import type { Expr } from '../expr/node.js';
import type { ApplyRule, RuleApplication } from '../proof/replay.js';
import { rewriteOnce } from './apply.js';
import type { GuardContext } from './guards.js';
import type { Rule } from './rule.js';

/** `context` must be what the run had (its definitions), or a `free`/`depends` guard may answer differently. */
export function ruleApplier(rules: readonly Rule[], context: GuardContext = {}): ApplyRule {
  const byId = new Map<string, Rule>();
  for (const r of rules) if (!byId.has(r.id)) byId.set(r.id, r);
  return (id: string, node: Expr): RuleApplication => {
    const rule = byId.get(id);
    if (rule === undefined) return { kind: 'unknown-rule' };
    const rw = rewriteOnce(node, [rule], context);
    return rw === undefined ? { kind: 'no-match' } : { kind: 'rewritten', contractum: rw.contractum };
  };
}
