/**
 * What `gradtex check` says about one document: every relation found is in
 * exactly one place, a judged step of a chain (display math, or an inline
 * claim such as "so $\sigma'(x) = \sigma(x)(1 - \sigma(x))$"), a premise
 * (an inline definition or assumption, "let $h = \tanh(z)$", "for $x > 0$"),
 * or a not-read entry with the reason.
 *
 *     { chains: [{ line: 5, col: 1, steps: [{ step: 1, verdict: 'proved', … }] }],
 *       premises: [{ line: 3, col: 5, latex: 'x > 0', kind: 'assumption', summary: 'x > 0' }],
 *       notRead: [{ line: 9, col: 1, latex: 'x > 1 \\Rightarrow x^2 > 1', reason: 'uses \\Rightarrow, an implication …' }] }
 */
import type { Evidence, Verdict } from './judgement.js';
import type { Relation } from '../parse/relation.js';

export interface StepReport {
  /** 1-based position of the relation in its chain. */
  readonly step: number;
  readonly line: number;
  readonly col: number;
  readonly lhs: string;
  readonly rel: Relation;
  readonly rhs: string;
  /** `definition` for `h = …` introducing a symbol: not a claim. */
  readonly verdict: Verdict | 'definition';
  readonly evidence: Evidence;
  /** The facts in scope that speak about the step's symbols, with where they were stated. */
  readonly facts?: readonly FactUse[];
}

/** A fact a step used: "x > 0" stated at line 12 (line 0: the command line). */
export interface FactUse {
  readonly fact: string;
  readonly line: number;
  readonly col: number;
}

export interface ChainReport {
  readonly line: number;
  readonly col: number;
  /** Inline math judged as a claim ("hence $a_1 = f(s_1)$"), not a display chain. */
  readonly inline?: true;
  readonly steps: readonly StepReport[];
}

/**
 * Inline math that states a premise, not a claim: a definition
 * ("let $h = \tanh(z)$") or an assumption ("for $x > 0$", "$y \in \{-1, 1\}$").
 */
export interface Premise {
  readonly line: number;
  readonly col: number;
  /** The math as written. */
  readonly latex: string;
  readonly kind: 'definition' | 'assumption';
  /** The facts read from it, as gradtex understood them ("h = tanh(z)", "x > 0"), or what it gave. */
  readonly summary: string;
}

/**
 * Math in the document that holds a relation gradtex did not judge: never
 * silence. `reason` is one line a student can act on ("uses \\forall, a
 * quantifier gradtex does not read").
 */
export interface NotRead {
  readonly line: number;
  readonly col: number;
  /** The math as written. */
  readonly latex: string;
  readonly reason: string;
}

export interface DocumentReport {
  readonly chains: readonly ChainReport[];
  /** Inline definitions and assumptions, in document order. */
  readonly premises: readonly Premise[];
  /** Relations found but not judged, in document order. */
  readonly notRead: readonly NotRead[];
}
