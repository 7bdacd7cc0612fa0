/**
 * Replaying a derivation: every recorded step is applied again, by its rule
 * id, at its path, to the expression it says it started from, and must give
 * exactly the recorded subterm and whole expression. A derivation that
 * replays is one the rules produce, step by step; any difference (a rule
 * that no longer applies there, a different contractum, a path that does not
 * exist, a step that starts elsewhere than the previous one ended) is a
 * failure naming the step's rule id and path.
 *
 *     const report = replay(differentiate(engine, f, [x]), ruleApplier(engine.library.rules));
 *     report.failures   // []
 *
 * The rules are reached through `ApplyRule`, declared here and implemented
 * by the rule engine (src/rewrite/rule-applier.ts), so this layer does not
 * depend on the engine.
 */
import { equal } from '../expr/equal.js';
import type { Expr } from '../expr/node.js';
import { pathToString, type Path } from '../expr/path.js';
import { toPlain } from '../expr/to-plain.js';
import { replaceAt, subtermAt } from '../expr/traverse.js';
import type { Derivation, RuleId } from './step.js';

/** What applying one rule at one node gave. */
export type RuleApplication =
  | { readonly kind: 'rewritten'; readonly contractum: Expr }
  | { readonly kind: 'no-match' }
  | { readonly kind: 'unknown-rule' };

/** Apply the rule with id `rule` at `node` (only that rule). */
export type ApplyRule = (rule: RuleId, node: Expr) => RuleApplication;

export interface ReplayOptions {
  /**
   * Ids of steps that are not rewrites: claims whose only support is a
   * numeric check (a typed-in equation, an equation at a solution). They are
   * counted, not replayed; a step after one is not required to start where
   * the claim ended.
   */
  readonly claims?: ReadonlySet<RuleId>;
}

export interface ReplayFailure {
  /** Index of the step, or steps.length for the derivation's result. */
  readonly step: number;
  readonly rule: RuleId;
  readonly path: Path;
  readonly reason: string;
}

export interface ReplayReport {
  /** Steps re-applied by their rule and reproduced exactly. */
  readonly replayed: number;
  /** Steps that are claims (see ReplayOptions.claims). */
  readonly claims: number;
  readonly failures: readonly ReplayFailure[];
}

/** "step 3 (d.chain at [0, 1]): reason", for test output and error messages. */
export function describeReplayFailure(f: ReplayFailure): string {
  return `step ${f.step + 1} (${f.rule} at ${pathToString(f.path)}): ${f.reason}`;
}

export function replay(d: Derivation, apply: ApplyRule, opts: ReplayOptions = {}): ReplayReport {
  const claimIds = opts.claims ?? new Set<RuleId>();
  const failures: ReplayFailure[] = [];
  let replayed = 0;
  let claims = 0;
  // What the next step must start from; undefined right after a claim.
  let expected: Expr | undefined = d.start;
  d.steps.forEach((s, i) => {
    const fail = (reason: string): void => {
      failures.push({ step: i, rule: s.rule, path: s.path, reason });
    };
    if (claimIds.has(s.rule)) {
      claims++;
      expected = undefined;
      return;
    }
    if (expected !== undefined && !equal(s.before, expected)) fail(`starts from ${toPlain(s.before)}, but the previous step ended with ${toPlain(expected)}`);
    expected = s.after;
    const node = subtermAt(s.before, s.path);
    if (node === undefined) return fail(`no subterm at this path in ${toPlain(s.before)}`);
    if (!equal(node, s.redex)) return fail(`the subterm there is ${toPlain(node)}, the step records ${toPlain(s.redex)}`);
    const r = apply(s.rule, node);
    if (r.kind === 'unknown-rule') return fail('no rule has this id');
    if (r.kind === 'no-match') return fail(`the rule does not rewrite ${toPlain(node)}`);
    if (!equal(r.contractum, s.contractum)) return fail(`the rule gives ${toPlain(r.contractum)}, the step records ${toPlain(s.contractum)}`);
    const after = replaceAt(s.before, s.path, r.contractum);
    if (!equal(after, s.after)) return fail(`the rewritten expression is ${toPlain(after)}, the step records ${toPlain(s.after)}`);
    replayed++;
  });
  const last = d.steps[d.steps.length - 1];
  const end = last === undefined ? d.start : last.after;
  if (!equal(d.result, end)) failures.push({ step: d.steps.length, rule: '(result)', path: [], reason: `the result ${toPlain(d.result)} is not where the steps end, ${toPlain(end)}` });
  return { replayed, claims, failures };
}
