/**
 * A derivation is data: the start expression, one Step per rewrite, the result
 * and why rewriting stopped. The answer is always the last step's `after`, so
 * the explanation and the answer cannot disagree.
 */
import type { Expr } from '../expr/node.js';
import type { Path } from '../expr/path.js';
import type { StopReason } from './stop-reason.js';

/** Stable rule id, `family.name` in kebab-case: `d.sin`, `alg.add-zero`. */
export type RuleId = string;

export interface Step {
  readonly rule: RuleId;
  /** The rule's human title, e.g. "Chain rule". */
  readonly title: string;
  /** Where the rewrite happened in `before`. */
  readonly path: Path;
  /** Whole expression before and after this one rewrite. */
  readonly before: Expr;
  readonly after: Expr;
  /** The subterm that was rewritten and what replaced it. */
  readonly redex: Expr;
  readonly contractum: Expr;
  /** Pattern variable bindings, e.g. u -> 2x. */
  readonly bindings: ReadonlyMap<string, Expr>;
  /**
   * Conditions the step relies on or that limit where the result holds,
   * e.g. "does not exist where {u} = 0" for |u|', with u bound to x.
   */
  readonly notes: readonly Note[];
  /** A routine step (rule marked `minor`): displays merged with neighbouring minor steps. */
  readonly minor?: boolean;
}

/**
 * A statement attached to a step. `template` has `{name}` placeholders that a
 * printer fills from `values` (rendered as plain text or LaTeX).
 */
export interface Note {
  readonly template: string;
  readonly values: ReadonlyMap<string, Expr>;
}

export interface Derivation {
  readonly start: Expr;
  readonly steps: readonly Step[];
  /** Equal to the last step's `after`, or `start` when there are no steps. */
  readonly result: Expr;
  readonly stop: StopReason;
}
