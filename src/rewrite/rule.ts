/**
 * A rewrite rule as loaded from rules/*.rules: a stable id, a left pattern, a
 * right template, guards, and the text a reader sees. Rules are directed: they
 * only ever rewrite left to right.
 */
import type { Expr } from '../expr/node.js';

/** What a pattern variable may match. */
export type VarType =
  /** any expression */
  | 'expr'
  /** a symbol (x, x_1, w^{(1)}) */
  | 'symbol'
  /** an exact rational number */
  | 'number'
  /** an exact integer */
  | 'int';

export interface Guard {
  /** A name from the fixed vocabulary in guards.ts. */
  readonly name: string;
  readonly args: readonly Expr[];
}

/** Where a rule was defined, for error messages and the reference table. */
export interface RuleSource {
  readonly file: string;
  readonly line: number;
}

export interface PatternRule {
  readonly type: 'pattern';
  readonly id: string;
  readonly title: string;
  /** LaTeX shown in the rule reference (generated from lhs/rhs when the file gives none). */
  readonly latex: string | undefined;
  readonly set: string;
  readonly lhs: Expr;
  readonly rhs: Expr;
  readonly guards: readonly Guard[];
  readonly vars: ReadonlyMap<string, VarType>;
  /** Statements attached to each use, with {u} replaced by the binding, e.g. "does not exist where {u} = 0". */
  readonly notes: readonly string[];
  readonly source: RuleSource;
  /** Position in load order; lower runs first. */
  readonly order: number;
  /** A routine step (adding zero, d/dx of a constant) that displays merged with its neighbours. */
  readonly minor: boolean;
}

/**
 * A rule whose rewriting is an algorithm rather than one identity (collecting
 * like terms, exact arithmetic). Its id, title and justification still come
 * from the rule files; the mechanism is named there and implemented in
 * builtins.ts.
 */
export interface BuiltinRule {
  readonly type: 'builtin';
  readonly id: string;
  readonly title: string;
  readonly latex: string | undefined;
  readonly set: string;
  readonly builtin: string;
  readonly notes: readonly string[];
  readonly source: RuleSource;
  readonly order: number;
  readonly minor: boolean;
}

export type Rule = PatternRule | BuiltinRule;

/** An ordered collection of rules, usually one rule set such as 'derivative' or 'simplify'. */
export interface RuleSet {
  readonly name: string;
  readonly rules: readonly Rule[];
}
