/**
 * What `gradtex construct` found, as data: the formatters (text, LaTeX,
 * JSON) print it and never decide anything themselves.
 */
import type { Rational } from '../expr/rational.js';
import type { ExhaustionVerdict } from '../finite/exhaustion.js';
import type { FiniteClaimVerdict } from '../finite/finite-claim.js';
import type { FiniteDomain } from '../finite/finite-domain.js';
import type { Network } from '../finite/threshold-network.js';
import type { SymbolicBox } from './box-symbolic.js';
import type { KlCounterexample } from './kl-counterexample.js';
import type { RowInequality } from './separation-certificate.js';
import type { TruthTable } from './truth-table.js';

/** A network and its independent check, every case listed. */
export interface ConstructionSection {
  readonly kind: 'construction';
  readonly heading: string;
  readonly network: Network;
  readonly domain: FiniteDomain;
  /** The target at each point of the domain, in the domain's order. */
  readonly targets: readonly Rational[];
  readonly verdict: ExhaustionVerdict;
  /** What each unit computes as a function of two inputs, in words ('A and B'), where it has a usual name. */
  readonly meanings?: readonly (readonly [string, string])[];
  /** The same network with the problem's letters (a box with ends δ, height h), and why the check covers them. */
  readonly symbolic?: SymbolicBox;
}

/** No single unit: the rows' inequalities and the multipliers that add them to 0 > 0. */
export interface CertificateSection {
  readonly kind: 'certificate';
  readonly table: TruthTable;
  readonly inequalities: readonly RowInequality[];
  readonly multipliers: readonly bigint[];
  /** The recomputed combination (all zeros when valid) and its verdict. */
  readonly sum: readonly bigint[];
  readonly valid: boolean;
  /** True when the same multipliers also rule out the other step convention. */
  readonly bothConventions: boolean;
}

export interface TableSection {
  readonly kind: 'table';
  readonly table: TruthTable;
}

export interface NoteSection {
  readonly kind: 'note';
  readonly text: string;
}

export interface KlSection {
  readonly kind: 'kl';
  readonly result: KlCounterexample;
}

/** A relation over a finite set, every case evaluated exactly. */
export interface ClaimSection {
  readonly kind: 'claim';
  readonly claim: string;
  readonly domain: FiniteDomain;
  /** The sides' exact values at each point (plain text), when there are few enough points to show. */
  readonly rows: readonly { readonly point: readonly Rational[]; readonly left: string; readonly right: string }[];
  readonly verdict: FiniteClaimVerdict;
}

export type Section = ConstructionSection | CertificateSection | TableSection | NoteSection | KlSection | ClaimSection;

export type ConstructStatus = 'proved' | 'fails' | 'undecided';

export interface ConstructReport {
  readonly title: string;
  /** The step convention in words, when a step unit is involved. */
  readonly convention?: string;
  readonly sections: readonly Section[];
  readonly status: ConstructStatus;
  /** One line: what was shown, and how. */
  readonly summary: string;
}
