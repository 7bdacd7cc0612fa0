/**
 * The theorems checked by exhaustion over all small structures, by name: the
 * one list that a spec's `exhaustion:` task and `gradtex exhaust` read.
 *
 *     runExhaustion('dag-topological-order', { upTo: 4, loops: true }).status   // 'proved'
 */
import { dagTopologicalOrder, MAX_GRAPHS, MAX_VERTICES } from './dag-topological-order.js';
import type { FindingReport } from './finding-report.js';

export const EXHAUSTION_CLAIMS = ['dag-topological-order'] as const;
export type ExhaustionClaim = (typeof EXHAUSTION_CLAIMS)[number];

export interface ExhaustionOptions {
  /** The largest size checked (vertices, for graphs). */
  readonly upTo: number;
  /** Self-loops among the graphs. */
  readonly loops: boolean;
}

/** One line per claim, for help texts. */
export const EXHAUSTION_CLAIM_TEXT: Readonly<Record<ExhaustionClaim, string>> = {
  'dag-topological-order': `a directed graph is acyclic if and only if it has a topological order, over every directed graph on 1..n vertices (n ≤ ${MAX_VERTICES}, at most ${MAX_GRAPHS} graphs)`,
};

export const isExhaustionClaim = (name: string): name is ExhaustionClaim => EXHAUSTION_CLAIMS.some((c) => c === name);

/** The claim checked over every case up to the size; a DagRequestError for a size too large to enumerate. */
export function runExhaustion(claim: ExhaustionClaim, options: ExhaustionOptions): FindingReport {
  switch (claim) {
    case 'dag-topological-order':
      return dagTopologicalOrder(options);
  }
}

