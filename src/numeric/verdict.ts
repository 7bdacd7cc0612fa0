/**
 * The one verdict vocabulary of gradtex, for derivation steps, checked
 * relations and matrix identities alike:
 *
 * - `proved`: an exact argument (a rule with its side conditions discharged,
 *   an independent CAS reducing the difference to 0);
 * - `holds`: the sides agree at every sampled point (coverage stated), not a proof;
 * - `fails`: a counterexample, reproducible;
 * - `undecided`: neither, with the reason.
 *
 * The `diff` JSON keeps its documented spelling ("numeric", "failed") through
 * the explicit mapping `diffJsonVerdict` in src/derive/diff-result.ts.
 */
export type Verdict = 'proved' | 'holds' | 'fails' | 'undecided';

/** What sampling alone can say: never `proved`. */
export type SampledVerdict = Exclude<Verdict, 'proved'>;
